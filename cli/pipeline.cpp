#include "pipeline.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "context.hpp"
#include "query/filters.hpp"
#include "store/archive.hpp"
#include "util/file.hpp"

namespace kraft::cli {

Result<std::shared_ptr<const IngestModel>> ingest_model() {
    static Result<std::shared_ptr<const IngestModel>> model = IngestModel::load(grammar_dir());
    return model;
}

Result<IngestedText> read_and_ingest(const std::string& path, const IngestOptions& options,
                                     Repairer& words, bool quiet) {
    auto model = ingest_model();
    if (!model) return std::unexpected(model.error());
    auto bytes = read_file(path, kMaxDocumentBytes);
    if (!bytes) return std::unexpected(bytes.error());
    return ingest(std::move(*bytes), path, **model, with_ocr_progress(path, options, quiet),
                  [&](const std::string& w) { return words.known_word(w); });
}

IngestOptions with_ocr_progress(const std::string& path, IngestOptions options, bool quiet) {
    if (!quiet && ::isatty(STDERR_FILENO))
        options.on_ocr_page = [path](std::size_t done, std::size_t total) {
            std::fprintf(stderr, "\r%s: OCR, page %zu of %zu ", path.c_str(), done, total);
            if (done == total) std::fprintf(stderr, "\r\x1b[K");
            std::fflush(stderr);
        };
    return options;
}

Result<std::shared_ptr<const RepairModel>> repair_model() {
    static Result<std::shared_ptr<const RepairModel>> model = RepairModel::load(grammar_dir());
    return model;
}

Result<std::unique_ptr<Repairer>> open_repairer(const std::string& archive_path) {
    auto model = repair_model();
    if (!model) return std::unexpected(model.error());
    std::shared_ptr<const RepairModel> m = *model;
    std::error_code ec;
    if (std::filesystem::exists(archive_path, ec))
        if (auto archive = Archive::open(archive_path, Database::Mode::read_only); archive)
            if (auto learned = (*archive)->learned_frequencies(); learned)
                m = m->with_counts(*learned);
    return Repairer::open(m, default_dictionary());
}

}  // namespace kraft::cli

namespace kraft::cli {

Result<std::shared_ptr<const Grammar>> protocol_grammar() {
    static Result<std::shared_ptr<const Grammar>> grammar = Grammar::load(grammar_dir());
    return grammar;
}

const Grammar* grammar_or_report() {
    static Result<std::shared_ptr<const Grammar>> grammar =
        Grammar::load(grammar_dir(), query_patterns());
    if (!grammar) {
        report(grammar.error());
        return nullptr;
    }
    return grammar->get();
}

std::unique_ptr<Archive> read_archive_or_report(const GlobalOptions& g) {
    auto archive = Archive::open(archive_path(g), Database::Mode::read_only);
    if (!archive) {
        report(archive.error());
        return nullptr;
    }
    return std::move(*archive);
}

}  // namespace kraft::cli
