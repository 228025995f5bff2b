// kraft follow CASE... | --search QUERY [filters] | --list: cases and searches whose news
// `kraft news` and `kraft import` report.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "follow_args.hpp"
#include "pipeline.hpp"
#include "query/search.hpp"
#include "store/archive.hpp"
#include "store/follows.hpp"

namespace kraft::cli {

namespace {

struct FollowCommandArgs : FollowArgs {
    bool list = false;
};

int list(const GlobalOptions& g) {
    auto archive = Archive::open(archive_path(g), Database::Mode::read_only);
    if (!archive) {
        report(archive.error());
        return kArchive;
    }
    auto all = follows((*archive)->db(), (*archive)->schema());
    if (!all) {
        report(all.error());
        return kArchive;
    }
    for (const Follow& f : *all) std::cout << f.describe() << "  (since " << f.since << ")\n";
    return kOk;
}

// A saved search is run once before it is kept: one that cannot run (nothing to search for, a
// malformed FTS5 expression, a NUL) would otherwise fail every `kraft news` after it.
int check_search(Archive& archive, const SavedSearch& s) {
    const Grammar* grammar = grammar_or_report();
    if (!grammar) return kInputFailed;
    SearchQuery q = search_query_of(s);
    q.limit = 1;
    auto r = search(archive, q, *grammar);
    if (r) return kOk;
    report(r.error().error);
    return exit_status(r.error());
}

int run(const FollowCommandArgs& a, const GlobalOptions& g) {
    if (a.list) return list(g);
    auto target = open_follow_target(a, g);
    if (const int* status = std::get_if<int>(&target)) return *status;
    auto& [wanted, archive] = std::get<FollowTarget>(target);
    for (const Follow& f : wanted) {
        if (f.search)
            if (const int status = check_search(*archive, *f.search); status != kOk) return status;
        auto added = add_follow(archive->db(), f);
        if (!added) {
            report(added.error());
            return kArchive;
        }
        if (!g.quiet)
            std::cout << (*added ? "following " : "already following ") << f.describe() << '\n';
    }
    return kOk;
}

}  // namespace

void setup_follow(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<FollowCommandArgs>();
    CLI::App* sub = app.add_subcommand(
        "follow", "Follow cases or a saved search: kraft news and kraft import report what moved");
    add_follow_options(sub, *a, "CASE");
    sub->add_flag("--list", a->list, "List the followed cases and saved searches");
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
