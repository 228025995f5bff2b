#include <doctest/doctest.h>

#include "repair/confusions.hpp"
#include "util/table_file.hpp"

using namespace kraft;

namespace {
Result<ConfusionModel> load(std::string_view text) {
    auto t = parse_table(text, "conf.tsv");
    REQUIRE(t);
    return ConfusionModel::from_table(*t);
}
}  // namespace

TEST_CASE("probabilities are shares of the same original and place") {
    auto m = load(
        "# comment\ni\tä\tinside\t3\na\tä\tinside\t1\n{\t§\tbefore-digit\t2\nt\tr\tend\t2\t400\n");
    REQUIRE(m);
    REQUIRE(m->letters.size() == 3);
    CHECK(m->letters[0].probability == doctest::Approx(0.75));
    CHECK(m->letters[1].probability == doctest::Approx(0.25));
    CHECK_FALSE(m->letters[0].slip);
    CHECK(m->letters[2].slip);
    CHECK(m->letters[2].probability == doctest::Approx(0.005));
    REQUIRE(m->symbols.size() == 1);
    CHECK(m->symbols[0].original == U"§");
}

TEST_CASE("errors name the file and line") {
    CHECK(load("i\tä\tinside\t3\n\ni\tä\tmiddle\t3\n").error().str() ==
          "conf.tsv:3: unknown place 'middle' (start, inside, end, any, before-digit)");
    CHECK(load("i\tä\tinside\tmany\n").error().str() ==
          "conf.tsv:1: count 'many' is not a positive number");
    CHECK(load("i\tä\n").error().str().starts_with(
        "conf.tsv:1: expected 4 or 5 tab-separated fields"));
    CHECK(load("t\tr\tend\t5\t2\n").error().str() ==
          "conf.tsv:1: 'out of' '2' is not a number >= count");
}

TEST_CASE("the shipped table loads") {
    auto t = read_table(std::string(KRAFT_SOURCE_DIR) + "/grammars/ocr-confusions.tsv");
    REQUIRE(t);
    auto m = ConfusionModel::from_table(*t);
    REQUIRE(m);
    CHECK(m->letters.size() > 20);
}
