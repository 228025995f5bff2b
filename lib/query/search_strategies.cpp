#include "query/search_strategies.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "query/id_ranges.hpp"
#include "query/meeting_walk.hpp"

namespace kraft {

namespace {

// Ranked hits read beyond the limit, so that hits tied in bm25 at its edge are ordered by date.
constexpr int kTieMargin = 50;
// From this many hits on, a search by filters alone walks the meetings for the newest instead of
// sorting every hit (the join to each hit's paragraph and meeting: 32,000 hits, 120 ms).
constexpr std::int64_t kMeetingWalkFrom = 2000;
// How many of the newest entries search reads the text of, to find hits there instead of in the
// index, before it leaves the question to the index.
constexpr std::size_t kTextScan = 400;

constexpr const char* kJoins =
    " JOIN paragraphs pa ON pa.id = e.paragraph_id JOIN protocols pr ON pr.id = pa.protocol_id";

// Whether an entry's text holds a term of every group, as the index would match it.
bool holds_all(const std::vector<std::vector<IndexTerm>>& groups, const std::string& title,
               const std::string& body) {
    return std::all_of(groups.begin(), groups.end(), [&](const std::vector<IndexTerm>& g) {
        return text_has_any(title, g) || text_has_any(body, g);
    });
}

using Failed = std::optional<QueryFailure>;  // nullopt: done

// The questions the word strategies ask the full-text index, for one search.
class IndexSearch {
  public:
    IndexSearch(Archive& a, const SearchPlan& plan, Choice& choice)
        : a_(a), plan_(plan), choice_(choice), limit_(plan.query.limit) {}

    Failed count(std::int64_t& total);
    Failed matching(const std::string& expression, const std::vector<IdRange>* allowed,
                    std::vector<std::int64_t>& out);
    Failed ranked(const std::vector<std::int64_t>* allowed);
    Failed newest_first(const std::vector<std::int64_t>& matches);
    Failed newest_by_text();
    Failed newest_ids();
    // How many matches matching() read from the index.
    std::int64_t index_matches() const { return index_matches_; }

  private:
    struct Candidate {
        std::int64_t id;
        bool exact;
        double rank;  // lower is better
        std::string date;
    };
    Failed rank_candidates(const std::vector<std::int64_t>* allowed,
                           std::vector<Candidate>& candidates);
    Failed date_candidates(std::vector<Candidate>& candidates);
    Failed exact_among_newest(const std::vector<std::int64_t>& matches,
                              std::vector<std::int64_t>& exact, bool& known);

    Archive& a_;
    const SearchPlan& plan_;
    Choice& choice_;
    int limit_;
    std::int64_t index_matches_ = 0;
};

Failed IndexSearch::count(std::int64_t& total) {
    auto n = a_.index().count(plan_.expression.match);
    if (!n) return plan_.failure(a_.index(), n.error());
    total = *n;
    return std::nullopt;
}

// The index's matches of an expression, in id order; with `allowed`, only those in its runs, as
// the index finds them there (between the first run's start and the last one's end).
Failed IndexSearch::matching(const std::string& expression, const std::vector<IdRange>* allowed,
                             std::vector<std::int64_t>& out) {
    const auto keep = [&](std::int64_t id) { out.push_back(id); };
    if (allowed) {
        auto read = a_.index().matching_within(expression, *allowed, keep);
        if (!read) return plan_.failure(a_.index(), read.error());
        index_matches_ += *read;
        return std::nullopt;
    }
    auto ok = a_.index().matching(expression, std::nullopt, [&](std::int64_t id) {
        ++index_matches_;
        keep(id);
    });
    if (!ok) return plan_.failure(a_.index(), ok.error());
    return std::nullopt;
}

// Ranked by bm25 (titles weigh 5), exact spellings first, newer meetings on ties. The index ranks
// by itself (FTS5 three times faster than an ORDER BY bm25() joined to the meetings' dates: 1,830
// matches, 5 against 22 ms), so the dates are read only for the best few: enough beyond the limit
// that ties at its edge are ordered by date too.
Failed IndexSearch::ranked(const std::vector<std::int64_t>* allowed) {
    std::vector<Candidate> candidates;
    if (auto f = rank_candidates(allowed, candidates)) return f;
    if (auto f = date_candidates(candidates)) return f;
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        if (x.exact != y.exact) return x.exact;
        if (x.rank != y.rank) return x.rank < y.rank;
        if (x.date != y.date) return x.date > y.date;  // newer first; unknown ("") last
        return x.id > y.id;
    });
    for (const Candidate& c : candidates) choice_.add(c.id);
    return std::nullopt;
}

// The best-ranked matches of the exact spellings, then of all forms; with `allowed`, only those
// ids, within the span matching() read.
Failed IndexSearch::rank_candidates(const std::vector<std::int64_t>* allowed,
                                    std::vector<Candidate>& candidates) {
    IdSpan within;
    if (allowed) {
        const IdRange s = span(*allowed);
        within = {s.first, s.last};
    }
    std::unordered_map<std::int64_t, bool> known;
    for (const bool exact : {true, false}) {
        const std::string& expression =
            exact ? plan_.expression.exact_match : plan_.expression.match;
        if (expression.empty()) continue;
        auto best = a_.index().ranked(expression, allowed, within, limit_ + kTieMargin);
        if (!best) return plan_.failure(a_.index(), best.error());
        for (const RankedEntry& r : *best)
            if (known.emplace(r.id, true).second) candidates.push_back({r.id, exact, r.rank, ""});
    }
    return std::nullopt;
}

Failed IndexSearch::date_candidates(std::vector<Candidate>& candidates) {
    std::vector<std::int64_t> ids;
    std::unordered_map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        ids.push_back(candidates[i].id);
        at.emplace(candidates[i].id, i);
    }
    auto st = a_.db().prepare(std::string("SELECT e.id, coalesce(pr.date, '') FROM entries e") +
                              kJoins + " WHERE e.id IN " + a_.db().in_ids());
    if (!st) return archive_failure(st.error());
    auto ok = (*st)->bind(1, a_.db().ids_value(ids)).each_row([&](const SqlStatement& row) {
        candidates[at.at(row.integer(0))].date = row.text(1);
    });
    if (!ok) return archive_failure(ok.error());
    return std::nullopt;
}

// Many matches: exact spellings first, then the rest, newest first (bm25 over every match of a
// word in a tenth of a big archive costs hundreds of ms). `matches` in id order.
Failed IndexSearch::newest_first(const std::vector<std::int64_t>& matches) {
    std::vector<std::int64_t> exact;
    bool exact_known = plan_.expression.exact_match.empty();
    if (!exact_known && !plan_.expression.exact_terms.empty())
        if (auto f = exact_among_newest(matches, exact, exact_known)) return f;
    if (!exact_known) {
        const std::vector<IdRange> runs = ranges_of_ids(matches);
        if (auto f = matching(plan_.expression.exact_match, &runs, exact)) return f;
    }
    for (const std::vector<std::int64_t>* ids : {&std::as_const(exact), &matches})
        for (auto it = ids->rbegin(); it != ids->rend() && !choice_.full(); ++it) choice_.add(*it);
    return std::nullopt;
}

// The exact spellings among the newest matches, from their text (text_has_any) rather than from
// another walk of the index's lists, when the newest kTextScan hold enough. `known`: they did.
Failed IndexSearch::exact_among_newest(const std::vector<std::int64_t>& matches,
                                       std::vector<std::int64_t>& exact, bool& known) {
    auto st = a_.db().prepare("SELECT title, body FROM entry_texts WHERE id = ?");
    if (!st) return archive_failure(st.error());
    std::size_t examined = 0;
    for (auto it = matches.rbegin();
         it != matches.rend() && examined < kTextScan && static_cast<int>(exact.size()) < limit_;
         ++it, ++examined) {
        (*st)->reset();
        auto row = (*st)->bind(1, *it).step();
        // An error (a damaged text) is the archive's, not "no exact spelling here".
        if (!row) return archive_failure(row.error());
        if (!*row) continue;  // replaced by an import meanwhile
        if (holds_all(plan_.expression.exact_terms, (*st)->text(0), (*st)->text(1)))
            exact.push_back(*it);
    }
    (*st)->reset();
    known = static_cast<int>(exact.size()) >= limit_ || examined == matches.size();
    // In id order, as the index gives them: newest_first() reads them from the end.
    std::reverse(exact.begin(), exact.end());
    if (!known) exact.clear();
    return std::nullopt;
}

// The newest matches of a dense prefix query, read from the newest entries' text rather than from
// the index: FTS5 merges every list a prefix covers before it yields a row, so after the count
// that merge would run again (nämnd*, in 115,000 of 155,000 entries: 16 ms; the newest 20 matches
// are among the newest ~30 entries). Gives up after kTextScan entries without `limit` matches,
// leaving the choice short, and the index then answers as usual.
Failed IndexSearch::newest_by_text() {
    const auto& groups = plan_.expression.terms;
    const bool any_prefix = std::any_of(groups.begin(), groups.end(), [](const auto& g) {
        return std::any_of(g.begin(), g.end(), [](const IndexTerm& t) { return t.prefix; });
    });
    if (!plan_.expression.exact_match.empty() || groups.empty() || !any_prefix) return std::nullopt;
    auto st = a_.db().prepare("SELECT id, title, body FROM entry_texts ORDER BY id DESC LIMIT ?");
    if (!st) return archive_failure(st.error());
    auto ok =
        (*st)->bind(1, static_cast<std::int64_t>(kTextScan)).each_row([&](const SqlStatement& row) {
            if (holds_all(groups, row.text(1), row.text(2))) choice_.add(row.integer(0));
            return !choice_.full();
        });
    if (!ok) return archive_failure(ok.error());
    return std::nullopt;
}

// The newest matches only: the index stops after `limit`, exact spellings first.
Failed IndexSearch::newest_ids() {
    for (const std::string& m : {plan_.expression.exact_match, plan_.expression.match}) {
        if (m.empty() || choice_.full()) continue;
        auto ok = a_.index().newest(m, limit_, [&](std::int64_t id) { choice_.add(id); });
        if (!ok) return plan_.failure(a_.index(), ok.error());
    }
    return std::nullopt;
}

// The entries the filters allow, as runs of ids: the meetings' recorded runs when the body and
// dates are all the filters (one row per protocol, where joining paragraphs and entries seeks a
// row per paragraph and per entry), else the filters' entries found through their own indexes.
QueryResult<std::vector<IdRange>> allowed_entries(Archive& a, const SearchPlan& plan) {
    if (plan.meetings_only && a.schema() >= 6) {
        auto st = a.db().prepare("SELECT entries_from, entries_to FROM protocols WHERE true" +
                                 plan.meetings_only->where);
        if (!st) return std::unexpected(archive_failure(st.error()));
        bind_all(**st, plan.meetings_only->binds);
        std::vector<IdRange> runs;
        bool recorded = true;
        auto ok = (*st)->each_row([&](const SqlStatement& row) {
            recorded = !row.is_null(0) && !row.is_null(1);
            if (recorded) runs.push_back({row.integer(0), row.integer(1)});
            return recorded;
        });
        if (!ok) return std::unexpected(archive_failure(ok.error()));
        if (recorded) return normalized(std::move(runs));
    }
    // The filters name pa and e only; pa only where they must (a party's statements of one
    // kind are found from the entries alone).
    auto st =
        a.db().prepare(std::string("SELECT e.id FROM entries e") +
                       (plan.paragraphs ? " JOIN paragraphs pa ON pa.id = e.paragraph_id" : "") +
                       " WHERE true" + plan.where);
    if (!st) return std::unexpected(archive_failure(st.error()));
    bind_all(**st, plan.binds);
    std::vector<std::int64_t> ids;
    auto ok = (*st)->each_row([&](const SqlStatement& row) { ids.push_back(row.integer(0)); });
    if (!ok) return std::unexpected(archive_failure(ok.error()));
    std::sort(ids.begin(), ids.end());  // cheaper here than ORDER BY in SQLite
    return ranges_of_ids(ids);
}

}  // namespace

QueryResult<Choice> words_search(Archive& a, const SearchPlan& plan) {
    Choice choice(plan.query.limit);
    IndexSearch index(a, plan, choice);
    if (auto f = index.count(choice.total)) return std::unexpected(*f);
    if (choice.total <= kRankedMatches) {
        if (auto f = index.ranked(nullptr)) return std::unexpected(*f);
        return choice;
    }
    if (auto f = index.newest_by_text()) return std::unexpected(*f);
    if (choice.full()) return choice;
    choice.clear();
    if (auto f = index.newest_ids()) return std::unexpected(*f);
    return choice;
}

// Words and filters: the filters' entries intersected in memory with the index's matches, rather
// than joining every match of a common word to its paragraph and protocol.
QueryResult<Choice> filtered_words_search(Archive& a, const SearchPlan& plan) {
    auto allowed = allowed_entries(a, plan);
    if (!allowed) return std::unexpected(allowed.error());
    Choice choice(plan.query.limit);
    IndexSearch index(a, plan, choice);
    std::vector<std::int64_t> matches;
    if (auto f = index.matching(plan.expression.match, &*allowed, matches))
        return std::unexpected(*f);
    choice.total = static_cast<std::int64_t>(matches.size());
    // Ranking scores every match of the words within the span the filters allow: bm25 only where
    // those are few. (bm25 also counts each word's rows in the whole archive once, which takes as
    // long as walking them: "beslut", in 113,000 of 127,000 entries, 10 ms.)
    if (auto f = index.index_matches() <= kRankedMatches ? index.ranked(&matches)
                                                         : index.newest_first(matches))
        return std::unexpected(*f);
    return choice;
}

namespace {

// Filters alone, with many hits: their runs of ids count them, and the newest are found by
// walking the meetings from the newest date down. nullopt: too few among the newest meetings.
QueryResult<std::optional<Choice>> newest_filtered(Archive& a, const SearchPlan& plan) {
    if (!plan.case_key.empty() || a.schema() < 10) return std::nullopt;
    auto allowed = allowed_entries(a, plan);
    if (!allowed) return std::unexpected(allowed.error());
    std::int64_t total = 0;
    for (const IdRange& r : *allowed) total += r.last - r.first + 1;
    if (total < kMeetingWalkFrom) return std::nullopt;
    auto newest = newest_by_meeting(a, *allowed, plan.query.limit);
    if (!newest) return std::unexpected(newest.error());
    if (!*newest) return std::nullopt;
    Choice choice(plan.query.limit);
    choice.total = total;
    for (std::int64_t id : **newest) choice.add(id);
    return choice;
}

}  // namespace

// Filters alone: one pass gives the count and, sorted here, the newest hits; a COUNT and an
// ORDER BY ... LIMIT would each read every matching entry. A case number's own paragraphs come
// before those that only mention it. Many hits are left to newest_filtered().
QueryResult<Choice> filters_search(Archive& a, const SearchPlan& plan) {
    auto walked = newest_filtered(a, plan);
    if (!walked) return std::unexpected(walked.error());
    if (*walked) return std::move(**walked);
    const std::string own =
        plan.case_key.empty() ? "0" : "pa.id IN (" + own_paragraphs_of_case() + ")";
    auto st = a.db().prepare("SELECT e.id, pr.date, pa.number, " + own + " FROM entries e" +
                             kJoins + " WHERE true" + plan.where);
    if (!st) return std::unexpected(archive_failure(st.error()));
    int first = 1;
    if (!plan.case_key.empty()) (*st)->bind(first++, plan.case_key);
    bind_all(**st, plan.binds, first);
    struct Row {
        std::int64_t id;
        std::string date;  // "" when unknown: sorts last
        std::int64_t number;
        bool own;
    };
    std::vector<Row> rows;
    auto ok = (*st)->each_row([&](const SqlStatement& r) {
        rows.push_back({r.integer(0), r.text(1), r.integer(2), r.integer(3) != 0});
    });
    if (!ok) return std::unexpected(archive_failure(ok.error()));
    Choice choice(plan.query.limit);
    choice.total = static_cast<std::int64_t>(rows.size());
    const std::size_t shown = std::min(rows.size(), static_cast<std::size_t>(plan.query.limit));
    std::partial_sort(rows.begin(), rows.begin() + static_cast<long>(shown), rows.end(),
                      [](const Row& x, const Row& y) {
                          if (x.own != y.own) return x.own;
                          if (x.date != y.date) return x.date > y.date;  // newest first
                          if (x.number != y.number) return x.number < y.number;
                          return x.id < y.id;
                      });
    for (std::size_t i = 0; i < shown; ++i) choice.add(rows[i].id);
    return choice;
}

}  // namespace kraft
