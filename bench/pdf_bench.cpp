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

}  // namespace

int main(int argc, char** argv) {
    // As the CLI does (lib/ingest/ocr.hpp): tesseract's OpenMP threads must not spin against
    // the pages read in parallel, and libgomp reads the limit only when it loads.
    restart_with_one_openmp_thread(argv);
    CLI::App app{"kraft_bench_pdf: PDF input against pdftotext and tesseract"};
    std::string pdf_dir, scans, work = "bench/out-pdf";
    std::string source = KRAFT_SOURCE_DIR;
    bool quick = false;
    app.add_option("--pdfs", pdf_dir, "Born-digital PDFs to read (default: typeset from texts)");
    app.add_option("--scans", scans, "Scanned PDFs (default: tests/data/pdf/scanned)");
    app.add_option("--work", work, "Scratch folder");
    app.add_flag("--quick", quick, "A smoke test: few files, one scanned page");
    CLI11_PARSE(app, argc, argv);
    if (scans.empty()) scans = source + "/tests/data/pdf/scanned";
    fs::create_directories(work);

    auto ingest_model = IngestModel::load(source + "/grammars");
    auto repair_model = RepairModel::load(source + "/grammars");
    auto grammar = Grammar::load(source + "/grammars");
    if (!ingest_model || !repair_model || !grammar) {
        std::cerr << "kraft_bench_pdf: cannot load grammars\n";
        return 1;
    }
    auto repairer = Repairer::open(*repair_model, default_dictionary());
    if (!repairer) return 1;
    const WordCheck is_word = [&](const std::string& w) { return (*repairer)->known_word(w); };

    // Born-digital PDFs.
    const std::vector<std::string> pdfs = pdf_dir.empty()
                                              ? typeset_pdfs(source, work + "/typeset", quick)
                                              : files_in(pdf_dir, ".pdf");
    if (pdfs.empty()) {
        std::cerr << "kraft_bench_pdf: no PDFs\n";
        return 1;
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
              << (pdf_dir.empty() ? " (typeset from the repository's texts)" : "") << " | |\n";
    auto t = Clock::now();
    for (const std::string& p : pdfs)
        if (run("pdftotext -layout " + shell_quoted(p) + " /dev/null") != 0) {
            std::cerr << "kraft_bench_pdf: pdftotext (poppler-utils) is needed for the baseline\n";
            return 1;
        }
    const double pdftotext_s = seconds_since(t);
    std::cout << "| pdftotext -layout (baseline) | " << fmt("%.1f MB/s", mb / pdftotext_s)
              << " | 1.00× |\n";
    IngestOptions never;
    never.ocr = OcrMode::never;
    t = Clock::now();
    std::size_t text_bytes = 0;
    for (std::size_t i = 0; i < pdfs.size(); ++i) {
        auto in = ingest(data[i], pdfs[i], **ingest_model, never, is_word);
        if (!in) {
            std::cerr << in.error().str() << '\n';
            return 1;
        }
        text_bytes += in->text.text.size();
    }
    const double ingest_s = seconds_since(t);
    std::cout << "| kraft ingest (text, furniture, hyphenation) | "
              << fmt("%.1f MB/s", mb / ingest_s) << " | " << fmt("%.2f×", pdftotext_s / ingest_s)
              << " |\n";
    const std::string db = work + "/bench.db";
    fs::remove(db);
    fs::remove(db + "-wal");
    auto archive = Archive::open(db, Database::Mode::read_write);
    if (!archive) return 1;
    ImportOptions o;
    o.ingest = never;
    ImportCallbacks cb{[](const Error& e) { std::cerr << e.str() << '\n'; }, nullptr, nullptr};
    std::atomic<bool> stop{false};
    t = Clock::now();
    auto r = import_inputs(**archive, pdfs, *repair_model, default_dictionary(),
                           Pipeline{**grammar, **ingest_model}, o, cb, stop);
    const double import_s = seconds_since(t);
    if (!r || r->imported != pdfs.size()) return 1;
    std::cout << "| kraft import (ingest, repair, segment, store) | "
              << fmt("%.1f MB/s", mb / import_s) << " | " << fmt("%.2f×", pdftotext_s / import_s)
              << " |\n";

    // Scanned pages: rendered once at 300 dpi for both.
    std::vector<GrayImage> pages;
    const std::string pgm_dir = work + "/pages";
    fs::remove_all(pgm_dir);
    fs::create_directories(pgm_dir);
    std::vector<std::string> pgm_files;
    for (const std::string& p : files_in(scans, ".pdf")) {
        auto doc = PdfDocument::open(*read_file(p), p);
        if (!doc) return 1;
        for (int i = 0; i < doc->pages() && !(quick && !pages.empty()); ++i) {
            auto img = doc->render(i, 300);
            if (!img) return 1;
            const std::string file = pgm_dir + "/" + std::to_string(pages.size()) + ".pgm";
            std::FILE* f = std::fopen(file.c_str(), "wb");
            if (!f) {
                std::cerr << "kraft_bench_pdf: cannot write " << file << '\n';
                return 1;
            }
            std::fprintf(f, "P5\n%d %d\n255\n", img->width, img->height);
            std::fwrite(img->pixels.data(), 1, img->pixels.size(), f);
            std::fclose(f);
            pgm_files.push_back(file);
            pages.push_back(std::move(*img));
        }
    }
    const double n = static_cast<double>(pages.size());
    t = Clock::now();
    for (const std::string& f : pgm_files)
        if (run("tesseract " + shell_quoted(f) + " - -l swe --psm 6 >/dev/null 2>&1") != 0) {
            std::cerr << "kraft_bench_pdf: tesseract failed\n";
            return 1;
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
    std::cout << "| tesseract the same, its OpenMP threads unlimited (first " << default_pages
              << " pages) | " << fmt("%.2f pages/s", static_cast<double>(default_pages) / default_s)
              << " | "
              << fmt("%.2f×", (static_cast<double>(default_pages) / default_s) / (n / tesseract_s))
              << " |\n";
    OcrJob job;
    job.pages = pages.size();
    job.image_of = [&](std::size_t i) -> Result<GrayImage> { return pages[i]; };
    t = Clock::now();
    auto read = read_pages(job, "bench");
    const double kraft_s = seconds_since(t);
    if (!read) return 1;
    std::cout << "| kraft OCR, pages in parallel on " << std::thread::hardware_concurrency()
              << " cores | " << fmt("%.2f pages/s", n / kraft_s) << " | "
              << fmt("%.2f×", tesseract_s / kraft_s) << " |\n";
    return 0;
}
