#include <doctest/doctest.h>

#include "repair/context_rules.hpp"

using namespace kraft;

namespace {
ContextRules rules() {
    auto t = parse_table(
        "1\t1\tprev:=bilaga\n1\ti\tprev:word "
        "next:lower\nar\tår\tprev:number\nar\tår\tnext:year\nar\tår\tprev:=i\nar\tär\t*\n",
        "r.tsv");
    REQUIRE(t);
    auto r = ContextRules::from_table(*t);
    REQUIRE(r);
    return *r;
}
}  // namespace

TEST_CASE("first matching rule wins") {
    const ContextRules r = rules();
    CHECK(r.apply("1", {"ansvar", "det"}) == "i");
    CHECK(r.apply("1", {"bilaga", "det"}) == "1");
    CHECK(r.apply("1", {"kronor", "100"}) == std::nullopt);
    CHECK(r.apply("1", {"", "det"}) == std::nullopt);
    CHECK(r.apply("ar", {"18", ""}) == "år");
    CHECK(r.apply("ar", {"", "2026"}) == "år");
    CHECK(r.apply("ar", {"", "1374"}) == "är");
    CHECK(r.apply("ar", {"I", "har"}) == "år");
    CHECK(r.apply("ar", {"det", "viktigt"}) == "är");
    CHECK(r.apply("nar", {"", ""}) == std::nullopt);
}

TEST_CASE("bad rules are reported with their line") {
    auto t = parse_table("ar\tår\tprev:number\nar\tår\tafter:number\n", "r.tsv");
    CHECK(ContextRules::from_table(*t).error().str() ==
          "r.tsv:2: unknown condition 'after:number'");
    auto u = parse_table("ar\tår\n", "r.tsv");
    CHECK(ContextRules::from_table(*u).error().str() ==
          "r.tsv:1: expected: reading TAB replacement TAB conditions");
}
