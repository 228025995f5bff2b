#include "query/search.hpp"

#include <algorithm>
#include <sstream>

#include "query/snippet.hpp"
#include "segment/case_numbers.hpp"
#include "segment/grammar.hpp"
#include "segment/segment.hpp"
#include "util/number.hpp"

namespace kraft {

namespace {

// Beyond this many matches, hits are ordered by date rather than bm25 (see search()).
constexpr std::int64_t kRankedMatches = 2000;

QueryFailure usage(std::string message) {
    return {Error{"", 0, 0, std::move(message)}, true};
}
QueryFailure archive_error(Archive& a, std::string message) {
    return {Error{a.db().path(), 0, 0, std::move(message)}, false};
}

bool uses_fts_syntax(const std::string& t) {
    if (t.find_first_of("\"*()") != std::string::npos) return true;
    std::istringstream in(t);
    for (std::string w; in >> w;)
        if (w == "AND" || w == "OR" || w == "NOT" || w == "NEAR") return true;
    return false;
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
bool looks_like_case_number(const std::string& t, const Grammar& g) {
    if (auto m = g.first("case_number", t); m && trim(m->whole()) == t) return true;
    const std::string key = normalize_case_number(t);
    if (key.empty() || std::count(t.begin(), t.end(), ' ') > 2) return false;
    const std::size_t dash = key.find('-');
    return dash != std::string::npos && dash >= 1 && dash <= 6 &&
           !(key[0] >= '0' && key[0] <= '9') && t.find_first_of("-/:") != std::string::npos;
}

}  // namespace

std::optional<std::string> plain_words_expression(const std::string& text, bool exact) {
    if (uses_fts_syntax(text)) return std::nullopt;
    std::istringstream in(text);
    std::string out;
    for (std::string w; in >> w;)
        out += (out.empty() ? "\"" : " \"") + std::string(exact ? "=" : "") + w + "\"";
    return out;
}

QueryResult<SearchResult> search(Archive& a, const SearchQuery& q_in, const Grammar& g) {
    SearchQuery q = q_in;
    if (q.limit < 1) return std::unexpected(usage("--limit must be at least 1"));
    std::optional<int> number;
    // A case number or a § typed as the query is a lookup, not words.
    const std::string trimmed = trim(q.text);
    if (!trimmed.empty() && !uses_fts_syntax(trimmed)) {
        if (looks_like_case_number(trimmed, g)) {
            q.case_number = trimmed;
            q.text.clear();
        } else if (auto n = paragraph_query(trimmed)) {
            number = n;
            q.text.clear();
        }
    }
    const bool fts = !trim(q.text).empty();
    if (!fts && !q.case_number && !number && !q.body && !q.from && !q.to && !q.person && !q.party &&
        (!q.kind || *q.kind == "any"))
        return std::unexpected(usage("nothing to search for: give words or a filter"));
    std::string match, exact_match;
    if (fts) {
        auto plain = plain_words_expression(q.text, q.exact);
        match = plain ? *plain : q.text;
        if (plain && !q.exact) exact_match = *plain_words_expression(q.text, true);
    }

    // Everything the user typed is bound, never spliced into the SQL.
    std::string where = " WHERE 1";
    std::vector<std::string> binds;
    const auto add = [&](const std::string& clause, const std::string& value) {
        where += " AND " + clause;
        binds.push_back(value);
    };
    if (fts) add("entries_fts MATCH ?", match);
    const std::size_t match_clause_end = where.size();  // the filters follow
    if (number) {
        // The paragraphs with that number, and those that cite a § with that number.
        // As one set built once: an OR with a correlated subquery was evaluated for every entry.
        add("pa.id IN (SELECT id FROM paragraphs WHERE number = ? UNION SELECT paragraph_id FROM "
            "citations WHERE number = ?)",
            std::to_string(*number));
        binds.push_back(std::to_string(*number));
    }
    auto filters = filter_clauses(q, g, FilterScope::entries);
    if (!filters) return std::unexpected(filters.error());
    where += filters->where;
    binds.insert(binds.end(), filters->binds.begin(), filters->binds.end());
    if (q.kind && *q.kind != "any")
        add("e.kind = ?", *q.kind);
    else if (!fts)
        where += " AND e.statement_id IS NULL";  // a lookup lists paragraphs once
    const std::string from =
        fts ? " FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid" : " FROM entries e";
    const std::string joins =
        " JOIN paragraphs pa ON pa.id = e.paragraph_id JOIN protocols pr ON pr.id = pa.protocol_id";

    SearchResult result;
    const bool words_only = fts && binds.size() == 1;
    const auto malformed_or_archive = [&](const SqlStatement& st) {
        // The archive opened and its tables exist, so a plain SQL error (SQLITE_ERROR) here
        // comes from the FTS5 expression the user typed; corruption, locks and I/O errors
        // have codes of their own and are the archive's.
        if (fts && st.failed_on_input())
            return usage("malformed query '" + q.text + "': " + st.error());
        return archive_error(a, st.error());
    };
    // Words and filters: the filters' entries (found through their own indexes) intersected in
    // memory with the index's matches, rather than joining every match of a common word to its
    // paragraph and protocol. `chosen` then holds the hits to show, in order.
    const bool intersect = fts && !words_only;
    std::vector<std::int64_t> chosen;
    if (intersect) {
        // The filters name pa and e only; the protocol comes in through pa.protocol_id.
        auto filtered = a.db().prepare(
            "SELECT e.id FROM entries e JOIN paragraphs pa ON pa.id = "
            "e.paragraph_id WHERE 1" +
            where.substr(match_clause_end) + " ORDER BY e.id");
        if (!filtered) return std::unexpected(archive_error(a, filtered.error().message));
        for (std::size_t i = 1; i < binds.size(); ++i)
            (*filtered)->bind(static_cast<int>(i), binds[i]);
        std::vector<std::int64_t> allowed;
        while ((*filtered)->step()) allowed.push_back((*filtered)->integer(0));
        if (!(*filtered)->ok()) return std::unexpected(archive_error(a, (*filtered)->error()));
        // The matches that pass, newest (highest id) first.
        std::int64_t index_matches = 0;  // before the filters
        const auto matching = [&](const std::string& expression,
                                  const std::vector<std::int64_t>& in,
                                  std::vector<std::int64_t>& out) -> std::optional<QueryFailure> {
            auto st = a.db().prepare(
                "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC");
            if (!st) return archive_error(a, st.error().message);
            (*st)->bind(1, expression);
            while ((*st)->step()) {
                const std::int64_t id = (*st)->integer(0);
                ++index_matches;
                if (std::binary_search(in.begin(), in.end(), id)) out.push_back(id);
            }
            if (!(*st)->ok()) return malformed_or_archive(**st);
            return std::nullopt;
        };
        std::vector<std::int64_t> matches;
        if (auto f = matching(match, allowed, matches)) return std::unexpected(*f);
        result.total = static_cast<std::int64_t>(matches.size());
        // Ranking walks every match of the words, filtered or not: bm25 only where that is cheap.
        if (index_matches <= kRankedMatches) {
            std::string list;
            for (std::int64_t id : matches) list += (list.empty() ? "" : ",") + std::to_string(id);
            const std::string exact_first =
                exact_match.empty()
                    ? ""
                    : "(e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)) DESC, ";
            auto ranked = a.db().prepare(
                "SELECT e.id FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid" + joins +
                // "+rowid": walk the index's matches and test each against the list; as a
                // rowid constraint, SQLite would run the whole MATCH once per listed id.
                " WHERE entries_fts MATCH ? AND +entries_fts.rowid IN (SELECT value FROM "
                "json_each(?)) ORDER BY " +
                exact_first + "bm25(entries_fts, 5.0, 1.0), pr.date DESC LIMIT ?");
            if (!ranked) return std::unexpected(archive_error(a, ranked.error().message));
            (*ranked)->bind(1, match).bind(2, "[" + list + "]");
            int k = 3;
            if (!exact_match.empty()) (*ranked)->bind(k++, exact_match);
            (*ranked)->bind(k, q.limit);
            while ((*ranked)->step()) chosen.push_back((*ranked)->integer(0));
            if (!(*ranked)->ok()) return std::unexpected(archive_error(a, (*ranked)->error()));
        } else {
            // Exact spellings first, then the rest, newest first.
            std::vector<std::int64_t> exact;
            std::sort(matches.begin(), matches.end());
            if (!exact_match.empty())
                if (auto f = matching(exact_match, matches, exact)) return std::unexpected(*f);
            std::sort(matches.begin(), matches.end(), std::greater<>());
            for (const auto* ids : {&exact, &matches})
                for (std::int64_t id : *ids) {
                    if (static_cast<int>(chosen.size()) >= q.limit) break;
                    if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
                        chosen.push_back(id);
                }
        }
    } else if (!fts) {
        // Filters alone: one pass gives the count and, sorted here, the newest hits; a COUNT and
        // an ORDER BY ... LIMIT would each read every matching entry.
        auto st = a.db().prepare("SELECT e.id, pr.date, pa.number" + from + joins + where);
        if (!st) return std::unexpected(archive_error(a, st.error().message));
        for (std::size_t i = 0; i < binds.size(); ++i)
            (*st)->bind(static_cast<int>(i + 1), binds[i]);
        struct Row {
            std::int64_t id;
            std::string date;  // "" when unknown: sorts last
            std::int64_t number;
        };
        std::vector<Row> rows;
        while ((*st)->step())
            rows.push_back({(*st)->integer(0), (*st)->text(1), (*st)->integer(2)});
        if (!(*st)->ok()) return std::unexpected(archive_error(a, (*st)->error()));
        result.total = static_cast<std::int64_t>(rows.size());
        const std::size_t shown = std::min(rows.size(), static_cast<std::size_t>(q.limit));
        std::partial_sort(rows.begin(), rows.begin() + static_cast<long>(shown), rows.end(),
                          [](const Row& x, const Row& y) {
                              if (x.date != y.date) return x.date > y.date;  // newest first
                              if (x.number != y.number) return x.number < y.number;
                              return x.id < y.id;
                          });
        for (std::size_t i = 0; i < shown; ++i) chosen.push_back(rows[i].id);
    } else {
        // Words alone: every entry has its paragraph and protocol, so the index counts alone.
        auto st =
            a.db().prepare(words_only ? "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?"
                                      : "SELECT count(*)" + from + joins + where);
        if (!st) return std::unexpected(archive_error(a, st.error().message));
        for (std::size_t i = 0; i < binds.size(); ++i)
            (*st)->bind(static_cast<int>(i + 1), binds[i]);
        if ((*st)->step()) result.total = (*st)->integer(0);
        if (!(*st)->ok()) return std::unexpected(malformed_or_archive(**st));
    }
    std::string select =
        "SELECT pa.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, e.kind, "
        "pr.source, e.id";
    if (!fts) select += ", substr(e.body, 1, 240)";
    std::string order;
    if (!fts) {
        order = " ORDER BY pr.date DESC, pa.number";
    } else {
        // Exact spellings first. bm25 scores every match, which costs hundreds of ms for a word in
        // a tenth of a big archive; past kRankedMatches, newer meetings first instead.
        const std::string exact_first =
            exact_match.empty()
                ? ""
                : "(e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)) DESC, ";
        order = result.total <= kRankedMatches
                    ? " ORDER BY " + exact_first + "bm25(entries_fts, 5.0, 1.0), pr.date DESC"
                    : " ORDER BY " + exact_first + "pr.date DESC, e.id DESC";
    }
    // Many matches and no filters: walk the index newest first (FTS5 stops after LIMIT rows),
    // exact spellings first, instead of joining and sorting every match.
    const bool newest_first = words_only && result.total > kRankedMatches;
    if (newest_first) {
        auto ids = a.db().prepare(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ?");
        if (!ids) return std::unexpected(archive_error(a, ids.error().message));
        for (const std::string& m : {exact_match, match}) {
            if (m.empty() || static_cast<int>(chosen.size()) >= q.limit) continue;
            (*ids)->reset();
            (*ids)->bind(1, m).bind(2, q.limit + static_cast<int>(chosen.size()));
            while ((*ids)->step() && static_cast<int>(chosen.size()) < q.limit) {
                const std::int64_t id = (*ids)->integer(0);
                if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
                    chosen.push_back(id);
            }
        }
    }
    const bool preselected = newest_first || intersect || !fts;
    if (preselected) {
        std::string list;
        for (std::int64_t id : chosen) list += (list.empty() ? "" : ",") + std::to_string(id);
        where = " WHERE e.id IN (SELECT value FROM json_each(?))";
        binds = {"[" + list + "]"};
    }
    auto st = a.db().prepare(select + (preselected ? " FROM entries e" : from) + joins + where +
                             (preselected ? "" : order + " LIMIT ?"));
    if (!st) return std::unexpected(archive_error(a, st.error().message));
    int k = 1;
    for (const std::string& b : binds) (*st)->bind(k++, b);
    if (!preselected) {
        if (!exact_match.empty()) (*st)->bind(k++, exact_match);
        (*st)->bind(k, q.limit);
    }
    std::vector<std::int64_t> entry_ids;
    while ((*st)->step()) {
        SearchHit h;
        h.paragraph_id = (*st)->integer(0);
        if (!(*st)->is_null(1)) h.date = (*st)->text(1);
        h.body = (*st)->text(2);
        h.paragraph = static_cast<int>((*st)->integer(3));
        h.title = (*st)->text(4);
        h.kind = (*st)->text(5);
        h.source = (*st)->text(6);
        entry_ids.push_back((*st)->integer(7));
        if (!fts) h.snippet = (*st)->text(8);
        result.hits.push_back(std::move(h));
    }
    if (!(*st)->ok()) return std::unexpected(archive_error(a, (*st)->error()));
    if (preselected) {  // back into the order chosen above
        std::vector<std::size_t> order_of(result.hits.size());
        for (std::size_t i = 0; i < order_of.size(); ++i) order_of[i] = i;
        std::sort(order_of.begin(), order_of.end(), [&](std::size_t x, std::size_t y) {
            return std::find(chosen.begin(), chosen.end(), entry_ids[x]) <
                   std::find(chosen.begin(), chosen.end(), entry_ids[y]);
        });
        std::vector<SearchHit> hits;
        std::vector<std::int64_t> ids;
        for (std::size_t i : order_of) {
            hits.push_back(std::move(result.hits[i]));
            ids.push_back(entry_ids[i]);
        }
        result.hits = std::move(hits);
        entry_ids = std::move(ids);
    }
    // The paragraphs' own case numbers, with one prepared statement for all hits.
    auto cases = a.db().prepare(
        "SELECT written FROM paragraph_cases WHERE paragraph_id = ? AND role = 'own'");
    if (!cases) return std::unexpected(archive_error(a, cases.error().message));
    for (SearchHit& h : result.hits) {
        (*cases)->reset();
        (*cases)->bind(1, h.paragraph_id);
        while ((*cases)->step()) h.case_numbers.push_back((*cases)->text(0));
    }
    // Snippets only for the hits shown, by SnippetMaker: FTS5's snippet() re-runs the query and
    // the stemmer over the whole entry for each hit (10 ms each for a prefix query).
    if (fts) {
        std::vector<std::string> words;
        std::istringstream in(q.text);
        for (std::string w; in >> w;) words.push_back(w);
        const SnippetMaker maker = plain_words_expression(q.text, q.exact)
                                       ? SnippetMaker(words, q.exact)
                                       : SnippetMaker::for_expression(q.text);
        auto body = a.db().prepare("SELECT body FROM entries WHERE id = ?");
        if (!body) return std::unexpected(archive_error(a, body.error().message));
        for (std::size_t i = 0; i < entry_ids.size(); ++i) {
            (*body)->reset();
            (*body)->bind(1, entry_ids[i]);
            if ((*body)->step()) result.hits[i].snippet = maker.make((*body)->text(0));
        }
    }
    return result;
}

}  // namespace kraft
