// repair: OCR damage in Swedish text -> the text as written, with every edit and its reason.
//
//   auto model = RepairModel::load(grammar_dir);            // once; read-only afterwards
//   auto repairer = Repairer::open(*model, default_dictionary());  // one per thread
//   RepairResult r = (*repairer)->repair(text);             // text: decoded NFC UTF-8
//
// A document whose å/ä/ö are present (DamageEstimate) comes back unchanged, byte for byte. A
// damaged one is repaired word by word: unknown words are replaced by their most probable known
// variant (confusions undone, lexicon frequency, neighbours); known words whose twin with å/ä/ö is
// far more likely here ("for" -> "för") and context rules ("18 ar" -> "18 år") handle real-word
// errors. Only the repaired words change; spacing, punctuation and lines stay. repair(repair(x)) ==
// repair(x).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "repair/candidates.hpp"
#include "repair/confusions.hpp"
#include "repair/context_rules.hpp"
#include "repair/damage.hpp"
#include "repair/lexicon.hpp"
#include "repair/tokens.hpp"
#include "util/error.hpp"

namespace kraft {

struct RepairEdit {
    std::size_t offset = 0, length = 0;  // bytes in the input text
    std::string from, to;
    double confidence = 0;  // 0..1: the chosen spelling's share of the probability of all spellings
    std::string reason;
};

struct RepairResult {
    std::string text;
    std::vector<RepairEdit> edits;  // in text order
    DamageEstimate damage;
};

struct RepairModel {
    ConfusionModel confusions;
    ContextRules rules;
    std::shared_ptr<LexiconData> lexicon;

    // Loads ocr-confusions.tsv, repair-context.tsv and the lexicon files from dir.
    // Errors: "FILE:LINE: message" for the first bad line.
    static Result<std::shared_ptr<RepairModel>> load(const std::string& dir);

    // A copy whose lexicon also counts these words (learned from the archive's clean protocols).
    std::shared_ptr<const RepairModel> with_counts(
        const std::vector<std::pair<std::string, double>>& counts) const;
};

class Repairer {
  public:
    // Errors: the hunspell dictionary is missing.
    static Result<std::unique_ptr<Repairer>> open(std::shared_ptr<const RepairModel> model,
                                                  const std::string& dictionary);
    RepairResult repair(std::string_view text);

    // Estimates damage without repairing (what `repair` decides on).
    DamageEstimate estimate(std::string_view text);

  private:
    struct Scored {
        std::string word;
        double score = 0;  // log prior + log channel, before context
        bool lowered_initial = false;
        std::string undone;
    };
    struct Analysis {
        bool known = false;
        std::vector<Scored> alternatives;  // unknown: valid candidates; known: likelier twins
        double own_score = 0;              // known words: their own log prior
    };

    Repairer(std::shared_ptr<const RepairModel> model, std::unique_ptr<Lexicon> lexicon);
    // repair() of a text without U+FFFD: OCR damage only.
    RepairResult repair_damage(std::string_view text);
    DamageEstimate estimate(std::string_view text, const std::vector<Token>& tokens);
    const Analysis& analyse(const std::string& token);
    double prior(const std::string& word);

    std::shared_ptr<const RepairModel> model_;
    std::unique_ptr<Lexicon> lex_;
    static constexpr std::size_t kMaxCachedWords = 200'000;
    std::unordered_map<std::string, Analysis> cache_;
};

}  // namespace kraft
