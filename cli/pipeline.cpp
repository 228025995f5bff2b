#include "pipeline.hpp"

#include <filesystem>

#include "context.hpp"
#include "query/filters.hpp"
#include "store/archive.hpp"
#include "util/file.hpp"

namespace kraft::cli {

Result<DecodedText> read_and_decode(const std::string& path) {
    auto bytes = read_file(path);
    if (!bytes) return std::unexpected(bytes.error());
    return decode(*bytes, path);
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
