// kraft show CASE | BODY DATE §N [--original]: one paragraph in full, as archived.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "pipeline.hpp"
#include "query/paragraph_json.hpp"
#include "query/show.hpp"
#include "terminal.hpp"
#include "util/json_writer.hpp"

namespace kraft::cli {

namespace {

struct ShowArgs {
    std::vector<std::string> what;
    bool original = false;
};

void print_json(const std::vector<ShownParagraph>& ps, bool original) {
    JsonWriter j(std::cout);
    j.begin_object().key("paragraphs").begin_array();
    for (const ShownParagraph& p : ps) write_json(j, p, original);
    j.end_array().end_object();
    std::cout << '\n';
}

void print_text(const ShownParagraph& p, const Style& st, bool original, std::size_t width) {
    std::cout << st.bold(p.date.value_or("(no date)") + "  " + p.body + "  § " +
                         std::to_string(p.number))
              << "  " << p.title << '\n';
    for (const auto& c : p.case_numbers) std::cout << "case " << st.color(35, c) << "  ";
    std::cout << st.dim(p.source + (p.page ? ", page " + std::to_string(*p.page) : "")) << "\n\n";
    if (original) {
        if (!p.original) {
            std::cout
                << st.dim(
                       "(repair changed nothing in this protocol: the text below is as received)")
                << "\n\n"
                << p.text << '\n';
        } else {
            std::cout << *p.original << '\n'
                      << st.bold(std::to_string(p.edits.size()) + " repair edits:") << '\n';
            for (const ShownEdit& e : p.edits)
                std::cout << "  " << e.line << ':' << e.column << "  " << st.color(31, e.from)
                          << " → " << st.color(32, e.to) << "  " << st.dim(e.reason) << '\n';
        }
        return;
    }
    std::cout << p.text << '\n';
    if (p.decision) {
        std::cout << '\n'
                  << st.bold(
                         p.decision->by +
                         (p.decision->kind == DecisionKind::proposes ? " proposes" : " decides") +
                         (p.decision->to ? " to " + *p.decision->to : "") + ":")
                  << '\n';
        int n = 0;
        for (const auto& pt : p.decision->points)
            for (const std::string& l :
                 wrap(std::to_string(++n) + ". " + pt, width > 4 ? width - 2 : width))
                std::cout << "  " << l << '\n';
    }
    for (const Statement& s : p.statements) {
        std::string who;
        for (const Person& x : s.persons)
            who += (who.empty() ? "" : ", ") + x.name + " (" + x.party + ")";
        std::cout << st.color(33, std::string(to_string(s.kind)))
                  << (s.appendix ? " (bilaga " + std::to_string(*s.appendix) + ")" : "") << ": "
                  << who << '\n';
    }
}

int run(const ShowArgs& a, const GlobalOptions& g) {
    const Grammar* grammar = grammar_or_report();
    if (!grammar) return kInputFailed;
    const std::unique_ptr<Archive> archive = read_archive_or_report(g);
    if (!archive) return kArchive;
    std::string what;
    for (const auto& w : a.what) what += (what.empty() ? "" : " ") + w;
    auto r = show(*archive, what, *grammar);
    if (!r) {
        report(r.error().error);
        return exit_status(r.error());
    }
    if (r->empty()) {
        report(what + ": no such paragraph in the archive");
        return kInputFailed;
    }
    if (g.json) {
        print_json(*r, a.original);
        return kOk;
    }
    const Style st{use_color(g, stdout)};
    for (std::size_t i = 0; i < r->size(); ++i) {
        if (i) std::cout << "\n" << std::string(40, '-') << "\n\n";
        print_text((*r)[i], st, a.original, terminal_width());
    }
    return kOk;
}

}  // namespace

void setup_show(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<ShowArgs>();
    CLI::App* sub = app.add_subcommand("show", "Print one paragraph in full, as archived");
    sub->add_option("what", a->what, "A case number, or BODY DATE §N (e.g. KF 2026-01-22 §8)")
        ->required();
    sub->add_flag("--original", a->original,
                  "Show the text as received (before OCR repair) and the edits");
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
