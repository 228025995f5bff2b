// news: what imports added to the followed cases and saved searches. For a case: its new
// handlings (own paragraphs in protocols imported since), new citations of it (a meeting a new
// protocol cites in the case, or a citation that names the case) and new mentions; each with the
// reservations and särskilda yttranden it records. For a saved search: its hits among the new
// protocols.
//
//   auto n = news(archive, NewsSince::last_import(), grammar);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/follow.hpp"
#include "query/search.hpp"
#include "query/timeline.hpp"

namespace kraft {

// Since when: the protocols the last import that stored any stored, or those imported at or after
// a time (a date "YYYY-MM-DD" is its midnight, UTC).
struct NewsSince {
    std::optional<std::string> time;
    static NewsSince last_import() { return {}; }
};

// How a new event touches the case.
enum class Change {
    handled,    // a new protocol's paragraph of the case
    cited,      // a meeting in the case that a new protocol cites
    mentioned,  // a new protocol's paragraph that names the case in its text
};
std::string_view to_string(Change c);

struct NewsEvent {
    Change change = Change::handled;
    TimelineEvent event;      // as the timeline draws it; source: the new protocol
    std::string imported_at;  // when the new protocol was stored
};

struct CaseNews {
    std::string case_key;
    std::vector<NewsEvent> events;  // in date order, as the timeline
};

struct SearchNews {
    SavedSearch search;
    std::int64_t total = 0;                // new hits in all
    std::vector<SearchHit> hits;           // the first of them
    std::vector<std::string> imported_at;  // when each hit's protocol was stored
};

struct News {
    // What "since" resolved to: the import run, or the time; both empty when nothing was ever
    // imported into an archive that follows something.
    std::optional<std::int64_t> import_run;
    std::string since;
    std::vector<CaseNews> cases;       // every followed case, moved or not
    std::vector<SearchNews> searches;  // every saved search
};

// Errors: the archive's; a saved search the grammar cannot read (grammar).
QueryResult<News> news(Archive& archive, const NewsSince& since, const Grammar& g);

// The events one import run added to each followed case that moved: what `kraft import` reports.
QueryResult<std::vector<CaseNews>> moved_cases(Archive& archive, std::int64_t import_run);

}  // namespace kraft
