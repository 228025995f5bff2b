// Each entry's pairs of adjacent words, under their keys, as a second tsvector of entry_index:
// what lets PostgreSQL count a phrase's entries from its GIN index alone. A phrase's tsquery
// (`a <-> b`) is matched by the index only as `a & b`, and each candidate's positions are then
// read back and compared: "särskilt yttrande", in 183,808 of 1.8 million entries, 1.1 s of
// reading, where the pair 'sarskilt yttr' is one list of the index.
//
//   word_pairs("", "Särskilt yttrande lämnas").literal  // "'sarskilt yttr' 'yttr lamn'"
//
// A pair is two keys (fts_tokenizer.hpp: the stem of the folded word) joined by a space, which
// no token holds. Pairs stop at the end of the title: a phrase does not run into the body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/tsquery.hpp"

namespace kraft {

// The distinct pairs of adjacent words' keys in the title and in the body, and their tsvector
// literal (without positions).
struct EntryPairs {
    std::string literal;
    std::vector<std::string> pairs;
};
EntryPairs word_pairs(const std::string& title, const std::string& body);

// A text's words' keys in order, from the tokens each_document_token gives (a word's lower-case
// form, then "_" + key where the key differs): for a caller that reads the tokens anyway.
class WordKeys {
  public:
    void add(std::string_view token, std::size_t word);
    const std::vector<std::string>& keys() const { return keys_; }

  private:
    std::vector<std::string> keys_;
    std::size_t current_ = 0;
};
// The pairs of the title's keys and of the body's.
EntryPairs word_pairs(const WordKeys& title, const WordKeys& body);

// How the entries a phrase matches are found through the pairs, for a phrase of two or more
// whole words as search writes them (each word its key's two tokens, "k" and "_k"). An entry
// holding the pairs of the words' keys matches. So does one where a document word is spelled as
// a query word's key but has another key, its key stemmed again ("kommunfullmakt", the key of
// "kommunfullmäktige", is the word "kommunfullmakt"'s spelling, whose key is "kommunfullmak"):
// its pairs hold that key instead, and its positions say whether it matches.
struct PhrasePairs {
    std::string pair;   // two words: their keys' pair, whose count of entries is the phrase's
    std::string sure;   // tsquery over the pairs: these entries match; empty for 3 words or more
    std::string maybe;  // tsquery over the pairs: these match if their positions say so; or empty
};
// None for a prefix, a spelling ("=word") or one word.
std::optional<PhrasePairs> phrase_pairs(const TsPhrase& phrase);

}  // namespace kraft
