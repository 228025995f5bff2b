#include "query/search.hpp"

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "query/id_ranges.hpp"
#include "query/match_expression.hpp"
#include "query/snippet.hpp"
#include "segment/case_numbers.hpp"
#include "segment/grammar.hpp"
#include "segment/segment.hpp"
#include "util/number.hpp"

namespace kraft {

namespace {

// Beyond this many matches, hits are ordered by date rather than bm25 (see search()).
constexpr std::int64_t kRankedMatches = 2000;
// Ranked hits read beyond the limit, so that hits tied in bm25 at its edge are ordered by date.
constexpr int kTieMargin = 50;
// How many of the newest entries search reads the text of, to find hits there instead of in the
// index, before it leaves the question to the index.
constexpr std::size_t kTextScan = 400;

// Whether an entry's text holds a term of every group, as the index would match it.
bool holds_all(const std::vector<std::vector<IndexTerm>>& groups, const std::string& title,
               const std::string& body) {
    return std::all_of(groups.begin(), groups.end(), [&](const std::vector<IndexTerm>& g) {
        return text_has_any(title, g) || text_has_any(body, g);
    });
}

QueryFailure usage(std::string message) {
    return {Error{"", 0, 0, std::move(message)}, true};
}
QueryFailure archive_error(Archive& a, std::string message) {
    return {Error{a.db().path(), 0, 0, std::move(message)}, false};
}

// "§ 189", "§189": a paragraph number.
std::optional<int> paragraph_query(const std::string& t) {
    std::size_t i = t.find("§");
    if (i == std::string::npos || t.find_first_not_of(" ") != i) return std::nullopt;
    i += std::string("§").size();
    while (i < t.size() && t[i] == ' ') ++i;
    std::size_t j = i;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
    if (j == i || j - i > 5 || t.find_first_not_of(' ', j) != std::string::npos)
        return std::nullopt;
    return parse_int(std::string_view(t).substr(i, j - i));
}

// "STK-2024-1374", "KS 2023/123", and with OCR noise "STK-2O24-1374", "STK-2024- 1374".
// Without a key it could not be looked up, whatever the grammar says: that is asked first.
bool looks_like_case_number(const std::string& t, const std::string& key, const Grammar& g) {
    if (key.empty()) return false;
    if (auto m = g.first("case_number", t); m && trim(m->whole()) == t) return true;
    if (std::count(t.begin(), t.end(), ' ') > 2) return false;
    const std::size_t dash = key.find('-');
    return dash != std::string::npos && dash >= 1 && dash <= 6 &&
           !(key[0] >= '0' && key[0] <= '9') && t.find_first_of("-/:") != std::string::npos;
}

// The entries of the meetings that --body, --from and --to select, as the runs their protocols
// record (schema migration 6): one row per protocol from the protocols index, where joining
// paragraphs and entries seeks a row per paragraph and per entry. Nullopt when a protocol has no
// recorded run.
QueryResult<std::optional<std::vector<IdRange>>> entry_runs_of_meetings(
    Archive& a, const SqlFilter::Meetings& meetings) {
    auto st =
        a.db().prepare("SELECT entries_from, entries_to FROM protocols WHERE 1" + meetings.where);
    if (!st) return std::unexpected(archive_error(a, st.error().message));
    for (std::size_t i = 0; i < meetings.binds.size(); ++i)
        (*st)->bind(static_cast<int>(i + 1), meetings.binds[i]);
    std::vector<IdRange> runs;
    bool recorded = true;
    while (recorded && (*st)->step()) {
        recorded = !(*st)->is_null(0) && !(*st)->is_null(1);
        if (recorded) runs.push_back({(*st)->integer(0), (*st)->integer(1)});
    }
    if (!(*st)->ok()) return std::unexpected(archive_error(a, (*st)->error()));
    if (!recorded) return std::optional<std::vector<IdRange>>();
    return std::optional<std::vector<IdRange>>(normalized(std::move(runs)));
}

}  // namespace

QueryResult<SearchResult> search(Archive& a, const SearchQuery& q_in, const Grammar& g) {
    SearchQuery q = q_in;
    if (q.limit < 1) return std::unexpected(usage("--limit must be at least 1"));
    // FTS5 reads an expression only up to a NUL byte; what follows would be silently ignored.
    if (q.text.find('\0') != std::string::npos)
        return std::unexpected(usage("malformed query: it contains a NUL character"));
    std::optional<int> number;
    std::string case_key;
    // A case number or a § typed as the query is a lookup, not words.
    const std::string trimmed = trim(q.text);
    if (!trimmed.empty() && !uses_fts_syntax(trimmed)) {
        const std::string key = normalize_case_number(trimmed);
        if (!key.empty())
            if (auto ok = g.prepare("case_number"); !ok)
                return std::unexpected(QueryFailure{ok.error(), false, true});
        if (looks_like_case_number(trimmed, key, g)) {
            case_key = key;
            q.text.clear();
        } else if (auto n = paragraph_query(trimmed)) {
            number = n;
            q.text.clear();
        }
    }
    const bool fts = !trim(q.text).empty();
    if (!fts && case_key.empty() && !q.case_number && !number && !q.body && !q.from && !q.to &&
        !q.person && !q.party && (!q.kind || *q.kind == "any"))
        return std::unexpected(usage("nothing to search for: give words or a filter"));
    MatchExpression expression;
    if (fts) expression = match_expression(q.text, q.exact);
    const std::string& match = expression.match;
    const std::string& exact_match = expression.exact_match;

    // The filters as " AND ..." clauses over e, pa and pr. Everything the user typed is bound,
    // never spliced into the SQL.
    std::string filter_where;
    std::vector<std::string> filter_binds;
    const auto add = [&](const std::string& clause, const std::string& value) {
        filter_where += " AND " + clause;
        filter_binds.push_back(value);
    };
    if (number) {
        // The paragraphs with that number, and those that cite a § with that number, as one set
        // built once (an OR with a correlated subquery was evaluated for every entry).
        add("pa.id IN (SELECT id FROM paragraphs WHERE number = ? UNION SELECT paragraph_id FROM "
            "citations WHERE number = ?)",
            std::to_string(*number));
        filter_binds.push_back(std::to_string(*number));
    }
    // The case's own paragraphs and those that mention or cite it (--case: its own only).
    if (!case_key.empty()) {
        add("pa.id IN (" + paragraphs_of_case() + ")", case_key);
        filter_binds.push_back(case_key);
    }
    auto filters = filter_clauses(q, g, FilterScope::entries);
    if (!filters) return std::unexpected(filters.error());
    filter_where += filters->where;
    filter_binds.insert(filter_binds.end(), filters->binds.begin(), filters->binds.end());
    if (q.kind && *q.kind != "any")
        add("e.kind = ?", *q.kind);
    else if (!fts)
        filter_where += " AND e.statement_id IS NULL";  // a lookup lists paragraphs once
    const std::string joins =
        " JOIN paragraphs pa ON pa.id = e.paragraph_id JOIN protocols pr ON pr.id = pa.protocol_id";
    const bool words_only = fts && filter_where.empty();

    // Every path below yields the total and `chosen`, the entry ids to show, in order.
    SearchResult result;
    std::vector<std::int64_t> chosen;
    std::unordered_set<std::int64_t> seen;
    const auto choose = [&](std::int64_t id) {
        if (static_cast<int>(chosen.size()) < q.limit && seen.insert(id).second)
            chosen.push_back(id);
    };
    const auto malformed_or_archive = [&](const SqlStatement& st) {
        // The archive opened and its tables exist, so a plain SQL error (SQLITE_ERROR) here
        // comes from the FTS5 expression the user typed; corruption, locks and I/O errors
        // have codes of their own and are the archive's.
        if (fts && st.failed_on_input())
            return usage("malformed query '" + q.text + "': " + st.error());
        return archive_error(a, st.error());
    };
    // The index's matches of an expression, in id order (FTS5 walks its lists backwards at
    // half the speed); with `allowed`, only those in its runs, merged as both are walked, and
    // FTS5 reads only between the first run's start and the last one's end (an archive imported
    // as the meetings came holds the entries of recent dates in its last ids). Counts every
    // match it reads in `index_matches`.
    std::int64_t index_matches = 0;
    const auto matching = [&](const std::string& expression, const std::vector<IdRange>* allowed,
                              std::vector<std::int64_t>& out) -> std::optional<QueryFailure> {
        auto st = a.db().prepare("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?" +
                                 std::string(allowed ? " AND rowid >= ? AND rowid <= ?" : ""));
        if (!st) return archive_error(a, st.error().message);
        (*st)->bind(1, expression);
        if (allowed) {
            // No run: an empty span, so that FTS5 still reads (and checks) the expression.
            const IdRange s = span(*allowed);
            (*st)->bind(2, s.first).bind(3, s.last);
        }
        std::optional<IdRangeWalk> walk;
        if (allowed) walk.emplace(*allowed);
        while ((*st)->step()) {
            const std::int64_t id = (*st)->integer(0);
            ++index_matches;
            if (!walk || walk->contains(id)) out.push_back(id);
        }
        if (!(*st)->ok()) return malformed_or_archive(**st);
        return std::nullopt;
    };
    // Ranked by bm25 (titles weigh 5), exact spellings first, newer meetings on ties; with
    // `allowed`, only those ids ("+rowid": walk the index's matches and test each, where a rowid
    // constraint would run the whole MATCH once per listed id). FTS5 sorts by its `rank` column
    // itself, three times faster than an ORDER BY bm25() joined to the meetings' dates (1,830
    // matches: 5 against 22 ms), so the dates are read only for the best few: enough beyond the
    // limit that ties at its edge are ordered by date too.
    const auto ranked =
        [&](const std::vector<std::int64_t>* allowed) -> std::optional<QueryFailure> {
        struct Candidate {
            std::int64_t id;
            bool exact;
            double rank;  // lower is better
            std::string date;
        };
        std::vector<Candidate> candidates;
        std::unordered_map<std::int64_t, std::size_t> candidate_at;
        auto st = a.db().prepare(
            "SELECT rowid, rank FROM entries_fts WHERE entries_fts MATCH ? AND rank MATCH "
            "'bm25(5.0, 1.0)'" +
            std::string(allowed ? " AND +rowid IN (SELECT value FROM json_each(?)) AND rowid >= ? "
                                  "AND rowid <= ?"
                                : "") +
            " ORDER BY rank LIMIT ?");
        if (!st) return archive_error(a, st.error().message);
        const std::string allowed_ids = allowed ? id_list(*allowed) : "";
        for (const bool exact : {true, false}) {
            const std::string& expression = exact ? exact_match : match;
            if (expression.empty()) continue;
            (*st)->reset();
            int k = 1;
            (*st)->bind(k++, expression);
            if (allowed) {
                // Within the span `matching` read: FTS5 ranks only the rows there.
                const IdRange s = span(*allowed);
                (*st)->bind(k++, allowed_ids);
                (*st)->bind(k++, s.first);
                (*st)->bind(k++, s.last);
            }
            (*st)->bind(k, q.limit + kTieMargin);
            while ((*st)->step()) {
                const std::int64_t id = (*st)->integer(0);
                if (candidate_at.emplace(id, candidates.size()).second)
                    candidates.push_back({id, exact, (*st)->real(1), ""});
            }
            if (!(*st)->ok()) return malformed_or_archive(**st);
        }
        std::vector<std::int64_t> ids;
        for (const Candidate& c : candidates) ids.push_back(c.id);
        auto dates = a.db().prepare("SELECT e.id, coalesce(pr.date, '') FROM entries e" + joins +
                                    " WHERE e.id IN (SELECT value FROM json_each(?))");
        if (!dates) return archive_error(a, dates.error().message);
        (*dates)->bind(1, id_list(ids));
        while ((*dates)->step())
            candidates[candidate_at.at((*dates)->integer(0))].date = (*dates)->text(1);
        if (!(*dates)->ok()) return archive_error(a, (*dates)->error());
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
            if (x.exact != y.exact) return x.exact;
            if (x.rank != y.rank) return x.rank < y.rank;
            if (x.date != y.date) return x.date > y.date;  // newer first; unknown ("") last
            return x.id > y.id;
        });
        for (const Candidate& c : candidates) choose(c.id);
        return std::nullopt;
    };
    // Many matches: exact spellings first, then the rest, newest first (bm25 over every match of
    // a word in a tenth of a big archive costs hundreds of ms). `matches` in id order.
    const auto newest_first =
        [&](const std::vector<std::int64_t>& matches) -> std::optional<QueryFailure> {
        std::vector<std::int64_t> exact;
        // The exact spellings among the newest matches, from their text (text_has_any) rather
        // than from another walk of the index's lists, when the newest kTextScan hold enough.
        bool exact_known = exact_match.empty();
        if (!exact_known && !expression.exact_terms.empty()) {
            auto st = a.db().prepare("SELECT title, body FROM entry_texts WHERE id = ?");
            if (!st) return archive_error(a, st.error().message);
            std::size_t examined = 0;
            for (auto it = matches.rbegin(); it != matches.rend() && examined < kTextScan &&
                                             static_cast<int>(exact.size()) < q.limit;
                 ++it, ++examined) {
                (*st)->reset();
                (*st)->bind(1, *it);
                if (!(*st)->step()) {
                    // No row: replaced by an import meanwhile. An error (a damaged text): the
                    // archive's, not to be read as "no exact spelling here".
                    if (!(*st)->ok()) return archive_error(a, (*st)->error());
                    continue;
                }
                if (holds_all(expression.exact_terms, (*st)->text(0), (*st)->text(1)))
                    exact.push_back(*it);
            }
            exact_known = static_cast<int>(exact.size()) >= q.limit || examined == matches.size();
            // In id order, as the index gives them: the loop below reads them from the end.
            std::reverse(exact.begin(), exact.end());
            if (!exact_known) exact.clear();
        }
        if (!exact_known) {
            const std::vector<IdRange> runs = ranges_of_ids(matches);
            if (auto f = matching(exact_match, &runs, exact)) return f;
        }
        for (const std::vector<std::int64_t>* ids : {&std::as_const(exact), &matches})
            for (auto it = ids->rbegin();
                 it != ids->rend() && static_cast<int>(chosen.size()) < q.limit; ++it)
                choose(*it);
        return std::nullopt;
    };

    // The newest matches of a dense prefix query, read from the newest entries' text rather than
    // from the index: FTS5 merges every list a prefix covers before it yields a row, so after
    // the count that merge would run again (nämnd*, in 115,000 of 155,000 entries: 16 ms; the
    // newest 20 matches are among the newest ~30 entries). Gives up after kTextScan entries
    // without `limit` matches, leaving `chosen` short, and the index then answers as usual.
    const auto newest_by_text = [&]() -> std::optional<QueryFailure> {
        const auto& groups = expression.terms;
        const bool any_prefix = std::any_of(groups.begin(), groups.end(), [](const auto& g) {
            return std::any_of(g.begin(), g.end(), [](const IndexTerm& t) { return t.prefix; });
        });
        if (!exact_match.empty() || groups.empty() || !any_prefix) return std::nullopt;
        auto st =
            a.db().prepare("SELECT id, title, body FROM entry_texts ORDER BY id DESC LIMIT ?");
        if (!st) return archive_error(a, st.error().message);
        (*st)->bind(1, static_cast<std::int64_t>(kTextScan));
        while (static_cast<int>(chosen.size()) < q.limit && (*st)->step())
            if (holds_all(groups, (*st)->text(1), (*st)->text(2))) choose((*st)->integer(0));
        if (!(*st)->ok()) return archive_error(a, (*st)->error());
        return std::nullopt;
    };

    if (words_only) {
        auto count = a.db().prepare("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?");
        if (!count) return std::unexpected(archive_error(a, count.error().message));
        (*count)->bind(1, match);
        if ((*count)->step()) result.total = (*count)->integer(0);
        if (!(*count)->ok()) return std::unexpected(malformed_or_archive(**count));
        if (result.total <= kRankedMatches) {
            if (auto f = ranked(nullptr)) return std::unexpected(*f);
        } else if (auto f = newest_by_text(); f || static_cast<int>(chosen.size()) >= q.limit) {
            if (f) return std::unexpected(*f);
        } else {
            chosen.clear();
            seen.clear();
            // The newest matches only: FTS5 stops after LIMIT rows, exact spellings first.
            auto ids = a.db().prepare(
                "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC "
                "LIMIT ?");
            if (!ids) return std::unexpected(archive_error(a, ids.error().message));
            for (const std::string& m : {exact_match, match}) {
                if (m.empty() || static_cast<int>(chosen.size()) >= q.limit) continue;
                (*ids)->reset();
                (*ids)->bind(1, m).bind(2, q.limit);
                while ((*ids)->step()) choose((*ids)->integer(0));
                if (!(*ids)->ok()) return std::unexpected(malformed_or_archive(**ids));
            }
        }
    } else if (fts) {
        // Words and filters: the filters' entries (found through their own indexes) intersected
        // in memory with the index's matches, rather than joining every match of a common word
        // to its paragraph and protocol.
        std::optional<std::vector<IdRange>> allowed;
        // Only when the body and dates are all the filters: no § or case typed as the query,
        // no kind, which search adds to the filters' own clauses.
        if (filters->meetings_only && filter_where == filters->where && a.schema() >= 6) {
            auto runs = entry_runs_of_meetings(a, *filters->meetings_only);
            if (!runs) return std::unexpected(runs.error());
            allowed = std::move(*runs);
        }
        if (!allowed) {
            // The filters name pa and e only.
            auto filtered = a.db().prepare(
                "SELECT e.id FROM entries e JOIN paragraphs pa ON pa.id = e.paragraph_id WHERE 1" +
                filter_where);
            if (!filtered) return std::unexpected(archive_error(a, filtered.error().message));
            for (std::size_t i = 0; i < filter_binds.size(); ++i)
                (*filtered)->bind(static_cast<int>(i + 1), filter_binds[i]);
            std::vector<std::int64_t> ids;
            while ((*filtered)->step()) ids.push_back((*filtered)->integer(0));
            if (!(*filtered)->ok()) return std::unexpected(archive_error(a, (*filtered)->error()));
            std::sort(ids.begin(), ids.end());  // cheaper here than ORDER BY in SQLite
            allowed = ranges_of_ids(ids);
        }
        std::vector<std::int64_t> matches;
        if (auto f = matching(match, &*allowed, matches)) return std::unexpected(*f);
        result.total = static_cast<std::int64_t>(matches.size());
        // Ranking scores every match of the words within the span the filters allow: bm25 only
        // where those are few. (bm25 also counts each word's rows in the whole archive once,
        // which takes as long as walking them: "beslut", in 113,000 of 127,000 entries, 10 ms.)
        if (auto f = index_matches <= kRankedMatches ? ranked(&matches) : newest_first(matches))
            return std::unexpected(*f);
    } else {
        // Filters alone: one pass gives the count and, sorted here, the newest hits; a COUNT and
        // an ORDER BY ... LIMIT would each read every matching entry. A case number's own
        // paragraphs come before those that only mention it.
        const std::string own =
            case_key.empty() ? "0" : "pa.id IN (" + own_paragraphs_of_case() + ")";
        auto st = a.db().prepare("SELECT e.id, pr.date, pa.number, " + own + " FROM entries e" +
                                 joins + " WHERE 1" + filter_where);
        if (!st) return std::unexpected(archive_error(a, st.error().message));
        int k = 1;
        if (!case_key.empty()) (*st)->bind(k++, case_key);
        for (const std::string& b : filter_binds) (*st)->bind(k++, b);
        struct Row {
            std::int64_t id;
            std::string date;  // "" when unknown: sorts last
            std::int64_t number;
            bool own;
        };
        std::vector<Row> rows;
        while ((*st)->step())
            rows.push_back(
                {(*st)->integer(0), (*st)->text(1), (*st)->integer(2), (*st)->integer(3) != 0});
        if (!(*st)->ok()) return std::unexpected(archive_error(a, (*st)->error()));
        result.total = static_cast<std::int64_t>(rows.size());
        const std::size_t shown = std::min(rows.size(), static_cast<std::size_t>(q.limit));
        std::partial_sort(rows.begin(), rows.begin() + static_cast<long>(shown), rows.end(),
                          [](const Row& x, const Row& y) {
                              if (x.own != y.own) return x.own;
                              if (x.date != y.date) return x.date > y.date;  // newest first
                              if (x.number != y.number) return x.number < y.number;
                              return x.id < y.id;
                          });
        for (std::size_t i = 0; i < shown; ++i) choose(rows[i].id);
    }

    // The chosen entries' details, put back into the chosen order.
    std::string select =
        "SELECT pa.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, e.kind, "
        "pr.source, e.id";
    if (!fts) select += ", substr(kraft_decompress(e.body), 1, 240)";
    auto st = a.db().prepare(select + " FROM entries e" + joins +
                             " WHERE e.id IN (SELECT value FROM json_each(?))");
    if (!st) return std::unexpected(archive_error(a, st.error().message));
    (*st)->bind(1, id_list(chosen));
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < chosen.size(); ++i) position[chosen[i]] = i;
    result.hits.resize(chosen.size());
    while ((*st)->step()) {
        SearchHit& h = result.hits[position.at((*st)->integer(7))];
        h.paragraph_id = (*st)->integer(0);
        if (!(*st)->is_null(1)) h.date = (*st)->text(1);
        h.body = (*st)->text(2);
        h.paragraph = static_cast<int>((*st)->integer(3));
        h.title = (*st)->text(4);
        h.kind = (*st)->text(5);
        h.source = (*st)->text(6);
        if (!fts) h.snippet = (*st)->text(8);
    }
    if (!(*st)->ok()) return std::unexpected(archive_error(a, (*st)->error()));
    // An entry an import replaced between the queries above has no details: not a hit.
    std::vector<std::int64_t> entry_ids;
    std::vector<SearchHit> found;
    for (std::size_t i = 0; i < chosen.size(); ++i)
        if (result.hits[i].paragraph_id != 0) {
            entry_ids.push_back(chosen[i]);
            found.push_back(std::move(result.hits[i]));
        }
    result.hits = std::move(found);
    // The paragraphs' own case numbers, with one prepared statement for all hits.
    auto cases = a.db().prepare(
        "SELECT written FROM paragraph_cases WHERE paragraph_id = ? AND role = 'own'");
    if (!cases) return std::unexpected(archive_error(a, cases.error().message));
    for (SearchHit& h : result.hits) {
        (*cases)->reset();
        (*cases)->bind(1, h.paragraph_id);
        while ((*cases)->step()) h.case_numbers.push_back((*cases)->text(0));
        if (!(*cases)->ok()) return std::unexpected(archive_error(a, (*cases)->error()));
    }
    // Snippets only for the hits shown, by SnippetMaker: FTS5's snippet() re-runs the query and
    // the stemmer over the whole entry for each hit (10 ms each for a prefix query).
    if (fts) {
        std::vector<std::string> words;
        std::istringstream in(q.text);
        for (std::string w; in >> w;) words.push_back(w);
        const SnippetMaker maker =
            expression.plain ? SnippetMaker(words, q.exact) : SnippetMaker::for_expression(q.text);
        auto body = a.db().prepare("SELECT body FROM entry_texts WHERE id = ?");
        if (!body) return std::unexpected(archive_error(a, body.error().message));
        for (std::size_t i = 0; i < entry_ids.size(); ++i) {
            (*body)->reset();
            (*body)->bind(1, entry_ids[i]);
            if ((*body)->step()) result.hits[i].snippet = maker.make((*body)->text(0));
            // A text that does not decompress is a damaged archive, not a hit without a snippet.
            if (!(*body)->ok()) return std::unexpected(archive_error(a, (*body)->error()));
        }
    }
    return result;
}

}  // namespace kraft
