#include "query/search.hpp"

#include "query/search_hits.hpp"
#include "query/search_plan.hpp"
#include "query/search_strategies.hpp"

namespace kraft {

SearchQuery search_query_of(const SavedSearch& s) {
    SearchQuery q;
    static_cast<SearchFilters&>(q) = s.filters;
    q.text = s.text;
    q.exact = s.exact;
    return q;
}

QueryResult<SearchResult> search(Archive& a, const SearchQuery& q, const Grammar& g) {
    auto plan = plan_search(q, g);
    if (!plan) return std::unexpected(plan.error());
    auto choice = plan->words_only() ? words_search(a, *plan)
                  : plan->words      ? filtered_words_search(a, *plan)
                                     : filters_search(a, *plan);
    if (!choice) return std::unexpected(choice.error());
    auto hits = read_hits(a, *plan, choice->ids());
    if (!hits) return std::unexpected(hits.error());
    return SearchResult{choice->total, std::move(*hits)};
}

}  // namespace kraft
