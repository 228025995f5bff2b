#include "model/protocol.hpp"

namespace kraft {

std::string_view to_string(StatementKind k) {
    switch (k) {
        case StatementKind::reservation:
            return "reservation";
        case StatementKind::special_statement:
            return "special_statement";
        case StatementKind::protocol_note:
            return "protocol_note";
    }
    return "reservation";
}

std::optional<StatementKind> statement_kind_from(std::string_view name) {
    for (const StatementKind k : {StatementKind::reservation, StatementKind::special_statement,
                                  StatementKind::protocol_note})
        if (name == to_string(k)) return k;
    return std::nullopt;
}

std::string_view to_string(DecisionKind k) {
    return k == DecisionKind::decides ? "decides" : "proposes";
}

}  // namespace kraft
