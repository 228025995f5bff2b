// The newest of many entries in search's order for filters alone (newest meeting first, then by
// § number and id), found by walking the meetings from the newest date down, one date at a time,
// instead of joining every entry to its paragraph and meeting to sort them all: `--party SD
// --kind special_statement`, 32,000 entries among 1.8 million.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "query/filters.hpp"
#include "query/id_ranges.hpp"

namespace kraft {

class Archive;

// Dates walked before the walk gives up (nullopt): entries that are few among the newest
// meetings are sorted the usual way.
inline constexpr int kMeetingWalkDates = 64;

// The first `limit` of `runs` (sorted, disjoint) in that order. Meetings without a date come
// last, as in the sort. Needs the protocols' runs of entry ids and their date index (schema 10).
QueryResult<std::optional<std::vector<std::int64_t>>> newest_by_meeting(
    Archive& a, const std::vector<IdRange>& runs, int limit);

}  // namespace kraft
