#include <doctest/doctest.h>

#include "query/match_expression.hpp"

using kraft::match_expression;

TEST_CASE("plain words: each word reads its two index lists; the spellings rank first") {
    const auto m = match_expression("Nämnden budget", false);
    CHECK(m.plain);
    CHECK(m.match == R"(("=namnd" OR "=_namnd") AND ("=budget" OR "=_budget"))");
    CHECK(m.exact_match == R"("=Nämnden" AND "=budget")");
}

TEST_CASE("plain words with --exact: the spellings only") {
    const auto m = match_expression("får beslut", true);
    CHECK(m.match == R"("=får" AND "=beslut")");
    CHECK(m.exact_match.empty());
}

TEST_CASE("a plain word written after = keeps its spelling") {
    // "=far" must not find "får": it stays the phrase the tokenizer reads as spelt.
    CHECK(match_expression("=far", false).match == R"("=far")");
    CHECK(match_expression("=far budget", false).match ==
          R"("=far" AND ("=budget" OR "=_budget"))");
}

TEST_CASE("a plain word of several index words stays a phrase") {
    CHECK(match_expression("e-post", false).match == R"("e-post")");
    CHECK(match_expression("nämnden,", false).match == R"(("=namnd" OR "=_namnd"))");
}

TEST_CASE("FTS5 syntax: bare words and prefixes rewritten, phrases and operators kept") {
    const auto m = match_expression(R"("särskilt yttrande" OR nämnd* NOT budget)", false);
    CHECK_FALSE(m.plain);
    CHECK(m.match == R"("särskilt yttrande" OR ("=namnd" * OR "=_namnd" *) NOT )"
                     R"(("=budget" OR "=_budget"))");
    CHECK(m.exact_match.empty());
    CHECK(match_expression("(budg* OR kraft)", false).match ==
          R"((("=budg" * OR "=_budg" *) OR ("=kraft" OR "=_kraft")))");
    CHECK(match_expression("nämnd*", true).match == R"("=nämnd" *)");
}

TEST_CASE("FTS5 syntax: juxtaposed operands become an explicit AND that binds as tightly") {
    // FTS5 rejects "(a OR b) (c OR d)"; and "a NOT b c" means a NOT (b AND c).
    CHECK(match_expression("nämnd* budget", false).match ==
          R"((("=namnd" * OR "=_namnd" *) AND ("=budget" OR "=_budget")))");
    CHECK(match_expression("nämnde*", false).match ==
          R"(("=nämnde" * OR "=namnde" * OR "=_namnde" *))");
    CHECK(match_expression("kraft NOT \"budget\" år", false).match ==
          R"(("=kraft" OR "=_kraft") NOT ("budget" AND ("=ar" OR "=_ar")))");
    CHECK(match_expression("\"a b\"* c", true).match == R"(("a b" * AND "=c"))");
}

TEST_CASE("constructs that need phrases leave the expression to the tokenizer") {
    for (const std::string e : {"NEAR(budget nämnd, 5)", "title:budg*", "^budg*",
                                "\"budget\" + nämnd", "{title body}: budg*"})
        CHECK(match_expression(e, false).match == e);
    // Without FTS5 syntax, a column name is a word like any other, as before.
    CHECK(match_expression("title:budget", false).match == R"("title:budget")");
}

TEST_CASE("words the index does not know drop out of a juxtaposition, as FTS5 drops them") {
    // Found by fuzz_search: "\xcc 2" typed matches what "2" matches, but an explicit AND with
    // an empty phrase matches nothing.
    CHECK(match_expression("§ 2", false).match == R"(("=2" OR "=_2"))");
    CHECK(match_expression("§ 2", false).exact_match == R"("=2")");
    CHECK(match_expression("§ §", false).match == R"("§" AND "§")");
    CHECK(match_expression(R"("§" budg*)", false).match == R"(("=budg" * OR "=_budg" *))");
    CHECK(match_expression(R"("-" OR budget)", false).match ==
          R"("-" OR ("=budget" OR "=_budget"))");
}

TEST_CASE("malformed syntax passes through for FTS5 to reject") {
    CHECK(match_expression("\"open", false).match == "\"open");
    CHECK(match_expression("*x", false).match == "*x");
    CHECK(match_expression("(budget", false).match == "(budget");
    CHECK(match_expression("budget)", false).match == "budget)");
    CHECK(match_expression("OR budget", false).match == "OR budget");
    // Found by fuzz_search: FTS5 reads "b *O" as the prefix b* and the word O.
    CHECK(match_expression("b *O", false).match == "b *O");
    CHECK(match_expression("nämnd* budget+ yttrande", false).match == "nämnd* budget+ yttrande");
    // "" inside a phrase is a quote character (found by fuzz_search).
    CHECK(match_expression(R"("a ""b"" c" budget*)", false).match ==
          R"(("a ""b"" c" AND ("=budget" * OR "=_budget" *)))");
}
