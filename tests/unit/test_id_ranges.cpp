#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "query/id_ranges.hpp"

using kraft::IdRange;

TEST_CASE("sorted ids become runs, consecutive ids joined") {
    CHECK(kraft::ranges_of_ids({}).empty());
    CHECK(kraft::ranges_of_ids({7}) == std::vector<IdRange>{{7, 7}});
    CHECK(kraft::ranges_of_ids({1, 2, 3, 5, 5, 6, 9}) ==
          std::vector<IdRange>{{1, 3}, {5, 6}, {9, 9}});
    CHECK(kraft::ranges_of_ids({INT64_MAX - 1, INT64_MAX}) ==
          std::vector<IdRange>{{INT64_MAX - 1, INT64_MAX}});
}

TEST_CASE("runs in any order are sorted and merged, empty runs dropped") {
    // A protocol without entries records the empty run 0..-1.
    CHECK(kraft::normalized({{20, 29}, {0, -1}, {1, 9}, {10, 12}, {25, 40}, {50, 50}}) ==
          std::vector<IdRange>{{1, 12}, {20, 40}, {50, 50}});
    CHECK(kraft::normalized({{0, -1}}).empty());
    CHECK(kraft::normalized({{5, INT64_MAX}, {3, 4}}) == std::vector<IdRange>{{3, INT64_MAX}});
}

TEST_CASE("ascending ids are tested against the runs in one walk") {
    const std::vector<IdRange> runs{{3, 5}, {9, 9}, {12, 20}};
    kraft::IdRangeWalk walk(runs);
    std::vector<std::int64_t> in;
    for (std::int64_t id : {1, 3, 4, 6, 8, 9, 10, 12, 20, 21, 99})
        if (walk.contains(id)) in.push_back(id);
    CHECK(in == std::vector<std::int64_t>{3, 4, 9, 12, 20});
    const std::vector<IdRange> none;
    kraft::IdRangeWalk empty(none);
    CHECK_FALSE(empty.contains(1));
}

TEST_CASE("the span of runs or ids is one run, empty when there are none") {
    CHECK(kraft::span(std::vector<IdRange>{{3, 5}, {9, 12}}) == IdRange{3, 12});
    CHECK(kraft::span(std::vector<std::int64_t>{4, 8, 20}) == IdRange{4, 20});
    const IdRange none = kraft::span(std::vector<IdRange>{});
    CHECK(none.first > none.last);
    CHECK(kraft::span(std::vector<std::int64_t>{}) == none);
}
