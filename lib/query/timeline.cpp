#include "query/timeline.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "query/filters.hpp"
#include "segment/case_numbers.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// What a citation says about a meeting's statements, unless the event already shows those parties.
void add_parties(std::vector<TimelineStatement>& to, const std::string& kind,
                 const std::vector<std::string>& parties) {
    if (parties.empty()) return;
    std::vector<std::string> known;
    for (const TimelineStatement& s : to)
        if (s.kind == kind) known.insert(known.end(), s.parties.begin(), s.parties.end());
    std::vector<std::string> missing;
    for (const auto& p : parties)
        if (std::find(known.begin(), known.end(), p) == known.end()) missing.push_back(p);
    if (missing.empty()) return;
    for (TimelineStatement& s : to)
        if (s.kind == kind && s.parties.size() < 2 && known.size() == s.parties.size()) {
            s.parties.insert(s.parties.end(), missing.begin(), missing.end());
            return;
        }
    to.push_back({kind, missing});
}

// Bodies of one meeting written two ways by OCR ("Teckniska nämnden", "Tekniska nämnden").
bool same_body(const std::string& a, const std::string& b) {
    const std::u32string x = text::to_u32(text::fold(a)), y = text::to_u32(text::fold(b));
    if (x == y) return true;
    if (x.size() + 2 < y.size() || y.size() + 2 < x.size()) return false;
    std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j)
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[y.size()] <= 2 && x.size() > 6;
}

}  // namespace

std::string shorten(const std::string& s, std::size_t max) {
    const std::u32string u = text::to_u32(s);
    if (u.size() <= max) return s;
    std::size_t cut = max - 1;
    while (cut > max / 2 && u[cut] != U' ') --cut;
    return text::to_utf8(u.substr(0, cut)) + "…";
}

QueryResult<Timeline> timeline(Archive& a, const std::string& written) {
    Timeline t;
    t.case_number = normalize_case_number(written);
    if (t.case_number.empty())
        return std::unexpected(
            QueryFailure{Error{"", 0, 0, "'" + written + "' is not a case number"}, true});
    Database& db = a.db();
    const auto fail_db = [&](const std::string& m) {
        return std::unexpected(QueryFailure{Error{db.path(), 0, 0, m}, false});
    };

    // The case's own paragraphs.
    auto own = db.prepare(
        "SELECT pa.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, pr.source, "
        "  (SELECT dp.text FROM decisions d JOIN decision_points dp ON dp.decision_id = d.id "
        "   WHERE d.paragraph_id = pa.id ORDER BY dp.position LIMIT 1) "
        "FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id JOIN paragraphs pa ON pa.id = "
        "pc.paragraph_id "
        "JOIN protocols pr ON pr.id = pa.protocol_id "
        "WHERE pc.case_id = (SELECT id FROM cases WHERE key = ?) AND pc.role = 'own'");
    if (!own) return fail_db(own.error().message);
    (*own)->bind(1, t.case_number);
    std::map<std::int64_t, std::size_t> event_of_paragraph;
    std::vector<std::int64_t> paragraph_ids;
    while ((*own)->step()) {
        TimelineEvent e;
        const std::int64_t id = (*own)->integer(0);
        if (!(*own)->is_null(1)) e.date = (*own)->text(1);
        e.body = (*own)->text(2);
        e.paragraph = static_cast<int>((*own)->integer(3));
        e.title = (*own)->text(4);
        e.source = (*own)->text(5);
        e.decision = shorten((*own)->text(6), 140);
        e.origin = "imported";
        event_of_paragraph[id] = t.events.size();
        paragraph_ids.push_back(id);
        t.events.push_back(std::move(e));
    }
    if (!(*own)->ok()) return fail_db((*own)->error());
    auto statements = db.prepare(
        "SELECT s.kind, (SELECT group_concat(party, ' ') FROM (SELECT party FROM statement_parties "
        "  WHERE statement_id = s.id ORDER BY position)) FROM statements s WHERE s.paragraph_id = "
        "? ORDER BY s.id");
    if (!statements) return fail_db(statements.error().message);
    for (const auto& [id, index] : event_of_paragraph) {
        (*statements)->reset();
        (*statements)->bind(1, id);
        while ((*statements)->step())  // each statement of its own: M+C and SD are two
            t.events[index].statements.push_back(
                {(*statements)->text(0), words((*statements)->text(1))});
    }

    // The meetings those paragraphs cite, and citations anywhere that name this case.
    const std::string in_list = id_list(paragraph_ids);
    auto cites = db.prepare(
        "SELECT ci.body_name, ci.date, ci.number, ci.reservation_parties, ci.statement_parties, "
        "ci.resolved_paragraph_id, "
        "  ci.text, pr.source FROM citations ci JOIN paragraphs pa ON pa.id = ci.paragraph_id "
        "JOIN protocols pr ON pr.id = pa.protocol_id "
        "WHERE ci.id IN (SELECT id FROM citations WHERE paragraph_id IN (SELECT value FROM "
        "json_each(?1)) "
        "  UNION SELECT id FROM citations WHERE case_id = (SELECT id FROM cases WHERE key = ?2)) "
        "ORDER BY ci.id");
    if (!cites) return fail_db(cites.error().message);
    (*cites)->bind(1, in_list);
    (*cites)->bind(2, t.case_number);
    // Events by (date, §): a citation of an event's meeting, with the body written the same or
    // another way ("KF", "Kommunfullmäktige", OCR's "Teckniska"), is that event. Only events of
    // that date and § are compared (a case cited thousands of times made comparing all quadratic).
    std::map<std::pair<std::string, int>, std::vector<std::size_t>> events_at;
    for (std::size_t i = 0; i < t.events.size(); ++i)
        events_at[{t.events[i].date.value_or(""), t.events[i].paragraph.value_or(0)}].push_back(i);
    while ((*cites)->step()) {
        TimelineEvent e;
        e.body = (*cites)->text(0);
        if (!(*cites)->is_null(1)) e.date = (*cites)->text(1);
        if (!(*cites)->is_null(2)) e.paragraph = static_cast<int>((*cites)->integer(2));
        std::size_t index = t.events.size();
        const auto same_place = events_at.find({e.date.value_or(""), e.paragraph.value_or(0)});
        if (same_place != events_at.end())
            for (std::size_t k : same_place->second)
                if (same_body(t.events[k].body, e.body)) index = k;
        if (index < t.events.size()) {
            // already an event: imported, or cited before
        } else if (!(*cites)->is_null(5) && event_of_paragraph.count((*cites)->integer(5))) {
            index = event_of_paragraph[(*cites)->integer(5)];
        } else {
            e.origin = "reference";
            e.title = shorten((*cites)->text(6), 120);
            e.source = (*cites)->text(7);
            index = t.events.size();
            events_at[{e.date.value_or(""), e.paragraph.value_or(0)}].push_back(index);
            t.events.push_back(std::move(e));
        }
        add_parties(t.events[index].statements, "reservation", words((*cites)->text(3)));
        add_parties(t.events[index].statements, "special_statement", words((*cites)->text(4)));
    }
    if (!(*cites)->ok()) return fail_db((*cites)->error());

    std::stable_sort(t.events.begin(), t.events.end(),
                     [](const TimelineEvent& x, const TimelineEvent& y) {
                         if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
                         if (x.date != y.date) return *x.date < *y.date;
                         return x.paragraph.value_or(0) < y.paragraph.value_or(0);
                     });

    // Related: cases cited in the case's paragraphs, and cases of paragraphs that cite this one.
    auto related = db.prepare(
        "SELECT c.key FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
        "WHERE pc.paragraph_id IN (SELECT value FROM json_each(?2)) AND c.key <> ?1 "
        "UNION SELECT c.key FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
        "WHERE pc.paragraph_id IN (SELECT paragraph_id FROM paragraph_cases "
        "  WHERE case_id = (SELECT id FROM cases WHERE key = ?1) AND role = 'cited') AND c.key <> "
        "?1 "
        "UNION SELECT c.key FROM citations ci JOIN cases c ON c.id = ci.case_id "
        "WHERE ci.paragraph_id IN (SELECT value FROM json_each(?2)) AND c.key <> ?1 ORDER BY 1");
    if (!related) return fail_db(related.error().message);
    (*related)->bind(1, t.case_number);
    (*related)->bind(2, in_list);
    while ((*related)->step()) t.related_cases.push_back((*related)->text(0));
    if (!(*related)->ok()) return fail_db((*related)->error());
    if (t.events.empty()) {
        // The paragraphs `kraft search CASE` lists: without events, none is the case's own.
        auto mentions = db.prepare("SELECT count(*) FROM (" + paragraphs_of_case() + ")");
        if (!mentions) return fail_db(mentions.error().message);
        (*mentions)->bind(1, t.case_number).bind(2, t.case_number);
        if ((*mentions)->step()) t.mentioned_in = (*mentions)->integer(0);
        if (!(*mentions)->ok()) return fail_db((*mentions)->error());
    }
    return t;
}

}  // namespace kraft
