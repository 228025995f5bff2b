#include "timeline_view.hpp"

#include <iostream>

#include "util/text.hpp"

namespace kraft::cli {

namespace {

// The badge's word, as clerks say it.
std::string_view kind_label(StatementKind kind) {
    switch (kind) {
        case StatementKind::reservation:
            return "reservation";
        case StatementKind::special_statement:
            return "särskilt yttrande";
        case StatementKind::protocol_note:
            return "protokollsanteckning";
    }
    return "reservation";
}

// Badges, packed into lines by display width, coloured one by one.
void add_badges(const TimelineEvent& e, const Style& st, std::size_t text_width,
                std::vector<std::string>& body) {
    std::string line;
    std::size_t used = 0;
    for (const TimelineStatement& s : e.statements) {
        std::string parties;
        for (const auto& p : s.parties) parties += (parties.empty() ? "" : "+") + p;
        const std::string badge = "[" + std::string(kind_label(s.kind)) + " " + parties + "]";
        const std::size_t w = text::display_width(badge);
        if (used > 0 && used + 1 + w > text_width) {
            body.push_back(line);
            line.clear();
            used = 0;
        }
        line += (used ? " " : "") + st.color(s.kind == StatementKind::reservation ? 31 : 33, badge);
        used += (used ? 1 : 0) + w;
    }
    if (used) body.push_back(line);
}

void draw_event(const TimelineEvent& e, const std::string& note, bool first, bool last,
                const Style& st, std::size_t text_width) {
    const std::string pad(12, ' ');
    const std::string rail = last ? "  " : "│ ";
    std::string head = e.body.empty() ? "(body unknown)" : e.body;
    if (e.paragraph) head += " § " + std::to_string(*e.paragraph);
    if (!note.empty()) head += "  " + note;
    const std::string date = e.date.value_or("(no date)");
    const std::vector<std::string> head_lines = wrap(head, text_width);
    for (std::size_t h = 0; h < head_lines.size(); ++h) {
        if (h == 0)
            std::cout << st.bold(date) << std::string(date.size() < 10 ? 10 - date.size() : 0, ' ')
                      << "  "
                      << (first  ? "┬ "
                          : last ? "└ "
                                 : "├ ");
        else
            std::cout << pad << rail;
        std::cout << st.color(36, head_lines[h]) << '\n';
    }
    std::vector<std::string> body;
    if (!e.title.empty())
        for (auto& l : wrap(e.title, text_width)) body.push_back(l);
    if (!e.decision.empty())
        for (auto& l : wrap("→ " + e.decision, text_width)) body.push_back(st.dim(l));
    add_badges(e, st, text_width, body);
    for (const std::string& l : body) std::cout << pad << rail << l << '\n';
    if (!last) std::cout << pad << "│\n";
}

// A case cited by thousands of paragraphs has thousands of related cases: the terminal shows the
// first few, --json all of them.
void draw_related(const std::vector<std::string>& cases, const Style& st, std::size_t width) {
    constexpr std::size_t kShown = 40;
    std::string related;
    for (std::size_t i = 0; i < cases.size() && i < kShown; ++i)
        related += (related.empty() ? "" : ", ") + cases[i];
    if (cases.size() > kShown)
        related +=
            " and " + std::to_string(cases.size() - kShown) + " more (--json lists them all)";
    const std::string label = "Related cases:";
    std::cout << '\n';
    bool first = true;
    for (const std::string& l : wrap(label + " " + related, width)) {
        // wrap() keeps the label's two words at the start of the first line (width >= 20).
        if (first && l.starts_with(label))
            std::cout << st.bold(label) << l.substr(label.size()) << '\n';
        else
            std::cout << l << '\n';
        first = false;
    }
}

}  // namespace

void draw_events(const std::vector<TimelineEvent>& events, const std::vector<std::string>& notes,
                 const Style& st, std::size_t width) {
    const std::size_t text_width = width > 20 ? width - 14 : 40;
    for (std::size_t i = 0; i < events.size(); ++i)
        draw_event(events[i], i < notes.size() ? notes[i] : "", i == 0, i + 1 == events.size(), st,
                   text_width);
}

void draw_timeline(const Timeline& t, const Style& st, std::size_t width) {
    std::cout << st.bold(t.case_number) << " — " << t.events.size()
              << (t.events.size() == 1 ? " event" : " events") << "\n\n";
    std::vector<std::string> notes;
    for (const TimelineEvent& e : t.events)
        notes.push_back(e.origin == EventOrigin::reference ? "(cited)" : "");
    draw_events(t.events, notes, st, width);
    if (!t.related_cases.empty()) draw_related(t.related_cases, st, width);
}

}  // namespace kraft::cli
