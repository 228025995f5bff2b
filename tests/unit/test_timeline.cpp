// A case's timeline: its own paragraphs, a meeting known only from a citation, statements.
#include <doctest/doctest.h>

#include "archive_fixture.hpp"
#include "query/timeline.hpp"

using namespace kraft;
using namespace kraft::test;

TEST_CASE("a case's timeline: cited meeting first, own meetings in date order, statements") {
    ArchiveFixture f;
    auto t = timeline(*f.archive, "ks 2026-100");
    REQUIRE(t.has_value());
    CHECK(t->case_number == "KS-2026-100");
    REQUIRE(t->events.size() == 3);

    const TimelineEvent& cited = t->events[0];
    CHECK(cited.date == "2025-11-20");
    CHECK(cited.paragraph == 189);
    CHECK(cited.origin == EventOrigin::reference);
    REQUIRE(cited.statements.size() == 1);
    CHECK(cited.statements[0].kind == StatementKind::reservation);
    CHECK(cited.statements[0].parties == std::vector<std::string>{"SD"});

    const TimelineEvent& ks = t->events[1];
    CHECK(ks.date == "2026-03-11");
    CHECK(ks.body == "Kommunstyrelsen");
    CHECK(ks.origin == EventOrigin::imported);
    CHECK(ks.decision == "Budgeten för kulturnämnden godkänns.");
    REQUIRE(ks.statements.size() == 1);
    CHECK(ks.statements[0].parties == std::vector<std::string>{"V"});

    const TimelineEvent& kf = t->events[2];
    CHECK(kf.paragraph == 12);
    REQUIRE(kf.statements.size() == 1);
    CHECK(kf.statements[0].kind == StatementKind::special_statement);

    CHECK(t->related_cases == std::vector<std::string>{"KS-2026-101"});
}

TEST_CASE("a timeline without events counts the paragraphs that mention the case") {
    ArchiveFixture f;
    auto none = timeline(*f.archive, "KS-2026-999");
    REQUIRE(none.has_value());
    CHECK(none->events.empty());
    CHECK(none->mentioned_in == 0);
    auto bad = timeline(*f.archive, "budget");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().usage);
}
