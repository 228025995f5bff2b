// kraft import PATH... [--body NAME] [--date YYYY-MM-DD]: protocols into the archive.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>

#include "commands.hpp"
#include "ocr_options.hpp"
#include "pipeline.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/inputs.hpp"
#include "query/news.hpp"

namespace kraft::cli {

namespace {

struct ImportArgs {
    std::vector<std::string> paths;
    std::string body, date;
    unsigned threads = 0;
    OcrArgs ocr;
};

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int sig) {
    g_stop = true;
    std::signal(sig,
                SIG_DFL);  // a second Ctrl-C ends the process at once (SQLite stays consistent)
}

// "[=====>     ] 12/400 files  3.2 MB/s  0:12 left" on one terminal line.
class ProgressBar {
  public:
    explicit ProgressBar(bool enabled)
        : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
    void update(const ImportProgress& p) {
        if (!enabled_) return;
        std::lock_guard lock(mu_);
        last_ = p;
        draw();
    }
    // A scanned file's pages as OCR reads them, after the files' bar: the one file that takes
    // minutes shows that it moves.
    void update_ocr(const std::string& file, std::size_t done, std::size_t total) {
        if (!enabled_) return;
        std::lock_guard lock(mu_);
        ocr_ = done < total ? std::filesystem::path(file).filename().string() + ": OCR page " +
                                  std::to_string(done + 1) + "/" + std::to_string(total)
                            : "";
        draw();
    }
    void clear() {
        std::lock_guard lock(mu_);
        if (drawn_) std::fprintf(stderr, "\r\x1b[K");
        drawn_ = false;
    }

  private:
    void draw() {
        const ImportProgress& p = last_;
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = secs > 0 ? static_cast<double>(p.bytes_done) / secs : 0;
        const double left =
            rate > 0
                ? static_cast<double>(p.bytes_total - std::min(p.bytes_total, p.bytes_done)) / rate
                : 0;
        constexpr int kWidth = 30;
        const int filled =
            p.files_total ? static_cast<int>(kWidth * p.files_done / p.files_total) : kWidth;
        std::string bar(static_cast<std::size_t>(filled), '=');
        if (filled < kWidth)
            bar += '>' + std::string(static_cast<std::size_t>(kWidth - filled - 1), ' ');
        std::fprintf(stderr, "\r\x1b[K[%s] %zu/%zu files  %.1f MB/s  %d:%02d left %s", bar.c_str(),
                     p.files_done, p.files_total, rate / 1e6, static_cast<int>(left) / 60,
                     static_cast<int>(left) % 60, ocr_.c_str());
        std::fflush(stderr);
        drawn_ = true;
    }

    bool enabled_;
    std::mutex mu_;  // OCR progress comes from the worker threads
    ImportProgress last_;
    std::string ocr_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
};

// One line per followed case the import moved ("STK-2024-1374: 2 new events"), on stdout after
// the summary; nothing when none moved.
void report_moved_cases(Archive& archive) {
    if (!archive.import_run()) return;
    auto moved = moved_cases(archive, *archive.import_run());
    if (!moved) {
        report(moved.error().error);
        return;
    }
    for (const CaseNews& c : *moved)
        std::cout << c.case_key << ": " << c.events.size()
                  << (c.events.size() == 1 ? " new event" : " new events") << '\n';
}

int run(const ImportArgs& a, const GlobalOptions& g) {
    auto model = repair_model();
    auto grammar = protocol_grammar();
    if (!model || !grammar) {
        report(!model ? model.error() : grammar.error());
        return kInputFailed;
    }
    const std::string path = archive_path(g);
    auto archive = Archive::open(path, Database::Mode::read_write);
    if (!archive) {
        report(archive.error());
        return kArchive;
    }
    ProgressBar bar(!g.quiet && ::isatty(STDERR_FILENO));
    ImportCallbacks cb;
    cb.on_error = [&](const Error& e) {
        bar.clear();
        report(e);
    };
    cb.on_progress = [&](const ImportProgress& p) { bar.update(p); };
    cb.on_ocr_page = [&](const std::string& file, std::size_t done, std::size_t total) {
        bar.update_ocr(file, done, total);
    };
    std::size_t collect_failures = 0;
    const std::vector<std::string> inputs = collect_inputs(a.paths, cb.on_error, collect_failures);
    ImportOptions o;
    if (!a.body.empty()) o.body = a.body;
    if (!a.date.empty()) o.date = a.date;
    o.threads = a.threads;
    o.ingest = a.ocr.options();
    auto ingest = ingest_model();
    if (!ingest) {
        report(ingest.error());
        return kInputFailed;
    }
    const Pipeline pipeline{**grammar, **ingest};
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    auto r = import_inputs(**archive, inputs, *model, kraft::default_dictionary(), pipeline, o, cb,
                           g_stop);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    bar.clear();
    if (!r) {
        report(r.error());
        return kArchive;
    }
    r->failed += collect_failures;
    if (r->interrupted)
        report(
            "interrupted: the protocols imported so far are complete; run the import again to "
            "finish");
    if (!g.quiet || r->failed)
        std::cerr << "imported " << r->imported << ", unchanged " << r->unchanged << ", failed "
                  << r->failed << " (" << r->paragraphs << " paragraphs)\n";
    if (r->archive_failed) return kArchive;  // the archive, not the files, failed
    if (!g.quiet && r->imported > 0) report_moved_cases(**archive);
    return r->failed || r->interrupted ? kInputFailed : kOk;
}

}  // namespace

void setup_import(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<ImportArgs>();
    CLI::App* sub =
        app.add_subcommand("import", "Import protocol files and folders into the archive");
    sub->add_option("paths", a->paths,
                    "Files, folders (recursively: *.txt, *.md, *.pdf and page images *.png, *.tif, "
                    "*.jpg), or - for standard input")
        ->required()
        ->type_name("PATH");
    sub->add_option("--body", a->body,
                    "The meeting's body, for protocols whose text does not name it")
        ->type_name("BODY");
    sub->add_option("--date", a->date, "The meeting's date (YYYY-MM-DD), for protocols without one")
        ->check(date_validator());
    sub->add_option("--threads", a->threads,
                    "Worker threads (default: one per core but one, at least 1, at most 4)")
        ->check(CLI::Range(1, 64));
    add_ocr_options(sub, a->ocr);
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
