#include "query/paragraph_csv.hpp"

#include <string>
#include <vector>

#include "util/text.hpp"

namespace kraft {

namespace {

// "Anna Andersson (M), Bo Berg (C)" or, with no names, "(M, C)"; statements separated by "; ".
std::string statements_of(const ShownParagraph& p, StatementKind kind) {
    std::vector<std::string> parts;
    for (const Statement& s : p.statements) {
        if (s.kind != kind) continue;
        std::vector<std::string> who;
        for (const Person& x : s.persons)
            who.push_back(x.party.empty() ? x.name : x.name + " (" + x.party + ")");
        parts.push_back(who.empty() ? "(" + text::join(s.parties, ", ") + ")"
                                    : text::join(who, ", "));
    }
    return text::join(parts, "; ");
}

}  // namespace

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void write_csv_header(std::ostream& out) {
    out << "date,body,paragraph,title,case_numbers,decision_by,decision_kind,decision,"
           "reservations,special_statements,protocol_notes,recipients,source\r\n";
}

void write_csv_row(std::ostream& out, const ShownParagraph& p) {
    const std::vector<std::string> fields{
        p.date.value_or(""),
        p.body,
        std::to_string(p.number),
        p.title,
        text::join(p.case_numbers, "; "),
        p.decision ? p.decision->by : "",
        p.decision ? std::string(to_string(p.decision->kind)) : "",
        p.decision ? text::join(p.decision->points, "\n") : "",
        statements_of(p, StatementKind::reservation),
        statements_of(p, StatementKind::special_statement),
        statements_of(p, StatementKind::protocol_note),
        text::join(p.recipients, "; "),
        p.source,
    };
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
    out << "\r\n";
}

}  // namespace kraft
