// kraft unfollow CASE... | --search QUERY [filters]: stop following.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "follow_args.hpp"
#include "store/archive.hpp"
#include "store/follows.hpp"

namespace kraft::cli {

namespace {

int run(const FollowArgs& a, const GlobalOptions& g) {
    auto target = open_follow_target(a, g);
    if (const int* status = std::get_if<int>(&target)) return *status;
    auto& [wanted, archive] = std::get<FollowTarget>(target);
    int status = kOk;
    for (const Follow& f : wanted) {
        auto removed = remove_follow(archive->db(), f);
        if (!removed) {
            report(removed.error());
            return kArchive;
        }
        if (!*removed) {
            report("not following " + f.describe());
            status = kInputFailed;
        } else if (!g.quiet) {
            std::cout << "no longer following " << f.describe() << '\n';
        }
    }
    return status;
}

}  // namespace

void setup_unfollow(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<FollowArgs>();
    CLI::App* sub = app.add_subcommand("unfollow", "Stop following cases or a saved search");
    add_follow_options(sub, *a, "FOLLOWED");
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
