// The lexicon repair consults: is a word Swedish, and how common is it (alone and after/before
// another word)?
//
//   auto data = LexiconData::load(grammar_dir);          // word lists and frequencies, shared
//   Lexicon lex(data, "/usr/share/hunspell/sv_SE");      // one per thread: hunspell is not
//   lex.valid("kommunfullmäktige");                      // thread-safe, and the cache is not
//
// Validity = the domain word list (grammars/lexicon-domain.txt) or the frequency tables or
// hunspell's Swedish dictionary (inflection and compounds). Answers are cached per word form
// because hunspell's spell() costs microseconds.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "util/error.hpp"

class Hunspell;

namespace kraft {

struct LexiconData {
    std::unordered_set<std::string> domain;           // lower case
    std::unordered_map<std::string, double> counts;   // lower case -> count
    std::unordered_map<std::string, double> bigrams;  // "a\tb" folded -> count
    double total = 0;

    // Reads lexicon-domain.txt, word-frequencies*.tsv and word-bigrams.tsv from dir.
    // Errors: a missing or malformed file, named with its line.
    static Result<std::shared_ptr<LexiconData>> load(const std::string& dir);

    // Adds the words and word pairs of clean text (what the archive learns from clean protocols).
    void learn(std::string_view clean_text);
    void add_count(const std::string& lower_word, double n);
};

class Lexicon {
  public:
    // dictionary: path without extension of a hunspell .aff/.dic pair. Errors: files missing.
    static Result<std::unique_ptr<Lexicon>> open(std::shared_ptr<const LexiconData> data,
                                                 const std::string& dictionary);
    ~Lexicon();
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    bool valid(const std::string& word);  // any case
    bool in_domain(const std::string& lower) const { return data_->domain.count(lower) > 0; }
    double count(const std::string& lower) const;  // 0 when unseen
    double bigram(const std::string& a_folded, const std::string& b_folded) const;
    const LexiconData& data() const { return *data_; }

  private:
    Lexicon(std::shared_ptr<const LexiconData> data, std::unique_ptr<Hunspell> hunspell);
    std::shared_ptr<const LexiconData> data_;
    std::unique_ptr<Hunspell> hunspell_;
    static constexpr std::size_t kMaxCachedWords = 200'000;
    std::unordered_map<std::string, bool> cache_;
};

// Where Debian's hunspell-sv puts sv_SE.aff/.dic; $KRAFT_HUNSPELL overrides.
std::string default_dictionary();

}  // namespace kraft
