// What every subcommand shares: the global options, exit codes, error reporting, paths.
#pragma once

#include <cstdio>
#include <string>

#include "query/filters.hpp"
#include "util/error.hpp"

namespace kraft::cli {

// Exit status of the contract (../spec/contract.md, man/kraft.1).
enum Exit : int { kOk = 0, kInputFailed = 1, kUsage = 2, kArchive = 3 };

// The exit status for a query that failed.
inline int exit_status(const QueryFailure& f) {
    return f.usage ? kUsage : f.grammar ? kInputFailed : kArchive;
}

enum class ColorMode { automatic, always, never };

struct GlobalOptions {
    std::string db;  // empty: default from $KRAFT_DB or $XDG_DATA_HOME
    bool json = false;
    ColorMode color = ColorMode::automatic;
    bool quiet = false;
    bool verbose = false;
};

// "kraft: FILE:LINE: message" on stderr.
void report(const Error& e);
void report(const std::string& message);

// --db, else $KRAFT_DB, else $XDG_DATA_HOME/kraft/kraft.db, else ~/.local/share/kraft/kraft.db.
std::string archive_path(const GlobalOptions& g);

// $KRAFT_GRAMMARS, else the installed share/kraft/grammars beside the binary, else the source tree.
std::string grammar_dir();

// Colour for this stream: --color always/never, or auto (a terminal and NO_COLOR unset).
bool use_color(const GlobalOptions& g, std::FILE* stream);

}  // namespace kraft::cli
