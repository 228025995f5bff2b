// The meeting: body, date, place, justering and attendance, from the protocol's first pages.
#include <algorithm>

#include "segment/dates.hpp"
#include "segment/persons.hpp"
#include "segment/segment.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

std::optional<std::string> date_of(const PatternMatch& m) {
    if (m.has("isodate")) return iso_date(m.group("isodate"));
    if (m.has("day")) return date_from_words(m.group("day"), m.group("month"), m.group("year"));
    return std::nullopt;
}

// A line that names a body: a full name from bodies.tsv, or the generic shape of one.
std::optional<std::string> body_line(const std::string& plain, const Grammar& g) {
    const std::string l = text::lower(plain);
    for (const Body& b : g.bodies())
        if (l == text::lower(b.name)) return b.name;
    if (plain.size() <= 80)
        if (auto m = g.first("body_name", plain)) return trim(m->group("name"));
    return std::nullopt;
}

}  // namespace

Meeting parse_meeting(const std::vector<Line>& lines, std::size_t header_end, const Grammar& g) {
    Meeting m;
    std::string role;  // the attendance block we are in
    // YAML front matter: "---" ... "---", its keys for the date and body read by the grammar.
    if (!lines.empty() && trim(lines[0].raw) == "---") {
        for (std::size_t i = 1; i < lines.size() && trim(lines[i].raw) != "---"; ++i) {
            const std::string s = trim(lines[i].raw);
            const std::size_t colon = s.find(':');
            if (colon == std::string::npos) continue;
            const std::string key = text::lower(trim(std::string_view(s).substr(0, colon)));
            std::string value = trim(std::string_view(s).substr(colon + 1));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
                value = value.substr(1, value.size() - 2);
            if (g.matches("front_matter_date", key) && !m.date)
                if (auto d = iso_date(value.substr(0, 10))) m.date = d, m.date_source = "header";
            if (g.matches("front_matter_body", key) && !m.body && !value.empty())
                m.body = value, m.body_source = "header";
        }
    }
    for (std::size_t i = 0; i < header_end && i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank) continue;
        const std::string& s = l.plain;
        if (!m.date) {
            if (auto d = g.first("meeting_date", s)) {
                if (auto iso = date_of(*d)) m.date = iso, m.date_source = "header";
            } else if (g.matches("meeting_date_label", s)) {
                for (std::size_t k = i + 1; k < header_end && k < i + 3; ++k)
                    if (auto iso = iso_date(lines[k].plain.substr(
                            0, std::min<std::size_t>(10, lines[k].plain.size())))) {
                        m.date = iso, m.date_source = "header";
                        break;
                    }
            }
        }
        if (!m.body)
            if (auto b = body_line(s, g)) m.body = b, m.body_source = "header";
        if (!m.place)
            if (auto p = g.first("meeting_place", s)) m.place = trim(p->group("value"));
        if (!m.justering)
            if (auto j = g.first("meeting_justering", s)) m.justering = trim(j->group("value"));
        if (auto j = g.first("meeting_justerare", s))
            add_unique(m.justerare, {trim(j->group("value"))});

        // Attendance: a heading opens a block of people. A two-column cover writes the first
        // of them on the heading's line ("Beslutande      Anna Berg (S)").
        std::string people = s;
        for (const std::string& kind : g.kinds("attendance.")) {
            if (auto h = g.first("attendance." + kind, s); h && h->begin(s) == 0) {
                role = kind == "end" ? "" : kind;
                people = trim(std::string_view(s).substr(h->end(s)));
                break;
            }
        }
        if (people.empty() || role.empty() || l.furniture) continue;
        const std::string& line = people;
        const auto persons = find_persons(line, g);
        if (!persons.empty()) {
            Attendee a{persons.front().name, persons.front().party, role, "", ""};
            if (auto r = g.first("attendance_replaces", line)) a.replaces = trim(r->group("name"));
            const std::size_t open = line.rfind('(');
            if (open != std::string::npos && persons.size() == 1)
                if (auto n = g.first("attendance_note", std::string_view(line).substr(open)))
                    a.note = std::string(n->group("note"));
            m.attendance.push_back(std::move(a));
        } else if (role == "other") {
            // "Andreas Norbrant (stadsdirektör)"
            const std::size_t open = line.find('(');
            if (open != std::string::npos && open > 2 && line.back() == ')')
                m.attendance.push_back({trim(std::string_view(line).substr(0, open)), "", role,
                                        line.substr(open + 1, line.size() - open - 2), ""});
        }
    }
    return m;
}

}  // namespace kraft
