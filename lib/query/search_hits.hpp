// What a search shows of the entries it chose: meeting, paragraph, kind, the paragraph's own case
// numbers, and a snippet of the match.
#pragma once

#include <cstdint>
#include <vector>

#include "query/search_plan.hpp"
#include "store/archive.hpp"

namespace kraft {

// The hits for the chosen entry ids, in their order. An entry an import replaced since it was
// chosen is left out.
QueryResult<std::vector<SearchHit>> read_hits(Archive& a, const SearchPlan& plan,
                                              const std::vector<std::int64_t>& chosen);

}  // namespace kraft
