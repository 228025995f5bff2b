// export: the archive's paragraphs (with their decisions and statements), filtered as in search,
// in meeting order, one at a time, for clerks who continue in a spreadsheet or another tool.
#pragma once

#include <cstdint>
#include <functional>

#include "query/filters.hpp"
#include "query/paragraph_reader.hpp"
#include "store/archive.hpp"

namespace kraft {

class Grammar;

// Calls `sink` once per matching paragraph, oldest meeting first; stops early when sink returns
// false. `f.kind`: decision (paragraphs with a decision), reservation, special_statement,
// protocol_note (paragraphs with such a statement), paragraph (without a decision), any.
// Returns the number of paragraphs passed to sink. Errors: a bad filter (usage), SQLite.
QueryResult<std::int64_t> export_paragraphs(Archive& a, const Filters& f, const Grammar& g,
                                            const std::function<bool(const ShownParagraph&)>& sink);

}  // namespace kraft
