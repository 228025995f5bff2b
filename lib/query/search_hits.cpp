#include "query/search_hits.hpp"

#include <sstream>
#include <unordered_map>

#include "query/snippet.hpp"

namespace kraft {

namespace {

// Each chosen entry's details, in the chosen order; a lookup without words also reads the start
// of its text as the snippet. hits[i].paragraph_id stays 0 for an entry that is gone.
Result<void> read_details(Archive& a, const SearchPlan& plan,
                          const std::vector<std::int64_t>& chosen, std::vector<SearchHit>& hits) {
    std::string select =
        "SELECT pa.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, e.kind, "
        "pr.source, e.id";
    if (!plan.words) select += ", substr(kraft_decompress(e.body), 1, 240)";
    auto st = a.db().prepare(select +
                             " FROM entries e JOIN paragraphs pa ON pa.id = e.paragraph_id JOIN "
                             "protocols pr ON pr.id = pa.protocol_id WHERE e.id IN " +
                             a.db().in_ids());
    if (!st) return std::unexpected(st.error());
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < chosen.size(); ++i) position[chosen[i]] = i;
    hits.resize(chosen.size());
    return (*st)->bind(1, a.db().ids_value(chosen)).each_row([&](const SqlStatement& row) {
        SearchHit& h = hits[position.at(row.integer(7))];
        h.paragraph_id = row.integer(0);
        if (!row.is_null(1)) h.date = row.text(1);
        h.body = row.text(2);
        h.paragraph = static_cast<int>(row.integer(3));
        h.title = row.text(4);
        h.kind = entry_kind_from(row.text(5)).value_or(EntryKind::paragraph);
        h.source = row.text(6);
        if (!plan.words) h.snippet = row.text(8);
    });
}

// The paragraphs' own case numbers, in one question for all hits (a round trip each to a
// server), each paragraph's in the order of its cases as the key orders them.
Result<void> read_case_numbers(Archive& a, std::vector<SearchHit>& hits) {
    std::vector<std::int64_t> paragraphs;
    std::unordered_map<std::int64_t, std::vector<SearchHit*>> of_paragraph;
    for (SearchHit& h : hits) {
        if (of_paragraph[h.paragraph_id].empty()) paragraphs.push_back(h.paragraph_id);
        of_paragraph[h.paragraph_id].push_back(&h);
    }
    if (paragraphs.empty()) return {};
    auto st = a.db().prepare(
        "SELECT paragraph_id, written FROM paragraph_cases WHERE role = 'own' "
        "AND paragraph_id IN " +
        a.db().in_ids() + " ORDER BY paragraph_id, case_id");
    if (!st) return std::unexpected(st.error());
    return (*st)->bind(1, a.db().ids_value(paragraphs)).each_row([&](const SqlStatement& row) {
        for (SearchHit* h : of_paragraph.at(row.integer(0))) h->case_numbers.push_back(row.text(1));
    });
}

// Snippets only for the hits shown, by SnippetMaker: FTS5's snippet() re-runs the query and the
// stemmer over the whole entry for each hit (10 ms each for a prefix query).
Result<void> make_snippets(Archive& a, const SearchPlan& plan,
                           const std::vector<std::int64_t>& entry_ids,
                           std::vector<SearchHit>& hits) {
    std::vector<std::string> words;
    std::istringstream in(plan.query.text);
    for (std::string w; in >> w;) words.push_back(w);
    const SnippetMaker maker = plan.expression.plain
                                   ? SnippetMaker(words, plan.query.exact)
                                   : SnippetMaker::for_expression(plan.query.text);
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < entry_ids.size(); ++i) position.emplace(entry_ids[i], i);
    if (entry_ids.empty()) return {};
    auto st = a.db().prepare("SELECT id, body FROM entry_texts WHERE id IN " + a.db().in_ids());
    if (!st) return std::unexpected(st.error());
    // A text that does not decompress is a damaged archive, not a hit without a snippet.
    return (*st)->bind(1, a.db().ids_value(entry_ids)).each_row([&](const SqlStatement& row) {
        hits[position.at(row.integer(0))].snippet = maker.make(row.text(1));
    });
}

}  // namespace

QueryResult<std::vector<SearchHit>> read_hits(Archive& a, const SearchPlan& plan,
                                              const std::vector<std::int64_t>& chosen) {
    std::vector<SearchHit> all;
    if (auto ok = read_details(a, plan, chosen, all); !ok)
        return std::unexpected(archive_failure(ok.error()));
    std::vector<std::int64_t> entry_ids;
    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < chosen.size(); ++i)
        if (all[i].paragraph_id != 0) {
            entry_ids.push_back(chosen[i]);
            hits.push_back(std::move(all[i]));
        }
    if (auto ok = read_case_numbers(a, hits); !ok)
        return std::unexpected(archive_failure(ok.error()));
    if (plan.words)
        if (auto ok = make_snippets(a, plan, entry_ids, hits); !ok)
            return std::unexpected(archive_failure(ok.error()));
    return hits;
}

}  // namespace kraft
