#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "ingest/hyphenation.hpp"
#include "ingest/input_format.hpp"
#include "ingest/page_furniture.hpp"
#include "ingest/pdf_document.hpp"

using namespace kraft;

namespace {

// A small lexicon standing in for hunspell.
bool known(const std::string& w) {
    static const std::set<std::string> words{"kommunstyrelsen", "e-post", "förslaget",
                                             "utbildningsnämnden", "beslutar"};
    return words.count(w) > 0;
}

std::string joined(const std::string& text) {
    HyphenationRules rules;
    rules.shared_part_followers = {"och", "eller"};
    return join_line_end_hyphens(text, rules, known);
}

}  // namespace

TEST_CASE("a file's format is read from its first bytes, not its name") {
    CHECK(format_of("%PDF-1.7\n...") == InputFormat::pdf);
    CHECK(format_of(std::string("\xef\xbb\xbf%PDF-1.4", 11)) == InputFormat::pdf);
    CHECK(format_of(std::string("\x89PNG\r\n\x1a\n....", 12)) == InputFormat::image);
    CHECK(format_of(std::string("II*\0....", 8)) == InputFormat::image);
    CHECK(format_of("\xff\xd8\xff\xe0") == InputFormat::image);
    CHECK(format_of("§ 1 Val av justerare\n") == InputFormat::text);
    // "BM" starts a Swedish word as well as a bitmap: only a BMP header counts.
    CHECK(format_of("BMW-frågan\n\nKommunstyrelsen beslutar ...") == InputFormat::text);
    CHECK(format_of("") == InputFormat::text);
}

TEST_CASE("a folder's walk takes protocol text, PDFs and page images, not READMEs") {
    CHECK(protocol_file_name("a/protokoll.PDF"));
    CHECK(protocol_file_name("a/sida-1.tiff"));
    CHECK(protocol_file_name("a/sida-1.jpg"));
    CHECK(protocol_file_name("a/ks.md"));
    CHECK_FALSE(protocol_file_name("a/README.md"));
    CHECK_FALSE(protocol_file_name("a/data.json"));
}

TEST_CASE("line-end hyphenation is joined where the joined word is a word") {
    CHECK(joined("Ärendet bereds av kommun-\nstyrelsen den 3 mars.\n") ==
          "Ärendet bereds av kommunstyrelsen\nden 3 mars.\n");
    // Punctuation after the rest goes up with it; a line left empty goes.
    CHECK(joined("se för-\nslaget,\nsom\n") == "se förslaget,\nsom\n");
    // Only the hyphenated form is a word: the hyphen stays.
    CHECK(joined("skicka e-\npost till\n") == "skicka e-post\ntill\n");
    // A capital or a digit after the break: a name or a case number, hyphen kept.
    CHECK(joined("Ann-\nLie Tulokas\n") == "Ann-Lie\nTulokas\n");
    CHECK(joined("(STK-\n2024-1374)\n") == "(STK-2024-1374)\n");
    // A compound hunspell does not know, rest in lower case: joined.
    CHECK(joined("en detaljplane-\nändring\n") == "en detaljplaneändring\n");
}

TEST_CASE("joins in a row, each emptying the line after it") {
    CHECK(joined("kommun-\nstyrelsen\nför-\nslaget\nbeslutar\n") ==
          "kommunstyrelsen\nförslaget\nbeslutar\n");
}

TEST_CASE("a compound's shared first part keeps its hyphen") {
    const std::string shared = "Barn-\noch utbildningsnämnden beslutar\n";
    CHECK(joined(shared) == shared);
    CHECK(joined("hälso- och sjuk-\nvård eller\n") == "hälso- och sjukvård\neller\n");
    // A dash after a blank is punctuation, not hyphenation.
    const std::string dash = "Beslut -\nförslaget antas\n";
    CHECK(joined(dash) == dash);
}

TEST_CASE("a word hyphenated at a page's end is joined with the next page's first") {
    CHECK(joined("Ärendet bereds av kommun-\n\n\f\n\nstyrelsen den 3 mars.\n") ==
          "Ärendet bereds av kommunstyrelsen\n\n\f\n\nden 3 mars.\n");
    // Without a page break, a blank line ends the sentence: nothing to join.
    const std::string gap = "kommun-\n\nstyrelsen\n";
    CHECK(joined(gap) == gap);
}

TEST_CASE("page furniture: lines on most pages go from all but the first") {
    std::vector<std::string> pages;
    for (int p = 1; p <= 5; ++p)
        pages.push_back("Protokoll            Sida " + std::to_string(p) +
                        " (5)\nKommunstyrelsen      2026-03-11\n\nThe text of page " +
                        std::string(1, static_cast<char>('A' + p)) +
                        " runs on\nBeslut\n\nJusterandes signatur   "
                        "Utdragsbestyrkande\n");
    remove_page_furniture(pages);
    CHECK(pages[0].find("Sida 1 (5)") != std::string::npos);  // the first page keeps its header
    CHECK(pages[0].find("Kommunstyrelsen") != std::string::npos);
    for (std::size_t p = 1; p < pages.size(); ++p) {
        CAPTURE(pages[p]);
        CHECK(pages[p].find("Sida") == std::string::npos);
        CHECK(pages[p].find("Kommunstyrelsen") == std::string::npos);
        CHECK(pages[p].find("Utdragsbestyrkande") == std::string::npos);
        CHECK(pages[p].find("The text of page " + std::string(1, static_cast<char>('A' + p + 1))) !=
              std::string::npos);
    }
}

TEST_CASE("page furniture: a page number that runs with the page, the cover unnumbered") {
    // Each paragraph on a page of its own: its heading's number runs with the page too, and
    // stays.
    std::vector<std::string> pages{"Protokoll\nKommunfullmäktige\n\n§ 1 Val\n"};
    for (int p = 1; p <= 4; ++p)
        pages.push_back("Sida " + std::to_string(p) + "\n§ " + std::to_string(p + 1) +
                        " Ärende\ntext\n");
    remove_page_furniture(pages);
    for (std::size_t p = 1; p < pages.size(); ++p) {
        CAPTURE(pages[p]);
        CHECK(pages[p].starts_with("§ "));  // "Sida 1".."Sida 4" went, the headings stayed
    }
}

TEST_CASE("page furniture: text that recurs on a few pages stays") {
    std::vector<std::string> pages;
    for (int p = 1; p <= 6; ++p)
        pages.push_back(p % 3 == 0 ? "Beslut\nText " + std::to_string(p) + "\n"
                                   : "Annat " + std::to_string(p * 7) + "\nText\n");
    const std::vector<std::string> before = pages;
    remove_page_furniture(pages);
    CHECK(pages[2] == before[2]);  // "Beslut" opens 2 pages of 6: text
    CHECK(pages[5] == before[5]);
    // Three pages: only what stands on all three is the template's.
    std::vector<std::string> three{"Beslut\nx\n", "y\nBeslut\n", "z\nSlut\n"};
    const std::vector<std::string> kept = three;
    remove_page_furniture(three);
    CHECK(three == kept);
}

TEST_CASE("a broken, empty or truncated PDF is refused with the file's name") {
    auto broken = PdfDocument::open("%PDF-1.4\nthis is not a PDF body\n", "x.pdf");
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().file == "x.pdf");
    CHECK(broken.error().message.find("PDF") != std::string::npos);
    auto empty = PdfDocument::open("", "empty.pdf");
    CHECK_FALSE(empty.has_value());
}
