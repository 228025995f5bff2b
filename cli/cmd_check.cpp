// kraft check: is the archive sound? (SQLite integrity, foreign keys, the full-text index, the
// protocols' runs of entry ids.)
#include <iostream>

#include "commands.hpp"
#include "store/check.hpp"

namespace kraft::cli {

namespace {
int run(const GlobalOptions& g) {
    // Read-write: FTS5's integrity-check is written as an INSERT, though it changes nothing.
    auto archive = Archive::open(archive_path(g), Database::Mode::read_write);
    if (!archive) {
        report(archive.error());
        return kArchive;
    }
    auto problems = check_archive(**archive);
    if (!problems) {
        report(problems.error());
        return kArchive;
    }
    for (const auto& p : *problems) report((*archive)->db().path() + ": " + p);
    if (!problems->empty()) return kArchive;
    if (!g.quiet) std::cout << "ok\n";
    return kOk;
}
}  // namespace

void setup_check(CLI::App& app, const GlobalOptions& g, int& status) {
    CLI::App* sub = app.add_subcommand(
        "check",
        "Check that the archive is sound (integrity, foreign keys, full-text index, entry ids)");
    sub->callback([&g, &status] { status = run(g); });
}

}  // namespace kraft::cli
