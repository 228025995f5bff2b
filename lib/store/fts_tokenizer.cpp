#include "store/fts_tokenizer.hpp"

#include <libstemmer.h>
#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include "store/sqlite_database.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using Stemmer = std::unique_ptr<sb_stemmer, StemmerDeleter>;

struct Forms {
    std::string lower, folded, stem;  // stem: the key, the stem of `folded`
};

}  // namespace

// Lower case and folded form in one pass: ASCII and the Swedish letters directly, anything else
// through ICU. This runs for every word of every document, and again for snippets.
void lower_and_fold(std::string_view word, std::string& lower, std::string& folded) {
    lower.clear();
    folded.clear();
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            lower += l;
            folded += l;
            continue;
        }
        if (c == 0xC3 && i + 1 < word.size()) {  // U+00C0..U+00FF
            const auto d = static_cast<unsigned char>(word[i + 1]);
            const unsigned char ld =
                (d >= 0x80 && d <= 0x9E && d != 0x97) ? static_cast<unsigned char>(d + 0x20) : d;
            const char lo[3] = {'\xC3', static_cast<char>(ld), 0};
            lower.append(lo, 2);
            switch (ld) {
                case 0xA5:
                case 0xA4:
                case 0xA0:
                case 0xA1:
                case 0xA2:
                    folded += 'a';
                    break;  // å ä à á â
                case 0xB6:
                case 0xB8:
                case 0xB3:
                case 0xB4:
                    folded += 'o';
                    break;  // ö ø ó ô
                case 0xA9:
                case 0xA8:
                case 0xAA:
                case 0xAB:
                    folded += 'e';
                    break;  // é è ê ë
                case 0xBC:
                case 0xBA:
                    folded += 'u';
                    break;  // ü ú
                default:
                    folded.append(lo, 2);
            }
            ++i;
            continue;
        }
        // Other scripts and symbols: ICU for the rest of the word.
        const std::string rest_lower = text::lower(word.substr(i));
        lower += rest_lower;
        folded += text::fold(rest_lower);
        return;
    }
}

namespace {

// Fills f (its buffers reused across calls: the tokenizer runs once per word of every document).
// The key is the stem of the folded word, so that folding never changes it: "namnden" (an OCR
// leftover) and "nämnden" have the same key by construction. Snowball's Swedish rules count å, ä
// and ö as vowels and have no suffix with them but "löst", so stemming the folded word loses
// little.
void forms_into(std::string_view word, sb_stemmer* stemmer, Forms& f) {
    lower_and_fold(word, f.lower, f.folded);
    const sb_symbol* s =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(f.folded.data()),
                        static_cast<int>(f.folded.size()));
    if (!s) {
        f.stem = f.folded;
        return;
    }
    f.stem.assign(reinterpret_cast<const char*>(s),
                  static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

Forms forms_of(std::string_view word, sb_stemmer* stemmer) {
    Forms f;
    forms_into(word, stemmer, f);
    return f;
}

// The tokens a document word is indexed under: lower(w), and "_" + key(w) at the same position
// when the key differs. At most two per word, and a query word reads at most two lists (see
// query_tokens()). `out(token, first)` returns an SQLite code; `buf` is reused so that indexing
// allocates nothing per word.
template <class Out>
int document_tokens(const Forms& f, std::string& buf, const Out& out) {
    int rc = out(std::string_view(f.lower), true);
    if (rc == SQLITE_OK && f.stem != f.lower) rc = out(buf.assign("_").append(f.stem), false);
    return rc;
}

// A word: every document word with the same key, which is the documents' "_" + key, or their
// lower form where that is the key itself. A prefix: the documents' words and keys that start
// with it, as typed and folded.
std::vector<std::string> query_tokens(const Forms& f, bool prefix) {
    std::vector<std::string> out;
    const auto add = [&](std::string s) {
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    };
    if (prefix) {
        // An accented word holds its key apart, and that key starts with the folded prefix
        // unless stemming cuts into the prefix; it cannot when the prefix is its own stem, and
        // then the accented spellings' list would only repeat the keys' (nämnd*: 3 lists -> 2).
        if (f.stem != f.folded) add(f.lower);
        add(f.folded);
        add("_" + f.folded);
    } else {
        add(f.stem);
        add("_" + f.stem);
    }
    return out;
}

// A query word's tokens: "=word" the spelling only, "=_key" one key as the index holds it.
std::vector<std::string> query_word_tokens(std::string_view word, sb_stemmer* stemmer, bool exact,
                                           bool raw_key, bool prefix) {
    const Forms f = forms_of(word, stemmer);
    return raw_key ? std::vector<std::string>{"_" + f.lower}
           : exact ? std::vector<std::string>{f.lower}
                   : query_tokens(f, prefix);
}

Stemmer new_stemmer() {
    return Stemmer(sb_stemmer_new("swedish", "UTF_8"));
}

// --- the FTS5 callbacks -----------------------------------------------------------------------

struct Tokenizer {
    Stemmer stemmer = new_stemmer();
    Forms forms;        // reused for every word
    std::string token;  // "_" / "__" + a form
};

int x_create(void*, const char**, int, Fts5Tokenizer** out) {
    auto* t = new Tokenizer;
    if (!t->stemmer) {
        delete t;
        return SQLITE_ERROR;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(t);
    return SQLITE_OK;
}

void x_delete(Fts5Tokenizer* t) {
    delete reinterpret_cast<Tokenizer*>(t);
}

int x_tokenize(Fts5Tokenizer* tok, void* ctx, int flags, const char* text, int n,
               int (*emit)(void*, int, const char*, int, int, int)) {
    auto* t = reinterpret_cast<Tokenizer*>(tok);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    const std::string_view all(text, static_cast<std::size_t>(n));
    std::size_t pos = 0, word_begin = 0, word_end = 0;
    while (next_word(all, pos, word_begin, word_end)) {
        const int start = static_cast<int>(word_begin), end = static_cast<int>(word_end);
        const std::string_view word = all.substr(word_begin, word_end - word_begin);
        // "=word": the spelling only. "=_key": one key as the index holds it (search expands a
        // prefix into the keys it covers).
        const bool exact = query && start > 0 && text[start - 1] == '=';
        const bool raw_key = query && start > 1 && text[start - 1] == '_' && text[start - 2] == '=';
        if (!query) {
            forms_into(word, t->stemmer.get(), t->forms);
            const int rc =
                document_tokens(t->forms, t->token, [&](std::string_view token, bool first) {
                    return emit(ctx, first ? 0 : FTS5_TOKEN_COLOCATED, token.data(),
                                static_cast<int>(token.size()), start, end);
                });
            if (rc != SQLITE_OK) return rc;
            continue;
        }
        const std::vector<std::string> tokens =
            query_word_tokens(word, t->stemmer.get(), exact, raw_key, prefix);
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const int rc = emit(ctx, k == 0 ? 0 : FTS5_TOKEN_COLOCATED, tokens[k].data(),
                                static_cast<int>(tokens[k].size()), start, end);
            if (rc != SQLITE_OK) return rc;
        }
    }
    return SQLITE_OK;
}

fts5_api* fts5(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

}  // namespace

bool next_word(std::string_view text, std::size_t& pos, std::size_t& begin, std::size_t& end) {
    const char* s = text.data();
    const int n = static_cast<int>(text.size());
    int i = static_cast<int>(pos);
    while (i < n) {
        const int start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 || !u_isalnum(c)) continue;
        int e = i;
        while (e < n) {
            int k = e;
            UChar32 d;
            U8_NEXT(s, k, n, d);
            if (d < 0 || !u_isalnum(d)) break;
            e = k;
        }
        begin = static_cast<std::size_t>(start);
        end = pos = static_cast<std::size_t>(e);
        return true;
    }
    pos = text.size();
    return false;
}

Result<void> register_fts_tokenizer(SqliteDatabase& db) {
    fts5_api* api = fts5(db.handle());
    if (!api) return fail(db.path(), 0, "this SQLite has no FTS5");
    fts5_tokenizer t{x_create, x_delete, x_tokenize};
    if (api->xCreateTokenizer(api, "kraft", nullptr, &t, nullptr) != SQLITE_OK)
        return fail(db.path(), 0, "cannot register the full-text tokenizer");
    return {};
}

WordKey word_key(std::string_view word) {
    static thread_local Stemmer stemmer = new_stemmer();
    Forms f = forms_of(word, stemmer.get());
    return {std::move(f.lower), std::move(f.folded), std::move(f.stem)};
}

bool text_has_any(std::string_view text, const std::vector<IndexTerm>& terms) {
    static thread_local Stemmer stemmer = new_stemmer();
    static thread_local Forms f;
    static thread_local std::string buf;
    const auto matches = [](std::string_view token, const IndexTerm& t) {
        return t.prefix ? token.starts_with(t.token) : token == t.token;
    };
    std::size_t pos = 0, begin = 0, end = 0;
    while (next_word(text, pos, begin, end)) {
        lower_and_fold(text.substr(begin, end - begin), f.lower, f.folded);
        bool stemmed = false;
        for (const IndexTerm& t : terms) {
            if (!t.token.starts_with('_')) {
                if (matches(f.lower, t)) return true;
                continue;
            }
            // A key is the stem of the folded word, and Snowball's Swedish stems are prefixes of
            // the word: only a folded word that starts with the key's text can have that key. So
            // most words are never stemmed here.
            const std::string_view key_text = std::string_view(t.token).substr(1);
            if (!f.folded.starts_with(key_text)) continue;
            if (!stemmed) {
                forms_into(text.substr(begin, end - begin), stemmer.get(), f);
                stemmed = true;
            }
            bool found = false;
            document_tokens(f, buf, [&](std::string_view token, bool first) {
                if (!first && matches(token, t)) found = true;
                return SQLITE_OK;
            });
            if (found) return true;
        }
    }
    return false;
}

std::vector<std::string> index_forms(std::string_view word) {
    Stemmer s = new_stemmer();
    std::vector<std::string> out;
    std::string buf;
    document_tokens(forms_of(word, s.get()), buf, [&](std::string_view token, bool) {
        out.emplace_back(token);
        return SQLITE_OK;
    });
    return out;
}

std::vector<std::string> query_forms(std::string_view word, bool prefix) {
    static thread_local Stemmer stemmer = new_stemmer();
    return query_tokens(forms_of(word, stemmer.get()), prefix);
}

void each_document_token(std::string_view text,
                         const std::function<void(std::string_view, std::size_t)>& on_token) {
    static thread_local Stemmer stemmer = new_stemmer();
    static thread_local Forms f;
    static thread_local std::string buf;
    std::size_t pos = 0, begin = 0, end = 0, word = 0;
    while (next_word(text, pos, begin, end)) {
        forms_into(text.substr(begin, end - begin), stemmer.get(), f);
        document_tokens(f, buf, [&](std::string_view token, bool) {
            on_token(token, word);
            return SQLITE_OK;
        });
        ++word;
    }
}

std::vector<std::vector<std::string>> query_phrase_tokens(std::string_view phrase, bool prefix) {
    static thread_local Stemmer stemmer = new_stemmer();
    std::vector<std::vector<std::string>> out;
    std::size_t pos = 0, begin = 0, end = 0;
    while (next_word(phrase, pos, begin, end)) {
        const bool exact = begin > 0 && phrase[begin - 1] == '=';
        const bool raw_key = begin > 1 && phrase[begin - 1] == '_' && phrase[begin - 2] == '=';
        // FTS5 applies a phrase's "*" to its last word only.
        const bool last = [&] {
            std::size_t p = pos, b = 0, e = 0;
            return !next_word(phrase, p, b, e);
        }();
        out.push_back(query_word_tokens(phrase.substr(begin, end - begin), stemmer.get(), exact,
                                        raw_key, prefix && last));
    }
    return out;
}

}  // namespace kraft
