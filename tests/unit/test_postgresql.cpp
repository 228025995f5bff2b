// What lets the PostgreSQL archive answer as the SQLite one does, without a server: the search
// syntax as a tsquery, the entries' tsvectors, FTS5's bm25, and the connection's SQL rewriting.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string_view>

#include "store/pg_database.hpp"
#include "store/pg_text_index.hpp"
#include "store/pg_word_pairs.hpp"
#include "store/tsquery.hpp"

using namespace kraft;

namespace {

// The term a whole expression stands for, as count() asks it.
std::optional<CountedTerm> term_of(std::string_view expression) {
    auto q = to_tsquery(expression);
    REQUIRE(q);
    return counted_term(*q);
}

// The key whose count an expression's total is read from ("" when none, or when a token's).
std::string key_counted(std::string_view expression) {
    const auto t = term_of(expression);
    return t && t->as_key ? t->token : "";
}

}  // namespace

TEST_CASE("search expressions become tsqueries over the same tokens FTS5 reads") {
    auto q = to_tsquery(R"(("=namnd" OR "=_namnd") AND "=budget")");
    REQUIRE(q);
    CHECK(q->text == "(((('namnd') | ('_namnd'))) & ('budget'))");
    CHECK(q->phrases.size() == 3);
    // A plain word is expanded as the tokenizer expands a query word: its key and its form.
    auto word = to_tsquery("nämnden");
    REQUIRE(word);
    CHECK(word->text == "('namnd' | '_namnd')");
    auto prefix = to_tsquery("\"=nämnd\" *");
    REQUIRE(prefix);
    CHECK(prefix->text == "('nämnd':*)");
    auto phrase = to_tsquery("\"kommunstyrelsen beslutar\"");
    REQUIRE(phrase);
    CHECK(phrase->text.find(" <-> ") != std::string::npos);
    auto negated = to_tsquery("beslut NOT budget");
    REQUIRE(negated);
    CHECK(negated->text.find("& !") != std::string::npos);
    // A phrase without words matches nothing, as in FTS5.
    auto wordless = to_tsquery("\"§\"");
    REQUIRE(wordless);
    CHECK(wordless->text == "'~'");
}

TEST_CASE("malformed expressions and FTS5 syntax PostgreSQL lacks are errors") {
    CHECK(to_tsquery("\"unclosed").error().message == "unterminated string");
    CHECK_FALSE(to_tsquery("budget AND"));
    CHECK_FALSE(to_tsquery("(budget"));
    CHECK_FALSE(to_tsquery("budget)"));
    CHECK(to_tsquery("NEAR(a b)").error().message.find("NEAR") != std::string::npos);
    CHECK(to_tsquery("title:budget").error().message.find("column filters") != std::string::npos);
}

TEST_CASE("an entry's tsvector holds each word's tokens, titles at weight A") {
    const EntryVector v = entry_vector("Nämnden", "budget nämnden");
    CHECK(v.words == 3);
    CHECK(v.title_words == 1);
    // The body starts a position after the title's last word: no phrase runs across them.
    CHECK(v.literal == "'_namnd':1A,4 'budget':3 'nämnden':1A,4");
}

TEST_CASE("the counts kept of tokens and of words under their keys") {
    const EntryVector v = entry_vector("Nämnden", "budget nämnden");
    CHECK(v.lexemes == std::vector<std::string>{"_namnd", "budget", "nämnden"});
    // Two entries: "namnd" as written in one, inflected ("_namnd") in both.
    const auto counts = token_counts({{"_namnd", "budget", "nämnden"}, {"_namnd", "namnd"}});
    std::map<std::pair<std::string, bool>, std::int64_t> n;
    for (const TokenCount& c : counts) n[{c.token, c.as_key}] = c.entries;
    CHECK(n.at({"_namnd", false}) == 2);
    CHECK(n.at({"namnd", false}) == 1);
    CHECK(n.at({"namnd", true}) == 2);  // an entry with both forms counts once
    CHECK(n.at({"budget", true}) == 1);
    CHECK(n.at({"nämnden", true}) == 1);
    // Prefixes of three letters or more of each key, an entry counted once under each.
    CHECK(n.at({"namnd*", true}) == 2);
    CHECK(n.at({"nam*", true}) == 2);
    CHECK(n.at({"budg*", true}) == 1);
    CHECK(n.at({"budget*", true}) == 1);
    CHECK_FALSE(n.contains({"na*", true}));
    CHECK_FALSE(n.contains({"namnd*", false}));
    CHECK(n.size() == 7 + 12);
    // A pair of words is counted as itself, with no key.
    const auto pairs = token_counts({{"_namnd", "namnd budget"}, {"namnd budget"}});
    n.clear();
    for (const TokenCount& c : pairs) n[{c.token, c.as_key}] = c.entries;
    CHECK(n.at({"namnd budget", false}) == 2);
    CHECK_FALSE(n.contains({"namnd budget", true}));
    CHECK_FALSE(n.contains({"namnd budget*", true}));
    CHECK(n.size() == 3 + 3);

    // A word's phrase reads its key's count; a spelling its token's; nothing else is kept.
    auto word = to_tsquery("nämnden");
    REQUIRE(word);
    auto t = counted_term(word->phrases.at(0));
    REQUIRE(t);
    CHECK(t->token == "namnd");
    CHECK(t->as_key);
    auto spelling = to_tsquery("\"=nämnden\"");
    REQUIRE(spelling);
    t = counted_term(spelling->phrases.at(0));
    REQUIRE(t);
    CHECK(t->token == "nämnden");
    CHECK_FALSE(t->as_key);
    // Two words: their pair, when it says all; not three words, nor a pair that may not.
    auto phrase = to_tsquery("\"särskilt yttrande\"");
    REQUIRE(phrase);
    t = counted_term(phrase->phrases.at(0));
    REQUIRE(t);
    CHECK(t->token == "sarskilt yttr");
    CHECK_FALSE(t->as_key);
    CHECK_FALSE(counted_term(to_tsquery("\"barn och unga\"")->phrases.at(0)));
    CHECK_FALSE(counted_term(to_tsquery("\"kommunfullmäktige beslutade\"")->phrases.at(0)));
    // As search writes a word: its key's two tokens or'ed; not when anything else joins them.
    CHECK(key_counted(R"(("=namnd" OR "=_namnd"))") == "namnd");
    CHECK_FALSE(term_of(R"("=namnd" AND "=_namnd")"));
    CHECK_FALSE(term_of(R"("=namnd" OR "=_budget")"));
    CHECK_FALSE(term_of(R"(("=namnd" OR "=_namnd") AND "=budget")"));
    auto prefix = to_tsquery("\"=nämnd\" *");
    REQUIRE(prefix);
    CHECK_FALSE(counted_term(prefix->phrases.at(0)));
    CHECK_FALSE(counted_term(*prefix));
    // A prefix as search writes it: its keys' and tokens' count, from three letters on.
    CHECK(key_counted(R"(("=namnd" * OR "=_namnd" *))") == "namnd*");
    CHECK_FALSE(term_of(R"(("=na" * OR "=_na" *))"));
    CHECK_FALSE(term_of(R"(("=namnd" * OR "=_budg" *))"));
    CHECK_FALSE(term_of(R"(("=namnd" * AND "=_namnd" *))"));
    CHECK_FALSE(term_of(R"(("=nämnde" * OR "=namnde" * OR "=_namnde" *))"));
}

TEST_CASE("an entry's pairs of adjacent words are under their keys, the title's apart") {
    const EntryPairs p = word_pairs("Särskilt yttrande", "Särskilt yttrande lämnas av SD.");
    CHECK(p.literal == "'av sd' 'lamn av' 'sarskilt yttr' 'yttr lamn'");
    CHECK(p.pairs == std::vector<std::string>{"av sd", "lamn av", "sarskilt yttr", "yttr lamn"});
    // No pair joins the title's last word to the body's first; one word makes no pair.
    CHECK(word_pairs("Budget", "Nämnden").literal == "");
    CHECK(word_pairs("", "").pairs.empty());
    CHECK(word_pairs("", "it's").literal == "'it s'");
    // The index reads an entry's tokens once, for its words and its pairs alike.
    CHECK(entry_vector("Särskilt yttrande", "Särskilt yttrande lämnas av SD.").pairs.literal ==
          p.literal);
}

TEST_CASE("a phrase of whole words is found through its pairs, anything else through its words") {
    auto two = to_tsquery("\"särskilt yttrande\"");
    REQUIRE(two);
    auto pp = phrase_pairs(two->phrases.at(0));
    REQUIRE(pp);
    CHECK(pp->sure == "'sarskilt yttr'");
    CHECK(pp->maybe == "");
    IndexCondition c = index_condition(*two);
    CHECK(c.sql == "pairs @@ CAST(? AS tsquery)");
    CHECK(c.params == std::vector<std::string>{"'sarskilt yttr'"});
    // "kommunfullmakt", the key of "kommunfullmäktige", is cut again to "kommunfullmak": the
    // document word spelled "kommunfullmakt" matches under that key, where its positions say.
    auto cut = to_tsquery("\"kommunfullmäktige beslutade\"");
    REQUIRE(cut);
    pp = phrase_pairs(cut->phrases.at(0));
    REQUIRE(pp);
    CHECK(pp->sure == "'kommunfullmakt beslut'");
    CHECK(pp->maybe == "'kommunfullmak beslut'");
    c = index_condition(*cut);
    CHECK(c.sql ==
          "(pairs @@ CAST(? AS tsquery) OR (pairs @@ CAST(? AS tsquery) AND words @@ CAST(? AS "
          "tsquery)))");
    CHECK(c.params.size() == 3);
    // Three words: pairs can be apart, so the positions decide.
    auto three = to_tsquery("\"barn och unga\"");
    REQUIRE(three);
    pp = phrase_pairs(three->phrases.at(0));
    REQUIRE(pp);
    CHECK(pp->sure == "");
    CHECK(pp->maybe == "'barn och' & 'och ung'");
    c = index_condition(*three);
    CHECK(c.sql == "pairs @@ CAST(? AS tsquery) AND words @@ CAST(? AS tsquery)");
    CHECK(c.params.at(1) == three->phrases.at(0).tsquery);
    pp = phrase_pairs(to_tsquery("\"abonnera tjänsten nu\"")->phrases.at(0));
    REQUIRE(pp);
    CHECK(pp->maybe == "('abonner tjanst' | 'abon tjanst') & 'tjanst nu'");
    // A phrase among other words: the words.
    auto more = to_tsquery("\"särskilt yttrande\" budget");
    REQUIRE(more);
    CHECK(index_condition(*more).sql == "words @@ CAST(? AS tsquery)");
    CHECK(index_condition(more->phrases.at(0)).sql == "pairs @@ CAST(? AS tsquery)");
    // Prefixes, spellings and single words have no pairs.
    CHECK_FALSE(phrase_pairs(to_tsquery("\"särskilt ytt\" *")->phrases.at(0)));
    CHECK_FALSE(phrase_pairs(to_tsquery("\"=särskilt =yttrande\"")->phrases.at(0)));
    CHECK_FALSE(phrase_pairs(to_tsquery("yttrande")->phrases.at(0)));
}

TEST_CASE("bm25 is FTS5's: more instances and titles rank better, rare words weigh more") {
    auto q = to_tsquery("budget");
    REQUIRE(q);
    const std::vector<std::int64_t> hits(q->phrases.size(), 10);
    const auto rank = [&](const std::string& title, const std::string& body) {
        const EntryVector v = entry_vector(title, body);
        // PostgreSQL prints a tsvector as it was given here.
        return bm25({v.literal}, v.words, v.title_words, q->phrases, hits, 1000, 20);
    };
    CHECK(rank("", "budget") < 0);
    CHECK(rank("", "budget budget") < rank("", "budget"));
    CHECK(rank("budget", "annat") < rank("annat", "budget"));
    CHECK(rank("", "ingenting här") == 0);
    // Ranking reads only the query's lexemes, re-weighted by setweight(): the title is told by
    // position, and lexemes may come in parts (exact words, prefixes).
    CHECK(bm25({"'budget':1B,3B"}, 3, 1, q->phrases, hits, 1000, 20) ==
          bm25({"'budget':1A,3 'annat':2"}, 3, 1, q->phrases, hits, 1000, 20));
    CHECK(bm25({"", "'budget':1,3"}, 3, 1, q->phrases, hits, 1000, 20) ==
          bm25({"'budget':1A,3"}, 3, 1, q->phrases, hits, 1000, 20));
    CHECK(bm25({"'budget':1B"}, 3, 1, q->phrases, hits, 1000, 20) <
          bm25({"'budget':3B"}, 3, 1, q->phrases, hits, 1000, 20));
    // FTS5's floor for a word in more than half of the entries.
    const std::vector<std::int64_t> common(q->phrases.size(), 900);
    const EntryVector v = entry_vector("", "budget");
    CHECK(bm25({v.literal}, v.words, v.title_words, q->phrases, common, 1000, 20) > -0.001);
}

TEST_CASE("statements are written once with ? and run with PostgreSQL's $N") {
    int n = 0;
    CHECK(numbered_parameters("SELECT a FROM t WHERE x = ? AND y = ?", n) ==
          "SELECT a FROM t WHERE x = $1 AND y = $2");
    CHECK(n == 2);
    CHECK(numbered_parameters("SELECT ?2, ?1, '?' FROM t WHERE z = ?1", n) ==
          "SELECT $2, $1, '?' FROM t WHERE z = $1");
    CHECK(n == 2);
}

TEST_CASE("messages name the server without its password") {
    CHECK(without_password("postgresql://clerk:secret@db.example/kraft") ==
          "postgresql://clerk@db.example/kraft");
    CHECK(without_password("postgresql://clerk@db.example/kraft") ==
          "postgresql://clerk@db.example/kraft");
    CHECK(without_password("postgresql:///kraft?host=/tmp") == "postgresql:///kraft?host=/tmp");
}
