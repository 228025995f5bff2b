// The filter options that `search` and `export` share, declared once so that both commands (and
// their completions) accept the same spellings.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "query/filters.hpp"

namespace kraft::cli {

// The strings CLI11 fills in; empty means "not given".
struct FilterArgs {
    std::string case_number, body, from, to, kind, person, party;
    Filters filters() const;
};

// The values --kind accepts.
const std::vector<std::string>& kind_values();

void add_filter_options(CLI::App* sub, FilterArgs& a);

}  // namespace kraft::cli
