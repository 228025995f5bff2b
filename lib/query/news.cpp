#include "query/news.hpp"

#include <algorithm>
#include <sstream>

#include "store/follows.hpp"

namespace kraft {

std::string_view to_string(Change c) {
    switch (c) {
        case Change::handled:
            return "handled";
        case Change::cited:
            return "cited";
        case Change::mentioned:
            return "mentioned";
    }
    return "handled";
}

namespace {

// The new protocols: a clause over `pr` and its one value.
struct NewProtocols {
    std::string clause;
    std::string value;
};

NewProtocols new_protocols(const News& n) {
    if (n.import_run) return {"pr.import_run = ?2", std::to_string(*n.import_run)};
    return {"pr.imported_at >= ?2", n.since};
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// The case's own paragraphs in the new protocols, with their statements.
Result<void> handled(Database& db, const NewProtocols& since, CaseNews& out) {
    auto st = db.prepare(own_paragraphs_sql(" AND " + since.clause));
    if (!st) return std::unexpected(st.error());
    std::vector<std::int64_t> ids;
    auto ok = (*st)->bind(1, out.case_key).bind(2, since.value).each_row([&](const auto& row) {
        ids.push_back(row.integer(0));
        out.events.push_back({Change::handled, own_paragraph_event(row), row.text(7)});
    });
    for (std::size_t i = 0; ok && i < ids.size(); ++i) {
        auto statements = statements_of_paragraph(db, ids[i]);
        if (!statements) return std::unexpected(statements.error());
        out.events[out.events.size() - ids.size() + i].event.statements = std::move(*statements);
    }
    return ok;
}

void add_parties(TimelineEvent& e, StatementKind kind, const std::vector<std::string>& parties) {
    if (parties.empty()) return;
    for (TimelineStatement& s : e.statements)
        if (s.kind == kind) {
            for (const auto& p : parties)
                if (std::find(s.parties.begin(), s.parties.end(), p) == s.parties.end())
                    s.parties.push_back(p);
            return;
        }
    e.statements.push_back({kind, parties});
}

// Meetings in the case that the new protocols cite: from the case's own paragraphs there, and
// from citations anywhere that name the case. One event per meeting and §.
Result<void> cited(Database& db, const NewProtocols& since, CaseNews& out) {
    auto st = db.prepare(
        "SELECT ci.body_name, ci.date, ci.number, ci.reservation_parties, ci.statement_parties, "
        "ci.text, pr.source, pr.imported_at FROM citations ci "
        "JOIN paragraphs pa ON pa.id = ci.paragraph_id JOIN protocols pr ON pr.id = pa.protocol_id "
        "WHERE " +
        since.clause +
        " AND (ci.case_id = (SELECT id FROM cases WHERE key = ?1) OR ci.paragraph_id IN ("
        "  SELECT paragraph_id FROM paragraph_cases WHERE role = 'own' AND case_id = "
        "  (SELECT id FROM cases WHERE key = ?1))) ORDER BY ci.id");
    if (!st) return std::unexpected(st.error());
    const std::size_t first = out.events.size();
    return (*st)->bind(1, out.case_key).bind(2, since.value).each_row([&](const auto& row) {
        TimelineEvent e;
        e.origin = EventOrigin::reference;
        e.body = row.text(0);
        if (!row.is_null(1)) e.date = row.text(1);
        if (!row.is_null(2)) e.paragraph = static_cast<int>(row.integer(2));
        auto same = std::find_if(out.events.begin() + static_cast<long>(first), out.events.end(),
                                 [&](const NewsEvent& n) {
                                     return n.event.body == e.body && n.event.date == e.date &&
                                            n.event.paragraph == e.paragraph;
                                 });
        if (same == out.events.end()) {
            e.title = shorten(row.text(5), 120);
            e.source = row.text(6);
            out.events.push_back({Change::cited, std::move(e), row.text(7)});
            same = out.events.end() - 1;
        }
        add_parties(same->event, StatementKind::reservation, words(row.text(3)));
        add_parties(same->event, StatementKind::special_statement, words(row.text(4)));
    });
}

// New protocols' paragraphs that name the case in their text, neither its own nor citing a
// meeting in it.
Result<void> mentioned(Database& db, const NewProtocols& since, CaseNews& out) {
    auto st = db.prepare(
        "SELECT pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, pr.source, "
        "pr.imported_at FROM paragraph_cases pc JOIN paragraphs pa ON pa.id = pc.paragraph_id "
        "JOIN protocols pr ON pr.id = pa.protocol_id "
        "WHERE pc.case_id = (SELECT id FROM cases WHERE key = ?1) AND pc.role = 'cited' AND " +
        since.clause +
        " AND pa.id NOT IN (SELECT paragraph_id FROM paragraph_cases WHERE role = 'own' AND "
        "  case_id = pc.case_id) AND pa.id NOT IN (SELECT paragraph_id FROM citations WHERE "
        "  case_id = pc.case_id)");
    if (!st) return std::unexpected(st.error());
    return (*st)->bind(1, out.case_key).bind(2, since.value).each_row([&](const auto& row) {
        NewsEvent n{Change::mentioned, {}, row.text(5)};
        if (!row.is_null(0)) n.event.date = row.text(0);
        n.event.body = row.text(1);
        n.event.paragraph = static_cast<int>(row.integer(2));
        n.event.title = row.text(3);
        n.event.source = row.text(4);
        out.events.push_back(std::move(n));
    });
}

Result<CaseNews> case_news(Database& db, const std::string& key, const NewProtocols& since) {
    CaseNews c{key, {}};
    Result<void> ok = handled(db, since, c);
    if (ok) ok = cited(db, since, c);
    if (ok) ok = mentioned(db, since, c);
    if (!ok) return std::unexpected(ok.error());
    std::stable_sort(c.events.begin(), c.events.end(), [](const NewsEvent& x, const NewsEvent& y) {
        const TimelineEvent &a = x.event, &b = y.event;
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (a.date != b.date) return *a.date < *b.date;
        return a.paragraph.value_or(0) < b.paragraph.value_or(0);
    });
    return c;
}

SearchQuery query_of(const SavedSearch& s, const News& n) {
    SearchQuery q = search_query_of(s);
    if (n.import_run)
        q.import_run = n.import_run;
    else
        q.imported_since = n.since;
    return q;
}

QueryResult<SearchNews> search_news(Archive& a, const SavedSearch& s, const News& n,
                                    const Grammar& g) {
    auto r = search(a, query_of(s, n), g);
    if (!r) return std::unexpected(r.error());
    SearchNews out{s, r->total, std::move(r->hits), {}};
    auto st = a.db().prepare("SELECT imported_at FROM protocols WHERE source = ?");
    if (!st) return std::unexpected(QueryFailure{st.error(), false});
    for (const SearchHit& h : out.hits) {
        (*st)->reset();
        std::string at;
        auto ok = (*st)->bind(1, h.source).each_row([&](const auto& row) { at = row.text(0); });
        if (!ok) return std::unexpected(QueryFailure{ok.error(), false});
        out.imported_at.push_back(at);
    }
    return out;
}

// Since what: the given run or time, or the last import run that stored protocols.
Result<void> resolve_since(Database& db, const NewsSince& since, News& n) {
    if (since.time) {
        n.since = *since.time;
        return {};
    }
    auto st = db.prepare("SELECT max(import_run) FROM protocols");
    if (!st) return std::unexpected(st.error());
    auto latest = (*st)->step();
    if (!latest) return std::unexpected(latest.error());
    if (*latest && !(*st)->is_null(0)) n.import_run = (*st)->integer(0);
    (*st)->reset();
    if (!n.import_run) return {};
    auto started = db.prepare("SELECT started_at FROM import_runs WHERE id = ?");
    if (!started) return std::unexpected(started.error());
    return (*started)->bind(1, *n.import_run).each_row([&](const auto& row) {
        n.since = row.text(0);
    });
}

}  // namespace

QueryResult<News> news(Archive& a, const NewsSince& since, const Grammar& g) {
    News n;
    auto followed = follows(a.db(), a.schema());
    if (!followed) return std::unexpected(QueryFailure{followed.error(), false});
    if (followed->empty()) return n;
    if (auto ok = resolve_since(a.db(), since, n); !ok)
        return std::unexpected(QueryFailure{ok.error(), false});
    const bool anything = n.import_run || since.time;
    for (const Follow& f : *followed) {
        if (f.case_key) {
            CaseNews c{*f.case_key, {}};
            if (anything) {
                auto found = case_news(a.db(), *f.case_key, new_protocols(n));
                if (!found) return std::unexpected(QueryFailure{found.error(), false});
                c = std::move(*found);
            }
            n.cases.push_back(std::move(c));
        } else if (anything) {
            auto s = search_news(a, *f.search, n, g);
            if (!s) return std::unexpected(s.error());
            n.searches.push_back(std::move(*s));
        } else {
            n.searches.push_back({*f.search, 0, {}, {}});
        }
    }
    return n;
}

QueryResult<std::vector<CaseNews>> moved_cases(Archive& a, std::int64_t import_run) {
    std::vector<CaseNews> out;
    auto followed = follows(a.db(), a.schema());
    if (!followed) return std::unexpected(QueryFailure{followed.error(), false});
    News n;
    n.import_run = import_run;
    for (const Follow& f : *followed) {
        if (!f.case_key) continue;
        auto c = case_news(a.db(), *f.case_key, new_protocols(n));
        if (!c) return std::unexpected(QueryFailure{c.error(), false});
        if (!c->events.empty()) out.push_back(std::move(*c));
    }
    return out;
}

}  // namespace kraft
