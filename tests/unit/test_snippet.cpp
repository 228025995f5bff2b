#include <doctest/doctest.h>

#include <string>

#include "query/snippet.hpp"

using kraft::SnippetMaker;

TEST_CASE("a snippet marks the query's word in any inflection and with or without å/ä/ö") {
    const SnippetMaker m({"nämnden"}, false);
    CHECK(m.make("Beslutet skickas till nämnderna och namnden.") ==
          "Beslutet skickas till \x02"
          "nämnderna\x03"
          " och \x02"
          "namnden\x03"
          ".");
    // Other words that merely start alike are not marked.
    CHECK(m.make("Namn och nämnare.") == "Namn och nämnare.");
}

TEST_CASE("an exact snippet marks only the spelling typed") {
    const SnippetMaker m({"får"}, true);
    CHECK(m.make("Man får inte, sa far.") ==
          "Man \x02"
          "får\x03"
          " inte, sa far.");
    const SnippetMaker folded({"får"}, false);
    CHECK(folded.make("Man får inte, sa far.") ==
          "Man \x02"
          "får\x03"
          " inte, sa \x02"
          "far\x03"
          ".");
}

TEST_CASE("a long text is cut to a window around the densest matches") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "ord" + std::to_string(i) + " ";
    text += "budget budgeten ";
    for (int i = 40; i < 80; ++i) text += "ord" + std::to_string(i) + " ";
    const std::string s = SnippetMaker({"budget"}, false).make(text, 8);
    CHECK(s ==
          "…ord38 ord39 \x02"
          "budget\x03"
          " \x02"
          "budgeten\x03"
          " ord40 ord41 ord42 ord43…");
    // No match: the start of the text.
    CHECK(SnippetMaker({"saknas"}, false).make(text, 3) == "ord0 ord1 ord2…");
}

TEST_CASE("the words of an FTS5 expression mark the snippet; what NOT excludes does not") {
    const SnippetMaker m =
        SnippetMaker::for_expression("\"särskilt yttrande\" OR nämnd* NOT budget");
    CHECK(m.make("Ett särskilt yttrande från nämnderna om budget.") ==
          "Ett \x02"
          "särskilt\x03"
          " \x02"
          "yttrande\x03"
          " från \x02"
          "nämnderna\x03"
          " om budget.");
    // A prefix marks words that start with it, with or without å/ä/ö.
    CHECK(SnippetMaker::for_expression("namnd*").make("nämndens namn") ==
          "\x02"
          "nämndens\x03"
          " namn");
}
