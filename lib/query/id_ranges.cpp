#include "query/id_ranges.hpp"

#include <algorithm>
#include <cstdint>

namespace kraft {

namespace {

// Whether a run starting at `first` joins one ending at `last` (overlapping or next to it).
bool joins(std::int64_t last, std::int64_t first) {
    return first <= last || (last < INT64_MAX && first == last + 1);
}

}  // namespace

std::vector<IdRange> ranges_of_ids(const std::vector<std::int64_t>& sorted_ids) {
    std::vector<IdRange> out;
    for (const std::int64_t id : sorted_ids) {
        if (!out.empty() && joins(out.back().last, id)) {
            out.back().last = std::max(out.back().last, id);
            continue;
        }
        out.push_back({id, id});
    }
    return out;
}

std::vector<IdRange> normalized(std::vector<IdRange> ranges) {
    std::erase_if(ranges, [](const IdRange& r) { return r.first > r.last; });
    std::sort(ranges.begin(), ranges.end(),
              [](const IdRange& x, const IdRange& y) { return x.first < y.first; });
    std::vector<IdRange> out;
    for (const IdRange& r : ranges) {
        if (!out.empty() && joins(out.back().last, r.first)) {
            out.back().last = std::max(out.back().last, r.last);
            continue;
        }
        out.push_back(r);
    }
    return out;
}

IdRange span(const std::vector<IdRange>& runs) {
    return runs.empty() ? IdRange{1, 0} : IdRange{runs.front().first, runs.back().last};
}

IdRange span(const std::vector<std::int64_t>& sorted_ids) {
    return sorted_ids.empty() ? IdRange{1, 0} : IdRange{sorted_ids.front(), sorted_ids.back()};
}

}  // namespace kraft
