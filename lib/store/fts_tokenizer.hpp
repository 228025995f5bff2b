// The FTS5 tokenizer "kraft": words match regardless of å/ä/ö and of Swedish inflection, while the
// exact spelling stays searchable on its own.
//
// A document word w is indexed as lower(w), plus, at the same position, "_" + fold(w) when folding
// changes it and "__" + fold(stem(w)) when stemming changes that (Snowball's Swedish stemmer).
// A query word expands to the alternatives lower, fold, "_" fold, stem, "_" stem, "__" stem, so
// "namnden", "nämnden" and "nämnd" find each other. A query word written right after "=" expands
// to lower(w) only: `"=får"` does not find "far". Prefix queries ("nämnd*") skip the stem forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "util/error.hpp"

namespace kraft {

// Makes tokenize='kraft' available on this connection. Errors: FTS5 missing from SQLite.
Result<void> register_fts_tokenizer(Database& db);

// What a word matches under: its lower-case form, the folded form (å/ä→a, ö→o, é→e...) and the
// folded Snowball stem, as the index sees them. Two words match in search when their stems are
// equal; snippets use this to mark the words a query found.
struct WordKey {
    std::string lower, folded, stem;
};
WordKey word_key(std::string_view word);

// The next word at or after `pos` (a run of letters and digits, as the index sees words): its
// byte range in [begin, end); pos moves past it. False when none is left.
bool next_word(std::string_view text, std::size_t& pos, std::size_t& begin, std::size_t& end);

// Lower case and fold of one word into the given buffers (no allocation once they have grown).
void lower_and_fold(std::string_view word, std::string& lower, std::string& folded);

// The tokens a document word is indexed under (first the word itself), for tests.
std::vector<std::string> index_forms(std::string_view word);
// The alternatives a query word expands to, for tests.
std::vector<std::string> query_forms(std::string_view word, bool prefix);

}  // namespace kraft
