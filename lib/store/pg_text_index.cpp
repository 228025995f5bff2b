#include "store/pg_text_index.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "store/fts_tokenizer.hpp"
#include "store/pg_postings.hpp"
#include "store/pg_word_pairs.hpp"
#include "store/tsvector_text.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

using tsvector::kMaxLexeme;
using tsvector::kMaxPosition;
using tsvector::kMaxPositions;
using tsvector::kMaxVectorBytes;
// A term is kept in token_counts from this many entries on: counting fewer through the GIN index
// takes about a millisecond. The setting kraft.counts_from overrides it (PGOPTIONS="-c
// kraft.counts_from=2": the tests keep every term's count).
constexpr std::int64_t kKeptFrom = 1000;
// A span of entry ids this wide is read through the GIN index alone (matching()).
constexpr std::int64_t kWideSpan = 200000;
// Prefixes this long and longer are counted (prefix_term); shorter ones are rare in
// searches and match most of an archive.
constexpr std::size_t kMinPrefixChars = 3;
// How long one tidy() counts prefixes that have just become common, with the writers waiting:
// an archive made before prefixes were counted catches up over several imports.
constexpr auto kPrefixCountingTime = std::chrono::seconds(5);
// The same for the terms a survey found common (kraft.term_counting_seconds overrides it; 0: no
// limit).
constexpr int kTermCountingSeconds = 10;
// The terms of about this many entries are surveyed, each time the archive has grown by a
// quarter (kSurveyGrowth) since the last survey that counted all it found.
constexpr double kSurveyEntries = 100000;
constexpr double kSurveyGrowth = 1.25;
// What testing an entry in a walk of the primary key costs against reading one of a GIN list's
// entries (measured at 1.8 million entries: about 50 against 0.15 us).
constexpr double kWalkedPerListed = 300;
// Up to this many entries stored since the postings were made are walked to complete them; more,
// and a search leaves the postings alone (an import in progress, before its tidy()).
constexpr std::int64_t kPostingsLater = 1000;
// Up to this many entries, many new prefixes are counted by reading every entry once instead.
constexpr double kReadingAllUpTo = 200000;

// A lexeme's positions; those up to the entry's title length are its title's.
using Lexemes = std::map<std::string, std::vector<std::int64_t>, std::less<>>;

// "'namnd':3A,7 '_namnd':3B" -> lexemes and their positions (weights are read past).
Lexemes parse_tsvector(std::string_view v, Lexemes out = {}) {
    std::size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && v[i] == ' ') ++i;
        if (i >= v.size() || v[i] != '\'') break;
        std::string lex;
        for (++i; i < v.size(); ++i) {
            if (v[i] == '\'' && i + 1 < v.size() && v[i + 1] == '\'') {
                lex += '\'';
                ++i;
            } else if (v[i] == '\'') {
                break;
            } else {
                lex += v[i];
            }
        }
        ++i;
        std::vector<std::int64_t>& positions = out[lex];
        if (i < v.size() && v[i] == ':') {
            ++i;
            while (i < v.size() && v[i] != ' ') {
                std::int64_t n = 0;
                while (i < v.size() && v[i] >= '0' && v[i] <= '9') n = n * 10 + (v[i++] - '0');
                if (i < v.size() && v[i] >= 'A' && v[i] <= 'D') ++i;
                positions.push_back(n);
                if (i < v.size() && v[i] == ',') ++i;
            }
        }
    }
    return out;
}

// The positions where one word of a phrase matches: any of its tokens (as prefixes, for the
// last word of a prefix phrase).
std::set<std::int64_t> word_positions(const Lexemes& lexemes,
                                      const std::vector<std::string>& tokens, bool prefix) {
    std::set<std::int64_t> at;
    for (const std::string& t : tokens) {
        auto it = prefix ? lexemes.lower_bound(t) : lexemes.find(t);
        for (; it != lexemes.end(); ++it) {
            if (prefix ? !it->first.starts_with(t) : it->first != t) break;
            at.insert(it->second.begin(), it->second.end());
            if (!prefix) break;
        }
    }
    return at;
}

// The phrase's instances weighted by column, as FTS5's bm25 counts them: 5 in a title, 1 in a
// body.
double phrase_frequency(const Lexemes& lexemes, std::int64_t title_length, const TsPhrase& p) {
    if (p.words.empty()) return 0;
    std::vector<std::set<std::int64_t>> words;
    for (std::size_t w = 0; w < p.words.size(); ++w)
        words.push_back(word_positions(lexemes, p.words[w], p.prefix && w + 1 == p.words.size()));
    double f = 0;
    for (const std::int64_t at : words[0]) {
        bool all = true;
        for (std::size_t w = 1; w < words.size() && all; ++w)
            all = words[w].contains(at + static_cast<std::int64_t>(w));
        if (all) f += at <= title_length ? 5.0 : 1.0;
    }
    return f;
}

// The phrases' tokens as a PostgreSQL text[] literal: whole tokens, or (prefix) LIKE patterns.
std::string token_array(const std::vector<TsPhrase>& phrases, bool prefixes) {
    std::string out = "{";
    for (const TsPhrase& p : phrases)
        for (std::size_t w = 0; w < p.words.size(); ++w) {
            const bool prefix = p.prefix && w + 1 == p.words.size();
            if (prefix != prefixes) continue;
            for (const std::string& t : p.words[w]) {
                std::string item;
                for (char c : t) {
                    if (prefix && (c == '_' || c == '%' || c == '\\')) item += "\\\\";
                    if (c == '"' || c == '\\') item += '\\';
                    item += c;
                }
                out += (out.size() > 1 ? ",\"" : "\"") + item + (prefix ? "%\"" : "\"");
            }
        }
    return out + "}";
}

// Whether two tsqueries are the same but for parentheses and spaces.
bool same_tsquery(const std::string& a, const std::string& b) {
    const auto bare = [](const std::string& text) {
        std::string out;
        for (char c : text)
            if (c != '(' && c != ')' && c != ' ') out += c;
        return out;
    };
    return bare(a) == bare(b);
}

// The key a lexeme of the words counts under: "_namnd" and "namnd" both under "namnd".
std::string_view key_of(std::string_view lexeme) {
    return lexeme.substr(lexeme.starts_with('_') ? 1 : 0);
}

// The same in SQL, of a column of lexemes.
std::string key_of_sql(const std::string& lexeme) {
    return "CASE WHEN left(" + lexeme + ", 1) = '_' THEN substr(" + lexeme + ", 2) ELSE " + lexeme +
           " END";
}

// The prefixes of a key whose entries are counted ("namnd": "nam", "namn", "namnd"), shortest
// first: one entry has a prefix when any of its words' keys or tokens starts with it. A prefix for
// which on_prefix returns false ends them.
template <class OnPrefix>
void each_counted_prefix(std::string_view key, OnPrefix on_prefix) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < key.size();) {
        ++i;
        while (i < key.size() && (static_cast<unsigned char>(key[i]) & 0xC0) == 0x80) ++i;
        if (++chars < kMinPrefixChars) continue;
        if constexpr (std::is_same_v<decltype(on_prefix(key)), bool>) {
            if (!on_prefix(key.substr(0, i))) return;
        } else {
            on_prefix(key.substr(0, i));
        }
    }
}

// A prefix of three letters or more as search spells it, ("=p" * OR "=_p" *): the entries with
// any key or token starting with p, kept as the key "p*" (a token never holds a '*').
std::optional<CountedTerm> prefix_term(const TsQuery& q) {
    const auto single = [](const TsPhrase& p) -> const std::string* {
        if (!p.prefix || p.words.size() != 1 || p.words[0].size() != 1) return nullptr;
        return &p.words[0][0];
    };
    const std::string* a = single(q.phrases[0]);
    const std::string* b = q.phrases.size() == 2 ? single(q.phrases[1]) : nullptr;
    if (!a || !b || a->empty() || a->starts_with('_') || *b != "_" + *a) return std::nullopt;
    if (text::code_points(*a) < kMinPrefixChars) return std::nullopt;
    if (!same_tsquery(q.text, q.phrases[0].tsquery + "|" + q.phrases[1].tsquery))
        return std::nullopt;
    return CountedTerm{*a + "*", true};
}

// How many entries hold the term of the row `c` of (token, as_key), through the GIN indexes. A
// pair of words (a space in it) is counted in the pairs, and has no key.
std::string entries_holding(const std::string& c) {
    return "CASE WHEN position(' ' IN " + c +
           ".token) > 0 THEN (SELECT count(*) FROM entry_index "
           "WHERE pairs @@ CAST(quote_literal(" +
           c +
           ".token) AS tsquery)) ELSE (SELECT count(*) "
           "FROM entry_index WHERE words @@ CAST(CASE WHEN " +
           c + ".as_key THEN quote_literal(" + c + ".token) || ' | ' || quote_literal('_' || " + c +
           ".token) ELSE quote_literal(" + c + ".token) END AS tsquery)) END";
}

// Runs count(first, last) over [0, n) in batches of kCountingBatch, until all are done, `stop`,
// or `deadline` passes (none: no limit): the writers wait meanwhile. How many were done, or the
// first error.
constexpr std::size_t kCountingBatch = 64;
template <class CountBatch>
Result<std::size_t> count_in_batches(std::size_t n,
                                     std::optional<std::chrono::steady_clock::time_point> deadline,
                                     const std::atomic<bool>& stop, CountBatch count) {
    std::size_t at = 0;
    for (; at < n && !stop && (!deadline || std::chrono::steady_clock::now() < *deadline);
         at += kCountingBatch)
        if (auto ok = count(at, std::min(at + kCountingBatch, n)); !ok)
            return std::unexpected(ok.error());
    return std::min(at, n);
}

}  // namespace

std::optional<CountedTerm> counted_term(const TsPhrase& p) {
    // Two words whose pair says all: that pair.
    if (p.words.size() == 2)
        if (auto pp = phrase_pairs(p); pp && pp->maybe.empty()) return CountedTerm{pp->pair, false};
    if (p.prefix || p.words.size() != 1) return std::nullopt;
    const std::vector<std::string>& tokens = p.words[0];
    if (tokens.size() == 1) return CountedTerm{tokens[0], false};
    if (tokens.size() == 2 && !tokens[0].starts_with('_') && tokens[1] == "_" + tokens[0])
        return CountedTerm{tokens[0], true};
    return std::nullopt;
}

std::optional<CountedTerm> counted_term(const TsQuery& q) {
    if (q.phrases.size() == 1) return counted_term(q.phrases[0]);
    if (q.phrases.size() != 2) return std::nullopt;
    if (auto t = prefix_term(q)) return t;
    // Search's spelling of a word: ("=k" OR "=_k").
    auto a = counted_term(q.phrases[0]), b = counted_term(q.phrases[1]);
    if (!a || !b || a->as_key || b->as_key || b->token != "_" + a->token) return std::nullopt;
    if (!same_tsquery(q.text, q.phrases[0].tsquery + "|" + q.phrases[1].tsquery))
        return std::nullopt;
    return CountedTerm{a->token, true};
}

namespace {

// The parts of a tsquery joined by '&' at its top level, its outer parentheses taken off (one
// part, the whole, where '|' joins them); none when both join there, or a part is negated.
std::optional<std::vector<std::string>> top_level_conjuncts(std::string_view text) {
    const auto closing = [&](std::size_t open) {
        int depth = 0;
        bool quoted = false;
        for (std::size_t i = open; i < text.size(); ++i) {
            if (text[i] == '\'') quoted = !quoted;  // '' inside a quote toggles twice
            if (quoted) continue;
            if (text[i] == '(') ++depth;
            if (text[i] == ')' && --depth == 0) return i;
        }
        return std::string_view::npos;
    };
    const auto trim = [](std::string_view t) {
        while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
        while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
        return t;
    };
    text = trim(text);
    while (!text.empty() && text.front() == '(' && closing(0) == text.size() - 1)
        text = trim(text.substr(1, text.size() - 2));
    std::vector<std::string> parts;
    int depth = 0;
    bool quoted = false, any_or = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '&';
        if (c == '\'') quoted = !quoted;
        if (quoted) continue;
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (depth != 0) continue;
        any_or = any_or || c == '|';
        if (c != '&') continue;
        const std::string_view part = trim(text.substr(start, i - start));
        if (part.empty() || part.front() == '!') return std::nullopt;
        parts.emplace_back(part);
        start = i + 1;
    }
    if (any_or && parts.size() > 1) return std::nullopt;
    return parts;
}

}  // namespace

std::optional<std::vector<CountedTerm>> conjunct_terms(const TsQuery& q) {
    auto parts = top_level_conjuncts(q.text);
    if (!parts) return std::nullopt;
    std::vector<CountedTerm> terms;
    std::size_t next = 0;  // the first phrase not yet placed
    for (const std::string& part : *parts) {
        std::optional<CountedTerm> term;
        if (next < q.phrases.size() && same_tsquery(part, q.phrases[next].tsquery)) {
            term = counted_term(q.phrases[next]);
            next += 1;
        } else if (next + 1 < q.phrases.size()) {
            term = counted_term(TsQuery{part, {q.phrases[next], q.phrases[next + 1]}});
            next += 2;
        }
        if (!term) return std::nullopt;
        terms.push_back(std::move(*term));
    }
    if (next != q.phrases.size() || terms.empty()) return std::nullopt;
    return terms;
}

IndexCondition index_condition(const TsPhrase& p) {
    const char* words = "words @@ CAST(? AS tsquery)";
    const char* pairs = "pairs @@ CAST(? AS tsquery)";
    auto pp = phrase_pairs(p);
    if (!pp) return {words, {p.tsquery}};
    if (pp->maybe.empty()) return {pairs, {pp->sure}};
    if (pp->sure.empty()) return {std::string(pairs) + " AND " + words, {pp->maybe, p.tsquery}};
    return {"(" + std::string(pairs) + " OR (" + pairs + " AND " + words + "))",
            {pp->sure, pp->maybe, p.tsquery}};
}

IndexCondition index_condition(const TsQuery& q) {
    if (q.phrases.size() == 1 && same_tsquery(q.text, q.phrases[0].tsquery))
        return index_condition(q.phrases[0]);
    return {"words @@ CAST(? AS tsquery)", {q.text}};
}

void each_entry_term(const std::vector<std::string>& lexemes, const KeptPrefixes* kept,
                     const std::function<void(std::string_view, bool)>& on_term,
                     const PrefixSet* leading) {
    std::string prefix;
    for (const std::string& t : lexemes) {
        on_term(t, false);
        // A pair of words (two keys and a space) is a term as itself only.
        if (t.find(' ') != std::string::npos) continue;
        const std::string_view k = key_of(t);
        on_term(k, true);
        each_counted_prefix(k, [&](std::string_view p) {
            if (leading && !leading->contains(p)) return false;
            if (kept && !kept->contains(p)) return true;
            prefix.assign(p);  // its capacity kept: no allocation a prefix
            prefix += '*';
            on_term(prefix, true);
            return true;
        });
    }
}

std::vector<TokenCount> token_counts(const std::vector<std::vector<std::string>>& entries,
                                     const KeptPrefixes* kept) {
    std::map<std::pair<std::string, bool>, std::int64_t> n;
    for (const std::vector<std::string>& lexemes : entries) {
        std::set<std::pair<std::string, bool>> terms;
        each_entry_term(lexemes, kept, [&](std::string_view term, bool as_key) {
            terms.emplace(std::string(term), as_key);
        });
        for (const auto& t : terms) ++n[t];
    }
    std::vector<TokenCount> out;
    for (const auto& [term, entries_holding] : n)
        out.push_back({term.first, term.second, entries_holding});
    return out;
}

EntryVector entry_vector(const std::string& title, const std::string& body) {
    std::map<std::string, std::vector<std::string>> positions;  // lexeme -> "3A"...
    std::size_t bytes = 0;
    EntryVector out;
    std::int64_t base = 1;
    WordKeys keys[2];  // the title's, the body's
    for (const bool is_title : {true, false}) {
        std::size_t words = 0;
        each_document_token(is_title ? title : body, [&](std::string_view token, std::size_t w) {
            words = w + 1;
            keys[is_title ? 0 : 1].add(token, w);
            if (token.size() > kMaxLexeme) return;
            const std::int64_t at = std::min(base + static_cast<std::int64_t>(w), kMaxPosition);
            auto it = positions.find(std::string(token));
            if (it == positions.end()) {
                if (bytes + token.size() > kMaxVectorBytes) return;
                bytes += token.size();
                it = positions.emplace(std::string(token), std::vector<std::string>{}).first;
            }
            if (it->second.size() < kMaxPositions)
                it->second.push_back(std::to_string(at) + (is_title ? "A" : ""));
        });
        out.words += static_cast<std::int64_t>(words);
        if (is_title) out.title_words = static_cast<std::int64_t>(words);
        base += static_cast<std::int64_t>(words) + 1;  // no phrase runs from title into body
    }
    for (const auto& [lex, at] : positions) {
        out.lexemes.push_back(lex);
        if (!out.literal.empty()) out.literal += ' ';
        tsvector::append_quoted(out.literal, lex);
        out.literal += ':';
        for (std::size_t k = 0; k < at.size(); ++k) out.literal += (k ? "," : "") + at[k];
    }
    out.pairs = word_pairs(keys[0], keys[1]);
    return out;
}

double bm25(const std::vector<std::string_view>& tsvectors, std::int64_t length,
            std::int64_t title_length, const std::vector<TsPhrase>& phrases,
            const std::vector<std::int64_t>& hits, double entries, double mean_length) {
    // FTS5's constants and formula (fts5_aux.c), including its floor on a negative idf.
    constexpr double k1 = 1.2, b = 0.75;
    Lexemes lexemes;
    for (std::string_view v : tsvectors) lexemes = parse_tsvector(v, std::move(lexemes));
    double score = 0;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        const double n = static_cast<double>(hits[i]);
        double idf = std::log((0.5 + entries - n) / (0.5 + n));
        if (idf <= 0.0) idf = 1e-6;
        const double f = phrase_frequency(lexemes, title_length, phrases[i]);
        const double d = static_cast<double>(length);
        score += idf * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * d / mean_length)));
    }
    return -1.0 * score;
}

PgTextIndex::PgTextIndex(PgDatabase& db)
    : db_(db), statements_(db), postings_(std::make_unique<PgPostings>(db, statements_)) {}

PgTextIndex::~PgTextIndex() = default;

Result<TsQuery> PgTextIndex::query(const std::string& expression) {
    auto q = to_tsquery(expression);
    failed_on_input_ = !q;
    if (!q) return fail(db_.path(), 0, q.error().message);
    return q;
}

Result<void> PgTextIndex::index_rows(const std::string& sql, const std::vector<std::string>& params,
                                     const std::function<void(const SqlStatement&)>& on_row,
                                     Plan plan) {
    // The planner prices a sequential scan by the table's pages, not by the tsvectors each row
    // keeps out of line, which the scan reads and decompresses all of: a word in a tenth of
    // 15,000 entries took 40 ms that way against 2 ms through the GIN index. The index always
    // wins for these questions, so they are asked without sequential scans; nothing else is.
    // For the same reason, a walk of the primary key that tests each entry's words is priced far
    // below its cost where the ids cover much of the archive (gin_only), and a GIN bitmap far
    // below it where the caller knows that the first rows of the walk will do (key_walk).
    const std::string also = plan == Plan::gin_only   ? "enable_indexscan"
                             : plan == Plan::key_walk ? "enable_bitmapscan"
                                                      : "";
    if (auto ok =
            db_.exec("SET enable_seqscan = off" + (also.empty() ? "" : "; SET " + also + " = off"));
        !ok)
        return ok;
    auto ok = rows(sql, params, on_row);
    if (auto done = db_.exec("RESET enable_seqscan" + (also.empty() ? "" : "; RESET " + also));
        !done && ok)
        return done;
    return ok;
}

Result<void> PgTextIndex::rows(const std::string& sql, const std::vector<std::string>& params,
                               const std::function<void(const SqlStatement&)>& on_row) {
    return cached_rows(statements_, sql, params, on_row, &failed_on_input_);
}

Result<std::int64_t> PgTextIndex::count(const std::string& expression) {
    auto q = query(expression);
    if (!q) return std::unexpected(q.error());
    // One word, or one spelling: its count is kept.
    if (auto t = counted_term(*q)) {
        auto kept = kept_counts({*t});
        if (!kept) return std::unexpected(kept.error());
        if (!kept->empty()) return kept->begin()->second.entries;
    }
    // Common words together: their postings and'ed. (A word alone has a kept count or none.)
    if (!counted_term(*q)) {
        auto from_postings = posted(*q, {0, std::numeric_limits<std::int64_t>::max()});
        if (!from_postings) return std::unexpected(from_postings.error());
        if (*from_postings) return (*from_postings)->count();
    }
    if (q->phrases.size() == 1 && same_tsquery(q->text, q->phrases[0].tsquery))
        return phrase_count(q->phrases[0]);
    return counted(index_condition(*q));
}

Result<std::int64_t> PgTextIndex::counted(const IndexCondition& c) {
    std::int64_t n = 0;
    if (auto ok = index_rows("SELECT count(*) FROM entry_index WHERE " + c.sql, c.params,
                             [&](const SqlStatement& row) { n = row.integer(0); });
        !ok)
        return std::unexpected(ok.error());
    return n;
}

// The entries holding the keys' pair match for sure; of the rest, those holding a further-stemmed
// key's pair match where their positions say so. Counted apart, the first are a kept count (or
// one GIN list) and only the few others are read back: "kommunfullmäktige beslutade" at 1.55 M
// paragraphs, alone: 0.45 -> 0.03 s.
Result<std::int64_t> PgTextIndex::phrase_count(const TsPhrase& p) {
    auto pp = phrase_pairs(p);
    if (!pp || pp->sure.empty() || pp->maybe.empty()) return counted(index_condition(p));
    auto kept = kept_counts({CountedTerm{pp->pair, false}});
    if (!kept) return std::unexpected(kept.error());
    auto sure = kept->empty() ? counted({"pairs @@ CAST(? AS tsquery)", {pp->sure}})
                              : Result<std::int64_t>(kept->begin()->second.entries);
    if (!sure) return sure;
    auto rest = counted({"pairs @@ CAST(? AS tsquery) AND words @@ CAST(? AS tsquery)",
                         {"(" + pp->maybe + ") & !" + pp->sure, p.tsquery}});
    if (!rest) return rest;
    return *sure + *rest;
}

Result<void> PgTextIndex::matching(const std::string& expression, std::optional<IdSpan> span,
                                   const std::function<void(std::int64_t)>& on_id) {
    auto q = query(expression);
    if (!q) return std::unexpected(q.error());
    // Common words: their postings within the span, where the GIN index would visit each match.
    auto from_postings =
        posted(*q, span.value_or(IdSpan{0, std::numeric_limits<std::int64_t>::max()}));
    if (!from_postings) return std::unexpected(from_postings.error());
    if (*from_postings) {
        (*from_postings)->each(on_id);
        return {};
    }
    const IndexCondition c = index_condition(*q);
    std::vector<std::string> params = c.params;
    if (span) {
        params.push_back(std::to_string(span->first));
        params.push_back(std::to_string(span->last));
    }
    // Over a wide span, the GIN index's matches, sorted here: the primary key's walk of the span,
    // which the planner prefers, decompresses every entry's words to test them (`beslut` among
    // 1.8 million entries: 6.1 s against 1.1 s). The sort is here rather than on the server,
    // which spills a million ids to disk.
    const bool wide = !span || span->last - span->first >= kWideSpan;
    std::vector<std::int64_t> ids;
    if (auto ok = index_rows(
            "SELECT id FROM entry_index WHERE " + c.sql +
                std::string(span ? " AND id >= CAST(? AS bigint) AND id <= CAST(? AS bigint)"
                                 : "") +
                (wide ? "" : " ORDER BY id"),
            params, [&](const SqlStatement& row) { ids.push_back(row.integer(0)); },
            wide ? Plan::gin_only : Plan::any_index);
        !ok)
        return ok;
    if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
    for (std::int64_t id : ids) on_id(id);
    return {};
}

Result<std::int64_t> PgTextIndex::matching_within(const std::string& expression,
                                                  const std::vector<IdSpan>& runs,
                                                  const std::function<void(std::int64_t)>& on_id) {
    auto q = query(expression);
    if (!q) return std::unexpected(q.error());
    if (runs.empty()) return TextIndex::matching_within(expression, runs, on_id);
    auto from_postings = posted(*q, {runs.front().first, runs.back().last});
    if (!from_postings) return std::unexpected(from_postings.error());
    if (!*from_postings) return TextIndex::matching_within(expression, runs, on_id);
    Posted& p = **from_postings;
    const std::int64_t read = p.count();
    // Each block and'ed with the runs' ids in it.
    std::size_t next = 0;
    for (auto it = p.blocks.begin(); it != p.blocks.end();) {
        const std::int64_t base = PostingBlock::first_id(it->first),
                           end = base + PostingBlock::kIds - 1;
        while (next < runs.size() && runs[next].last < base) ++next;
        PostingBlock allowed;
        for (std::size_t r = next; r < runs.size() && runs[r].first <= end; ++r)
            allowed.set_range(static_cast<std::uint32_t>(std::max(runs[r].first, base) - base),
                              static_cast<std::uint32_t>(std::min(runs[r].last, end) - base));
        it->second &= allowed;
        it = it->second.empty() ? p.blocks.erase(it) : std::next(it);
    }
    IdRangeWalk walk(runs);
    std::erase_if(p.later, [&](std::int64_t id) { return !walk.contains(id); });
    p.each(on_id);
    return read;
}

// The newest matches, by the cheapest of three ways, as the expression's kept count says how
// dense its matches are. A walk back from the newest entry tests limit / density entries, each
// read and decompressed; a GIN list costs little per entry (kWalkedPerListed), then visits only
// the rows within the newest ids where the limit's matches should be, four times over. So a dense
// word is walked (`dokumentet`, in 9.5 % of 1.8 million entries: 9 ms, against 39 ms through its
// list); a rarer one is read from its list within that window (`huvudman`, 5 %: 53 -> 3 ms, where
// its whole list visits 95,000 rows); and one too rare to be kept from its whole list.
Result<void> PgTextIndex::newest(const std::string& expression, int limit,
                                 const std::function<void(std::int64_t)>& on_id) {
    auto q = query(expression);
    if (!q) return std::unexpected(q.error());
    const std::string sql = "SELECT id FROM entry_index WHERE words @@ CAST(? AS tsquery)";
    const std::string newest = " ORDER BY id DESC LIMIT CAST(? AS bigint)";
    const std::vector<std::string> params = {q->text, std::to_string(limit)};
    const auto each = [&](const SqlStatement& row) { on_id(row.integer(0)); };
    const auto term = counted_term(*q);
    if (!term) {
        // Common words together: the newest of their postings and'ed. Other expressions (a
        // phrase of three words or more...) are left to the planner.
        auto from_postings = posted(*q, {0, std::numeric_limits<std::int64_t>::max()});
        if (!from_postings) return std::unexpected(from_postings.error());
        if (!*from_postings) return index_rows(sql + newest, params, each);
        if (limit <= 0) return {};
        int given = 0;
        (*from_postings)->each_newest([&](std::int64_t id) {
            on_id(id);
            return ++given < limit;
        });
        return {};
    }
    auto kept = kept_counts({*term});
    if (!kept) return std::unexpected(kept.error());
    if (kept->empty()) return index_rows(sql + newest, params, each, Plan::gin_only);
    const std::int64_t matches = kept->begin()->second.entries;
    auto totals = extent();
    if (!totals) return std::unexpected(totals.error());
    const std::int64_t entries = totals->entries, last = totals->last_id;
    const double walked =
        static_cast<double>(limit) * static_cast<double>(entries) / static_cast<double>(matches);
    if (walked * kWalkedPerListed < static_cast<double>(matches))
        return index_rows(sql + newest, params, each, Plan::key_walk);
    const double window = 4.0 * walked;
    std::vector<std::int64_t> ids;
    if (auto ok = index_rows(
            sql + " AND id > CAST(? AS bigint)" + newest,
            {q->text, std::to_string(last - static_cast<std::int64_t>(window)),
             std::to_string(limit)},
            [&](const SqlStatement& row) { ids.push_back(row.integer(0)); }, Plan::gin_only);
        !ok)
        return ok;
    if (static_cast<int>(ids.size()) < limit && window < static_cast<double>(last))
        return index_rows(sql + newest, params, each, Plan::gin_only);
    for (std::int64_t id : ids) on_id(id);
    return {};
}

std::int64_t PgTextIndex::Posted::count() const {
    std::int64_t n = static_cast<std::int64_t>(later.size());
    for (const auto& [b, bits] : blocks) n += bits.count();
    return n;
}

void PgTextIndex::Posted::each(const std::function<void(std::int64_t)>& on_id) const {
    for (const auto& [b, bits] : blocks) {
        const std::int64_t base = PostingBlock::first_id(b);
        bits.each([&](std::uint32_t offset) { on_id(base + offset); });
    }
    for (std::int64_t id : later) on_id(id);
}

void PgTextIndex::Posted::each_newest(const std::function<bool(std::int64_t)>& on_id) const {
    for (auto it = later.rbegin(); it != later.rend(); ++it)
        if (!on_id(*it)) return;
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
        const std::int64_t base = PostingBlock::first_id(it->first);
        if (!it->second.each_descending([&](std::uint32_t offset) { return on_id(base + offset); }))
            return;
    }
}

// Each term's blocks within the span, the rarest's first, and'ed; the entries stored since the
// postings were made are walked (kPostingsLater at most).
Result<std::optional<PgTextIndex::Posted>> PgTextIndex::posted(const TsQuery& q, IdSpan span) {
    const auto terms = conjunct_terms(q);
    if (!terms) return std::nullopt;
    auto kept = kept_counts(*terms);
    if (!kept) return std::unexpected(kept.error());
    std::vector<std::pair<std::int64_t, const CountedTerm*>> by_count;
    for (const CountedTerm& t : *terms) {
        const auto it = kept->find({t.token, t.as_key});
        if (it == kept->end() || !it->second.postings) return std::nullopt;
        by_count.emplace_back(it->second.entries, &t);
    }
    std::sort(by_count.begin(), by_count.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    auto totals = extent();
    if (!totals) return std::unexpected(totals.error());
    const std::int64_t upto = totals->postings_upto, last = totals->last_id;
    if (last - upto > kPostingsLater) return std::nullopt;
    Posted out;
    for (std::size_t k = 0; k < by_count.size(); ++k) {
        auto blocks = postings_->blocks(*by_count[k].second, span.first, std::min(span.last, upto));
        if (!blocks) return std::unexpected(blocks.error());
        if (k == 0) {
            out.blocks = std::move(*blocks);
            continue;
        }
        for (auto it = out.blocks.begin(); it != out.blocks.end();) {
            const auto other = blocks->find(it->first);
            if (other != blocks->end()) it->second &= other->second;
            it = other == blocks->end() || it->second.empty() ? out.blocks.erase(it) : ++it;
        }
    }
    if (last > upto && span.last > upto)
        if (auto ok = index_rows(
                "SELECT id FROM entry_index WHERE words @@ CAST(? AS tsquery) AND "
                "id > CAST(? AS bigint) AND id >= CAST(? AS bigint) AND id <= "
                "CAST(? AS bigint) ORDER BY id",
                {q.text, std::to_string(upto), std::to_string(span.first),
                 std::to_string(span.last)},
                [&](const SqlStatement& row) { out.later.push_back(row.integer(0)); },
                Plan::key_walk);
            !ok)
            return std::unexpected(ok.error());
    return out;
}

Result<PgTextIndex::Extent> PgTextIndex::extent() {
    Extent out;
    if (auto ok =
            rows("SELECT (SELECT coalesce(sum(entries), 0) FROM index_totals), (SELECT "
                 "coalesce(max(id), 0) FROM entry_index), (SELECT coalesce(max(postings_upto), "
                 "0) FROM index_totals)",
                 {},
                 [&](const SqlStatement& row) {
                     out = {row.integer(0), row.integer(1), row.integer(2)};
                 });
        !ok)
        return std::unexpected(ok.error());
    return out;
}

// Scores every match (search asks for a ranking only where the matches are few), with the
// corpus figures FTS5 keeps: the number of entries and their words, kept per protocol here so
// that importers on several machines never wait on one row.
Result<std::vector<RankedEntry>> PgTextIndex::ranked(const std::string& expression,
                                                     const std::vector<std::int64_t>* allowed,
                                                     IdSpan span, int limit) {
    auto q = query(expression);
    if (!q) return std::unexpected(q.error());
    double entries = 0, words = 0;
    if (auto ok = rows("SELECT coalesce(sum(entries), 0), coalesce(sum(words), 0) FROM "
                       "index_totals",
                       {},
                       [&](const SqlStatement& row) {
                           entries = row.real(0);
                           words = row.real(1);
                       });
        !ok)
        return std::unexpected(ok.error());
    auto hits = phrase_hits(q->phrases);
    if (!hits) return std::unexpected(hits.error());
    const double mean = entries > 0 && words > 0 ? words / entries : 1.0;
    // Only the query's tokens' positions come back, not a match's whole tsvector (~10 KB of text:
    // 840 matches of "budget" were 8.9 MB to send and parse): setweight() marks the query's
    // words and ts_filter() keeps them, both in C. Prefixes cover words not known beforehand:
    // those are found by reading the tsvector's words, which costs ten times as much, and only
    // prefix queries pay it.
    const std::string prefixes = token_array(q->phrases, true);
    const bool any_prefix = prefixes != "{}";
    std::vector<std::string> params = {token_array(q->phrases, false)};
    if (any_prefix) params.push_back(prefixes);
    params.push_back(q->text);
    if (allowed) {
        params.push_back(db_.ids_value(*allowed));
        params.push_back(std::to_string(span.first));
        params.push_back(std::to_string(span.last));
    }
    const std::string sql =
        std::string(
            "SELECT i.id, i.length, i.title_length, "
            "CAST(ts_filter(setweight(i.words, 'b', CAST(? AS text[])), '{b}') AS text), ") +
        (any_prefix ? "(SELECT string_agg(quote_literal(u.lexeme) || ':' || "
                      "array_to_string(u.positions, ','), ' ') FROM unnest(i.words) AS u WHERE "
                      "u.lexeme LIKE ANY(CAST(? AS text[]))) "
                    : "'' ") +
        "FROM entry_index i WHERE i.words @@ CAST(? AS tsquery)" +
        (allowed ? " AND i.id = ANY(CAST(? AS bigint[])) AND i.id >= CAST(? AS bigint) AND i.id "
                   "<= CAST(? AS bigint)"
                 : "");
    std::vector<RankedEntry> out;
    if (auto ok =
            index_rows(sql, params,
                       [&](const SqlStatement& row) {
                           const std::string exact = row.text(3), prefixed = row.text(4);
                           out.push_back({row.integer(0),
                                          bm25({exact, prefixed}, row.integer(1), row.integer(2),
                                               q->phrases, *hits, entries, mean)});
                       });
        !ok)
        return std::unexpected(ok.error());
    std::sort(out.begin(), out.end(), [](const RankedEntry& x, const RankedEntry& y) {
        return x.rank != y.rank ? x.rank < y.rank : x.id < y.id;
    });
    if (out.size() > static_cast<std::size_t>(std::max(limit, 0)))
        out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    return out;
}

Result<std::vector<std::int64_t>> PgTextIndex::phrase_hits(const std::vector<TsPhrase>& phrases) {
    std::vector<CountedTerm> terms;
    for (const TsPhrase& p : phrases)
        if (auto t = counted_term(p)) terms.push_back(*t);
    auto kept = kept_counts(terms);
    if (!kept) return std::unexpected(kept.error());
    std::vector<std::int64_t> hits;
    for (const TsPhrase& p : phrases) {
        if (auto t = counted_term(p))
            if (const auto it = kept->find({t->token, t->as_key}); it != kept->end()) {
                hits.push_back(it->second.entries);
                continue;
            }
        auto n = phrase_count(p);
        if (!n) return std::unexpected(n.error());
        hits.push_back(*n);
    }
    return hits;
}

Result<std::map<std::pair<std::string, bool>, PgTextIndex::Kept>> PgTextIndex::kept_counts(
    const std::vector<CountedTerm>& terms) {
    std::map<std::pair<std::string, bool>, Kept> out;
    if (terms.empty()) return out;
    std::vector<std::string> tokens, as_key;
    for (const CountedTerm& t : terms) {
        tokens.push_back(t.token);
        as_key.push_back(t.as_key ? "t" : "f");
    }
    if (auto ok =
            rows("SELECT c.token, c.as_key, c.entries, c.postings FROM token_counts c JOIN "
                 "unnest(CAST(? AS text[]), CAST(? AS boolean[])) AS w(token, as_key) "
                 "ON c.token = w.token AND c.as_key = w.as_key",
                 {pg_text_array(tokens), "{" + text::join(as_key, ",") + "}"},
                 [&](const SqlStatement& row) {
                     out[{row.text(0), row.text(1) == "t"}] = {row.integer(2), row.integer(3) != 0};
                 });
        !ok)
        return std::unexpected(ok.error());
    return out;
}

Result<void> PgTextIndex::add(const std::vector<IndexedEntry>& entries) {
    if (entries.empty()) return {};
    auto st = statements_.get(
        "INSERT INTO entry_index(id, words, pairs, length, title_length) "
        "VALUES (?, CAST(? AS tsvector), CAST(? AS tsvector), ?, ?)");
    if (!st) return std::unexpected(st.error());
    std::int64_t words = 0;
    std::vector<std::vector<std::string>> lexemes;
    for (const IndexedEntry& e : entries) {
        EntryVector v = entry_vector(e.title, e.body);
        words += v.words;
        (*st)->reset();
        if (auto ok =
                (*st)->bind_all(e.id, v.literal, v.pairs.literal, v.words, v.title_words).run();
            !ok)
            return ok;
        lexemes.push_back(std::move(v.lexemes));
        lexemes.back().insert(lexemes.back().end(), v.pairs.pairs.begin(), v.pairs.pairs.end());
    }
    if (auto ok = read_kept_prefixes(); !ok) return ok;
    if (auto ok = add_counts(token_counts(lexemes, &kept_prefixes_), "+"); !ok) return ok;
    return add_totals(static_cast<std::int64_t>(entries.size()), words);
}

Result<void> PgTextIndex::add_totals(std::int64_t entries, std::int64_t words) {
    auto st = statements_.get(
        "UPDATE index_totals SET entries = entries + CAST(? AS bigint), words = words + CAST(? AS "
        "bigint)");
    if (!st) return std::unexpected(st.error());
    return (*st)->bind_all(entries, words).run();
}

Result<void> PgTextIndex::add_counts(const std::vector<TokenCount>& counts, const char* sign) {
    if (counts.empty()) return {};
    std::vector<std::string> tokens, as_key, entries;
    for (const TokenCount& c : counts) {
        tokens.push_back(c.token);
        as_key.push_back(c.as_key ? "t" : "f");
        entries.push_back(std::to_string(c.entries));
    }
    // Only the terms kept: the rest are counted when asked, which is cheap for a rare word.
    return rows(std::string("UPDATE token_counts c SET entries = c.entries ") + sign +
                    " d.entries FROM unnest(CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS "
                    "bigint[])) AS d(token, as_key, entries) WHERE c.token = d.token AND "
                    "c.as_key = d.as_key",
                {pg_text_array(tokens), "{" + text::join(as_key, ",") + "}",
                 "{" + text::join(entries, ",") + "}"},
                [](const SqlStatement&) {});
}

Result<void> PgTextIndex::forget(const std::string& source) {
    // Every entry once at least (no lexeme: NULL), so that each counts in the totals.
    std::vector<std::vector<std::string>> lexemes;
    std::vector<std::int64_t> ids;
    std::int64_t last = -1, words = 0;
    if (auto ok = rows("SELECT i.id, i.length, u.lexeme FROM entry_index i JOIN entries e ON e.id "
                       "= i.id JOIN paragraphs pa ON pa.id = e.paragraph_id JOIN protocols pr ON "
                       "pr.id = pa.protocol_id LEFT JOIN LATERAL unnest(tsvector_to_array(i.words) "
                       "|| tsvector_to_array(i.pairs)) AS u(lexeme) ON true WHERE pr.source = ? "
                       "ORDER BY i.id",
                       {source},
                       [&](const SqlStatement& row) {
                           if (row.integer(0) != last) {
                               lexemes.emplace_back();
                               words += row.integer(1);
                               last = row.integer(0);
                               ids.push_back(last);
                           }
                           if (!row.is_null(2)) lexemes.back().push_back(row.text(2));
                       });
        !ok)
        return ok;
    if (lexemes.empty()) return {};
    if (auto ok = read_kept_prefixes(); !ok) return ok;
    if (auto ok = add_counts(token_counts(lexemes, &kept_prefixes_), "-"); !ok) return ok;
    if (auto ok = postings_->forget(ids, lexemes, kept_prefixes_); !ok) return ok;
    return add_totals(-static_cast<std::int64_t>(lexemes.size()), -words);
}

// Each protocol stored asks whether they changed (a 1 ms question of a few thousand rows); a
// protocol's every prefix sent to the UPDATE instead made a whole import 25 % slower.
Result<void> PgTextIndex::read_kept_prefixes() {
    std::string seen;
    if (auto ok = rows("SELECT count(*) || ' ' || coalesce(sum(hashtext(token)), 0) FROM "
                       "token_counts WHERE as_key AND right(token, 1) = '*'",
                       {}, [&](const SqlStatement& row) { seen = row.text(0); });
        !ok)
        return ok;
    if (seen == kept_prefixes_seen_) return {};
    KeptPrefixes kept;
    if (auto ok = rows("SELECT left(token, -1) FROM token_counts WHERE as_key AND right(token, 1) "
                       "= '*'",
                       {}, [&](const SqlStatement& row) { kept.insert(row.text(0)); });
        !ok)
        return ok;
    kept_prefixes_ = std::move(kept);
    kept_prefixes_seen_ = std::move(seen);
    return {};
}

Result<void> PgTextIndex::tidy(const std::atomic<bool>& stop) {
    // One importer at a time: VACUUM and ANALYZE of a table wait for each other, so importers
    // finishing together would each do it again in turn; one finding another at it leaves the
    // work to that one.
    bool mine = false;
    if (auto ok = rows("SELECT pg_try_advisory_lock(7215628034717927)", {},
                       [&](const SqlStatement& row) { mine = row.integer(0) != 0; });
        !ok || !mine)
        return ok;
    auto ok = vacuum_and_analyze(stop);
    if (ok && !stop) ok = keep_common_terms(stop);
    if (auto unlock = db_.exec("SELECT pg_advisory_unlock(7215628034717927)"); !unlock && ok)
        return unlock;
    return ok;
}

Result<void> PgTextIndex::vacuum_and_analyze(const std::atomic<bool>& stop) {
    // VACUUM merges the GIN index's pending list, which every search reads through in full until
    // then (after a 7,000-entry batch: 1 s a search instead of 20 ms), and marks the pages
    // all-visible, so that counting a word's entries need not visit them (beslut, 13,000
    // entries: 17.7 -> 4.4 ms). A role that does not own the table leaves it to autovacuum
    // (PostgreSQL skips it with a warning). The statements' tables and the entries are vacuumed
    // for the same reason: a party's statements are found by index-only scans (schema 7).
    if (auto ok = db_.exec(
            "VACUUM (ANALYZE) entry_index, token_counts, entries, statements, statement_parties");
        !ok)
        return ok;
    for (const char* table : {"paragraphs", "protocols", "citations"}) {
        if (stop) break;
        if (auto ok = db_.exec(std::string("ANALYZE ") + table); !ok) return ok;
    }
    return {};
}

// The terms ANALYZE found in at least kKeptFrom entries start to be kept, each counted once now.
// The writers wait meanwhile, so that none adds entries between the count and the row.
Result<void> PgTextIndex::keep_common_terms(const std::atomic<bool>& stop) {
    Transaction t(db_);
    if (auto ok = t.begin(); !ok) return ok;
    if (auto ok = db_.lock_writers(); !ok) return ok;
    if (auto ok = db_.exec("SET LOCAL enable_seqscan = off"); !ok) return ok;
    const std::string common =
        "SELECT DISTINCT s.lexeme FROM pg_stats p, unnest(CAST(CAST(p.most_common_elems AS "
        "text) AS text[]), p.most_common_elem_freqs) AS s(lexeme, freq) WHERE p.schemaname = "
        "'kraft' AND p.tablename = 'entry_index' AND p.attname IN ('words', 'pairs') AND s.lexeme "
        "IS NOT NULL "
        "AND s.freq * (SELECT "
        "reltuples FROM pg_class WHERE oid = CAST('entry_index' AS regclass)) >= coalesce(CAST("
        "nullif(current_setting('kraft.counts_from', true), '') AS bigint), " +
        std::to_string(kKeptFrom) + ")";
    const std::string key = key_of_sql("lexeme");
    if (auto ok = rows(
            "INSERT INTO token_counts(token, as_key, entries) SELECT c.token, c.as_key, " +
                entries_holding("c") + " FROM (SELECT lexeme AS token, false AS as_key FROM (" +
                common + ") l UNION SELECT " + key + ", true FROM (" + common +
                ") l WHERE position(' ' IN lexeme) = 0) c WHERE NOT EXISTS (SELECT 1 FROM "
                "token_counts k WHERE k.token = c.token AND k.as_key = c.as_key) ON CONFLICT DO "
                "NOTHING",
            {}, [](const SqlStatement&) {});
        !ok)
        return ok;
    if (auto ok = keep_surveyed_terms(stop); !ok) return ok;
    if (auto ok = keep_common_prefixes(stop); !ok) return ok;
    if (auto ok = postings_->keep(stop); !ok) return ok;
    return t.commit();
}

// ANALYZE's most common elements stop at a thousand a column: at 1.8 million entries, at words
// in 3.6 % of them, so that a word in 1.6 % (28,928 entries) was counted by every search for it
// (60 ms alone, through the GIN list and the rows it names). A survey reads the words and pairs
// of a sample of about kSurveyEntries entries (all of a smaller archive; 11 s at 1.8 million)
// and starts keeping those estimated to be in kKeptFrom entries or more, the commonest first, for
// at most kTermCountingSeconds; what is left waits for the next tidy(), which surveys again.
// The caller holds the writers' lock.
Result<void> PgTextIndex::keep_surveyed_terms(const std::atomic<bool>& stop) {
    double entries = 0, surveyed = 0;
    int seconds = kTermCountingSeconds;
    if (auto ok = rows("SELECT coalesce(sum(entries), 0), coalesce(max(surveyed_entries), 0), "
                       "coalesce(nullif(current_setting('kraft.term_counting_seconds', true), ''), "
                       "'-1') FROM index_totals",
                       {},
                       [&](const SqlStatement& row) {
                           entries = row.real(0);
                           surveyed = row.real(1);
                           if (row.integer(2) >= 0) seconds = static_cast<int>(row.integer(2));
                       });
        !ok)
        return ok;
    if (entries < 2 || entries < surveyed * kSurveyGrowth) return {};
    const double percent = std::min(100.0, 100.0 * kSurveyEntries / entries);
    const std::string from =
        " FROM entry_index TABLESAMPLE SYSTEM (" + std::to_string(percent) + ") REPEATABLE (1)";
    // Each term with the most entries the sample holds of it (a key: of either token).
    std::vector<std::string> tokens, as_key;
    if (auto ok = rows(
            "WITH w AS (SELECT word, ndoc FROM ts_stat('SELECT words" + from +
                "')), "
                "t AS (SELECT word AS token, false AS as_key, ndoc FROM w UNION ALL SELECT " +
                key_of_sql("word") +
                ", true, ndoc FROM w UNION ALL SELECT word, false, ndoc FROM ts_stat('SELECT "
                "pairs" +
                from +
                "')) "
                "SELECT t.token, t.as_key FROM t WHERE NOT EXISTS (SELECT 1 FROM token_counts k "
                "WHERE k.token = t.token AND k.as_key = t.as_key) GROUP BY t.token, t.as_key "
                "HAVING max(t.ndoc) * CAST(? AS double precision) >= coalesce(CAST(nullif("
                "current_setting('kraft.counts_from', true), '') AS bigint), " +
                std::to_string(kKeptFrom) + ") ORDER BY max(t.ndoc) DESC, t.token, t.as_key",
            {std::to_string(100.0 / percent)},
            [&](const SqlStatement& row) {
                tokens.push_back(row.text(0));
                as_key.push_back(row.text(1) == "t" ? "t" : "f");
            });
        !ok)
        return ok;
    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (seconds > 0) deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    auto counted =
        count_in_batches(tokens.size(), deadline, stop, [&](std::size_t first, std::size_t last) {
            const auto b = static_cast<std::ptrdiff_t>(first),
                       e = static_cast<std::ptrdiff_t>(last);
            return rows(
                "INSERT INTO token_counts(token, as_key, entries) SELECT c.token, c.as_key, " +
                    entries_holding("c") +
                    " FROM unnest(CAST(? AS text[]), CAST(? AS boolean[])) AS c(token, "
                    "as_key) ON CONFLICT DO NOTHING",
                {pg_text_array({tokens.begin() + b, tokens.begin() + e}),
                 "{" + text::join({as_key.begin() + b, as_key.begin() + e}, ",") + "}"},
                [](const SqlStatement&) {});
        });
    if (!counted) return std::unexpected(counted.error());
    if (*counted < tokens.size()) return {};
    return rows("UPDATE index_totals SET surveyed_entries = entries", {},
                [](const SqlStatement&) {});
}

// The prefixes of the keys kept start to be kept too: a prefix is in every entry its key is in.
// Each is counted once through the GIN index, the longest (in the fewest entries) first, for at
// most kPrefixCountingTime; the rest are counted by a later tidy() (until then a search counts
// them itself), or until `stop`. The caller holds the writers' lock.
Result<void> PgTextIndex::keep_common_prefixes(const std::atomic<bool>& stop) {
    std::vector<std::string> fresh;
    if (auto ok = rows(
            "SELECT p FROM (SELECT DISTINCT left(c.token, n) AS p FROM token_counts c, "
            "generate_series(" +
                std::to_string(kMinPrefixChars) +
                ", char_length(c.token)) AS n WHERE c.as_key AND position(' ' IN c.token) = 0 "
                "AND right(c.token, 1) <> '*') l WHERE NOT EXISTS (SELECT 1 FROM token_counts k "
                "WHERE k.token = l.p || '*' AND k.as_key) ORDER BY char_length(p) DESC, p",
            {}, [&](const SqlStatement& row) { fresh.push_back(row.text(0)); });
        !ok)
        return ok;
    constexpr std::size_t kBatch = 64;
    if (fresh.size() > kBatch) {
        double entries = 0;
        if (auto ok = rows("SELECT reltuples FROM pg_class WHERE oid = CAST('entry_index' AS "
                           "regclass)",
                           {}, [&](const SqlStatement& row) { entries = row.real(0); });
            !ok)
            return ok;
        if (entries <= kReadingAllUpTo) return keep_prefixes_by_reading(fresh, stop);
    }
    auto counted = count_in_batches(
        fresh.size(), std::chrono::steady_clock::now() + kPrefixCountingTime, stop,
        [&](std::size_t first, std::size_t last) {
            return rows(
                "INSERT INTO token_counts(token, as_key, entries) SELECT p || '*', true, "
                "(SELECT count(*) FROM entry_index WHERE words @@ CAST(quote_literal(p) || "
                "':* | ' || quote_literal('_' || p) || ':*' AS tsquery)) FROM "
                "unnest(CAST(? AS text[])) AS p ON CONFLICT DO NOTHING",
                {pg_text_array({fresh.begin() + static_cast<std::ptrdiff_t>(first),
                                fresh.begin() + static_cast<std::ptrdiff_t>(last)})},
                [](const SqlStatement&) {});
        });
    if (!counted) return std::unexpected(counted.error());
    return {};
}

// Many prefixes of a small archive (its first import): counted in one reading of every entry's
// words, a prefix a hash lookup, instead of a GIN count each (3,000 prefixes of 28,000 entries:
// 523 counted in the 5 seconds allowed). Stopped, it keeps none: a part of the entries' counts
// is no count.
Result<void> PgTextIndex::keep_prefixes_by_reading(const std::vector<std::string>& fresh,
                                                   const std::atomic<bool>& stop) {
    std::unordered_map<std::string_view, std::int64_t> n;
    for (const std::string& p : fresh) n.emplace(p, 0);
    std::vector<std::int64_t*> held;
    std::int64_t after = 0;
    for (bool more = true; more;) {
        if (stop) return {};
        more = false;
        if (auto ok = rows("SELECT id, array_to_string(tsvector_to_array(words), ' ') FROM "
                           "entry_index WHERE id > CAST(? AS bigint) ORDER BY id LIMIT 5000",
                           {std::to_string(after)},
                           [&](const SqlStatement& row) {
                               more = true;
                               after = row.integer(0);
                               held.clear();
                               for (std::string_view lexeme : text::split(row.text(1), ' ')) {
                                   each_counted_prefix(key_of(lexeme), [&](std::string_view p) {
                                       if (auto it = n.find(p); it != n.end())
                                           held.push_back(&it->second);
                                   });
                               }
                               std::sort(held.begin(), held.end());
                               held.erase(std::unique(held.begin(), held.end()), held.end());
                               for (std::int64_t* c : held) ++*c;
                           });
            !ok)
            return ok;
    }
    std::vector<std::string> tokens, counts;
    for (const auto& [p, entries] : n) {
        tokens.push_back(std::string(p) + "*");
        counts.push_back(std::to_string(entries));
    }
    return rows(
        "INSERT INTO token_counts(token, as_key, entries) SELECT t, true, n FROM "
        "unnest(CAST(? AS text[]), CAST(? AS bigint[])) AS c(t, n) ON CONFLICT DO NOTHING",
        {pg_text_array(tokens), "{" + text::join(counts, ",") + "}"}, [](const SqlStatement&) {});
}

Result<std::vector<std::string>> PgTextIndex::check() {
    std::vector<std::string> problems;
    const auto report = [&](const char* what) {
        return [&problems, what](const SqlStatement& row) {
            if (row.integer(0) > 0)
                problems.push_back("full-text index: " + std::to_string(row.integer(0)) + what);
        };
    };
    if (auto ok = rows("SELECT count(*) FROM entries e LEFT JOIN entry_index i ON i.id = e.id "
                       "WHERE i.id IS NULL",
                       {}, report(" entries are not indexed"));
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = rows("SELECT count(*) FROM index_totals t, (SELECT count(*) AS entries, "
                       "coalesce(sum(length), 0) AS words FROM entry_index) i WHERE t.entries <> "
                       "i.entries OR t.words <> i.words",
                       {},
                       [&](const SqlStatement& row) {
                           if (row.integer(0) > 0)
                               problems.push_back(
                                   "full-text index: its totals of entries and words are wrong");
                       });
        !ok)
        return std::unexpected(ok.error());
    // The kept counts against the index's tokens, counted again.
    if (auto ok = rows(
            "WITH counted AS (SELECT t.token, t.as_key, count(*) AS entries FROM entry_index i, "
            "LATERAL (SELECT u.lexeme AS token, false AS as_key FROM unnest(i.words) u UNION "
            "SELECT " +
                key_of_sql("u.lexeme") +
                ", true FROM unnest(i.words) u UNION SELECT u.lexeme, false FROM unnest(i.pairs) "
                "u UNION SELECT left(k.k, n) || '*', true FROM (SELECT " +
                key_of_sql("u.lexeme") + " AS k FROM unnest(i.words) u) k, generate_series(" +
                std::to_string(kMinPrefixChars) +
                ", char_length(k.k)) AS n WHERE left(k.k, n) || '*' IN (SELECT token FROM "
                "token_counts WHERE as_key)) t "
                "GROUP BY t.token, t.as_key), "
                "kept AS (SELECT token, as_key, entries FROM token_counts) "
                "SELECT count(*) FROM kept LEFT JOIN counted USING (token, as_key) "
                "WHERE coalesce(counted.entries, 0) <> kept.entries",
            {}, report(" tokens' counts of entries are wrong"));
        !ok)
        return std::unexpected(ok.error());
    auto postings = postings_->check();
    if (!postings) return std::unexpected(postings.error());
    problems.insert(problems.end(), postings->begin(), postings->end());
    return problems;
}

}  // namespace kraft
