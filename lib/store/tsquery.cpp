#include "store/tsquery.hpp"

#include <cctype>

#include "store/fts_tokenizer.hpp"

namespace kraft {

namespace {

// A lexeme no index holds (tokens are letters and digits, or "_" and them): what a phrase of no
// words matches, which is nothing.
constexpr const char* kNothing = "'~'";

std::string lexeme(const std::string& token, bool prefix) {
    std::string out = "'";
    for (char c : token) {
        if (c == '\'' || c == '\\') out += c;
        out += c;
    }
    return out + (prefix ? "':*" : "'");
}

std::string phrase_query(const TsPhrase& p) {
    if (p.words.empty()) return kNothing;
    std::string out;
    for (std::size_t w = 0; w < p.words.size(); ++w) {
        const bool prefix = p.prefix && w + 1 == p.words.size();
        out += (w ? " <-> (" : "(");
        for (std::size_t k = 0; k < p.words[w].size(); ++k)
            out += (k ? " | " : "") + lexeme(p.words[w][k], prefix);
        out += ")";
    }
    return p.words.size() > 1 ? "(" + out + ")" : out;
}

// or := and (OR and)*; and := not (AND not)*; not := juxt (NOT juxt)*; juxt := primary+;
// primary := phrase | bareword | ( or ). Juxtaposition binds tightest, then NOT, AND, OR.
class Parser {
  public:
    explicit Parser(std::string_view text) : t_(text) {}

    Result<TsQuery> all() {
        auto q = disjunction();
        if (!q) return std::unexpected(q.error());
        skip_space();
        if (i_ != t_.size())
            return fail("", 0, "fts5: syntax error near \"" + std::string(t_.substr(i_, 1)) + "\"");
        return TsQuery{*q, std::move(phrases_)};
    }

  private:
    using Text = Result<std::string>;

    Text disjunction() { return chain("OR", " | ", &Parser::conjunction); }
    Text conjunction() { return chain("AND", " & ", &Parser::negation); }
    Text negation() { return chain("NOT", " & !", &Parser::juxtaposition); }

    Text chain(std::string_view op, const char* joiner, Text (Parser::*next)()) {
        auto first = (this->*next)();
        if (!first) return first;
        std::string out = *first;
        bool joined = false;
        while (at_word(op)) {
            i_ += op.size();
            auto more = (this->*next)();
            if (!more) return more;
            out += joiner + *more;
            joined = true;
        }
        return joined ? "(" + out + ")" : out;
    }

    Text juxtaposition() {
        std::string out;
        int n = 0;
        while (true) {
            skip_space();
            if (i_ == t_.size() || t_[i_] == ')' || at_word("OR") || at_word("AND") ||
                at_word("NOT"))
                break;
            auto p = primary();
            if (!p) return p;
            out += (n++ ? " & " : "") + *p;
        }
        if (n == 0) return problem("an operator lacks its operand");
        return n > 1 ? "(" + out + ")" : out;
    }

    Text primary() {
        const char c = t_[i_];
        if (c == '(') {
            ++i_;
            auto inner = disjunction();
            if (!inner) return inner;
            skip_space();
            if (i_ == t_.size() || t_[i_] != ')') return problem("a \"(\" is not closed");
            ++i_;
            return "(" + *inner + ")";
        }
        if (c == '"') return quoted();
        return bareword();
    }

    Text quoted() {
        std::string text;
        std::size_t j = i_ + 1;
        while (true) {
            if (j >= t_.size()) return fail("", 0, "unterminated string");  // FTS5's words
            if (t_[j] == '"') {
                if (j + 1 < t_.size() && t_[j + 1] == '"') {
                    text += '"';
                    j += 2;
                    continue;
                }
                break;
            }
            text += t_[j++];
        }
        i_ = j + 1;
        std::size_t k = i_;
        while (k < t_.size() && t_[k] == ' ') ++k;
        const bool prefix = k < t_.size() && t_[k] == '*';
        if (prefix) i_ = k + 1;
        return phrase(text, prefix);
    }

    Text bareword() {
        const std::size_t begin = i_;
        while (i_ < t_.size() && !std::isspace(static_cast<unsigned char>(t_[i_])) &&
               t_[i_] != '(' && t_[i_] != ')' && t_[i_] != '"')
            ++i_;
        std::string_view word = t_.substr(begin, i_ - begin);
        if (word == "NEAR" || (i_ < t_.size() && t_[i_] == '(' && word.starts_with("NEAR")))
            return problem("NEAR is not offered on a PostgreSQL archive");
        const bool prefix = word.ends_with('*');
        if (prefix) word.remove_suffix(1);
        for (char ch : word) {
            const auto u = static_cast<unsigned char>(ch);
            if (u < 0x80 && !std::isalnum(u) && ch != '_')
                return problem(ch == ':' || ch == '{' || ch == '^' || ch == '+'
                                   ? "column filters, \"^\" and \"+\" are not offered on a "
                                     "PostgreSQL archive"
                                   : "\"" + std::string(1, ch) + "\" outside a quoted phrase");
        }
        if (word.empty()) return problem("a \"*\" without its word");
        return phrase(std::string(word), prefix);
    }

    Text phrase(const std::string& text, bool prefix) {
        TsPhrase p;
        p.words = query_phrase_tokens(text, prefix);
        p.prefix = prefix;
        p.tsquery = phrase_query(p);
        std::string q = p.tsquery;
        phrases_.push_back(std::move(p));
        return q;
    }

    bool at_word(std::string_view op) {
        skip_space();
        if (t_.substr(i_, op.size()) != op) return false;
        const std::size_t end = i_ + op.size();
        return end == t_.size() || std::isspace(static_cast<unsigned char>(t_[end])) ||
               t_[end] == '(' || t_[end] == '"';
    }

    void skip_space() {
        while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
    }

    // FTS5's words for a syntax error, then what is wrong.
    Text problem(const std::string& what) {
        return fail("", 0,
                    "fts5: syntax error near \"" + std::string(t_.substr(i_, 12)) + "\": " + what);
    }

    std::string_view t_;
    std::size_t i_ = 0;
    std::vector<TsPhrase> phrases_;
};

}  // namespace

Result<TsQuery> to_tsquery(std::string_view expression) {
    return Parser(expression).all();
}

}  // namespace kraft
