#include <doctest/doctest.h>

#include "repair/document_words.hpp"
#include "test_support.hpp"

using namespace kraft;
using kraft::test::repairer;

namespace {
const ConfusionModel& kept() {
    return test::repair_model()->confusions_kept;
}
}  // namespace

TEST_CASE("a misread name becomes the name the protocol writes at least twice") {
    const std::string text =
        "Närvarande: Viveka Söderdahl (V), Lina Jörnkrans (S)\nViveka Söderdahl (V) yrkar bifall. "
        "Lina Jörnkrans (S) yrkar avslag.\n";
    const DocumentWords words(text, tokenize(text));
    CHECK(words.count("söderdahl") == 2);
    CHECK(words.name_for("Söderdahi", kept()) == "Söderdahl");  // l read as i
    CHECK_FALSE(words.name_for("Söderdahl", kept()).has_value());
    CHECK_FALSE(words.name_for("Andersson", kept()).has_value());  // no such name here
}

TEST_CASE("text whose OCR kept å/ä/ö but misread symbols: unknown words repaired, names kept") {
    const std::string text =
        "VON $ 78\nDnr 2024/96\nVård- och omsorgsnämnden besiutar att godkänna "
        "kommuniedningskontorets förslag.\n\nVON $ 79\nDabolins (S) yrkar bifall.\n";
    const auto r = repairer().repair(text);
    CHECK(r.text.find("VON § 78") != std::string::npos);
    CHECK(r.text.find("beslutar att godkänna kommunledningskontorets förslag") !=
          std::string::npos);
    CHECK(r.text.find("Dabolins (S)") != std::string::npos);  // a name no table knows stays
}

TEST_CASE("a compound's first part is checked joined to its last part") {
    const std::string damaged =
        "Kommunfullmiktige beslutade att ge kommunstyrelsen samordningsansvaret for kraftsamlande "
        "insatser och dven uppdraget att utarbeta formerna for processen, ta fram forslag pa "
        "geografiska omraden samt foresla vilka nimnder och bolag som ska fa ansvar. ";
    const auto r = repairer().repair(damaged + "Ansvaret for halso- och sjukvarden.");
    CHECK(r.text.ends_with("Ansvaret för hälso- och sjukvården."));
}
