#include <doctest/doctest.h>

#include "test_support.hpp"

using kraft::test::repairer;

namespace {
// A damaged context long enough to be judged damaged, around the phrase under test.
const std::string kDamaged =
    "Kommunfullmiktige beslutade att ge kommunstyrelsen samordningsansvaret for kraftsamlande "
    "insatser och dven uppdraget att utarbeta formerna for processen, ta fram forslag pa "
    "geografiska omraden samt foresla vilka nimnder och bolag som ska fa ansvar i processen. ";
std::string repaired(const std::string& phrase) {
    const std::string out = repairer().repair(kDamaged + phrase).text;
    REQUIRE(out.starts_with("Kommunfullmäktige"));
    return out.substr(out.find("processen. ") + 11);
}
}  // namespace

TEST_CASE("clean text is returned byte for byte, with no edits") {
    const std::string clean =
        "Kommunstyrelsen föreslår kommunfullmäktige besluta\n\n1. Kommunfullmäktige godkänner "
        "återrapporteringen.\r\n  Farishta Sulaiman (M), Anton Sauer (C)\tSTK-2024-1374 – "
        "“citat”\n";
    const auto r = repairer().repair(clean);
    CHECK(r.text == clean);
    CHECK(r.edits.empty());
    CHECK_FALSE(r.damage.damaged);
}

TEST_CASE("lost å/ä/ö restored from the lexicon, digits and symbols read for letters") {
    CHECK(repaired("Nimnden ska fa ett sirskilt ansvar.") == "Nämnden ska få ett särskilt ansvar.");
    CHECK(repaired("Beslutet f6r 6kad trygghet, mer 4n tidigare.") ==
          "Beslutet för ökad trygghet, mer än tidigare.");
    CHECK(repaired("Aterrapportering kring förebyggande") == "Återrapportering kring förebyggande");
    CHECK(repaired("KF beslutade {189 och § 12.") == "KF beslutade §189 och § 12.");
    CHECK(repaired("150 000 kronot till nimnden") == "150 000 kronor till nämnden");
}

TEST_CASE("context: ar is år beside a number, är elsewhere; 1 between words is i") {
    CHECK(repaired("barn upp till 18 ar. Det ar viktigt ar 2026.") ==
          "barn upp till 18 år. Det är viktigt år 2026.");
    CHECK(repaired("ansvar 1 det fortsatta arbetet, bilaga 1 Protokoll") ==
          "ansvar i det fortsatta arbetet, bilaga 1 Protokoll");
    CHECK(repaired("kronor 1 100 000") == "kronor 1 100 000");
}

TEST_CASE("real-word errors: a known word yields to a far likelier twin") {
    CHECK(repaired("Det dr bra pa ett sitt som ger stod for barn.") ==
          "Det är bra på ett sätt som ger stöd för barn.");
    CHECK(repaired("Han har sitt uppdrag.") == "Han har sitt uppdrag.");
}

TEST_CASE("capitals: mid-sentence Overstiga is överstiga; capitals inside a word are the OCR's") {
    CHECK(repaired("skulle\nOverstiga nyttan") == "skulle\növerstiga nyttan");
    CHECK(repaired("Nimnden fOr FOrskola") == "Nämnden för Förskola");
}

TEST_CASE("names, parties, acronyms, case numbers, e-mail addresses stay as written") {
    const std::string s =
        "Farishta Sulaiman (M), Anton Sauer (C), Stefana Hoti (MP) och Katrin Stjernfeldt Jammeh "
        "(S); "
        "KSAU, MKB, MINC, SD, KD; STK-2024-1374, KS 2023/123; 10 000 000 kr; "
        "forskola@kungsbacka.se";
    CHECK(repaired(s) == s);
}

TEST_CASE("every edit has its position, text, confidence and reason") {
    const auto r = repairer().repair(kDamaged);
    REQUIRE(r.edits.size() == 10);
    const auto& e = r.edits[0];
    CHECK(e.offset == 0);
    CHECK(e.from == "Kommunfullmiktige");
    CHECK(e.to == "Kommunfullmäktige");
    CHECK(e.confidence > 0.5);
    CHECK(e.confidence <= 1.0);
    CHECK(e.reason == "unknown word, lexicon: i→ä");
    CHECK(r.edits[1].from == "for");
    CHECK(r.edits[1].reason.starts_with("real-word error"));
}

TEST_CASE("idempotent: repairing repaired text changes nothing") {
    const std::string once = repairer().repair(kDamaged + "Det ar 1 stort sett bra f6r {12.").text;
    const auto twice = repairer().repair(once);
    CHECK(twice.text == once);
    CHECK(twice.edits.empty());
}

TEST_CASE(
    "lost bytes: U+FFFD as § before a number, å/ä/ö by lexicon, punctuation, every edit said") {
    const std::string lost = "\xEF\xBF\xBD";
    const std::string text = "VON " + lost + " 81\nDnr 2024/50\n" + lost + "vriga fr" + lost +
                             "gor\nN" + lost + "mnden beslutar enligt KS " + lost + lost + " 4-5 " +
                             lost + " se bilaga.\n" + lost + " Punkt ett\nKostnad 2027" + lost +
                             "2031.\n";
    const auto r = repairer().repair(text);
    CHECK(r.text ==
          "VON § 81\nDnr 2024/50\nÖvriga frågor\nNämnden beslutar enligt KS §§ 4-5 – se "
          "bilaga.\n• Punkt ett\nKostnad 2027" +
              lost + "2031.\n");
    REQUIRE_FALSE(r.edits.empty());
    for (const auto& e : r.edits) {
        CHECK(e.reason.starts_with("lost byte"));
        CHECK(text.substr(e.offset, e.length) == e.from);
    }
    // Nothing lost: the same text as before, byte for byte.
    const std::string clean = "VON § 81\nÖvriga frågor\n";
    CHECK(repairer().repair(clean).text == clean);
}

namespace {
// The words of text as kraft's OCR would report them, each with the same confidence.
std::vector<kraft::WordConfidence> read_by_ocr(const std::string& text, float confidence) {
    std::vector<kraft::WordConfidence> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t b = text.find_first_not_of(" \n", i);
        if (b == std::string::npos) break;
        const std::size_t e = std::min(text.find_first_of(" \n", b), text.size());
        out.push_back({b, e - b, confidence});
        i = e;
    }
    return out;
}
}  // namespace

TEST_CASE("text kraft's own OCR read: repaired as OCR output, confident words left alone") {
    // A text with its å/ä/ö and no misread symbol: on its own it is taken for clean text.
    const std::string text =
        "Kommunstyrelsen beslutar att godkänna förvaltningschetens förslag till yttrande över "
        "remissen.\n";
    CHECK(repairer().repair(text).text == text);
    // Read by OCR with doubt, its unknown word is repaired.
    const auto doubted = repairer().repair(text, read_by_ocr(text, 60));
    CHECK(doubted.text.find("förvaltningschefens") != std::string::npos);
    // Read by OCR with confidence, it is left as the engine read it.
    CHECK(repairer().repair(text, read_by_ocr(text, 99)).text == text);
}

TEST_CASE("OCR words keep their place through the symbol pass's edits") {
    using kraft::RepairEdit;
    using kraft::WordConfidence;
    const std::vector<WordConfidence> spans{{0, 3, 50}, {4, 2, 60}, {10, 5, 70}};
    // "$ 12" at 4..5 read as "§" (two bytes for one): the span it touches goes, later ones move.
    const std::vector<RepairEdit> edits{{4, 1, "$", "§", 1, ""}};
    const auto moved = kraft::shift_spans(spans, edits);
    REQUIRE(moved.size() == 2);
    CHECK(moved[0].offset == 0);
    CHECK(moved[1].offset == 11);
    CHECK(moved[1].confidence == 70);
}
