#include "repair/repair.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "repair/document_words.hpp"
#include "repair/lost_bytes.hpp"
#include "util/table_file.hpp"
#include "util/text.hpp"
#include "util/tokens.hpp"

namespace kraft {

namespace {

constexpr double kUnseenCount = 0.3;       // pseudo-count of a word hunspell knows but no table has
constexpr double kDomainCount = 3.0;       // extra count for domain words (names, bodies, terms)
constexpr double kRealWordMargin = 1.1;    // log(3): a known word yields only to a 3x likelier twin
constexpr double kLowerMidSentence = 4.6;  // log(100): "Overstiga" mid-sentence is "överstiga"
constexpr double kAmbiguousDamage = 0.25;  // below: clean by its letters alone (see judge())
// Candidates checked against the lexicon per unknown word, most probable confusions first: a
// bound on hunspell calls (each costs microseconds) that keeps every likely spelling.
constexpr std::size_t kCandidatesChecked = 500;
// How much less likely by its letters than the likeliest spelling a spelling only hunspell knows
// may be and still be looked up.
constexpr double kChannelSpan = 6.9;  // log(1000)
// How much less likely by its letters a spelling only hunspell knows may be than one found
// already and still be looked up: what the protocol's own words and the neighbours can add.
constexpr double kHunspellSlack = 3.0;  // log(20)
// Spellings of a compound's first part looked up joined to its last part, likeliest first.
constexpr std::size_t kCompoundPartsChecked = 100;
// Words this short are left alone in text whose å/ä/ö the OCR kept.
constexpr std::size_t kShortWord = 3;
// Misread symbols in a text with its å/ä/ö that make it OCR output: two, so that one "$ 5" in a
// clean text about money does not.
constexpr std::size_t kOcrSymbolEvidence = 2;

// Tesseract's confidence in a word (0..100). Of 6,668 words it read on 43 scanned protocol pages
// (shared/tools/scan-ocr, -l swe), 99.0 % of those at 90 or more were right, and 38 % of those
// below 80: a confident word is left alone, a doubtful one is repaired even if it is a word.
// Left alone from 90 on, the pages' repair fixed 170 of 475 damaged words instead of 178 and
// broke none instead of one: repair already leaves those words alone, but for a few it gets
// right. From 95 on it changes nothing measured, and keeps a word tesseract was sure of.
constexpr float kConfidentOcr = 95;
constexpr float kDoubtfulOcr = 80;

// The confidence of the OCR word that holds [begin, begin + length), if any.
std::optional<float> confidence_of(const std::vector<WordConfidence>& words, std::size_t begin,
                                   std::size_t length) {
    auto it =
        std::upper_bound(words.begin(), words.end(), begin,
                         [](std::size_t at, const WordConfidence& w) { return at < w.offset; });
    if (it == words.begin()) return std::nullopt;
    --it;
    if (begin + length > it->offset + it->length) return std::nullopt;
    return it->confidence;
}

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
            // A dash between spaces starts a value too: "Informationsklass: 0 - Öppen".
            const std::string_view before = text.substr(0, pos);
            const bool dash =
                before.ends_with(" -") || before.ends_with(" –") || before.ends_with(" —");
            return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || dash;
        }
        --pos;
    }
    return true;
}

// For a word written as the first part of a compound whose last part comes later ("hälso- och
// sjukvård", "Vård- och omsorgsnämnden"): that later word, in lower case.
std::optional<std::string> compound_tail(std::string_view text, const std::vector<Token>& tokens,
                                         std::size_t i) {
    const std::size_t end = tokens[i].end;
    if (end + 1 >= text.size() || text[end] != '-' ||
        (text[end + 1] != ' ' && text[end + 1] != '\n'))
        return std::nullopt;
    for (std::size_t k = i + 1; k < tokens.size() && k <= i + 3; ++k) {
        if (tokens[k].kind != TokenKind::word) return std::nullopt;
        const std::string w = text::lower(tokens[k].text(text));
        if (w == "och" || w == "eller" || w == "samt") continue;
        return w;
    }
    return std::nullopt;
}

std::string with_case_of(const std::string& reading, const std::string& replacement) {
    return text::starts_upper(reading) ? text::upper_first(replacement) : replacement;
}

}  // namespace

namespace {
// How many of the lexicon's commonest words with ä tell the two kinds of lost-letter OCR apart.
constexpr std::size_t kProfileWords = 300;
// Readings of either kind a text needs before it is taken for the samples' kind.
constexpr int kProfileEvidence = 3;

void add_profiles(RepairModel& model) {
    std::vector<std::pair<double, std::string>> words;
    for (const auto& [w, n] : model.lexicon->counts)
        if (w.find("ä") != std::string::npos) words.emplace_back(n, w);
    std::sort(words.rbegin(), words.rend());
    if (words.size() > kProfileWords) words.resize(kProfileWords);
    const auto variant = [](std::string w, const char* letter) {
        for (std::size_t at = w.find("ä"); at != std::string::npos; at = w.find("ä", at))
            w.replace(at, std::string("ä").size(), letter);
        return w;
    };
    for (const auto& [n, w] : words)
        for (const auto& [letter, into] :
             {std::pair{"i", &model.ae_read_as_i}, std::pair{"a", &model.ae_read_as_a}}) {
            std::string v = variant(w, letter);
            if (!model.lexicon->counts.count(v) && !model.lexicon->domain.count(v))
                into->insert(std::move(v));
        }
}
}  // namespace

Result<std::shared_ptr<RepairModel>> RepairModel::load(const std::string& dir) {
    auto model = std::make_shared<RepairModel>();
    // The samples' OCR and tesseract's (generated by scripts/make-ocr-confusions), each read once.
    const auto table = [&](const char* name) -> Result<ConfusionModel> {
        auto conf = read_table(dir + name);
        if (!conf) return std::unexpected(conf.error());
        return ConfusionModel::from_table(*conf);
    };
    auto samples = table("/ocr-confusions.tsv");
    if (!samples) return std::unexpected(samples.error());
    auto eng = table("/ocr-confusions-tesseract-eng.tsv");
    if (!eng) return std::unexpected(eng.error());
    auto swe = table("/ocr-confusions-tesseract-swe.tsv");
    if (!swe) return std::unexpected(swe.error());
    model->confusions_twins = *samples;
    model->confusions = std::move(*samples);
    model->confusions.merge(*eng);
    model->confusions_kept = std::move(*swe);
    auto ctx = read_table(dir + "/repair-context.tsv");
    if (!ctx) return std::unexpected(ctx.error());
    auto rules = ContextRules::from_table(*ctx);
    if (!rules) return std::unexpected(rules.error());
    model->rules = std::move(*rules);
    auto symbols = SymbolRules::load(dir);
    if (!symbols) return std::unexpected(symbols.error());
    model->symbols = std::move(*symbols);
    auto lex = LexiconData::load(dir);
    if (!lex) return std::unexpected(lex.error());
    model->lexicon = std::move(*lex);
    add_profiles(*model);
    return model;
}

Engine Repairer::engine_of(const DocumentWords& document) const {
    int as_i = 0, as_a = 0;
    for (const std::string& w : model_->ae_read_as_i) as_i += document.count(w);
    for (const std::string& w : model_->ae_read_as_a) as_a += document.count(w);
    // The samples' table alone is the cheaper and, for their kind of OCR, the better one.
    return as_i >= kProfileEvidence && as_i > as_a ? Engine::samples : Engine::lost_letters;
}

std::shared_ptr<const RepairModel> RepairModel::with_counts(
    const std::vector<std::pair<std::string, double>>& counts) const {
    auto model = std::make_shared<RepairModel>(*this);
    if (counts.empty()) return model;
    auto lex = std::make_shared<LexiconData>(*lexicon);
    for (const auto& [w, n] : counts) lex->add_count(w, n);
    model->lexicon = std::move(lex);
    model->ae_read_as_i.clear();
    model->ae_read_as_a.clear();
    add_profiles(*model);
    return model;
}

Repairer::Repairer(std::shared_ptr<const RepairModel> model, std::unique_ptr<Lexicon> lexicon)
    : model_(std::move(model)), lex_(std::move(lexicon)) {
    double most = 0;
    for (const auto& [word, n] : lex_->data().counts) most = std::max(most, n);
    max_prior_ = std::log(most + kDomainCount + kUnseenCount);
}

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

const Repairer::Analysis& Repairer::analyse(const std::string& token, Engine engine) {
    auto& cache = caches_[static_cast<std::size_t>(engine)];
    if (const auto it = cache.find(token); it != cache.end()) return it->second;
    const bool kept = engine == Engine::kept_letters;
    const ConfusionModel& confusions = model_->confusions_for(engine);
    Analysis a;
    a.known = !has_digit(token) && !capital_inside(token) && lex_->valid(token);
    CandidateLimits limits;
    if (a.known) {
        // Real-word errors: only twins that the frequency tables have seen, at most two edits.
        limits.max_edits = 2;
        limits.allow_slips = false;
        a.own_score = prior(token);
    }
    const ConfusionModel& used = a.known && !kept ? model_->confusions_twins : confusions;
    std::vector<Candidate> cands = candidates(text::to_u32(token), used, limits);
    std::sort(cands.begin(), cands.end(),
              [](const Candidate& x, const Candidate& y) { return x.log_channel > y.log_channel; });
    // First the spellings our tables know (cheap lookups), then hunspell, but only for spellings
    // whose confusions are likely enough to beat the best known one with hunspell's low prior.
    double best = -std::numeric_limits<double>::infinity();
    std::vector<bool> tabled(cands.size(), false);
    // A lower-case token's spellings are lower case: no case mapping per spelling.
    const bool lower_token = text::lower(token) == token;
    for (std::size_t k = 0; k < cands.size(); ++k) {
        // Sorted: once even the most frequent word could not win with these letters, none can.
        if (cands[k].log_channel + max_prior_ <= best) break;
        const std::string w = text::to_utf8(cands[k].word);
        const std::string lw = lower_token ? w : text::lower(w);
        if (has_digit(w) || (lex_->count(lw) <= 0 && !lex_->in_domain(lw))) continue;
        tabled[k] = true;
        const double score = prior(w) + cands[k].log_channel;
        best = std::max(best, score);
        a.alternatives.push_back(
            {w, score, cands[k].lowered_initial, true, cands[k].slip, describe(cands[k], used)});
    }
    if (!a.known) {
        const double unseen = std::log(kUnseenCount);
        std::size_t checked = 0;
        for (std::size_t k = 0; k < cands.size() && checked < kCandidatesChecked; ++k) {
            if (cands[k].log_channel + unseen <= best) break;  // sorted: nothing later can win
            // A spelling a thousand times less likely than the likeliest is not worth a lookup.
            if (cands[k].log_channel < cands.front().log_channel - kChannelSpan) break;
            if (tabled[k]) continue;
            const std::string w = text::to_utf8(cands[k].word);
            if (has_digit(w)) continue;
            ++checked;
            if (!lex_->valid(w)) continue;
            const double score = prior(w) + cands[k].log_channel;
            // Later spellings, less likely, are still weighed if the protocol's own words or
            // the neighbours could make up the difference; beyond that, not looked up.
            best = std::max(best, score - kHunspellSlack);
            a.alternatives.push_back({w, score, cands[k].lowered_initial, false, cands[k].slip,
                                      describe(cands[k], used)});
        }
    }
    return cache.emplace(token, std::move(a)).first->second;
}

bool Repairer::known_word(const std::string& word) {
    return lex_->valid(word);
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
        const Analysis& a = analyse(text::all_upper(w) ? text::lower(w) : w, Engine::lost_letters);
        if (!a.known && !a.alternatives.empty()) ++d.fixable_unknown;
    }
    judge(d);
    return d;
}

RepairResult Repairer::repair(std::string_view text) {
    return repair(text, {});
}

RepairResult Repairer::repair(std::string_view text, const std::vector<WordConfidence>& ocr_words) {
    // Three passes, each on the text the one before gave: bytes lost to a wrong conversion,
    // symbols misread (so that the third pass knows an OCR engine was at work), words.
    std::vector<RepairEdit> lost = restore_lost_bytes(text, *lex_);
    const std::string restored = lost.empty() ? std::string() : apply_edits(text, lost);
    const std::string_view t1 = lost.empty() ? text : std::string_view(restored);
    std::vector<RepairEdit> symbols = repair_symbols(t1, *model_->symbols);
    const std::string with_symbols = symbols.empty() ? std::string() : apply_edits(t1, symbols);
    const std::string_view t2 = symbols.empty() ? t1 : std::string_view(with_symbols);
    const std::size_t readings = symbols.size();
    RepairResult words =
        repair_damage(t2, readings, shift_spans(shift_spans(ocr_words, lost), symbols));
    if (lost.empty() && symbols.empty()) return words;
    RepairResult result;
    result.damage = words.damage;
    result.damage.damaged = true;
    result.edits =
        compose_edits(std::move(lost), compose_edits(std::move(symbols), std::move(words.edits)));
    result.text = apply_edits(text, result.edits);
    return result;
}

// One damaged text's word pass: the edits repair_damage() makes, token by token.
class Repairer::DamagePass {
  public:
    DamagePass(Repairer& r, std::string_view text, const std::vector<Token>& tokens,
               bool unknown_only, const std::vector<WordConfidence>& ocr_words)
        : r_(r),
          text_(text),
          tokens_(tokens),
          document_(text, tokens),
          engine_(unknown_only ? Engine::kept_letters : r.engine_of(document_)),
          unknown_only_(unknown_only),
          ocr_words_(ocr_words) {}

    std::vector<RepairEdit> run() {
        if (!unknown_only_) symbols_before_numbers();
        for (std::size_t i = 0; i < tokens_.size(); ++i) repair_token(i);
        std::sort(edits_.begin(), edits_.end(),
                  [](const RepairEdit& x, const RepairEdit& y) { return x.offset < y.offset; });
        return std::move(edits_);
    }

  private:
    // How the word at a token stands in its text.
    struct Word {
        std::size_t token;
        std::string text, lower;
        bool capitals, starts, name_like;
    };

    void symbols_before_numbers();
    void repair_token(std::size_t i);
    bool by_context_rule(std::size_t i, const std::string& w, const std::string& lw);
    bool skipped(const std::string& w) const;
    void weigh(const Word& w, const Analysis& a);
    std::vector<double> scores(const Word& w, const Analysis& a, const std::string& prev,
                               const std::string& next);
    void as_protocol_writes(const Word& w, const Analysis& a);

    // The neighbouring token's folded text, when only spaces stand between (dir -1 or +1).
    std::string folded_neighbour(std::size_t i, int dir) const {
        if (dir < 0 ? (i == 0 || !tokens_[i].joined_to_previous)
                    : (i + 1 >= tokens_.size() || !tokens_[i + 1].joined_to_previous))
            return {};
        return text::fold(tokens_[i + dir].text(text_));
    }
    double context(const std::string& word, const std::string& prev,
                   const std::string& next) const {
        const std::string f = text::fold(word);
        double s = 0;
        if (!prev.empty()) s += std::log(r_.lex_->bigram(prev, f) + 0.5);
        if (!next.empty()) s += std::log(r_.lex_->bigram(f, next) + 0.5);
        return s;
    }

    Repairer& r_;
    std::string_view text_;
    const std::vector<Token>& tokens_;
    const DocumentWords document_;
    const Engine engine_;
    const bool unknown_only_;
    const std::vector<WordConfidence>& ocr_words_;
    std::vector<RepairEdit> edits_;
};

// Symbols read for other symbols before a digit: "{189" -> "§189".
void Repairer::DamagePass::symbols_before_numbers() {
    for (const Confusion& c : r_.model_->confusions.symbols) {
        const std::string reading = text::to_utf8(c.reading);
        for (std::size_t pos = text_.find(reading); pos != std::string_view::npos;
             pos = text_.find(reading, pos + 1)) {
            const std::size_t after = pos + reading.size();
            if (after < text_.size() && text_[after] >= '0' && text_[after] <= '9')
                edits_.push_back({pos, reading.size(), reading, text::to_utf8(c.original), 0.9,
                                  "OCR confusion: " + reading + " for " +
                                      text::to_utf8(c.original) + " before a number"});
        }
    }
}

// A grammar rule of repair-context.tsv that decides the word by its neighbours.
bool Repairer::DamagePass::by_context_rule(std::size_t i, const std::string& w,
                                           const std::string& lw) {
    if (unknown_only_) return false;
    const Token& t = tokens_[i];
    const Neighbours nb{
        i > 0 && t.joined_to_previous ? tokens_[i - 1].text(text_) : std::string_view{},
        i + 1 < tokens_.size() && tokens_[i + 1].joined_to_previous ? tokens_[i + 1].text(text_)
                                                                    : std::string_view{}};
    auto rule = r_.model_->rules.apply(lw, nb);
    if (!rule) return false;
    const std::string to = with_case_of(w, *rule);
    if (to != w)
        edits_.push_back({t.begin, w.size(), w, to, 0.9, "context rule: " + lw + " → " + *rule});
    return true;
}

// An engine that reads å/ä/ö misreads short words and mixed-case acronyms ("RoK", "kvm")
// seldom; what it makes of them is guesswork.
bool Repairer::DamagePass::skipped(const std::string& w) const {
    return unknown_only_ &&
           ((text::code_points(w) <= kShortWord && !has_digit(w)) || capital_inside(w));
}

void Repairer::DamagePass::repair_token(std::size_t i) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::mixed || t.in_address) return;
    const std::string w(t.text(text_));
    const std::string lw = text::lower(w);
    if (by_context_rule(i, w, lw)) return;
    if (t.kind != TokenKind::word || !repairable(w) || skipped(w)) return;
    // "hälso- och sjukvård": the first part of a compound, checked joined to the last. Where no
    // spelling joins, the word is weighed alone, as any other.
    if (const auto tail = compound_tail(text_, tokens_, i))
        if (auto e = r_.repair_compound_part(t, w, *tail, engine_)) {
            if (e->to != w) edits_.push_back(*e);
            return;
        }
    // Words in capitals are looked up in lower case and put back in capitals.
    const bool capitals = text::all_upper(w);
    const bool starts = sentence_start(text_, t.begin);
    // A capitalised word within a sentence may be a name, and a word in capitals a heading or an
    // acronym. Such a word becomes a word only hunspell knows (a name, a compound) only by getting
    // back the å/ä/ö the OCR lost ("Jonsson" -> "Jönsson": the same name), never by a letter slip
    // ("Thim" is not "Thörn", "Kay" is not "Kav"). Where the OCR kept å/ä/ö, there is nothing lost
    // to give back: it becomes only a word of the frequency tables or of the protocol itself
    // ("Dabolins" is not "Dalbolins").
    const Word word{i, w, lw, capitals, starts, capitals || (text::starts_upper(w) && !starts)};
    // Confidence tells only where the engine kept å/ä/ö: one that lost them reads "namnden" as
    // surely as "protokoll".
    const std::optional<float> read_with =
        unknown_only_ ? confidence_of(ocr_words_, t.begin, w.size()) : std::nullopt;
    if (read_with && *read_with >= kConfidentOcr) return;
    const Analysis& a = r_.analyse(capitals ? lw : w, engine_);
    if (unknown_only_ && a.known && !(read_with && *read_with < kDoubtfulOcr)) return;
    weigh(word, a);
}

// An unknown name no word fits may still be one the protocol writes elsewhere.
void Repairer::DamagePass::as_protocol_writes(const Word& w, const Analysis& a) {
    if (a.known || !w.name_like || w.capitals) return;
    if (auto name = document_.name_for(w.text, r_.model_->confusions_for(engine_)))
        edits_.push_back({tokens_[w.token].begin, w.text.size(), w.text, *name, 0.9,
                          "unknown name, as the protocol writes it elsewhere"});
}

// Each alternative's score in its place: channel and prior, context, and how often the protocol
// itself writes it; -inf for one the word cannot become.
std::vector<double> Repairer::DamagePass::scores(const Word& w, const Analysis& a,
                                                 const std::string& prev, const std::string& next) {
    std::vector<double> out;
    for (const Scored& s : a.alternatives) {
        const std::string ls = text::lower(s.word);
        const int in_document = document_.count(ls);
        // A capital inside a word is the OCR's only if undoing a confusion removes it ("fOr" is
        // "för"); "RoK" and "MittVaccin" are written so.
        const bool capital_stays = !w.capitals && capital_inside(s.word);
        if (capital_stays ||
            (w.name_like && in_document == 0 && !s.tabled && (unknown_only_ || s.slip))) {
            out.push_back(-std::numeric_limits<double>::infinity());
            continue;
        }
        double sc = s.score + context(s.word, prev, next) + std::log1p(in_document);
        if (s.lowered_initial) {
            if (w.starts)
                sc = -std::numeric_limits<double>::infinity();
            else if (r_.lex_->count(ls) > 0 && !r_.lex_->in_domain(ls))
                sc += kLowerMidSentence;
        }
        out.push_back(sc);
    }
    return out;
}

// The likeliest alternative replaces the word when it beats the word itself (a known word) by
// kRealWordMargin; its confidence is its share of the probability of all readings.
void Repairer::DamagePass::weigh(const Word& w, const Analysis& a) {
    if (a.alternatives.empty()) return as_protocol_writes(w, a);
    const std::string prev = folded_neighbour(w.token, -1), next = folded_neighbour(w.token, +1);
    const std::vector<double> sc = scores(w, a, prev, next);
    const auto best = static_cast<std::size_t>(std::max_element(sc.begin(), sc.end()) - sc.begin());
    if (!std::isfinite(sc[best])) return as_protocol_writes(w, a);
    double own = -std::numeric_limits<double>::infinity();
    if (a.known) {
        own = a.own_score + context(w.text, prev, next);
        if (sc[best] <= own + kRealWordMargin) return;
    }
    double total = std::isfinite(own) ? std::exp(own - sc[best]) : 0;
    for (double x : sc) total += std::isfinite(x) ? std::exp(x - sc[best]) : 0;
    const Scored& s = a.alternatives[best];
    edits_.push_back(
        {tokens_[w.token].begin, w.text.size(), w.text, w.capitals ? text::upper(s.word) : s.word,
         1.0 / total,
         (a.known ? "real-word error, likelier twin: " : "unknown word, lexicon: ") + s.undone});
}

RepairResult Repairer::repair_damage(std::string_view text, std::size_t symbol_readings,
                                     const std::vector<WordConfidence>& ocr_words) {
    // The analyses are cached per word form for the repairer's life (an import batch); OCR
    // garbage makes the forms unbounded, so the cache starts over past kMaxCachedWords. Only
    // here, between texts: analyse() hands out references into it.
    for (auto& cache : caches_)
        if (cache.size() > kMaxCachedWords) cache.clear();
    RepairResult result;
    const std::vector<Token> tokens = tokenize(text);  // once, for the estimate and the repair
    result.damage = estimate(text, tokens);
    // An OCR engine that kept å/ä/ö (its misread symbols tell it was there) still misreads
    // letters: its unknown words are repaired, but a known word stays, since no letter it lost
    // makes it another. (A text kraft's own OCR read is such a text, whatever its symbols.)
    const bool unknown_only =
        !result.damage.damaged && (symbol_readings >= kOcrSymbolEvidence || !ocr_words.empty());
    if (!result.damage.damaged && !unknown_only) {
        result.text.assign(text);
        return result;
    }
    result.edits = DamagePass(*this, text, tokens, unknown_only, ocr_words).run();
    result.text = apply_edits(text, result.edits);
    return result;
}

std::optional<RepairEdit> Repairer::repair_compound_part(const Token& t, const std::string& w,
                                                         const std::string& tail, Engine engine) {
    // The last part may be misread too: its likeliest spelling is tried as well.
    std::vector<std::string> tails{tail};
    if (const Analysis& a = analyse(tail, engine); !a.known && !a.alternatives.empty())
        tails.push_back(
            std::max_element(a.alternatives.begin(), a.alternatives.end(),
                             [](const Scored& x, const Scored& y) { return x.score < y.score; })
                ->word);
    const auto joins = [&](const std::string& part) {
        const std::string lp = text::lower(part);
        return std::any_of(tails.begin(), tails.end(),
                           [&](const std::string& end) { return lex_->valid(lp + end); });
    };
    if (joins(w)) return RepairEdit{t.begin, w.size(), w, w, 1, "a compound's first part"};
    CandidateLimits limits;
    limits.max_edits = 2;
    const ConfusionModel& conf = model_->confusions_for(engine);
    std::vector<Candidate> cands = candidates(text::to_u32(w), conf, limits);
    std::sort(cands.begin(), cands.end(),
              [](const Candidate& x, const Candidate& y) { return x.log_channel > y.log_channel; });
    for (std::size_t k = 0; k < cands.size() && k < kCompoundPartsChecked; ++k) {
        const std::string part = text::to_utf8(cands[k].word);
        if (has_digit(part) || capital_inside(part) || !joins(part)) continue;
        return RepairEdit{
            t.begin,
            w.size(),
            w,
            part,
            0.9,
            "first part of a compound, joined to \"" + tail + "\": " + describe(cands[k], conf)};
    }
    return std::nullopt;
}

}  // namespace kraft
