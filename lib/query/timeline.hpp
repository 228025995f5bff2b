// timeline: every handling of a case, in date order — the case's own paragraphs and the meetings
// they cite ("Beslut KF 240926 § 189 med reservation (SD)"), one event per meeting and §.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.hpp"

namespace kraft {

struct TimelineStatement {
    StatementKind kind = StatementKind::reservation;
    std::vector<std::string> parties;
};

// Where an event is known from: an imported protocol, or only a later protocol's citation.
enum class EventOrigin { imported, reference };
std::string_view to_string(EventOrigin o);

struct TimelineEvent {
    std::optional<std::string> date;
    std::string body;
    std::optional<int> paragraph;
    std::string title;
    EventOrigin origin = EventOrigin::imported;
    std::string decision;  // the first decision point, shortened
    std::vector<TimelineStatement> statements;
    std::string source;  // the file (imported) or the citing file (reference)
};

struct Timeline {
    std::string case_number;  // normalised
    std::vector<TimelineEvent> events;
    std::vector<std::string> related_cases;
    // When there are no events: the paragraphs of other cases that mention this one, which
    // `kraft search CASE` lists (a case number in running text is not a handling).
    std::int64_t mentioned_in = 0;
};

// Errors: not a case number (usage); the archive has no such case (usage: exit 2 is wrong, so it
// is reported as an empty timeline instead); SQLite errors.
QueryResult<Timeline> timeline(Archive& archive, const std::string& case_number);

// SQL for the case's own paragraphs, the key bound to ?1, with more clauses over `pr` (protocols,
// " AND ..."). Each row is read by own_paragraph_event(): columns pa.id, the meeting's date, body
// name, §, title, source, the first decision point, and when the protocol was imported.
std::string own_paragraphs_sql(std::string_view more = "");
TimelineEvent own_paragraph_event(const SqlStatement& row);

// The statements of an archived paragraph, each its own (M+C and SD are two), in order.
// Errors: the archive's; a kind the archive should not hold.
Result<std::vector<TimelineStatement>> statements_of_paragraph(Database& db,
                                                               std::int64_t paragraph_id);

// "Kommunfullmäktige godkänner …" cut at a word boundary to at most `max` code points.
std::string shorten(const std::string& s, std::size_t max);

}  // namespace kraft
