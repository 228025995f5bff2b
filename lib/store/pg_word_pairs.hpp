// Each entry's pairs of adjacent words, under their keys, as a second tsvector of entry_index:
// what lets PostgreSQL count a phrase's entries from its GIN index alone. A phrase's tsquery
// (`a <-> b`) is matched by the index only as `a & b`, and each candidate's positions are then
// read back and compared: "särskilt yttrande", in 183,808 of 1.8 million entries, 1.1 s of
// reading, where the pair 'sarskilt yttr' is one list of the index.
//
//   word_pairs("", "Särskilt yttrande lämnas")  // "'sarskilt yttr' 'yttr lamn'"
//
// A pair is two keys (fts_tokenizer.hpp: the stem of the folded word) joined by a space, which
// no token holds. Pairs stop at the end of the title: a phrase does not run into the body.
#pragma once

#include <optional>
#include <string>

#include "store/tsquery.hpp"

namespace kraft {

// The tsvector literal (without positions) of the distinct pairs of adjacent words' keys in the
// title and in the body.
std::string word_pairs(const std::string& title, const std::string& body);

// The tsquery over the pairs that matches exactly the entries the phrase matches, for a phrase
// of two or more whole words as search writes them (each word its key's two tokens, "k" and
// "_k"): the pairs and'ed. None for a prefix, a spelling ("=word") or one word, and for a word
// whose key is not its own key (stemming it again cuts it further): a document word spelled as
// that key matches the phrase under another key.
std::optional<std::string> pair_tsquery(const TsPhrase& phrase);

}  // namespace kraft
