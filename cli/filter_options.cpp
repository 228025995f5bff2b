#include "filter_options.hpp"

#include "commands.hpp"

namespace kraft::cli {

Filters FilterArgs::filters() const {
    const auto opt = [](const std::string& s) {
        return s.empty() ? std::nullopt : std::optional<std::string>(s);
    };
    Filters f;
    f.case_number = opt(case_number);
    f.body = opt(body);
    f.from = opt(from);
    f.to = opt(to);
    if (kind != "any") f.kind = entry_kind_from(kind);  // CLI11 checked it is one of kind_values()
    f.person = opt(person);
    f.party = opt(party);
    return f;
}

const std::vector<std::string>& kind_values() {
    static const std::vector<std::string> kinds{"decision",          "paragraph",     "reservation",
                                                "special_statement", "protocol_note", "any"};
    return kinds;
}

void add_filter_options(CLI::App* sub, FilterArgs& a) {
    sub->add_option("--case", a.case_number, "Only paragraphs of this case")->type_name("CASE");
    sub->add_option("--body", a.body, "Only this body (name or abbreviation, e.g. KF)")
        ->type_name("BODY");
    sub->add_option("--from", a.from, "Meetings on or after this date (YYYY-MM-DD)")
        ->check(date_validator());
    sub->add_option("--to", a.to, "Meetings on or before this date (YYYY-MM-DD)")
        ->check(date_validator());
    sub->add_option("--kind", a.kind,
                    "decision, paragraph, reservation, special_statement, protocol_note or any")
        ->check(CLI::IsMember(kind_values()));
    sub->add_option("--person", a.person, "Only statements by this person (part of the name)")
        ->type_name("NAME");
    sub->add_option("--party", a.party, "Only statements by this party (S, M, SD, ...)")
        ->type_name("PARTY");
}

}  // namespace kraft::cli
