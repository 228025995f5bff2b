// Reading an archived paragraph back whole, and what an archive kraft did not write does to it.
#include <doctest/doctest.h>

#include "archive_fixture.hpp"
#include "query/paragraph_reader.hpp"

using namespace kraft;
using namespace kraft::test;

namespace {

std::int64_t paragraph_id(Archive& a, int number) {
    auto st = a.db().prepare("SELECT id FROM paragraphs WHERE number = ?");
    REQUIRE(st.has_value());
    auto row = (*st)->bind(1, number).step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return (*st)->integer(0);
}

}  // namespace

TEST_CASE("a paragraph read back as it was stored") {
    ArchiveFixture f;
    auto reader = ParagraphReader::open(f.archive->db(), f.archive->schema());
    REQUIRE(reader.has_value());
    auto p = (*reader)->read(paragraph_id(*f.archive, 41), true);
    REQUIRE(p.has_value());
    CHECK(p->date == "2026-03-11");
    CHECK(p->body == "Kommunstyrelsen");
    CHECK(p->title == "Budget för kulturnämnden");
    CHECK(p->case_numbers == std::vector<std::string>{"KS-2026-100"});
    REQUIRE(p->decision.has_value());
    CHECK(p->decision->kind == DecisionKind::decides);
    CHECK(p->decision->points == std::vector<std::string>{"Budgeten för kulturnämnden godkänns."});
    REQUIRE(p->statements.size() == 1);
    CHECK(p->statements[0].kind == StatementKind::reservation);
    CHECK(p->statements[0].parties == std::vector<std::string>{"V"});
    CHECK_FALSE(p->original.has_value());  // nothing repaired: no original kept
    CHECK(p->line_begin == 4);

    auto missing = (*reader)->read(99999, false);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message == "no paragraph with id 99999");
}

TEST_CASE("an unknown kind in the archive is an error, not another kind") {
    ArchiveFixture f;
    // As another program (or a later kraft) might have written them.
    REQUIRE(f.archive->db().exec("PRAGMA ignore_check_constraints = ON"));
    REQUIRE(f.archive->db().exec("UPDATE statements SET kind = 'veto'"));
    REQUIRE(
        f.archive->db().exec("UPDATE decisions SET kind = 'maybe' WHERE paragraph_id IN "
                             "(SELECT id FROM paragraphs WHERE number = 42)"));
    auto reader = ParagraphReader::open(f.archive->db(), f.archive->schema());
    REQUIRE(reader.has_value());
    auto p = (*reader)->read(paragraph_id(*f.archive, 41), false);
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().message == "unknown statement kind 'veto'");
    auto d = (*reader)->read(paragraph_id(*f.archive, 42), false);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().message == "unknown decision kind 'maybe'");
}
