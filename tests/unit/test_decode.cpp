#include <doctest/doctest.h>

#include <string>

#include "decode/decode.hpp"

using kraft::decode;
using kraft::Encoding;

namespace {
std::string ok(std::string_view bytes) {
    auto r = decode(bytes, "t.txt");
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().str()));
    return r->text;
}
}  // namespace

TEST_CASE("valid UTF-8 passes through, with or without BOM") {
    CHECK(ok("n\xC3\xA4mnden \xC2\xA7 8\n") == "nämnden § 8\n");
    auto r = decode("\xEF\xBB\xBFn\xC3\xA4mnden", "t.txt");
    REQUIRE(r);
    CHECK(r->text == "nämnden");
    CHECK(r->encoding == Encoding::utf8_bom);
}

TEST_CASE("UTF-16 with BOM, little and big endian") {
    const std::string le(
        "\xFF\xFE"
        "n\0\xE4\0m\0\n\0",
        10);
    const std::string be(
        "\xFE\xFF"
        "\0n\0\xE4\0m\0\n",
        10);
    auto a = decode(le, "le.txt");
    auto b = decode(be, "be.txt");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->text == "näm\n");
    CHECK(a->encoding == Encoding::utf16le);
    CHECK(b->text == "näm\n");
    CHECK(b->encoding == Encoding::utf16be);
    CHECK_FALSE(decode(std::string("\xFF\xFE"
                                   "n\0m",
                                   5),
                       "odd.txt"));
}

TEST_CASE("Windows-1252 and Latin-1 bytes are converted when the file is not UTF-8") {
    auto r = decode(
        "N\xE4mnden f\xF6r \xE5r \xA7 8 \x96 \x93"
        "citat\x94",
        "legacy.txt");
    REQUIRE(r);
    CHECK(r->text == "Nämnden för år § 8 – “citat”");
    CHECK(r->encoding == Encoding::windows1252);
}

TEST_CASE("valid UTF-8 wins over a Latin-1 guess") {
    // "Ã¥" is both valid UTF-8 for "å" and plausible Latin-1 for "Ã¥": UTF-8 must win.
    auto r = decode("p\xC3\xA5", "t.txt");
    REQUIRE(r);
    CHECK(r->text == "på");
    CHECK(r->encoding == Encoding::utf8);
}

TEST_CASE("UTF-8 once decoded as Latin-1 or Windows-1252 is mended") {
    auto r = decode(
        "n\xC3\x83\xC2\xA4mnden \xC3\x82\xC2\xA7 8 f\xC3\x83\xC2\xB6r \xC3\x83\xE2\x80\x9Eldre",
        "moji.txt");
    REQUIRE(r);
    CHECK(r->text == "nämnden § 8 för Äldre");
    CHECK(r->encoding == Encoding::utf8_double_encoded);
    CHECK(r->repaired_sequences == 4);
    // Genuine text with Ä or Ö before a symbol is not touched.
    CHECK(ok("Ö» Ä§") == "Ö» Ä§");
}

TEST_CASE("CRLF and lone CR become LF; form feeds stay as page breaks") {
    auto r = decode("a\r\nb\rc\fd\n", "t.txt");
    REQUIRE(r);
    CHECK(r->text == "a\nb\nc\fd\n");
    CHECK(r->line_count() == 3);
    CHECK(r->line_of(0) == 1);
    CHECK(r->line_of(2) == 2);
    CHECK(r->line_of(5) == 3);
}

TEST_CASE("output is NFC") {
    CHECK(ok("na\xCC\x88mnden") == "nämnden");  // a + combining diaeresis
}

TEST_CASE("NBSP, soft hyphen, ligature, dashes and quotes are kept as written") {
    const std::string in =
        "10\xC2\xA0"
        "000 kom\xC2\xADmun \xEF\xAC\x81nns \xE2\x80\x93 \xE2\x80\x9Dja\xE2\x80\x9D";
    CHECK(ok(in) == in);
}

TEST_CASE("U+FFFD is kept and counted as damage") {
    auto r = decode("n\xEF\xBF\xBDmnden \xEF\xBF\xBD 8", "t.txt");
    REQUIRE(r);
    CHECK(r->replacement_chars == 2);
    CHECK(r->damaged());
    CHECK_FALSE(decode("nämnden", "t.txt")->damaged());
}

TEST_CASE("binary input is refused") {
    auto r = decode(std::string("PK\x03\x04\0\0data", 10), "x.zip");
    REQUIRE_FALSE(r);
    CHECK(r.error().str() == "x.zip: not a text file");
    CHECK_FALSE(
        decode("\x01\x02\x03\x04\x05\x06\x07\x08"
               "abc",
               "ctl.bin"));
}

TEST_CASE("partly valid UTF-8 is refused with the line of the first bad byte") {
    auto r = decode(
        "r\xC3\xA4tt\nfel \xE4"
        " h\xC3\xA4r\n",
        "mixed.txt");
    REQUIRE_FALSE(r);
    CHECK(r.error().str() == "mixed.txt:2: invalid UTF-8 (byte 0xE4)");
    auto t = decode("r\xC3\xA4tt\nslut p\xC3", "cut.txt");
    REQUIRE_FALSE(t);
    CHECK(t.error().str() == "cut.txt:2: truncated UTF-8 at the end of the file");
}

TEST_CASE("empty input decodes to empty text") {
    auto r = decode("", "empty.txt");
    REQUIRE(r);
    CHECK(r->text.empty());
    CHECK(r->line_count() == 1);
}
