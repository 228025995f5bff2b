#include <doctest/doctest.h>

#include "repair/damage.hpp"

using namespace kraft;

TEST_CASE("a text with Swedish's share of å/ä/ö is clean") {
    DamageEstimate d = count_letters(
        "Kommunfullmäktige beslutade den 26 september 2024 att ge kommunstyrelsen "
        "samordningsansvaret "
        "för kraftsamlande insatser och även uppdraget att utarbeta formerna för processen i "
        "stort, ta "
        "fram förslag på geografiska områden samt föreslå vilka nämnder och bolag som ska få ett "
        "särskilt ansvar.");
    judge(d);
    CHECK(d.diacritics == 12);
    CHECK_FALSE(d.damaged);
    CHECK(d.level < 0.3);
}

TEST_CASE("a long text without å/ä/ö is damaged; a short one is not judged by chance") {
    DamageEstimate d = count_letters(
        "Kommunfullmiktige beslutade den 26 september 2024 att ge kommunstyrelsen "
        "samordningsansvaret "
        "for kraftsamlande insatser och dven uppdraget att utarbeta formerna for processen i "
        "stort, ta "
        "fram forslag pa geografiska omraden samt foresla vilka nimnder och bolag som ska fa ett "
        "sirskilt ansvar.");
    judge(d);
    CHECK(d.diacritics == 0);
    CHECK(d.damaged);
    CHECK(d.level == doctest::Approx(1.0));
    DamageEstimate s = count_letters("Beslut om budget 2026.");
    judge(s);
    CHECK_FALSE(s.damaged);
}

TEST_CASE("many unknown words that a confusion fixes mark damage even with some å/ä/ö left") {
    DamageEstimate d;
    d.letters = 1000;
    d.diacritics = 25;  // 60 % of the expected 42
    d.words = 200;
    d.fixable_unknown = 10;
    judge(d);
    CHECK(d.damaged);
    d.fixable_unknown = 1;
    judge(d);
    CHECK_FALSE(d.damaged);
}
