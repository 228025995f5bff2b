#include "pipeline.hpp"

#include "context.hpp"
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

Result<std::unique_ptr<Repairer>> open_repairer() {
    auto model = repair_model();
    if (!model) return std::unexpected(model.error());
    return Repairer::open(*model, default_dictionary());
}

}  // namespace kraft::cli

namespace kraft::cli {

Result<std::shared_ptr<const Grammar>> protocol_grammar() {
    static Result<std::shared_ptr<const Grammar>> grammar = Grammar::load(grammar_dir());
    return grammar;
}

}  // namespace kraft::cli
