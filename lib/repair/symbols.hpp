// Symbols an OCR engine misread, repaired from their context (grammars/ocr-symbols.tsv): § read as
// $ & 8 5 at a paragraph heading or in a citation, §§ as $$ 88 5$, (S) as (5), a bracket pair with
// one side read as a brace. They run before words are repaired and before segmentation: a
// protocol whose § are misread has no paragraphs until they are repaired.
//
//   auto rules = SymbolRules::load(grammar_dir);
//   std::vector<RepairEdit> edits = repair_symbols(text, *rules);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "repair/edit.hpp"
#include "util/error.hpp"

namespace re2 {
class RE2;
}

namespace kraft {

enum class SymbolCondition { always, ocr, paragraph_number, next_paragraph };

struct SymbolRule {
    std::shared_ptr<const re2::RE2> reading;  // group 1 is what is replaced
    std::string replacement;
    SymbolCondition condition = SymbolCondition::always;
    std::vector<std::string>
        symbols;         // the symbols of "$&{}£" its pattern names: one must be there
    std::string source;  // "ocr-symbols.tsv:LINE", for the edit's reason
};

struct SymbolRules {
    std::vector<SymbolRule> rules;                              // in file order: first wins
    std::unordered_map<std::string, std::string> party_letter;  // "5" -> "S"
    std::unordered_set<std::string> parties;                    // abbreviations kraft stores

    // Reads ocr-symbols.tsv and parties.tsv from dir. Errors name the file and line: a bad
    // pattern, a pattern without group 1, an unknown kind or condition.
    static Result<std::shared_ptr<SymbolRules>> load(const std::string& dir);
};

// The edits that repair misread symbols in text, in text order. Rows with a condition apply only
// in a document that shows OCR symbol readings already (unconditional rows matched twice) or has
// no § at all; see grammars/ocr-symbols.tsv for the conditions.
std::vector<RepairEdit> repair_symbols(std::string_view text, const SymbolRules& rules);

}  // namespace kraft
