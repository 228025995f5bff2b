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

// The tokens a document word is indexed under (first the word itself), for tests.
std::vector<std::string> index_forms(std::string_view word);
// The alternatives a query word expands to, for tests.
std::vector<std::string> query_forms(std::string_view word, bool prefix);

}  // namespace kraft
