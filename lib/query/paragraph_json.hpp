// One archived paragraph as a JSON object: the element of `kraft show --json`'s "paragraphs" and
// one line of `kraft export --format jsonl` (man/kraft-show.1, man/kraft-export.1).
#pragma once

#include "query/paragraph_reader.hpp"
#include "util/json_writer.hpp"

namespace kraft {

// with_original adds "original" (the OCR text, or null) and "edits".
void write_json(JsonWriter& j, const ShownParagraph& p, bool with_original);

}  // namespace kraft
