// The FTS5 tokenizer "kraft": words match regardless of å/ä/ö and of Swedish inflection, while the
// exact spelling stays searchable on its own.
//
// A word's key is the Snowball Swedish stem of its folded form (å/ä→a, ö→o, é→e): "nämnden",
// "namnden" and "nämnder" share the key "namnd". A document word w is indexed as lower(w), plus,
// at the same position, "_" + key(w) when the key differs. A query word q matches the documents'
// "_" + key(q) and key(q) as a word of its own: two lists per query word, whatever its form.
// "=word" matches lower(w) only (`"=får"` does not find "far"); "=_key" matches one key as the
// index holds it. A prefix ("nämnd*") matches words and keys starting with it as typed or
// folded; a folded prefix that runs past a word's stem ("namnden*") finds that word only as
// typed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace kraft {

class SqliteDatabase;

// Makes tokenize='kraft' available on this connection. Errors: FTS5 missing from SQLite.
Result<void> register_fts_tokenizer(SqliteDatabase& db);

// What a word matches under: its lower-case form, the folded form (å/ä→a, ö→o, é→e...) and its
// key (`stem`: the Snowball stem of the folded form), as the index sees them. Two words match in
// search when their keys are equal; snippets use this to mark the words a query found.
struct WordKey {
    std::string lower, folded, stem;
};
WordKey word_key(std::string_view word);

// The next word at or after `pos` (a run of letters and digits, as the index sees words): its
// byte range in [begin, end); pos moves past it. False when none is left.
bool next_word(std::string_view text, std::size_t& pos, std::size_t& begin, std::size_t& end);

// Lower case and fold of one word into the given buffers (no allocation once they have grown).
void lower_and_fold(std::string_view word, std::string& lower, std::string& folded);

// A term of a query as the index matches it: one token, or every token that starts with it.
struct IndexTerm {
    std::string token;
    bool prefix = false;
    bool operator==(const IndexTerm&) const = default;
};
// Whether a document text holds a token that one of `terms` matches, tokenized exactly as the
// index tokenizes it. FTS5 can say which rows of a long prefix's lists are the newest only by
// merging all of them; search asks this of the newest rows' text instead.
bool text_has_any(std::string_view text, const std::vector<IndexTerm>& terms);

// The tokens a document word is indexed under (first the word itself), for tests.
std::vector<std::string> index_forms(std::string_view word);
// The tokens a query word reads, as the tokenizer expands it (search rewrites words into these).
std::vector<std::string> query_forms(std::string_view word, bool prefix);

// The tokens a document text is indexed under, as the FTS5 tokenizer emits them: on_token(token,
// word) for each, `word` counting the text's words from 0 (a word's tokens share its position).
// The PostgreSQL index (pg_text_index.hpp) is built from these, so both engines match alike.
void each_document_token(std::string_view text,
                         const std::function<void(std::string_view, std::size_t)>& on_token);
// The tokens of a query phrase as the tokenizer reads it: per word of the phrase, the tokens any
// of which matches there ("=word", "=_key" and a trailing prefix followed as FTS5 does).
std::vector<std::vector<std::string>> query_phrase_tokens(std::string_view phrase, bool prefix);

}  // namespace kraft
