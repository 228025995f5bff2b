// The arguments `kraft follow` and `kraft unfollow` share: case numbers, or a saved search (a
// query and the search's filters).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "context.hpp"
#include "filter_options.hpp"
#include "model/follow.hpp"
#include "store/archive.hpp"
#include "util/error.hpp"

namespace kraft::cli {

struct FollowArgs : FilterArgs {
    std::vector<std::string> cases;
    std::optional<std::string> search;  // --search QUERY
    bool exact = false;

    // What the arguments name. Errors (usage): no case and no --search, both, a word that is no
    // case number. (`kraft follow` runs a saved search once before it keeps it.)
    Result<std::vector<Follow>> follows() const;
};

// The follows the arguments name and the archive opened for writing (created when missing: a
// clerk may follow a case before its first protocol is imported); after reporting what failed,
// the exit status instead.
struct FollowTarget {
    std::vector<Follow> follows;
    std::unique_ptr<Archive> archive;
};
std::variant<FollowTarget, int> open_follow_target(const FollowArgs& a, const GlobalOptions& g);

// `case_type`: CASE (any case of the archive) or FOLLOWED (the followed ones), for completion.
void add_follow_options(CLI::App* sub, FollowArgs& a, const std::string& case_type);

}  // namespace kraft::cli
