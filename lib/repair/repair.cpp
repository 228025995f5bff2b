#include "repair/repair.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "repair/lost_bytes.hpp"
#include "repair/tokens.hpp"
#include "util/table_file.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

constexpr double kUnseenCount = 0.3;       // pseudo-count of a word hunspell knows but no table has
constexpr double kDomainCount = 3.0;       // extra count for domain words (names, bodies, terms)
constexpr double kRealWordMargin = 1.1;    // log(3): a known word yields only to a 3x likelier twin
constexpr double kLowerMidSentence = 4.6;  // log(100): "Overstiga" mid-sentence is "överstiga"
constexpr double kAmbiguousDamage = 0.25;  // below: clean by its letters alone (see judge())
// Candidates checked against the lexicon per unknown word, most probable confusions first: a
// bound on hunspell calls (each costs microseconds) that keeps every likely spelling.
constexpr std::size_t kCandidatesChecked = 300;

// Skip what is not a repairable word: single letters, and short words in capitals (acronyms and
// parties: KSAU, MKB, SD). Longer words in capitals are headings ("SAMMANTRADESPROTOKOLL").
constexpr std::size_t kMinCapitalsWord = 5;
bool repairable(std::string_view word) {
    const std::size_t n = text::code_points(word);
    return n >= 2 && (n >= kMinCapitalsWord || !text::all_upper(word));
}

// "fOr", "FOrskola": a capital after a lower-case letter is the OCR's, so the word is not taken
// as known even if the lexicon would accept its letters.
bool capital_inside(std::string_view word) {
    const std::u32string u = text::to_u32(word);
    for (std::size_t i = 1; i < u.size(); ++i)
        if (text::is_upper(u[i]) && text::is_lower(u[i - 1])) return true;
    return false;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Is the token at `pos` the first of a sentence? (Only used to decide capitalisation.)
bool sentence_start(std::string_view text, std::size_t pos) {
    int newlines = 0;
    while (pos > 0) {
        const char c = text[pos - 1];
        if (c == '\n') {
            if (++newlines == 2) return true;
        } else if (c != ' ' && c != '\t' && c != '\f' && c != '\r') {
            return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
        }
        --pos;
    }
    return true;
}

// The text with the edits (sorted, not overlapping) made.
std::string apply_edits(std::string_view text, const std::vector<RepairEdit>& edits) {
    std::string out;
    out.reserve(text.size() + edits.size() * 2);
    std::size_t at = 0;
    for (const RepairEdit& e : edits) {
        out.append(text.substr(at, e.offset - at));
        out += e.to;
        at = e.offset + e.length;
    }
    out.append(text.substr(at));
    return out;
}

std::string with_case_of(const std::string& reading, const std::string& replacement) {
    return text::starts_upper(reading) ? text::upper_first(replacement) : replacement;
}

}  // namespace

Result<std::shared_ptr<RepairModel>> RepairModel::load(const std::string& dir) {
    auto model = std::make_shared<RepairModel>();
    auto conf = read_table(dir + "/ocr-confusions.tsv");
    if (!conf) return std::unexpected(conf.error());
    auto cm = ConfusionModel::from_table(*conf);
    if (!cm) return std::unexpected(cm.error());
    model->confusions = std::move(*cm);
    auto ctx = read_table(dir + "/repair-context.tsv");
    if (!ctx) return std::unexpected(ctx.error());
    auto rules = ContextRules::from_table(*ctx);
    if (!rules) return std::unexpected(rules.error());
    model->rules = std::move(*rules);
    auto lex = LexiconData::load(dir);
    if (!lex) return std::unexpected(lex.error());
    model->lexicon = std::move(*lex);
    return model;
}

std::shared_ptr<const RepairModel> RepairModel::with_counts(
    const std::vector<std::pair<std::string, double>>& counts) const {
    auto model = std::make_shared<RepairModel>(*this);
    if (counts.empty()) return model;
    auto lex = std::make_shared<LexiconData>(*lexicon);
    for (const auto& [w, n] : counts) lex->add_count(w, n);
    model->lexicon = std::move(lex);
    return model;
}

Repairer::Repairer(std::shared_ptr<const RepairModel> model, std::unique_ptr<Lexicon> lexicon)
    : model_(std::move(model)), lex_(std::move(lexicon)) {}

Result<std::unique_ptr<Repairer>> Repairer::open(std::shared_ptr<const RepairModel> model,
                                                 const std::string& dictionary) {
    auto lex = Lexicon::open(model->lexicon, dictionary);
    if (!lex) return std::unexpected(lex.error());
    return std::unique_ptr<Repairer>(new Repairer(std::move(model), std::move(*lex)));
}

double Repairer::prior(const std::string& word) {
    const std::string lw = text::lower(word);
    return std::log(lex_->count(lw) + (lex_->in_domain(lw) ? kDomainCount : 0) + kUnseenCount);
}

const Repairer::Analysis& Repairer::analyse(const std::string& token) {
    if (const auto it = cache_.find(token); it != cache_.end()) return it->second;
    Analysis a;
    a.known = !has_digit(token) && !capital_inside(token) && lex_->valid(token);
    CandidateLimits limits;
    if (a.known) {
        // Real-word errors: only twins that the frequency tables have seen, at most two edits.
        limits.max_edits = 2;
        limits.allow_slips = false;
        a.own_score = prior(token);
    }
    std::vector<Candidate> cands = candidates(text::to_u32(token), model_->confusions, limits);
    std::sort(cands.begin(), cands.end(),
              [](const Candidate& x, const Candidate& y) { return x.log_channel > y.log_channel; });
    // First the spellings our tables know (cheap lookups), then hunspell, but only for spellings
    // whose confusions are likely enough to beat the best known one with hunspell's low prior.
    double best = -std::numeric_limits<double>::infinity();
    std::vector<bool> tabled(cands.size(), false);
    for (std::size_t k = 0; k < cands.size(); ++k) {
        const std::string w = text::to_utf8(cands[k].word);
        const std::string lw = text::lower(w);
        if (has_digit(w) || (lex_->count(lw) <= 0 && !lex_->in_domain(lw))) continue;
        tabled[k] = true;
        const double score = prior(w) + cands[k].log_channel;
        best = std::max(best, score);
        a.alternatives.push_back({w, score, cands[k].lowered_initial, std::move(cands[k].undone)});
    }
    if (!a.known) {
        const double unseen = std::log(kUnseenCount);
        std::size_t checked = 0;
        for (std::size_t k = 0; k < cands.size() && checked < kCandidatesChecked; ++k) {
            if (cands[k].log_channel + unseen <= best) break;  // sorted: nothing later can win
            if (tabled[k]) continue;
            const std::string w = text::to_utf8(cands[k].word);
            if (has_digit(w)) continue;
            ++checked;
            if (!lex_->valid(w)) continue;
            a.alternatives.push_back({w, prior(w) + cands[k].log_channel, cands[k].lowered_initial,
                                      std::move(cands[k].undone)});
        }
    }
    return cache_.emplace(token, std::move(a)).first->second;
}

DamageEstimate Repairer::estimate(std::string_view text) {
    return estimate(text, tokenize(text));
}

DamageEstimate Repairer::estimate(std::string_view text, const std::vector<Token>& tokens) {
    DamageEstimate d = count_letters(text);
    judge(d);
    // The letters decide unless the document lies between clean and damaged: only then is it
    // worth looking up every word.
    const bool ambiguous = !d.damaged && d.level >= kAmbiguousDamage;
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::word) continue;
        ++d.words;
        if (t.in_address || !ambiguous) continue;
        const std::string w(t.text(text));
        if (!repairable(w)) continue;
        const Analysis& a = analyse(text::all_upper(w) ? text::lower(w) : w);
        if (!a.known && !a.alternatives.empty()) ++d.fixable_unknown;
    }
    judge(d);
    return d;
}

RepairResult Repairer::repair(std::string_view text) {
    std::vector<RepairEdit> lost = restore_lost_bytes(text, *lex_);
    if (lost.empty()) return repair_damage(text);
    // Lost bytes first, then OCR damage in the text they gave; the second pass's edits are
    // moved back to the input's offsets. One that touches a restored word is dropped: the lexicon
    // chose that word's letters already.
    const std::string restored = apply_edits(text, lost);
    // For each lost edit, where it ends in the restored text and the byte shift up to there.
    std::vector<std::pair<std::size_t, std::ptrdiff_t>> shifts;
    std::ptrdiff_t delta = 0;
    for (const RepairEdit& e : lost) {
        delta += static_cast<std::ptrdiff_t>(e.length) - static_cast<std::ptrdiff_t>(e.to.size());
        const auto end = static_cast<std::ptrdiff_t>(e.offset + e.length) - delta;
        shifts.emplace_back(static_cast<std::size_t>(end), delta);
    }
    RepairResult second = repair_damage(restored);
    RepairResult result;
    result.damage = second.damage;
    result.damage.damaged = true;
    result.edits = lost;
    for (RepairEdit e : second.edits) {
        // The last lost edit that ends at or before this one gives the shift.
        const auto next =
            std::upper_bound(shifts.begin(), shifts.end(), e.offset,
                             [](std::size_t off, const std::pair<std::size_t, std::ptrdiff_t>& s) {
                                 return off < s.first;
                             });
        const std::ptrdiff_t d = next == shifts.begin() ? 0 : std::prev(next)->second;
        e.offset = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.offset) + d);
        // The first lost edit that ends after this one's start is the only one it can overlap.
        const auto after = std::upper_bound(
            lost.begin(), lost.end(), e.offset,
            [](std::size_t off, const RepairEdit& l) { return off < l.offset + l.length; });
        if (after != lost.end() && after->offset < e.offset + e.length) continue;
        result.edits.push_back(std::move(e));
    }
    std::sort(result.edits.begin(), result.edits.end(),
              [](const RepairEdit& x, const RepairEdit& y) { return x.offset < y.offset; });
    result.text = apply_edits(text, result.edits);
    return result;
}

RepairResult Repairer::repair_damage(std::string_view text) {
    // The analyses are cached per word form for the repairer's life (an import batch); OCR
    // garbage makes the forms unbounded, so the cache starts over past kMaxCachedWords. Only
    // here, between texts: analyse() hands out references into it.
    if (cache_.size() > kMaxCachedWords) cache_.clear();
    RepairResult result;
    const std::vector<Token> tokens = tokenize(text);  // once, for the estimate and the repair
    result.damage = estimate(text, tokens);
    if (!result.damage.damaged) {
        result.text.assign(text);
        return result;
    }
    std::vector<RepairEdit>& edits = result.edits;

    // Symbols read for other symbols before a digit: "{189" -> "§189".
    for (const Confusion& c : model_->confusions.symbols) {
        const std::string reading = text::to_utf8(c.reading);
        for (std::size_t pos = text.find(reading); pos != std::string_view::npos;
             pos = text.find(reading, pos + 1)) {
            const std::size_t after = pos + reading.size();
            if (after < text.size() && text[after] >= '0' && text[after] <= '9')
                edits.push_back({pos, reading.size(), reading, text::to_utf8(c.original), 0.9,
                                 "OCR confusion: " + reading + " for " + text::to_utf8(c.original) +
                                     " before a number"});
        }
    }

    const auto folded_neighbour = [&](std::size_t i, int dir) -> std::string {
        if (dir < 0 ? (i == 0 || !tokens[i].joined_to_previous)
                    : (i + 1 >= tokens.size() || !tokens[i + 1].joined_to_previous))
            return {};
        return text::fold(tokens[i + dir].text(text));
    };
    const auto context = [&](const std::string& word, const std::string& prev,
                             const std::string& next) {
        const std::string f = text::fold(word);
        double s = 0;
        if (!prev.empty()) s += std::log(lex_->bigram(prev, f) + 0.5);
        if (!next.empty()) s += std::log(lex_->bigram(f, next) + 0.5);
        return s;
    };

    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind == TokenKind::mixed || t.in_address) continue;
        const std::string w(t.text(text));
        const std::string lw = text::lower(w);
        const Neighbours nb{
            i > 0 && t.joined_to_previous ? tokens[i - 1].text(text) : std::string_view{},
            i + 1 < tokens.size() && tokens[i + 1].joined_to_previous ? tokens[i + 1].text(text)
                                                                      : std::string_view{}};
        if (auto r = model_->rules.apply(lw, nb)) {
            const std::string to = with_case_of(w, *r);
            if (to != w)
                edits.push_back(
                    {t.begin, w.size(), w, to, 0.9, "context rule: " + lw + " → " + *r});
            continue;
        }
        if (t.kind != TokenKind::word || !repairable(w)) continue;
        // Words in capitals are looked up in lower case and put back in capitals.
        const bool capitals = text::all_upper(w);
        const Analysis& a = analyse(capitals ? lw : w);
        if (a.alternatives.empty()) continue;

        const std::string prev = folded_neighbour(i, -1), next = folded_neighbour(i, +1);
        const bool starts = sentence_start(text, t.begin);
        std::vector<double> scores;
        for (const Scored& s : a.alternatives) {
            double sc = s.score + context(s.word, prev, next);
            if (s.lowered_initial) {
                if (starts)
                    sc = -std::numeric_limits<double>::infinity();
                else if (lex_->count(text::lower(s.word)) > 0 &&
                         !lex_->in_domain(text::lower(s.word)))
                    sc += kLowerMidSentence;
            }
            scores.push_back(sc);
        }
        const auto best = static_cast<std::size_t>(std::max_element(scores.begin(), scores.end()) -
                                                   scores.begin());
        if (!std::isfinite(scores[best])) continue;
        double own = -std::numeric_limits<double>::infinity();
        if (a.known) {
            own = a.own_score + context(w, prev, next);
            if (scores[best] <= own + kRealWordMargin) continue;
        }
        double total = std::isfinite(own) ? std::exp(own - scores[best]) : 0;
        for (double sc : scores) total += std::isfinite(sc) ? std::exp(sc - scores[best]) : 0;
        const Scored& s = a.alternatives[best];
        edits.push_back(
            {t.begin, w.size(), w, capitals ? text::upper(s.word) : s.word, 1.0 / total,
             (a.known ? "real-word error, likelier twin: " : "unknown word, lexicon: ") +
                 s.undone});
    }

    std::sort(edits.begin(), edits.end(),
              [](const RepairEdit& x, const RepairEdit& y) { return x.offset < y.offset; });
    result.text = apply_edits(text, edits);
    return result;
}

}  // namespace kraft
