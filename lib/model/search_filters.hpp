// The filters a clerk gives a search (--case --body --from --to --kind --person --party): what
// `kraft search` and `kraft export` take, and what a saved search keeps.
#pragma once

#include <optional>
#include <string>

#include "model/protocol.hpp"

namespace kraft {

struct SearchFilters {
    std::optional<std::string> case_number, body, from, to, person, party;
    std::optional<EntryKind> kind;  // nullopt: any
    bool operator==(const SearchFilters&) const = default;
};

}  // namespace kraft
