// Sets of entry ids as sorted, disjoint runs [first, last]: the entries a search's filters allow,
// held as the runs they come in (a protocol's entries are one run, a paragraph's are consecutive)
// rather than one id at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "store/text_index.hpp"

namespace kraft {

// Inclusive; first > last is empty. The index's own runs (text_index.hpp, where IdRangeWalk
// tests ids against them).
using IdRange = IdSpan;

// Sorted ids (duplicates allowed) as runs, consecutive ids joined.
std::vector<IdRange> ranges_of_ids(const std::vector<std::int64_t>& sorted_ids);

// Runs in any order, overlapping or touching, as sorted disjoint runs; empty runs dropped.
std::vector<IdRange> normalized(std::vector<IdRange> ranges);

// The one run from the first id to the last (both sorted), or the empty run 1..0 when there
// are none: a rowid range for FTS5 to read.
IdRange span(const std::vector<IdRange>& runs);
IdRange span(const std::vector<std::int64_t>& sorted_ids);

}  // namespace kraft
