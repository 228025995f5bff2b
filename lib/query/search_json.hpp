// The JSON of `kraft search --json` (../shared/spec/contract.md, man/kraft-search.1).
#pragma once

#include <ostream>
#include <string>

#include "query/search.hpp"

namespace kraft {

// A snippet without its match marks ("\x02", "\x03") and on one line.
std::string plain_snippet(const std::string& snippet);

// One object and a newline; `query` as the user typed it.
void write_json(std::ostream& out, const std::string& query, const SearchResult& r);

}  // namespace kraft
