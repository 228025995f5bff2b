#include "query/timeline.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "model/case_numbers.hpp"
#include "query/filters.hpp"
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
void add_parties(std::vector<TimelineStatement>& to, StatementKind kind,
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

std::string_view to_string(EventOrigin o) {
    return o == EventOrigin::imported ? "imported" : "reference";
}

std::string shorten(const std::string& s, std::size_t max) {
    const std::u32string u = text::to_u32(s);
    if (u.size() <= max) return s;
    std::size_t cut = max - 1;
    while (cut > max / 2 && u[cut] != U' ') --cut;
    return text::to_utf8(u.substr(0, cut)) + "…";
}

namespace {

// Each statement of a paragraph, each its own: M+C and SD are two.
constexpr const char* kStatementsSql =
    "SELECT s.kind, (SELECT group_concat(party, ' ') FROM (SELECT party FROM statement_parties "
    "  WHERE statement_id = s.id ORDER BY position) AS listed) FROM statements s "
    "WHERE s.paragraph_id = ? "
    "ORDER BY s.id";

Result<void> read_statements(Database& db, SqlStatement& st, std::int64_t paragraph_id,
                             std::vector<TimelineStatement>& out) {
    st.reset();
    return st.bind(1, paragraph_id).each_row([&](const SqlStatement& row) -> Result<void> {
        const auto kind = statement_kind_from(row.text(0));
        if (!kind) return fail(db.path(), 0, "unknown statement kind '" + row.text(0) + "'");
        out.push_back({*kind, words(row.text(1))});
        return {};
    });
}

// Builds one case's timeline: its own paragraphs, then the citations that add meetings or
// statements, then the related cases.
class TimelineBuilder {
  public:
    TimelineBuilder(Database& db, Timeline& t) : db_(db), t_(t) {}
    Result<void> own_paragraphs();
    Result<void> statements();
    Result<void> citations();
    void sort();
    Result<void> related_cases();
    Result<void> mentions();

  private:
    void place_citation(const SqlStatement& row);

    Database& db_;
    Timeline& t_;
    std::map<std::int64_t, std::size_t> event_of_paragraph_;
    std::string paragraph_ids_;  // the case's own paragraphs, as Database::ids_value()
    // Events by (date, §): a citation of an event's meeting, with the body written the same or
    // another way ("KF", "Kommunfullmäktige", OCR's "Teckniska"), is that event. Only events of
    // that date and § are compared (a case cited thousands of times made comparing all
    // quadratic).
    std::map<std::pair<std::string, int>, std::vector<std::size_t>> events_at_;
};

Result<void> TimelineBuilder::own_paragraphs() {
    auto own = db_.prepare(own_paragraphs_sql());
    if (!own) return std::unexpected(own.error());
    std::vector<std::int64_t> ids;
    auto ok = (*own)->bind(1, t_.case_number).each_row([&](const SqlStatement& row) {
        event_of_paragraph_[row.integer(0)] = t_.events.size();
        ids.push_back(row.integer(0));
        t_.events.push_back(own_paragraph_event(row));
    });
    paragraph_ids_ = db_.ids_value(ids);
    for (std::size_t i = 0; i < t_.events.size(); ++i)
        events_at_[{t_.events[i].date.value_or(""), t_.events[i].paragraph.value_or(0)}].push_back(
            i);
    return ok;
}

// Each statement of the own paragraphs, each its own: M+C and SD are two.
Result<void> TimelineBuilder::statements() {
    auto st = db_.prepare(kStatementsSql);
    if (!st) return std::unexpected(st.error());
    for (const auto& [id, index] : event_of_paragraph_)
        if (auto ok = read_statements(db_, **st, id, t_.events[index].statements); !ok) return ok;
    return {};
}

// The meetings the own paragraphs cite, and citations anywhere that name this case.
Result<void> TimelineBuilder::citations() {
    auto cites = db_.prepare(
        "SELECT ci.body_name, ci.date, ci.number, ci.reservation_parties, ci.statement_parties, "
        "ci.resolved_paragraph_id, "
        "  ci.text, pr.source FROM citations ci JOIN paragraphs pa ON pa.id = ci.paragraph_id "
        "JOIN protocols pr ON pr.id = pa.protocol_id "
        "WHERE ci.id IN (SELECT id FROM citations WHERE paragraph_id IN " +
        db_.in_ids(1) +
        "  UNION SELECT id FROM citations WHERE case_id = (SELECT id FROM cases WHERE key = ?2)) "
        "ORDER BY ci.id");
    if (!cites) return std::unexpected(cites.error());
    return (*cites)->bind(1, paragraph_ids_).bind(2, t_.case_number).each_row([&](const auto& r) {
        place_citation(r);
    });
}

// A citation is an event already known (imported, or cited before), or a meeting known only
// from it; either way it adds the parties it says reserved themselves or filed a statement.
void TimelineBuilder::place_citation(const SqlStatement& row) {
    TimelineEvent e;
    e.body = row.text(0);
    if (!row.is_null(1)) e.date = row.text(1);
    if (!row.is_null(2)) e.paragraph = static_cast<int>(row.integer(2));
    std::size_t index = t_.events.size();
    const auto same_place = events_at_.find({e.date.value_or(""), e.paragraph.value_or(0)});
    if (same_place != events_at_.end())
        for (std::size_t k : same_place->second)
            if (same_body(t_.events[k].body, e.body)) index = k;
    if (index < t_.events.size()) {
        // already an event
    } else if (!row.is_null(5) && event_of_paragraph_.count(row.integer(5))) {
        index = event_of_paragraph_[row.integer(5)];
    } else {
        e.origin = EventOrigin::reference;
        e.title = shorten(row.text(6), 120);
        e.source = row.text(7);
        events_at_[{e.date.value_or(""), e.paragraph.value_or(0)}].push_back(index);
        t_.events.push_back(std::move(e));
    }
    add_parties(t_.events[index].statements, StatementKind::reservation, words(row.text(3)));
    add_parties(t_.events[index].statements, StatementKind::special_statement, words(row.text(4)));
}

void TimelineBuilder::sort() {
    std::stable_sort(t_.events.begin(), t_.events.end(),
                     [](const TimelineEvent& x, const TimelineEvent& y) {
                         if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
                         if (x.date != y.date) return *x.date < *y.date;
                         return x.paragraph.value_or(0) < y.paragraph.value_or(0);
                     });
}

// Cases cited in the case's paragraphs, and cases of paragraphs that cite this one.
Result<void> TimelineBuilder::related_cases() {
    auto related = db_.prepare(
        "SELECT c.key FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
        "WHERE pc.paragraph_id IN " +
        db_.in_ids(2) +
        " AND c.key <> ?1 "
        "UNION SELECT c.key FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
        "WHERE pc.paragraph_id IN (SELECT paragraph_id FROM paragraph_cases "
        "  WHERE case_id = (SELECT id FROM cases WHERE key = ?1) AND role = 'cited') AND c.key <> "
        "?1 "
        "UNION SELECT c.key FROM citations ci JOIN cases c ON c.id = ci.case_id "
        "WHERE ci.paragraph_id IN " +
        db_.in_ids(2) + " AND c.key <> ?1 ORDER BY 1");
    if (!related) return std::unexpected(related.error());
    return (*related)->bind(1, t_.case_number).bind(2, paragraph_ids_).each_row([&](const auto& r) {
        t_.related_cases.push_back(r.text(0));
    });
}

// The paragraphs `kraft search CASE` lists: without events, none is the case's own.
Result<void> TimelineBuilder::mentions() {
    auto st = db_.prepare("SELECT count(*) FROM (" + paragraphs_of_case() + ") AS mentions");
    if (!st) return std::unexpected(st.error());
    auto row = (*st)->bind(1, t_.case_number).bind(2, t_.case_number).step();
    if (!row) return std::unexpected(row.error());
    if (*row) t_.mentioned_in = (*st)->integer(0);
    return {};
}

}  // namespace

std::string own_paragraphs_sql(std::string_view more) {
    return "SELECT pa.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, pr.source, "
           "  (SELECT dp.text FROM decisions d JOIN decision_points dp ON dp.decision_id = d.id "
           "   WHERE d.paragraph_id = pa.id ORDER BY dp.position LIMIT 1), pr.imported_at "
           "FROM paragraph_cases pc JOIN paragraphs pa ON pa.id = pc.paragraph_id "
           "JOIN protocols pr ON pr.id = pa.protocol_id "
           "WHERE pc.case_id = (SELECT id FROM cases WHERE key = ?1) AND pc.role = 'own'" +
           std::string(more);
}

TimelineEvent own_paragraph_event(const SqlStatement& row) {
    TimelineEvent e;
    if (!row.is_null(1)) e.date = row.text(1);
    e.body = row.text(2);
    e.paragraph = static_cast<int>(row.integer(3));
    e.title = row.text(4);
    e.source = row.text(5);
    e.decision = shorten(row.text(6), 140);
    e.origin = EventOrigin::imported;
    return e;
}

Result<std::vector<TimelineStatement>> statements_of_paragraph(Database& db,
                                                               std::int64_t paragraph_id) {
    auto st = db.prepare(kStatementsSql);
    if (!st) return std::unexpected(st.error());
    std::vector<TimelineStatement> out;
    if (auto ok = read_statements(db, **st, paragraph_id, out); !ok)
        return std::unexpected(ok.error());
    return out;
}

QueryResult<Timeline> timeline(Archive& a, const std::string& written) {
    Timeline t;
    t.case_number = normalize_case_number(written);
    if (t.case_number.empty())
        return std::unexpected(
            QueryFailure{Error{"", 0, 0, "'" + written + "' is not a case number"}, true});
    TimelineBuilder b(a.db(), t);
    Result<void> ok = b.own_paragraphs();
    if (ok) ok = b.statements();
    if (ok) ok = b.citations();
    if (ok) b.sort();
    if (ok) ok = b.related_cases();
    if (ok && t.events.empty()) ok = b.mentions();
    if (!ok) return std::unexpected(QueryFailure{ok.error(), false});
    return t;
}

}  // namespace kraft
