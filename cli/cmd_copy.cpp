// kraft copy --to LOCATION | --from LOCATION: the archive's protocols and follows into another
// archive (SQLite file or PostgreSQL server), or another's into this one.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "store/archive_copy.hpp"
#include "util/json_writer.hpp"

namespace kraft::cli {

namespace {

struct CopyArgs {
    std::string to, from;
};

std::atomic<bool> g_stop{false};

extern "C" void on_copy_signal(int sig) {
    g_stop = true;
    std::signal(sig, SIG_DFL);  // a second Ctrl-C ends the process at once
}

void print_summary(const CopyResult& r, const GlobalOptions& g) {
    if (g.json) {
        JsonWriter j(std::cout);
        j.begin_object()
            .key("copied")
            .value(r.copied)
            .key("replaced")
            .value(r.replaced)
            .key("unchanged")
            .value(r.unchanged)
            .key("kept_newer")
            .value(r.kept_newer)
            .key("failed")
            .value(r.failed)
            .key("paragraphs")
            .value(static_cast<long long>(r.paragraphs))
            .key("follows")
            .value(r.follows)
            .key("interrupted")
            .value(r.interrupted)
            .end_object();
        std::cout << '\n';
        return;
    }
    if (g.quiet && !r.failed) return;
    std::cerr << "copied " << r.copied << ", replaced " << r.replaced << ", unchanged "
              << r.unchanged << ", kept (newer in the destination) " << r.kept_newer << ", failed "
              << r.failed << " (" << r.paragraphs << " paragraphs; " << r.follows
              << (r.follows == 1 ? " follow" : " follows") << " added)\n";
}

int run(const CopyArgs& a, const GlobalOptions& g) {
    if (a.to.empty() == a.from.empty()) {
        report("copy needs one of --to LOCATION or --from LOCATION");
        return kUsage;
    }
    const std::string here = archive_path(g);
    const std::string& from_location = a.from.empty() ? here : a.from;
    const std::string& to_location = a.to.empty() ? here : a.to;
    auto from = Archive::open(from_location, Database::Mode::read_only);
    if (!from) {
        report(from.error());
        return kArchive;
    }
    auto to = Archive::open(to_location, Database::Mode::read_write);
    if (!to) {
        report(to.error());
        return kArchive;
    }
    const bool show_progress = !g.quiet && ::isatty(STDERR_FILENO);
    CopyCallbacks cb;
    cb.on_error = [&](const Error& e) {
        if (show_progress) std::fprintf(stderr, "\r\x1b[K");
        report(e);
    };
    cb.on_progress = [&](const CopyProgress& p) {
        if (!show_progress) return;
        std::fprintf(stderr, "\r\x1b[Kcopying: %zu/%zu protocols", p.done, p.total);
        std::fflush(stderr);
    };
    std::signal(SIGINT, on_copy_signal);
    std::signal(SIGTERM, on_copy_signal);
    auto r = copy_archive(**from, **to, cb, g_stop);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (show_progress) std::fprintf(stderr, "\r\x1b[K");
    if (!r) {
        report(r.error());
        return kArchive;
    }
    if (r->interrupted)
        report(
            "interrupted: the protocols copied so far are complete; run the copy again to "
            "finish");
    print_summary(*r, g);
    return r->failed || r->interrupted ? kInputFailed : kOk;
}

}  // namespace

void setup_copy(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<CopyArgs>();
    CLI::App* sub = app.add_subcommand(
        "copy",
        "Copy the archive's protocols and follows into another archive (--to), or another's "
        "into this one (--from): SQLite files and PostgreSQL servers alike");
    auto* to = sub->add_option("--to", a->to,
                               "The archive to copy into: a file, or postgresql://USER@HOST/DB")
                   ->type_name("LOCATION");
    sub->add_option("--from", a->from,
                    "The archive to copy from: a file, or postgresql://USER@HOST/DB")
        ->type_name("LOCATION")
        ->excludes(to);
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
