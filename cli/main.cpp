// kraft: wires the subcommands together. Logic lives in lib/; each subcommand in cli/cmd_*.cpp.
#include <CLI/CLI.hpp>

#include <cstring>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "context.hpp"
#include "ingest/ocr.hpp"

namespace {

// A command that may read scans starts itself again with OMP_THREAD_LIMIT=1
// (lib/ingest/ocr.hpp: without it tesseract's threads spin against kraft's own, 9x slower here).
bool may_ocr(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const char* command : {"import", "parse", "repair"})
            if (std::strcmp(argv[i], command) == 0) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kraft::cli;
    if (may_ocr(argc, argv)) kraft::restart_with_one_openmp_thread(argv);
    CLI::App app{"kraft: a searchable archive of Swedish municipal meeting protocols", "kraft"};
    app.set_version_flag("--version", std::string("kraft ") + KRAFT_VERSION);
    app.require_subcommand(1);

    GlobalOptions g;
    const std::map<std::string, ColorMode> colors{
        {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
    app.add_option("--db", g.db,
                   "The archive: a file, or postgresql://USER@HOST/DB (default: $KRAFT_DB or "
                   "~/.local/share/kraft/kraft.db)")
        ->type_name("PATH");
    app.add_flag("--json", g.json, "Machine-readable output on stdout");
    app.add_option("--color", g.color, "Colour: auto, always or never")
        ->transform(CLI::CheckedTransformer(colors, CLI::ignore_case))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", g.quiet, "Print only errors");
    app.add_flag("-v,--verbose", g.verbose, "Print more detail");

    int status = kOk;
    setup_repair(app, g, status);
    setup_parse(app, g, status);
    setup_import(app, g, status);
    setup_search(app, g, status);
    setup_timeline(app, g, status);
    setup_show(app, g, status);
    setup_check(app, g, status);
    setup_export(app, g, status);
    setup_stats(app, g, status);
    setup_follow(app, g, status);
    setup_unfollow(app, g, status);
    setup_news(app, g, status);
    setup_copy(app, g, status);
    setup_completion(app, g, status);
    // Global options may follow a subcommand; __complete takes every word after it as data.
    for (CLI::App* sub : app.get_subcommands({}))
        if (!sub->get_prefix_command()) sub->fallthrough();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return kOk;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return kOk;
    } catch (const CLI::CallForVersion& e) {
        std::cout << e.what() << '\n';
        return kOk;
    } catch (const CLI::ParseError& e) {
        // --help after a subcommand arrives as CallForHelp from the subcommand; anything else
        // is a usage error, exit 2 as the contract says.
        report(e.what());
        std::cerr << "Run 'kraft --help' for usage.\n";
        return kUsage;
    }
    return status;
}
