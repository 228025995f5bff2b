// What a clerk follows: a case (by its key) or a saved search (a query and its filters).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/search_filters.hpp"

namespace kraft {

struct SavedSearch {
    std::string text;  // the words; empty for a search by filters alone
    SearchFilters filters;
    bool exact = false;
    bool operator==(const SavedSearch&) const = default;

    // As the command line would give it: `"budget" --body KF --kind reservation`.
    std::string describe() const;
};

struct Follow {
    std::int64_t id = 0;
    std::optional<std::string> case_key;  // normalised (normalize_case_number)
    std::optional<SavedSearch> search;    // when it is not a case
    std::string since;                    // when it was followed, UTC ISO 8601

    // "STK-2024-1374", or `search "budget" --body KF`.
    std::string describe() const;
};

}  // namespace kraft
