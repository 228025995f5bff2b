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

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/word_confidence.hpp"
#include "repair/candidates.hpp"
#include "repair/confusions.hpp"
#include "repair/context_rules.hpp"
#include "repair/damage.hpp"
#include "repair/document_words.hpp"
#include "repair/edit.hpp"
#include "repair/lexicon.hpp"
#include "repair/symbols.hpp"
#include "util/error.hpp"
#include "util/tokens.hpp"

namespace kraft {

struct RepairResult {
    std::string text;
    std::vector<RepairEdit> edits;  // in text order
    DamageEstimate damage;
};

// Which OCR a text's damage looks like; it picks the confusion table its words are repaired with.
enum class Engine {
    samples,       // lost å/ä/ö the way the samples' OCR does (ä read as i): ocr-confusions.tsv
    lost_letters,  // lost them otherwise too (tesseract -l eng: ä read as a): both tables
    kept_letters,  // kept them, misread other letters (tesseract -l swe)
};
inline constexpr std::size_t kEngines = 3;

struct RepairModel {
    // What an OCR engine that lost å/ä/ö does (the samples' OCR, tesseract -l eng), and what one
    // that kept them does (tesseract -l swe): a text's letters say which it met.
    ConfusionModel confusions;
    ConfusionModel confusions_kept;
    // A known word's twins are weighed with the samples' table alone: its rates were checked by
    // hand, and a rate measured on one engine's text ("a" for 9 ä in 10) would turn every
    // correct word with a twin into the twin.
    ConfusionModel confusions_twins;
    // Common words with ä as the two kinds of lost-letter OCR write them, where that is no word:
    // "nimnden" (samples) and "namnden" (tesseract -l eng). A text's count of each says which.
    std::unordered_set<std::string> ae_read_as_i, ae_read_as_a;

    const ConfusionModel& confusions_for(Engine e) const {
        return e == Engine::samples        ? confusions_twins
               : e == Engine::kept_letters ? confusions_kept
                                           : confusions;
    }
    ContextRules rules;
    std::shared_ptr<const SymbolRules> symbols;
    std::shared_ptr<LexiconData> lexicon;

    // Loads ocr-confusions*.tsv, ocr-symbols.tsv, repair-context.tsv and the lexicon files from
    // dir.
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
    // The same, for a text kraft's own OCR read: ocr_words (sorted by offset, offsets into text)
    // say how sure the engine was of each word. The text is taken for OCR output that kept its
    // å/ä/ö (Engine::kept_letters) unless its letters say they were lost; then a word tesseract
    // was sure of is left alone, and a word it doubted is weighed against its likelier twins even
    // when it is a word ("antag" may be "antog"). See kConfidentOcr in repair.cpp.
    RepairResult repair(std::string_view text, const std::vector<WordConfidence>& ocr_words);

    // Estimates damage without repairing (what `repair` decides on).
    DamageEstimate estimate(std::string_view text);
    // Whether a word (any case) is a word of the lexicon or of hunspell's Swedish: what ingest
    // asks of a PDF's hyphenation and text layer.
    bool known_word(const std::string& word);

  private:
    struct Scored {
        std::string word;
        double score = 0;  // log prior + log channel, before context
        bool lowered_initial = false;
        bool tabled = false;  // in the frequency tables or the domain list, not only hunspell's
        bool slip = false;    // undoes a rare letter slip
        std::string undone;
    };
    struct Analysis {
        bool known = false;
        std::vector<Scored> alternatives;  // unknown: valid candidates; known: likelier twins
        double own_score = 0;              // known words: their own log prior
    };

    class DamagePass;  // repair_damage()'s word pass (repair.cpp)

    Repairer(std::shared_ptr<const RepairModel> model, std::unique_ptr<Lexicon> lexicon);
    // repair() of a text without U+FFFD: OCR damage only. symbol_readings: how many symbols the
    // symbol pass found misread, evidence of an OCR engine in a text whose å/ä/ö are all there.
    RepairResult repair_damage(std::string_view text, std::size_t symbol_readings,
                               const std::vector<WordConfidence>& ocr_words);
    DamageEstimate estimate(std::string_view text, const std::vector<Token>& tokens);
    const Analysis& analyse(const std::string& token, Engine engine);
    // Which lost-letter OCR the protocol's words show (never kept_letters).
    Engine engine_of(const DocumentWords& document) const;
    double prior(const std::string& word);
    // A word written as a compound's first part ("halso-"), checked joined to the compound's last
    // part ("sjukvård"): the edit that makes the two one word hunspell knows, if any.
    std::optional<RepairEdit> repair_compound_part(const Token& t, const std::string& w,
                                                   const std::string& tail, Engine engine);

    std::shared_ptr<const RepairModel> model_;
    std::unique_ptr<Lexicon> lex_;
    double max_prior_ = 0;  // prior() of the most frequent word: a bound for early exits
    static constexpr std::size_t kMaxCachedWords = 200'000;
    std::array<std::unordered_map<std::string, Analysis>, kEngines> caches_;
};

}  // namespace kraft
