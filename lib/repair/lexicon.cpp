#include "repair/lexicon.hpp"

#include <hunspell/hunspell.hxx>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "util/file.hpp"
#include "util/table_file.hpp"
#include "util/text.hpp"
#include "util/tokens.hpp"

namespace kraft {

namespace {

Result<double> parse_count(const TableFile& t, const TableRow& r, const std::string& f) {
    double n = 0;
    const auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), n);
    if (ec != std::errc{} || p != f.data() + f.size() || n < 0)
        return std::unexpected(t.error_at(r, "count '" + f + "' is not a number"));
    return n;
}

Result<void> load_counts(LexiconData& d, const std::string& path) {
    auto t = read_table(path);
    if (!t) return std::unexpected(t.error());
    for (const TableRow& r : t->rows) {
        if (r.fields.size() != 2)
            return std::unexpected(t->error_at(r, "expected: word TAB count"));
        auto n = parse_count(*t, r, r.fields[1]);
        if (!n) return std::unexpected(n.error());
        d.add_count(text::lower(r.fields[0]), *n);
    }
    return {};
}

}  // namespace

void LexiconData::add_count(const std::string& lower_word, double n) {
    counts[lower_word] += n;
    total += n;
}

Result<std::shared_ptr<LexiconData>> LexiconData::load(const std::string& dir) {
    auto d = std::make_shared<LexiconData>();
    auto domain = read_table(dir + "/lexicon-domain.txt");
    if (!domain) return std::unexpected(domain.error());
    for (const TableRow& r : domain->rows) {
        if (r.fields.size() != 1 || r.fields[0].empty())
            return std::unexpected(domain->error_at(r, "expected one word per line"));
        d->domain.insert(text::lower(r.fields[0]));
    }
    for (const char* name : {"/word-frequencies.tsv", "/word-frequencies-core.tsv"})
        if (auto ok = load_counts(*d, dir + name); !ok) return std::unexpected(ok.error());
    auto bi = read_table(dir + "/word-bigrams.tsv");
    if (!bi) return std::unexpected(bi.error());
    for (const TableRow& r : bi->rows) {
        if (r.fields.size() != 3)
            return std::unexpected(bi->error_at(r, "expected: word TAB word TAB count"));
        auto n = parse_count(*bi, r, r.fields[2]);
        if (!n) return std::unexpected(n.error());
        d->bigrams[r.fields[0] + '\t' + r.fields[1]] += *n;
    }
    return d;
}

void LexiconData::learn(std::string_view clean_text) {
    std::string prev;
    for (const Token& t : tokenize(clean_text)) {
        if (t.kind != TokenKind::word || t.in_address) {
            prev.clear();
            continue;
        }
        const std::string lw = text::lower(t.text(clean_text));
        add_count(lw, 1);
        std::string f = text::fold(lw);
        if (!prev.empty() && t.joined_to_previous) bigrams[prev + '\t' + f] += 1;
        prev = std::move(f);
    }
}

Lexicon::Lexicon(std::shared_ptr<const LexiconData> data, std::unique_ptr<Hunspell> hunspell)
    : data_(std::move(data)), hunspell_(std::move(hunspell)) {}

namespace {
// hunspell keeps a process-wide UTF-8 table with a reference count that is not thread-safe: two
// threads constructing or destroying Hunspell objects at once leak or double-free it. Worker
// threads each own a Lexicon, so construction and destruction are serialised here.
std::mutex& hunspell_lifetime_mutex() {
    static std::mutex m;
    return m;
}
}  // namespace

Lexicon::~Lexicon() {
    std::lock_guard lock(hunspell_lifetime_mutex());
    hunspell_.reset();
}

Result<std::unique_ptr<Lexicon>> Lexicon::open(std::shared_ptr<const LexiconData> data,
                                               const std::string& dictionary) {
    const std::string aff = dictionary + ".aff", dic = dictionary + ".dic";
    for (const std::string& f : {aff, dic})
        if (!std::filesystem::exists(f))
            return fail(
                f, 0, "hunspell dictionary not found (install hunspell-sv, or set KRAFT_HUNSPELL)");
    std::unique_ptr<Hunspell> h;
    {
        std::lock_guard lock(hunspell_lifetime_mutex());
        h = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
    return std::unique_ptr<Lexicon>(new Lexicon(std::move(data), std::move(h)));
}

bool Lexicon::valid(const std::string& word) {
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
    const std::string lw = text::lower(word);
    const bool ok = data_->domain.count(lw) || data_->counts.count(lw) || hunspell_->spell(word) ||
                    (lw != word && hunspell_->spell(lw));
    // Bounded: OCR garbage makes the word forms of a long import unbounded.
    if (cache_.size() > kMaxCachedWords) cache_.clear();
    cache_.emplace(word, ok);
    return ok;
}

double Lexicon::count(const std::string& lower) const {
    const auto it = data_->counts.find(lower);
    return it == data_->counts.end() ? 0 : it->second;
}

double Lexicon::bigram(const std::string& a, const std::string& b) const {
    const auto it = data_->bigrams.find(a + '\t' + b);
    return it == data_->bigrams.end() ? 0 : it->second;
}

std::string default_dictionary() {
    if (const char* env = std::getenv("KRAFT_HUNSPELL"); env && *env) return env;
    return "/usr/share/hunspell/sv_SE";
}

}  // namespace kraft
