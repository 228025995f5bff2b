// One setup function per subcommand, each in its own file (cmd_*.cpp). A setup function adds the
// subcommand and its options to the app; its callback stores the exit status in `status`.
#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace kraft::cli {

void setup_repair(CLI::App& app, const GlobalOptions& g, int& status);
void setup_parse(CLI::App& app, const GlobalOptions& g, int& status);
void setup_import(CLI::App& app, const GlobalOptions& g, int& status);
void setup_search(CLI::App& app, const GlobalOptions& g, int& status);
void setup_timeline(CLI::App& app, const GlobalOptions& g, int& status);
void setup_show(CLI::App& app, const GlobalOptions& g, int& status);
void setup_check(CLI::App& app, const GlobalOptions& g, int& status);
void setup_export(CLI::App& app, const GlobalOptions& g, int& status);
void setup_stats(CLI::App& app, const GlobalOptions& g, int& status);
void setup_follow(CLI::App& app, const GlobalOptions& g, int& status);
void setup_unfollow(CLI::App& app, const GlobalOptions& g, int& status);
void setup_news(CLI::App& app, const GlobalOptions& g, int& status);
void setup_copy(CLI::App& app, const GlobalOptions& g, int& status);
void setup_completion(CLI::App& app, const GlobalOptions& g, int& status);

// Accepts a real calendar date written YYYY-MM-DD.
CLI::Validator date_validator();

}  // namespace kraft::cli
