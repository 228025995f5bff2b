#include <doctest/doctest.h>

#include <string>

#include "util/tokens.hpp"

using namespace kraft;

TEST_CASE("words, numbers and identifiers") {
    const std::string s = "Nämnden f6r 2026, STK-2O24 (M) e-post a@b.se";
    const auto t = tokenize(s);
    REQUIRE(t.size() == 11);
    CHECK(t[0].text(s) == "Nämnden");
    CHECK(t[1].text(s) == "f6r");
    CHECK(t[1].kind == TokenKind::word);
    CHECK(t[2].kind == TokenKind::number);
    CHECK(t[4].text(s) == "2O24");
    CHECK(t[4].kind == TokenKind::mixed);
    CHECK(t[1].joined_to_previous);
    CHECK_FALSE(t[3].joined_to_previous);  // "," between 2026 and STK
    CHECK(t[8].in_address);
    CHECK_FALSE(t[6].in_address);
}
