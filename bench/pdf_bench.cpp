// kraft_bench_pdf: PDF input against its baselines, measured in the same run.
//   - born-digital PDFs: kraft's text extraction (ingest) and a whole import, in MB of PDF per
//     second, against `pdftotext -layout` over the same files;
//   - scanned pages: kraft's OCR on all cores, in pages per second, against `tesseract` run alone
//     on the same pages (rendered at the same 300 dpi, one after the other).
//
//   build/bench/kraft_bench_pdf --pdfs ../shared/pdf-dev     # real PDFs (the figure that counts)
//   build/bench/kraft_bench_pdf                              # PDFs typeset from the repo's texts
//   build/bench/kraft_bench_pdf --quick                      # a smoke test (CI; not a measurement)
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "ingest/ingest.hpp"
#include "ingest/ocr.hpp"
#include "ingest/pdf_document.hpp"
#include "pipeline/batch.hpp"
#include "store/archive.hpp"
#include "timing.hpp"
#include "util/file.hpp"

namespace fs = std::filesystem;
using namespace kraft;
using kraft::bench::Clock;
using kraft::bench::fmt;
using kraft::bench::seconds_since;

namespace {

int run(const std::string& command) {
    return std::system(command.c_str());
}

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::vector<std::string> files_in(const std::string& dir, const std::string& ext) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ext) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Born-digital PDFs typeset from the repository's protocol texts by tests/tools/make-pdf.
std::vector<std::string> typeset_pdfs(const std::string& source, const std::string& dir,
                                      bool quick) {
    fs::create_directories(dir);
    std::vector<std::string> texts = files_in(source + "/tests/data/ocr", ".txt");
    std::erase_if(texts,
                  [](const std::string& p) { return p.find(".gold.txt") == std::string::npos; });
    for (const std::string& s : files_in(source + "/samples", ".txt")) texts.push_back(s);
    if (quick) texts.resize(std::min<std::size_t>(texts.size(), 2));
    std::vector<std::string> out;
    for (const std::string& t : texts) {
        const std::string pdf = dir + "/" + fs::path(t).stem().string() + ".pdf";
        if (run(shell_quoted(source + "/tests/tools/make-pdf") + " " + shell_quoted(t) + " " +
                shell_quoted(pdf) + " --body Kommunstyrelsen --date 2026-01-01") != 0)
            return {};
        out.push_back(pdf);
    }
    return out;
}

struct Options {
    std::string pdf_dir, scans, work = "bench/out-pdf";
    std::string source = KRAFT_SOURCE_DIR;
    bool quick = false;
};

struct Models {
    std::shared_ptr<const IngestModel> ingest;
    std::shared_ptr<const RepairModel> repair;
    std::shared_ptr<const Grammar> grammar;
    std::unique_ptr<Repairer> repairer;
};

// The PDFs through kraft's text extraction and a whole import, against pdftotext -layout.
bool born_digital(const Options& o, const Models& m) {
    const std::vector<std::string> pdfs = o.pdf_dir.empty()
                                              ? typeset_pdfs(o.source, o.work + "/typeset", o.quick)
                                              : files_in(o.pdf_dir, ".pdf");
    if (pdfs.empty()) {
        std::cerr << "kraft_bench_pdf: no PDFs\n";
        return false;
    }
    std::size_t bytes = 0;
    std::vector<std::string> data;
    for (const std::string& p : pdfs) {
        data.push_back(*read_file(p));
        bytes += data.back().size();
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::cout << "| PDF input | value | against the baseline |\n|---|---|---|\n";
    std::cout << "| born-digital PDFs | " << pdfs.size() << " files, " << fmt("%.1f MB", mb)
              << (o.pdf_dir.empty() ? " (typeset from the repository's texts)" : "") << " | |\n";
    auto t = Clock::now();
    for (const std::string& p : pdfs)
        if (run("pdftotext -layout " + shell_quoted(p) + " /dev/null") != 0) {
            std::cerr << "kraft_bench_pdf: pdftotext (poppler-utils) is needed for the baseline\n";
            return false;
        }
    const double pdftotext_s = seconds_since(t);
    std::cout << "| pdftotext -layout (baseline) | " << fmt("%.1f MB/s", mb / pdftotext_s)
              << " | 1.00× |\n";
    IngestOptions never;
    never.ocr = OcrMode::never;
    const WordCheck is_word = [&](const std::string& w) { return m.repairer->known_word(w); };
    t = Clock::now();
    for (std::size_t i = 0; i < pdfs.size(); ++i)
        if (auto in = ingest(data[i], pdfs[i], *m.ingest, never, is_word); !in) {
            std::cerr << in.error().str() << '\n';
            return false;
        }
    const double ingest_s = seconds_since(t);
    std::cout << "| kraft ingest (text, furniture, hyphenation) | "
              << fmt("%.1f MB/s", mb / ingest_s) << " | " << fmt("%.2f×", pdftotext_s / ingest_s)
              << " |\n";
    const std::string db = o.work + "/bench.db";
    fs::remove(db);
    fs::remove(db + "-wal");
    auto archive = Archive::open(db, Database::Mode::read_write);
    if (!archive) return false;
    ImportOptions io;
    io.ingest = never;
    ImportCallbacks cb{[](const Error& e) { std::cerr << e.str() << '\n'; }, nullptr, nullptr};
    std::atomic<bool> stop{false};
    t = Clock::now();
    auto r = import_inputs(**archive, pdfs, m.repair, default_dictionary(),
                           Pipeline{*m.grammar, *m.ingest}, io, cb, stop);
    const double import_s = seconds_since(t);
    if (!r || r->imported != pdfs.size()) return false;
    std::cout << "| kraft import (ingest, repair, segment, store) | "
              << fmt("%.1f MB/s", mb / import_s) << " | " << fmt("%.2f×", pdftotext_s / import_s)
              << " |\n";
    return true;
}

// The scans' pages rendered once at 300 dpi, in memory for kraft and as PGM files for tesseract.
bool render_pages(const Options& o, std::vector<GrayImage>& pages,
                  std::vector<std::string>& pgm_files) {
    const std::string pgm_dir = o.work + "/pages";
    fs::remove_all(pgm_dir);
    fs::create_directories(pgm_dir);
    for (const std::string& p : files_in(o.scans, ".pdf")) {
        auto doc = PdfDocument::open(*read_file(p), p);
        if (!doc) return false;
        for (int i = 0; i < doc->pages() && !(o.quick && !pages.empty()); ++i) {
            auto img = doc->render(i, 300);
            if (!img) return false;
            const std::string file = pgm_dir + "/" + std::to_string(pages.size()) + ".pgm";
            std::FILE* f = std::fopen(file.c_str(), "wb");
            if (!f) {
                std::cerr << "kraft_bench_pdf: cannot write " << file << '\n';
                return false;
            }
            std::fprintf(f, "P5\n%d %d\n255\n", img->width, img->height);
            std::fwrite(img->pixels.data(), 1, img->pixels.size(), f);
            std::fclose(f);
            pgm_files.push_back(file);
            pages.push_back(std::move(*img));
        }
    }
    return true;
}

// kraft's OCR of the scans' pages on all cores, against tesseract's command one page at a time.
bool scanned(const Options& o) {
    std::vector<GrayImage> pages;
    std::vector<std::string> pgm_files;
    if (!render_pages(o, pages, pgm_files)) return false;
    const double n = static_cast<double>(pages.size());
    auto t = Clock::now();
    for (const std::string& f : pgm_files)
        if (run("tesseract " + shell_quoted(f) + " - -l swe --psm 6 >/dev/null 2>&1") != 0) {
            std::cerr << "kraft_bench_pdf: tesseract failed\n";
            return false;
        }
    const double tesseract_s = seconds_since(t);
    // tesseract as it starts by default, its OpenMP threads unlimited: on few cores they spin
    // against each other (lib/ingest/ocr.hpp), so only the first two pages.
    const std::size_t default_pages = std::min<std::size_t>(2, pgm_files.size());
    t = Clock::now();
    for (std::size_t i = 0; i < default_pages; ++i)
        run("env -u OMP_THREAD_LIMIT tesseract " + shell_quoted(pgm_files[i]) +
            " - -l swe --psm 6 >/dev/null 2>&1");
    const double default_s = seconds_since(t);
    std::cout << "| scanned pages | " << pages.size() << " (300 dpi) | |\n";
    std::cout << "| tesseract -l swe --psm 6, one page after another, OMP_THREAD_LIMIT=1 "
                 "(baseline) | "
              << fmt("%.2f pages/s", n / tesseract_s) << " | 1.00× |\n";
    const double default_rate = static_cast<double>(default_pages) / default_s;
    std::cout << "| tesseract the same, its OpenMP threads unlimited (first " << default_pages
              << " pages) | " << fmt("%.2f pages/s", default_rate) << " | "
              << fmt("%.2f×", default_rate / (n / tesseract_s)) << " |\n";
    OcrJob job;
    job.pages = pages.size();
    job.image_of = [&](std::size_t i) -> Result<GrayImage> { return pages[i]; };
    t = Clock::now();
    auto read = read_pages(job, "bench");
    const double kraft_s = seconds_since(t);
    if (!read) return false;
    std::cout << "| kraft OCR, pages in parallel on " << std::thread::hardware_concurrency()
              << " cores | " << fmt("%.2f pages/s", n / kraft_s) << " | "
              << fmt("%.2f×", tesseract_s / kraft_s) << " |\n";
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    // As the CLI does (lib/ingest/ocr.hpp): tesseract's OpenMP threads must not spin against
    // the pages read in parallel, and libgomp reads the limit only when it loads.
    restart_with_one_openmp_thread(argv);
    CLI::App app{"kraft_bench_pdf: PDF input against pdftotext and tesseract"};
    Options o;
    app.add_option("--pdfs", o.pdf_dir, "Born-digital PDFs to read (default: typeset from texts)");
    app.add_option("--scans", o.scans, "Scanned PDFs (default: tests/data/pdf/scanned)");
    app.add_option("--work", o.work, "Scratch folder");
    app.add_flag("--quick", o.quick, "A smoke test: few files, one scanned page");
    CLI11_PARSE(app, argc, argv);
    if (o.scans.empty()) o.scans = o.source + "/tests/data/pdf/scanned";
    fs::create_directories(o.work);

    Models m;
    auto ingest_model = IngestModel::load(o.source + "/grammars");
    auto repair_model = RepairModel::load(o.source + "/grammars");
    auto grammar = Grammar::load(o.source + "/grammars");
    if (!ingest_model || !repair_model || !grammar) {
        std::cerr << "kraft_bench_pdf: cannot load grammars\n";
        return 1;
    }
    m.ingest = *ingest_model;
    m.repair = *repair_model;
    m.grammar = *grammar;
    auto repairer = Repairer::open(m.repair, default_dictionary());
    if (!repairer) return 1;
    m.repairer = std::move(*repairer);
    return born_digital(o, m) && scanned(o) ? 0 : 1;
}
