// The FTS5 expression a search sends to the index, built from what the user typed.
//
//   auto m = match_expression("nämnden budget", false);
//   // m.match:       ("=namnd" OR "=_namnd") ("=budget" OR "=_budget")
//   // m.exact_match: "=nämnden" "=budget"   (ranked first)
//
// Each word becomes an OR of the two index lists that hold its forms (see fts_tokenizer.hpp)
// instead of one phrase that the tokenizer expands into colocated synonyms: FTS5 merges synonyms
// position by position for every row, which made counting the matches of a common word 1.5-3x
// slower (a prefix: 61 -> 27 ms at 109,000 paragraphs). FTS5 syntax passes through with its bare
// words and prefixes rewritten the same way; phrases, NEAR, column filters, "^" and "+" are left
// to the tokenizer, which gives the same matches.
#pragma once

#include <string>
#include <vector>

#include "store/fts_tokenizer.hpp"

namespace kraft {

struct MatchExpression {
    std::string match;        // what counts as a hit
    std::string exact_match;  // plain words as spelt, ranked first; "" for FTS5 syntax or --exact
    bool plain = true;        // plain words, not FTS5 syntax
    // For text that is only words and prefixes ("nämnd* budget"): `match` as its terms, a row
    // matching when its text holds a term of every group (text_has_any). Empty otherwise.
    std::vector<std::vector<IndexTerm>> terms;
    std::vector<std::vector<IndexTerm>> exact_terms;  // the same for exact_match
};

// exact: the words as spelt only (their lower-case form), no folding or stemming.
MatchExpression match_expression(const std::string& text, bool exact);

// Whether the text uses FTS5 syntax: quotes, *, parentheses, AND/OR/NOT/NEAR.
bool uses_fts_syntax(const std::string& text);

}  // namespace kraft
