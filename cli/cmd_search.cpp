// kraft search QUERY [filters] [--limit N] [--exact]: ranked hits with snippets.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "filter_options.hpp"
#include "pipeline.hpp"
#include "query/search.hpp"
#include "query/search_json.hpp"
#include "terminal.hpp"

namespace kraft::cli {

namespace {

struct SearchArgs : FilterArgs {
    std::vector<std::string> words;
    int limit = 20;
    bool exact = false;
};

int run(const SearchArgs& a, const GlobalOptions& g) {
    const Grammar* grammar = grammar_or_report();
    if (!grammar) return kInputFailed;
    const std::unique_ptr<Archive> archive = read_archive_or_report(g);
    if (!archive) return kArchive;
    SearchQuery q;
    static_cast<Filters&>(q) = a.filters();
    for (const auto& w : a.words) q.text += (q.text.empty() ? "" : " ") + w;
    q.limit = a.limit;
    q.exact = a.exact;
    auto r = search(*archive, q, *grammar);
    if (!r) {
        report(r.error().error);
        return exit_status(r.error());
    }
    if (g.json) {
        write_json(std::cout, q.text, *r);
        return kOk;
    }
    const Style st{use_color(g, stdout)};
    const std::size_t width = terminal_width();
    std::cout << r->total << (r->total == 1 ? " hit" : " hits");
    if (static_cast<std::int64_t>(r->hits.size()) < r->total)
        std::cout << ", showing " << r->hits.size();
    std::cout << '\n';
    for (const SearchHit& h : r->hits) {
        std::string head = st.bold(h.date.value_or("(no date)")) + "  " + st.color(36, h.body) +
                           "  § " + std::to_string(h.paragraph) + "  " + h.title;
        for (const auto& c : h.case_numbers) head += "  " + st.color(35, c);
        head += "  " + st.dim(std::string(to_string(h.kind)));
        std::cout << '\n' << head << '\n';
        for (const std::string& line : wrap(st.highlight(h.snippet), width > 8 ? width - 4 : width))
            std::cout << "    " << line << '\n';
    }
    return kOk;
}

}  // namespace

void setup_search(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<SearchArgs>();
    CLI::App* sub =
        app.add_subcommand("search", "Search the archive: words, a case number, § N, with filters");
    sub->add_option(
        "query", a->words,
        "Words (any inflection, with or without å/ä/ö), FTS5 syntax, a case number or § N");
    add_filter_options(sub, *a);
    sub->add_option("--limit", a->limit, "Hits to show (default 20)")->check(CLI::Range(1, 100000));
    sub->add_flag("--exact", a->exact, "Match å/ä/ö and the word's form exactly as typed");
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
