#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store/packing.hpp"

using kraft::PackedEdit;

TEST_CASE("compressed text comes back byte for byte, and is smaller") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "§ " + std::to_string(i) + " Kommunstyrelsen beslutar\n";
    const std::string z = kraft::compress(text);
    CHECK(z.size() < text.size() / 3);
    CHECK(kraft::decompress(z).value() == text);
    CHECK(kraft::decompress(kraft::compress("")).value().empty());
}

TEST_CASE("a damaged compressed value is an error, not a crash") {
    const std::string z = kraft::compress(std::string(1000, 'a'));
    CHECK_FALSE(kraft::decompress(z.substr(0, z.size() / 2)).has_value());
    CHECK_FALSE(kraft::decompress("not zstd at all").has_value());
    CHECK_FALSE(kraft::decompress("").has_value());
    // A frame header that claims a terabyte is refused before anything is allocated for it.
    std::string claims_a_terabyte = "\x28\xb5\x2f\xfd\xe0";
    for (int i = 0; i < 8; ++i) claims_a_terabyte += static_cast<char>(i == 5 ? 1 : 0);  // 2^40
    const auto refused = kraft::decompress(claims_a_terabyte);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message.find("claims 1099511627776 bytes") != std::string::npos);
}

TEST_CASE("edits are packed in offset order, whatever order they come in") {
    auto back = kraft::unpack_edits(
        kraft::pack_edits({{50, 1, 3, 1, "b", 1.0, 1}, {10, 1, 1, 1, "a", 1.0, 1}}));
    REQUIRE(back.has_value());
    REQUIRE(back->size() == 2);
    CHECK((*back)[0].offset == 10);
    CHECK((*back)[0].to == "a");
    CHECK((*back)[1].offset == 50);
    CHECK((*back)[1].line == 3);
}

TEST_CASE("packed edits come back as they were") {
    const std::vector<PackedEdit> edits{
        {12, 8, 1, 13, "nämnden", 0.91, 3},
        {40, 4, 2, 1, "§189", 1.0, 7},
        {41, 1, 2, 2, "", 0.5, 3},                  // a deletion
        {900000, 3, 70000, 250, "för", 0.123, 1}};  // far into a long text
    auto back = kraft::unpack_edits(kraft::pack_edits(edits));
    REQUIRE(back.has_value());
    REQUIRE(back->size() == edits.size());
    for (std::size_t i = 0; i < edits.size(); ++i) {
        CHECK((*back)[i].offset == edits[i].offset);
        CHECK((*back)[i].length == edits[i].length);
        CHECK((*back)[i].line == edits[i].line);
        CHECK((*back)[i].column == edits[i].column);
        CHECK((*back)[i].to == edits[i].to);
        CHECK((*back)[i].confidence == doctest::Approx(edits[i].confidence).epsilon(0.001));
        CHECK((*back)[i].reason_id == edits[i].reason_id);
    }
    CHECK(kraft::unpack_edits(kraft::pack_edits({})).value().empty());
}

TEST_CASE("a damaged edit list is an error") {
    const std::string packed = kraft::pack_edits({{1, 1, 1, 1, "ä", 1.0, 1}});
    std::string raw = kraft::decompress(packed).value();
    // Truncated inside an edit, and with bytes left over after the last one.
    CHECK_FALSE(kraft::unpack_edits(kraft::compress(raw.substr(0, raw.size() - 1))).has_value());
    CHECK_FALSE(kraft::unpack_edits(kraft::compress(raw + "x")).has_value());
    // A count far beyond what the bytes can hold.
    CHECK_FALSE(kraft::unpack_edits(kraft::compress("\xff\xff\x03")).has_value());
}
