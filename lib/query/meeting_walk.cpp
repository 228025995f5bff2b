#include "query/meeting_walk.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "query/search_plan.hpp"
#include "store/archive.hpp"

namespace kraft {

namespace {

struct Hit {
    std::int64_t id;
    std::string date;  // "" when unknown
    std::int64_t number = 0;
};

// The ids of `runs` within one meeting's run [from, to], appended with its date.
void collect(const std::vector<IdRange>& runs, std::int64_t from, std::int64_t to,
             const std::string& date, std::vector<Hit>& out) {
    auto it = std::lower_bound(runs.begin(), runs.end(), from,
                               [](const IdRange& r, std::int64_t id) { return r.last < id; });
    for (; it != runs.end() && it->first <= to; ++it)
        for (std::int64_t id = std::max(it->first, from); id <= std::min(it->last, to); ++id)
            out.push_back({id, date});
}

// Each hit's § number, to order the hits of one date.
QueryResult<void> read_numbers(Archive& a, std::vector<Hit>& hits) {
    std::vector<std::int64_t> ids;
    for (const Hit& h : hits) ids.push_back(h.id);
    auto st = a.db().prepare(
        "SELECT e.id, pa.number FROM entries e JOIN paragraphs pa ON pa.id = e.paragraph_id "
        "WHERE e.id IN " +
        a.db().in_ids());
    if (!st) return std::unexpected(archive_failure(st.error()));
    std::unordered_map<std::int64_t, std::int64_t> numbers;
    auto ok = (*st)->bind(1, a.db().ids_value(ids)).each_row([&](const SqlStatement& row) {
        numbers.emplace(row.integer(0), row.integer(1));
    });
    if (!ok) return std::unexpected(archive_failure(ok.error()));
    for (Hit& h : hits)
        if (auto it = numbers.find(h.id); it != numbers.end()) h.number = it->second;
    return {};
}

}  // namespace

QueryResult<std::optional<std::vector<std::int64_t>>> newest_by_meeting(
    Archive& a, const std::vector<IdRange>& runs, int limit) {
    // The greatest known date, the next one below a date, and a date's meetings' runs; "" and
    // NULL are unknown dates, which come last.
    const std::string runs_of =
        "SELECT entries_from, entries_to FROM protocols WHERE entries_from IS NOT NULL AND ";
    auto newest = a.db().prepare("SELECT max(date) FROM protocols WHERE date > ''");
    auto below = a.db().prepare("SELECT max(date) FROM protocols WHERE date > '' AND date < ?");
    auto on_date = a.db().prepare(runs_of + "date = ?");
    for (auto* st : {&newest, &below, &on_date})
        if (!*st) return std::unexpected(archive_failure(st->error()));
    std::vector<Hit> hits;
    const auto collect_rows = [&](SqlStatement& st, const std::string& date) {
        return st.each_row([&](const SqlStatement& row) {
            collect(runs, row.integer(0), row.integer(1), date, hits);
        });
    };
    std::optional<std::string> date;
    bool dates_left = true;
    for (int walked = 0; static_cast<int>(hits.size()) < limit; ++walked) {
        if (walked == kMeetingWalkDates) return std::optional<std::vector<std::int64_t>>();
        SqlStatement& next = date ? **below : **newest;
        next.reset();
        if (date) next.bind(1, *date);
        std::optional<std::string> found;
        auto ok = next.each_row([&](const SqlStatement& row) {
            if (!row.is_null(0)) found = row.text(0);
        });
        if (!ok) return std::unexpected(archive_failure(ok.error()));
        if (!found) {
            dates_left = false;
            break;
        }
        date = found;
        (*on_date)->reset();
        (*on_date)->bind(1, *date);
        if (auto rows = collect_rows(**on_date, *date); !rows)
            return std::unexpected(archive_failure(rows.error()));
    }
    if (!dates_left) {
        auto unknown = a.db().prepare(runs_of + "(date IS NULL OR date = '')");
        if (!unknown) return std::unexpected(archive_failure(unknown.error()));
        if (auto rows = collect_rows(**unknown, ""); !rows)
            return std::unexpected(archive_failure(rows.error()));
    }
    if (auto n = read_numbers(a, hits); !n) return std::unexpected(n.error());
    const std::size_t shown = std::min(hits.size(), static_cast<std::size_t>(limit));
    std::partial_sort(hits.begin(), hits.begin() + static_cast<long>(shown), hits.end(),
                      [](const Hit& x, const Hit& y) {
                          if (x.date != y.date) return x.date > y.date;  // newest first
                          if (x.number != y.number) return x.number < y.number;
                          return x.id < y.id;
                      });
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < shown; ++i) out.push_back(hits[i].id);
    return std::optional<std::vector<std::int64_t>>(std::move(out));
}

}  // namespace kraft
