// The JSON of `kraft search --json` (../shared/spec/contract.md, man/kraft-search.1).
#pragma once

#include <ostream>
#include <string>

#include "query/search.hpp"
#include "util/json_writer.hpp"

namespace kraft {

// A snippet without its match marks ("\x02", "\x03") and on one line.
std::string plain_snippet(const std::string& snippet);

// A hit's fields, inside an object the caller opened.
void write_hit_fields(JsonWriter& j, const SearchHit& h);

// One object and a newline; `query` as the user typed it.
void write_json(std::ostream& out, const std::string& query, const SearchResult& r);

}  // namespace kraft
