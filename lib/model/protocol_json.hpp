// The JSON of `kraft parse` (../shared/spec/contract.md, man/kraft-parse.1).
#pragma once

#include <optional>
#include <ostream>

#include "model/protocol.hpp"

namespace kraft {

struct RepairSummary {
    std::size_t words = 0;
    std::size_t edits = 0;
    double damage = 0;
};

void write_json(std::ostream& out, const Protocol& p, const std::optional<RepairSummary>& repair,
                bool pretty);

}  // namespace kraft
