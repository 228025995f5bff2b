#include "query/match_expression.hpp"

#include <cctype>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "store/fts_tokenizer.hpp"

namespace kraft {

namespace {

bool is_operator(const std::string& w) {
    return w == "AND" || w == "OR" || w == "NOT" || w == "NEAR";
}

// The word a token is, when it is exactly one word as the index sees words, with punctuation
// around it that means nothing to the tokenizer ("nämnden,"); "" otherwise. A word written right
// after "=" is one the tokenizer reads as spelt ("=får"), so it is not rewritten.
std::string single_word(const std::string& token) {
    std::size_t pos = 0, begin = 0, end = 0;
    if (!next_word(token, pos, begin, end) || (begin > 0 && token[begin - 1] == '=')) return "";
    const std::string word = token.substr(begin, end - begin);
    std::size_t b2 = 0, e2 = 0;
    return next_word(token, pos, b2, e2) ? "" : word;
}

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

// One word, or a prefix: the index terms that hold its forms, as the tokenizer expands a query
// word (query_forms), or with exact the spelling only.
std::vector<IndexTerm> word_terms(const std::string& word, bool prefix, bool exact) {
    if (exact) return {{word_key(word).lower, prefix}};
    std::vector<IndexTerm> terms;
    for (std::string& form : query_forms(word, prefix)) terms.push_back({std::move(form), prefix});
    return terms;
}

// Terms as FTS5 reads them: "=token" is the token as the index holds it (see fts_tokenizer.hpp).
std::string term_group(const std::vector<IndexTerm>& terms, bool exact) {
    const auto term = [](const IndexTerm& t) {
        return quoted("=" + t.token) + (t.prefix ? " *" : "");
    };
    if (exact) return term(terms.front());
    std::string out = "(";
    for (std::size_t i = 0; i < terms.size(); ++i) out += (i ? " OR " : "") + term(terms[i]);
    return out + ")";
}

std::string word_group(const std::string& word, bool prefix, bool exact) {
    return term_group(word_terms(word, prefix, exact), exact);
}

// A bare token of an FTS5 expression (a plain_bare_word(), not an operator) rewritten as a word
// group, or as it was.
std::string rewrite_token(const std::string& token, bool exact) {
    const bool prefix = token.back() == '*';
    const std::string body = prefix ? token.substr(0, token.size() - 1) : token;
    const std::string word = single_word(body);
    // Only a token that is the word itself: "e-post" and the like stay as FTS5 reads them.
    if (word.empty() || word != body) return token;
    return word_group(word, prefix, exact);
}

// A bare token FTS5 reads as one bareword, possibly a prefix: ASCII letters, digits and "_",
// anything beyond ASCII, and at most a "*" at its end.
bool plain_bare_word(std::string_view token) {
    if (token.empty() || token.front() == '*') return false;
    if (token.back() == '*') token.remove_suffix(1);
    for (const char c : token) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u) && c != '_') return false;
    }
    return true;
}

bool has_words(std::string_view s) {
    std::size_t pos = 0, begin = 0, end = 0;
    return next_word(s, pos, begin, end);
}

struct Operand {
    std::string text;
    bool wordless;  // no word the index knows ("§", "-"): a phrase of no tokens
};

// The operands of a juxtaposition (an implicit AND) as FTS5 reads them: it drops phrases of no
// tokens from a juxtaposition ("§ 2" matches what "2" matches) but not from an explicit AND, so
// they go before the operands are joined by one.
std::vector<Operand> juxtaposed(const std::vector<Operand>& run) {
    std::vector<Operand> kept;
    for (const Operand& o : run)
        if (!o.wordless) kept.push_back(o);
    return kept.empty() ? run : kept;
}

// FTS5 syntax with its bare words and prefixes rewritten. Juxtaposed operands ("a b", an implicit
// AND) are joined by an explicit AND in parentheses, since FTS5 accepts juxtaposition only between
// phrases and binds it tighter than any operator. Returns nullopt for what is left as typed:
// constructs whose arguments must be phrases (NEAR, column filters, "^", "+"), and malformed
// text, which FTS5 then rejects with its own message.
class Rewriter {
  public:
    Rewriter(const std::string& text, bool exact) : t_(text), exact_(exact) {}

    std::optional<std::string> all() {
        auto out = sequence();
        if (!out || i_ != t_.size()) return std::nullopt;
        return out;
    }

  private:
    // Operands and operators up to a ")" or the end.
    std::optional<std::string> sequence() {
        std::string out;
        std::vector<Operand> run;  // operands since the last operator
        const auto close_run = [&] {
            const std::vector<Operand> kept = juxtaposed(run);
            if (kept.size() == 1) out += kept[0].text;
            if (kept.size() > 1) {
                out += "(";
                for (std::size_t k = 0; k < kept.size(); ++k)
                    out += (k ? " AND " : "") + kept[k].text;
                out += ")";
            }
            run.clear();
        };
        while (true) {
            skip_space();
            if (i_ == t_.size() || t_[i_] == ')') break;
            const char c = t_[i_];
            if (c == '"') {
                auto p = phrase();
                if (!p) return std::nullopt;
                run.push_back({*p, !has_words(*p)});
            } else if (c == '(') {
                ++i_;
                auto inner = sequence();
                if (!inner || i_ == t_.size()) return std::nullopt;
                ++i_;  // ")"
                run.push_back({"(" + *inner + ")", false});
            } else {
                const std::string token = bare();
                // NEAR needs phrases; a "*" apart from its word ("budg *") is FTS5's prefix mark
                // for the operand before; other ASCII punctuation (column filters "title:", "^",
                // "+", "{", "a,b", "a-b") is FTS5 syntax or an error: all of it is left to FTS5
                // as typed.
                if (token == "NEAR" || !plain_bare_word(token)) return std::nullopt;
                if (is_operator(token)) {
                    if (run.empty()) return std::nullopt;
                    close_run();
                    out += " " + token + " ";
                    continue;
                }
                run.push_back({rewrite_token(token, exact_), !has_words(token)});
            }
        }
        close_run();
        return out;
    }

    // A quoted phrase as typed, with its "*" when it is a prefix.
    std::optional<std::string> phrase() {
        // Inside a phrase, "" is a quote character, not its end.
        std::size_t end = t_.find('"', i_ + 1);
        while (end != std::string::npos && end + 1 < t_.size() && t_[end + 1] == '"')
            end = t_.find('"', end + 2);
        if (end == std::string::npos) return std::nullopt;
        std::string p = t_.substr(i_, end + 1 - i_);
        i_ = end + 1;
        std::size_t j = i_;
        while (j < t_.size() && t_[j] == ' ') ++j;
        if (j < t_.size() && t_[j] == '*') {
            p += " *";
            i_ = j + 1;
        }
        return p;
    }

    std::string bare() {
        const std::size_t begin = i_;
        while (i_ < t_.size() && !std::isspace(static_cast<unsigned char>(t_[i_])) &&
               t_[i_] != '(' && t_[i_] != ')' && t_[i_] != '"')
            ++i_;
        return t_.substr(begin, i_ - begin);
    }

    void skip_space() {
        while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
    }

    const std::string& t_;
    bool exact_;
    std::size_t i_ = 0;
};

}  // namespace

bool uses_fts_syntax(const std::string& text) {
    if (text.find_first_of("\"*()") != std::string::npos) return true;
    std::istringstream in(text);
    for (std::string w; in >> w;)
        if (is_operator(w)) return true;
    return false;
}

namespace {

// The terms of text that is words and prefixes only ("nämnd* budget"): each word's terms, all
// words required. Empty for anything else (phrases, operators, punctuation FTS5 reads).
std::vector<std::vector<IndexTerm>> conjunction(const std::string& text, bool exact) {
    std::vector<std::vector<IndexTerm>> out;
    std::istringstream in(text);
    for (std::string token; in >> token;) {
        if (!plain_bare_word(token) || is_operator(token)) return {};
        const bool prefix = token.back() == '*';
        const std::string body = prefix ? token.substr(0, token.size() - 1) : token;
        if (body.empty() || single_word(body) != body) return {};
        out.push_back(word_terms(body, prefix, exact));
    }
    return out;
}

}  // namespace

MatchExpression match_expression(const std::string& text, bool exact) {
    MatchExpression m;
    if (uses_fts_syntax(text)) {
        m.plain = false;
        m.match = Rewriter(text, exact).all().value_or(text);
        m.terms = conjunction(text, exact);
        return m;
    }
    std::vector<Operand> words, spellings;
    std::istringstream in(text);
    for (std::string w; in >> w;) {
        // A word of several index words ("e-post") stays one phrase, expanded by the tokenizer.
        const std::string word = single_word(w);
        const bool wordless = !has_words(w);
        words.push_back({word.empty() ? quoted(w) : word_group(word, false, false), wordless});
        spellings.push_back({quoted("=" + w), wordless});
    }
    const auto join = [](const std::vector<Operand>& run) {
        std::string out;
        for (const Operand& o : juxtaposed(run)) out += (out.empty() ? "" : " AND ") + o.text;
        return out;
    };
    m.match = join(words);
    m.exact_match = join(spellings);
    m.terms = conjunction(text, exact);
    if (!exact) m.exact_terms = conjunction(text, true);
    if (exact) {
        m.match = m.exact_match;
        m.exact_match.clear();
    }
    return m;
}

}  // namespace kraft
