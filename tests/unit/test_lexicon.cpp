#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace kraft;

namespace {
std::unique_ptr<Lexicon> lexicon(std::shared_ptr<LexiconData> data) {
    auto l = Lexicon::open(std::move(data), default_dictionary());
    REQUIRE_MESSAGE(l.has_value(), (l ? "" : l.error().str()));
    return std::move(*l);
}
}  // namespace

TEST_CASE("validity: hunspell's inflections and compounds, the domain list, any case") {
    auto l = lexicon(test::repair_model()->lexicon);
    CHECK(l->valid("nämnden"));
    CHECK(l->valid("Nämnderna"));
    CHECK(l->valid("förvaltningsöverskridande"));  // a compound hunspell builds
    CHECK(l->valid("KOMMUNFULLMÄKTIGE"));
    CHECK(l->valid("Håkan"));  // domain list: names
    CHECK_FALSE(l->valid("nimnden"));
    CHECK_FALSE(l->valid("kommunfullmiktige"));
    CHECK_FALSE(l->valid("f6r"));
}

TEST_CASE("frequencies: the shipped tables, and what clean text teaches") {
    auto data = std::make_shared<LexiconData>(*test::repair_model()->lexicon);
    auto before = lexicon(data)->count("kraftsamlande");
    data->learn("Kraftsamlande insatser. Kraftsamlande insatser igen.");
    auto l = lexicon(data);
    CHECK(l->count("för") > l->count("for") * 10);  // why "for" in a damaged text is "för"
    CHECK(l->count("kraftsamlande") == doctest::Approx(before + 2));
    CHECK(l->bigram("kraftsamlande", "insatser") >= 2);
    CHECK(l->bigram("ett", "satt") > 0);               // "ett sätt", folded as repair sees it
    CHECK(l->count("nämnden") > l->count("namnden"));  // the OCR form is not taught as a word
}

TEST_CASE("a missing dictionary is an error naming it") {
    auto l = Lexicon::open(test::repair_model()->lexicon, "/nonexistent/sv_SE");
    REQUIRE_FALSE(l);
    CHECK(l.error().str().starts_with("/nonexistent/sv_SE.aff: hunspell dictionary not found"));
}

TEST_CASE("the lexicon files report their errors with file and line") {
    CHECK(LexiconData::load("/nonexistent")
              .error()
              .str()
              .starts_with("/nonexistent/lexicon-domain.txt: "));
}
