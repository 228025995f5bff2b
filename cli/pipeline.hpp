// The library's stages, opened the way every subcommand needs them.
#pragma once

#include <memory>
#include <string>

#include "decode/decode.hpp"
#include "repair/repair.hpp"
#include "segment/grammar.hpp"
#include "util/error.hpp"

namespace kraft::cli {

// read_file + decode; errors name the file (and line).
Result<DecodedText> read_and_decode(const std::string& path);

// The repair model from grammar_dir() and hunspell's Swedish dictionary; loaded once per process.
Result<std::shared_ptr<const RepairModel>> repair_model();
// A repairer; when the archive exists, repair also uses the word frequencies it learned.
Result<std::unique_ptr<Repairer>> open_repairer(const std::string& archive);

// The protocol grammar from grammar_dir(); loaded once per process.
Result<std::shared_ptr<const Grammar>> protocol_grammar();

}  // namespace kraft::cli
