#include "query/meeting_walk.hpp"

#include <algorithm>
#include <string>

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

// The hits of the meetings the statement selects (their runs, with the date bound to ?1 when
// given).
QueryResult<bool> meetings(Archive& a, const std::string& sql, const std::string* date,
                           const std::vector<IdRange>& runs, std::vector<Hit>& out) {
    auto st = a.db().prepare(sql);
    if (!st) return std::unexpected(archive_failure(st.error()));
    if (date) (*st)->bind(1, *date);
    auto ok = (*st)->each_row([&](const SqlStatement& row) {
        collect(runs, row.integer(0), row.integer(1), date ? *date : std::string(), out);
    });
    if (!ok) return std::unexpected(archive_failure(ok.error()));
    return true;
}

// Each hit's § number, to order the hits of one date.
QueryResult<bool> read_numbers(Archive& a, std::vector<Hit>& hits) {
    std::vector<std::int64_t> ids;
    for (const Hit& h : hits) ids.push_back(h.id);
    auto st = a.db().prepare(
        "SELECT e.id, pa.number FROM entries e JOIN paragraphs pa ON pa.id = e.paragraph_id "
        "WHERE e.id IN " +
        a.db().in_ids());
    if (!st) return std::unexpected(archive_failure(st.error()));
    std::vector<std::pair<std::int64_t, std::int64_t>> numbers;
    auto ok = (*st)->bind(1, a.db().ids_value(ids)).each_row([&](const SqlStatement& row) {
        numbers.emplace_back(row.integer(0), row.integer(1));
    });
    if (!ok) return std::unexpected(archive_failure(ok.error()));
    std::sort(numbers.begin(), numbers.end());
    for (Hit& h : hits) {
        auto it = std::lower_bound(numbers.begin(), numbers.end(), std::make_pair(h.id, INT64_MIN));
        if (it != numbers.end() && it->first == h.id) h.number = it->second;
    }
    return true;
}

}  // namespace

QueryResult<std::optional<std::vector<std::int64_t>>> newest_by_meeting(
    Archive& a, const std::vector<IdRange>& runs, int limit) {
    std::vector<Hit> hits;
    const std::string runs_of =
        "SELECT entries_from, entries_to FROM protocols WHERE entries_from IS NOT NULL AND ";
    std::optional<std::string> date;
    bool dates_left = true;
    for (int walked = 0; static_cast<int>(hits.size()) < limit; ++walked) {
        if (walked == kMeetingWalkDates) return std::optional<std::vector<std::int64_t>>();
        // The next date down: "" and NULL are unknown dates, which come last.
        auto next = a.db().prepare(std::string("SELECT max(date) FROM protocols WHERE date > ''") +
                                   (date ? " AND date < ?" : ""));
        if (!next) return std::unexpected(archive_failure(next.error()));
        if (date) (*next)->bind(1, *date);
        std::optional<std::string> found;
        auto ok = (*next)->each_row([&](const SqlStatement& row) {
            if (!row.is_null(0)) found = row.text(0);
        });
        if (!ok) return std::unexpected(archive_failure(ok.error()));
        if (!found) {
            dates_left = false;
            break;
        }
        date = found;
        if (auto m = meetings(a, runs_of + "date = ?", &*date, runs, hits); !m)
            return std::unexpected(m.error());
    }
    if (!dates_left)
        if (auto m = meetings(a, runs_of + "(date IS NULL OR date = '')", nullptr, runs, hits); !m)
            return std::unexpected(m.error());
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
