#include <doctest/doctest.h>

#include "repair/symbols.hpp"
#include "test_support.hpp"
#include "util/table_file.hpp"

using namespace kraft;

namespace {
const SymbolRules& rules() {
    static auto r = [] {
        auto x = SymbolRules::load(test::grammar_dir());
        REQUIRE_MESSAGE(x.has_value(), (x ? "" : x.error().str()));
        return *x;
    }();
    return *r;
}
std::string repaired(const std::string& text) {
    return apply_edits(text, repair_symbols(text, rules()));
}
}  // namespace

TEST_CASE("§ read as $ & £ at a heading, in a citation and after a law's section number") {
    CHECK(repaired("VON $ 78\nDnr 2024/96\n") == "VON § 78\nDnr 2024/96\n");
    CHECK(repaired("enligt KS & 45 och $$ 78-81") == "enligt KS § 45 och §§ 78-81");
    CHECK(repaired("Beslut £89") == "Beslut §89");
    CHECK(repaired("enligt 9 kap. 37 $ kommunallagen") == "enligt 9 kap. 37 § kommunallagen");
    CHECK(repaired("I 6 kapitlet 33-38 $$ kommunallagen") == "I 6 kapitlet 33-38 §§ kommunallagen");
}

TEST_CASE(
    "a digit read for § only in a text that shows OCR readings, before its paragraph numbers") {
    // Alone, "8 12" is a number: no OCR reading vouches for it.
    const std::string alone = "§ 11 Titel\n\n8 12 Ärendenummer\n";
    CHECK(repaired(alone) == alone);
    // Among misread headings it is the next paragraph's.
    CHECK(repaired("$ 11 Titel\n\n8 12 Ärendenummer\n\n$ 13 Annat\n") ==
          "§ 11 Titel\n\n§ 12 Ärendenummer\n\n§ 13 Annat\n");
    // A number far from the headings' is left alone: "5 000 kronor", "8 40 timmar".
    CHECK(repaired("$ 11 Titel\n$ 12 Titel\n8 40 timmar\n") ==
          "§ 11 Titel\n§ 12 Titel\n8 40 timmar\n");
    // § run into the number: after a body, or alone on a line where the next paragraph's number
    // follows; a page number that is not the next paragraph's stays.
    CHECK(repaired("VON $ 82\ntext\nVON 883\nDnr 2024/96\n") ==
          "VON § 82\ntext\nVON §83\nDnr 2024/96\n");
    CHECK(repaired("$ 81\n$ 81\ntext\n582\n\nMeddelanden\n") ==
          "§ 81\n§ 81\ntext\n§82\n\nMeddelanden\n");
    CHECK(repaired("$ 66\n$ 67\nInnehåll\n51\n") == "§ 66\n§ 67\nInnehåll\n51\n");
}

TEST_CASE("a party read with a digit after a name; other parentheses stay") {
    CHECK(repaired("Anna Berg (5) och Per Ek (M) yrkar") == "Anna Berg (S) och Per Ek (M) yrkar");
    CHECK(repaired("Camilla Stensson ($S) reserverar sig") ==
          "Camilla Stensson (S) reserverar sig");
    CHECK(repaired("enligt bilaga (5) och punkt (8)") == "enligt bilaga (5) och punkt (8)");
    CHECK(repaired("Faire Baubec 5 (i Benny Karlssons frånvaro)") ==
          "Faire Baubec S (i Benny Karlssons frånvaro)");
}

TEST_CASE("a bracket pair with one side read as a brace") {
    CHECK(repaired("Anna Berg {M) och Per Ek (V}") == "Anna Berg (M) och Per Ek (V)");
    const std::string code = "Mallen {namn} fylls i";
    CHECK(repaired(code) == code);
}

TEST_CASE("clean text has nothing to repair; edits name their rule") {
    const std::string clean =
        "§ 12 Budget 2026\nKommunfullmäktige beslutar enligt 9 kap. 37 § kommunallagen att "
        "anslå 5 000 kronor (bilaga 5) till Anna Berg (S).\n";
    CHECK(repair_symbols(clean, rules()).empty());
    const auto edits = repair_symbols("VON $ 78", rules());
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].from == "$");
    CHECK(edits[0].to == "§");
    CHECK(edits[0].reason.find("ocr-symbols.tsv:") != std::string::npos);
}

TEST_CASE("a bad row names the file and line") {
    const std::string dir = std::string(KRAFT_SOURCE_DIR) + "/tests/data/bad-grammars/symbols";
    const auto r = SymbolRules::load(dir);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().str().find("ocr-symbols.tsv:3:") != std::string::npos);
}

TEST_CASE("compose_edits moves a later pass's edits back to the input's offsets") {
    // "$ 1 fOr" -> "§ 1 fOr" (one byte more) -> "§ 1 för".
    const std::string input = "$ 1 fOr";
    const std::vector<RepairEdit> first{{0, 1, "$", "§", 1, "symbol"}};
    const std::vector<RepairEdit> second{{5, 2, "fO", "fö", 1, "word"},
                                         {0, 2, "§", "§§", 1, "overlaps the first"}};
    const auto both = compose_edits(first, second);
    REQUIRE(both.size() == 2);
    CHECK(both[1].offset == 4);
    CHECK(apply_edits(input, both) == "§ 1 för");
}

TEST_CASE("a case number's digits read as letters or split by a space, in OCR output") {
    // Two § readings make the text OCR output, where these rows apply.
    CHECK(repaired("$ 63 2026.1i3 KS\n\n$ 64 2026 .062 KS\n") ==
          "§ 63 2026.113 KS\n\n§ 64 2026.062 KS\n");
    CHECK(repaired("$ 1 Dnr BN-2O25-00001\n$ 2 Titel\n") == "§ 1 Dnr BN-2025-00001\n§ 2 Titel\n");
    // Clean text is not OCR output: the same letters stay.
    const std::string clean = "§ 1 Projekt 2i3 och 2026 .062\n";
    CHECK(repaired(clean) == clean);
}

TEST_CASE("a bar read at a line's end after a number goes; a table's bars stay") {
    CHECK(repaired("$ 41 KS 2026/87\n\n$ 42 KS 2025/412 |\nTitel\n") ==
          "§ 41 KS 2026/87\n\n§ 42 KS 2025/412 \nTitel\n");
    const std::string table =
        "$ 41 Titel\n$ 42 Titel\n| Anna Berg (S) | X |\nSofia Hansen (M) X |\n";
    CHECK(repaired(table) ==
          "§ 41 Titel\n§ 42 Titel\n| Anna Berg (S) | X |\nSofia Hansen (M) X |\n");
}

TEST_CASE("§ read as two digits after a body, before one of the paragraph numbers") {
    CHECK(repaired("VON 35 78\nDnr 2024/12\n\nVON $ 79\nDnr 2024/13\n") ==
          "VON § 78\nDnr 2024/12\n\nVON § 79\nDnr 2024/13\n");
    // Not before a number far from the protocol's paragraphs.
    CHECK(repaired("VON 35 12\n\nVON $ 79\nVON $ 80\n") == "VON 35 12\n\nVON § 79\nVON § 80\n");
}
