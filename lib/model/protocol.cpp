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

std::optional<DecisionKind> decision_kind_from(std::string_view name) {
    for (const DecisionKind k : {DecisionKind::decides, DecisionKind::proposes})
        if (name == to_string(k)) return k;
    return std::nullopt;
}

std::string_view to_string(EntryKind k) {
    switch (k) {
        case EntryKind::paragraph:
            return "paragraph";
        case EntryKind::decision:
            return "decision";
        case EntryKind::reservation:
        case EntryKind::special_statement:
        case EntryKind::protocol_note:
            return to_string(*statement_kind(k));
    }
    return "paragraph";
}

std::optional<EntryKind> entry_kind_from(std::string_view name) {
    for (const EntryKind k : {EntryKind::paragraph, EntryKind::decision, EntryKind::reservation,
                              EntryKind::special_statement, EntryKind::protocol_note})
        if (name == to_string(k)) return k;
    return std::nullopt;
}

EntryKind entry_kind(StatementKind k) {
    switch (k) {
        case StatementKind::reservation:
            return EntryKind::reservation;
        case StatementKind::special_statement:
            return EntryKind::special_statement;
        case StatementKind::protocol_note:
            return EntryKind::protocol_note;
    }
    return EntryKind::reservation;
}

std::optional<StatementKind> statement_kind(EntryKind k) {
    switch (k) {
        case EntryKind::reservation:
            return StatementKind::reservation;
        case EntryKind::special_statement:
            return StatementKind::special_statement;
        case EntryKind::protocol_note:
            return StatementKind::protocol_note;
        case EntryKind::paragraph:
        case EntryKind::decision:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace kraft
