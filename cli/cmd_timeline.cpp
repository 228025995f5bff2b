// kraft timeline CASE: every handling of a case, drawn as a vertical time line.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "pipeline.hpp"
#include "query/timeline.hpp"
#include "query/timeline_json.hpp"
#include "terminal.hpp"
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

void draw(const Timeline& t, const Style& st, std::size_t width) {
    std::cout << st.bold(t.case_number) << " — " << t.events.size()
              << (t.events.size() == 1 ? " event" : " events") << "\n\n";
    const std::string pad(12, ' ');
    const std::size_t text_width = width > 20 ? width - 14 : 40;
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const TimelineEvent& e = t.events[i];
        const bool last = i + 1 == t.events.size();
        const std::string rail = last ? "  " : "│ ";
        std::string head = e.body.empty() ? "(body unknown)" : e.body;
        if (e.paragraph) head += " § " + std::to_string(*e.paragraph);
        if (e.origin == EventOrigin::reference) head += "  (cited)";
        const std::string date = e.date.value_or("(no date)");
        const std::vector<std::string> head_lines = wrap(head, text_width);
        for (std::size_t h = 0; h < head_lines.size(); ++h) {
            if (h == 0)
                std::cout << st.bold(date)
                          << std::string(date.size() < 10 ? 10 - date.size() : 0, ' ') << "  "
                          << (i == 0 ? "┬ "
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
        // Badges, packed into lines by display width, coloured one by one.
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
            line +=
                (used ? " " : "") + st.color(s.kind == StatementKind::reservation ? 31 : 33, badge);
            used += (used ? 1 : 0) + w;
        }
        if (used) body.push_back(line);
        for (const std::string& l : body) std::cout << pad << rail << l << '\n';
        if (!last) std::cout << pad << "│\n";
    }
    if (!t.related_cases.empty()) {
        // A case cited by thousands of paragraphs has thousands of related cases: the terminal
        // shows the first few, --json all of them.
        constexpr std::size_t kShown = 40;
        std::string related;
        for (std::size_t i = 0; i < t.related_cases.size() && i < kShown; ++i)
            related += (related.empty() ? "" : ", ") + t.related_cases[i];
        if (t.related_cases.size() > kShown)
            related += " and " + std::to_string(t.related_cases.size() - kShown) +
                       " more (--json lists them all)";
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
}

int run(const std::string& case_number, const GlobalOptions& g) {
    const std::unique_ptr<Archive> archive = read_archive_or_report(g);
    if (!archive) return kArchive;
    auto t = timeline(*archive, case_number);
    if (!t) {
        report(t.error().error);
        return exit_status(t.error());
    }
    if (g.json)
        write_json(std::cout, *t);
    else if (t->events.empty()) {
        std::cout << t->case_number << ": no paragraph of this case is in the archive";
        if (t->mentioned_in > 0)
            std::cout << "; " << t->mentioned_in
                      << (t->mentioned_in == 1 ? " paragraph mentions" : " paragraphs mention")
                      << " it (kraft search " << t->case_number << ")";
        std::cout << '\n';
    } else
        draw(*t, Style{use_color(g, stdout)}, terminal_width());
    return kOk;
}

}  // namespace

void setup_timeline(CLI::App& app, const GlobalOptions& g, int& status) {
    auto c = std::make_shared<std::vector<std::string>>();
    CLI::App* sub = app.add_subcommand("timeline", "Show every handling of a case, in date order");
    sub->add_option("case", *c,
                    "Case number as written or normalised (STK-2024-1374, stk 2024-1374)")
        ->required()
        ->type_name("CASE");
    sub->callback([c, &g, &status] {
        std::string joined;
        for (const auto& w : *c) joined += (joined.empty() ? "" : " ") + w;
        status = run(joined, g);
    });
}

}  // namespace kraft::cli
