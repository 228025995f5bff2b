// Sets of entry ids as sorted, disjoint runs [first, last]: the entries a search's filters allow,
// held as the runs they come in (a protocol's entries are one run, a paragraph's are consecutive)
// rather than one id at a time.
#pragma once

#include <cstdint>
#include <vector>

namespace kraft {

struct IdRange {
    std::int64_t first, last;  // inclusive; first > last is empty
    bool operator==(const IdRange&) const = default;
};

// Sorted ids (duplicates allowed) as runs, consecutive ids joined.
std::vector<IdRange> ranges_of_ids(const std::vector<std::int64_t>& sorted_ids);

// Runs in any order, overlapping or touching, as sorted disjoint runs; empty runs dropped.
std::vector<IdRange> normalized(std::vector<IdRange> ranges);

// The one run from the first id to the last (both sorted), or the empty run 1..0 when there
// are none: a rowid range for FTS5 to read.
IdRange span(const std::vector<IdRange>& runs);
IdRange span(const std::vector<std::int64_t>& sorted_ids);

// Tests ascending ids against sorted disjoint runs, walking both once.
class IdRangeWalk {
  public:
    explicit IdRangeWalk(const std::vector<IdRange>& ranges) : ranges_(ranges) {}
    // Whether id lies in a run. Each id must be at least the one asked before.
    bool contains(std::int64_t id) {
        while (next_ < ranges_.size() && ranges_[next_].last < id) ++next_;
        return next_ < ranges_.size() && ranges_[next_].first <= id;
    }

  private:
    const std::vector<IdRange>& ranges_;
    std::size_t next_ = 0;
};

}  // namespace kraft
