// The protocol model: plain structs that the segment stage fills and store/query read.
// Nothing here depends on ICU, RE2 or SQLite.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kraft {

struct Person {
    std::string name;
    std::string party;  // abbreviation as stored (S, M, SD, ...), empty when none was given
    bool operator==(const Person&) const = default;
};

struct Attendee {
    std::string name;
    std::string party;
    std::string role;      // member, serving_substitute, substitute, other
    std::string note;      // "Ordförande", "stadsdirektör", ...
    std::string replaces;  // the member a substitute replaces
};

struct Meeting {
    std::optional<std::string> body;
    std::optional<std::string> date;         // YYYY-MM-DD
    std::optional<std::string> date_source;  // header, option, filename, text
    std::optional<std::string> body_source;  // header, option, text
    std::optional<std::string> place;
    std::optional<std::string> justering;
    std::vector<std::string> justerare;
    std::vector<Attendee> attendance;
};

enum class StatementKind { reservation, special_statement, protocol_note };

struct Statement {
    StatementKind kind = StatementKind::reservation;
    std::vector<Person> persons;
    std::vector<std::string> parties;
    std::optional<int> appendix;
    std::string text;  // the sentence that announced it, then the appendix text when there is one
    int line = 0;
};

struct Reference {
    std::string body;       // as written: "KF", "Arbetsmarknads- och socialnämndens"
    std::string body_name;  // resolved: "Kommunfullmäktige", "Arbetsmarknads- och socialnämnden"
    std::optional<std::string> date;  // YYYY-MM-DD
    std::optional<int> paragraph;
    std::optional<std::string> case_number;
    std::vector<std::string> reservation_parties;
    std::vector<std::string> statement_parties;
    std::string text;  // the item or sentence as written
    int line = 0;
};

enum class DecisionKind { decides, proposes };

struct Decision {
    std::string by;
    DecisionKind kind = DecisionKind::decides;
    std::optional<std::string> to;  // the body proposed to
    std::vector<std::string> points;
};

struct Vote {  // an omröstning
    std::optional<int> yes, no, abstain;
    std::vector<Person> yes_names, no_names, abstain_names;  // when a table lists them
};

struct Motion {  // a yrkande
    std::vector<Person> persons;
    std::string text;
};

struct Paragraph {
    int number = 0;
    std::string title;
    std::vector<std::string> case_numbers;  // the paragraph's own, as written
    std::string summary;
    std::optional<Decision> decision;
    std::vector<Motion> motions;
    std::optional<Vote> vote;
    std::vector<Statement> statements;
    std::vector<Reference> references;
    std::vector<std::string> recipients;
    std::vector<std::string> cited_cases;  // case numbers cited in the text, as written
    std::string text;                      // the paragraph's text without page furniture
    int line_begin = 0, line_end = 0;      // 1-based, inclusive
    int page = 0;  // 1-based page it starts on; 0 when the text does not mark its pages
};

struct Protocol {
    std::string source;
    Meeting meeting;
    std::vector<Paragraph> paragraphs;
};

// What the archive indexes for search: a paragraph's text (a decision when it has one), and each
// of its statements.
enum class EntryKind { paragraph, decision, reservation, special_statement, protocol_note };

// Each vocabulary's names, as the archive stores them and the CLI and JSON spell them; *_from()
// reads a name back, or nullopt for any other text (callers decide what an unknown name means).
std::string_view to_string(StatementKind k);
std::optional<StatementKind> statement_kind_from(std::string_view name);
std::string_view to_string(DecisionKind k);
std::optional<DecisionKind> decision_kind_from(std::string_view name);
std::string_view to_string(EntryKind k);
std::optional<EntryKind> entry_kind_from(std::string_view name);
// The entry a statement of this kind is indexed as.
EntryKind entry_kind(StatementKind k);
// The statement kind of an entry, or nullopt for a paragraph or decision.
std::optional<StatementKind> statement_kind(EntryKind k);

}  // namespace kraft
