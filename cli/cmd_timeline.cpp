// kraft timeline CASE: every handling of a case, drawn as a vertical time line.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "pipeline.hpp"
#include "query/timeline.hpp"
#include "query/timeline_json.hpp"
#include "terminal.hpp"
#include "timeline_view.hpp"

namespace kraft::cli {

namespace {

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
        draw_timeline(*t, Style{use_color(g, stdout)}, terminal_width());
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
