#include "store/pg_word_pairs.hpp"

#include <set>
#include <vector>

#include "store/fts_tokenizer.hpp"

namespace kraft {

namespace {

// PostgreSQL's limits on a lexeme and on a tsvector, as for entry_index's words.
constexpr std::size_t kMaxLexeme = 2046;
constexpr std::size_t kMaxVectorBytes = 1000000;

// The keys of a text's words in order: a word's tokens are its lower-case form, then "_" + key
// where the key differs from it.
std::vector<std::string> keys_of(const std::string& text) {
    std::vector<std::string> keys;
    std::size_t current = 0;
    each_document_token(text, [&](std::string_view token, std::size_t word) {
        if (keys.empty() || word != current) {
            keys.emplace_back(token);
            current = word;
        } else if (token.starts_with('_')) {
            keys.back() = token.substr(1);
        }
    });
    return keys;
}

std::string quoted(const std::string& lexeme) {
    std::string out = "'";
    for (char c : lexeme) {
        if (c == '\'' || c == '\\') out += c;
        out += c;
    }
    return out + "'";
}

}  // namespace

std::string word_pairs(const std::string& title, const std::string& body) {
    std::set<std::string> pairs;
    std::size_t bytes = 0;
    for (const std::string* text : {&title, &body}) {
        const std::vector<std::string> keys = keys_of(*text);
        for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
            std::string pair = keys[i] + " " + keys[i + 1];
            if (pair.size() > kMaxLexeme || bytes + pair.size() > kMaxVectorBytes) continue;
            if (pairs.insert(pair).second) bytes += pair.size();
        }
    }
    std::string out;
    for (const std::string& p : pairs) out += (out.empty() ? "" : " ") + quoted(p);
    return out;
}

std::optional<std::string> pair_tsquery(const TsPhrase& phrase) {
    if (phrase.prefix || phrase.words.size() < 2) return std::nullopt;
    std::vector<std::string> keys;
    for (const std::vector<std::string>& tokens : phrase.words) {
        if (tokens.size() != 2 || tokens[0].empty() || tokens[0].starts_with('_') ||
            tokens[1] != "_" + tokens[0] || word_key(tokens[0]).stem != tokens[0])
            return std::nullopt;
        keys.push_back(tokens[0]);
    }
    std::string out;
    for (std::size_t i = 0; i + 1 < keys.size(); ++i)
        out += (i ? " & " : "") + quoted(keys[i] + " " + keys[i + 1]);
    return out;
}

}  // namespace kraft
