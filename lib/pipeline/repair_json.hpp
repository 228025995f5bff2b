// The JSON of `kraft repair --json` (man/kraft-repair.1): a file's damage and its edits, placed
// by line and column in the text as received.
#pragma once

#include <ostream>
#include <string>

#include "decode/decode.hpp"
#include "repair/repair.hpp"

namespace kraft {

// One object and a newline.
void write_repair_json(std::ostream& out, const std::string& file, const DecodedText& received,
                       const RepairResult& r);

}  // namespace kraft
