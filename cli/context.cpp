#include "context.hpp"

#include "commands.hpp"
#include "segment/dates.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace kraft::cli {

namespace fs = std::filesystem;

void report(const Error& e) {
    std::cerr << "kraft: " << e.str() << '\n';
}
void report(const std::string& message) {
    std::cerr << "kraft: " << message << '\n';
}

std::string archive_path(const GlobalOptions& g) {
    if (!g.db.empty()) return g.db;
    if (const char* env = std::getenv("KRAFT_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "kraft" / "kraft.db").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / ".local/share/kraft/kraft.db").string();
}

std::string grammar_dir() {
    if (const char* env = std::getenv("KRAFT_GRAMMARS"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share/kraft/grammars";
        if (fs::is_directory(installed, ec)) return installed.string();
    }
    return KRAFT_SOURCE_GRAMMARS;
}

bool use_color(const GlobalOptions& g, std::FILE* stream) {
    switch (g.color) {
        case ColorMode::always:
            return true;
        case ColorMode::never:
            return false;
        case ColorMode::automatic:
            break;
    }
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return ::isatty(::fileno(stream)) != 0;
}

CLI::Validator date_validator() {
    return CLI::Validator(
        [](std::string& s) -> std::string {
            return iso_date(s) ? "" : "'" + s + "' is not a date written YYYY-MM-DD";
        },
        "YYYY-MM-DD", "date");
}

}  // namespace kraft::cli
