// The search's plan and its three strategies, on an archive of two small protocols.
#include <doctest/doctest.h>

#include "archive_fixture.hpp"
#include "query/search.hpp"
#include "query/search_plan.hpp"
#include "query/search_strategies.hpp"

using namespace kraft;
using namespace kraft::test;

namespace {

SearchPlan plan(const SearchQuery& q) {
    auto p = plan_search(q, query_grammar());
    REQUIRE_MESSAGE(p.has_value(), (p ? "" : p.error().error.str()));
    return *p;
}

SearchQuery words(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return q;
}

}  // namespace

TEST_CASE("a search's plan: words, a case number or a § typed as the query, and usage errors") {
    const SearchPlan w = plan(words("budgeten"));
    CHECK(w.words);
    CHECK(w.words_only());
    CHECK_FALSE(w.expression.match.empty());

    const SearchPlan c = plan(words("ks 2026-100"));
    CHECK_FALSE(c.words);
    CHECK(c.case_key == "KS-2026-100");
    CHECK(c.query.text.empty());

    const SearchPlan n = plan(words("§ 41"));
    CHECK_FALSE(n.words);
    CHECK(n.binds == std::vector<std::string>{"41", "41"});

    SearchQuery body = words("budget");
    body.body = "KF";
    const SearchPlan b = plan(body);
    CHECK_FALSE(b.words_only());
    CHECK(b.meetings_only.has_value());  // the body alone: the meetings' runs of entries

    SearchQuery kind = words("budget");
    kind.kind = EntryKind::reservation;
    CHECK_FALSE(plan(kind).meetings_only.has_value());

    SearchQuery nothing;
    CHECK(plan_search(nothing, query_grammar()).error().usage);
    SearchQuery limit = words("budget");
    limit.limit = 0;
    CHECK(plan_search(limit, query_grammar()).error().usage);
    CHECK(plan_search(words(std::string("bud\0get", 7)), query_grammar()).error().usage);
}

TEST_CASE("words alone: ranked, exact spellings first, a malformed expression is the user's") {
    ArchiveFixture f;
    auto r = words_search(*f.archive, plan(words("budgeten")));
    REQUIRE(r.has_value());
    // Any form of "budget": the three paragraphs, and the two statements under their titles.
    CHECK(r->total == 5);
    REQUIRE(r->ids().size() == 5);
    // The exact spelling "budgeten" stands only in the decisions of § 41 and § 12: first.
    auto hits = search(*f.archive, words("budgeten"), query_grammar());
    REQUIRE(hits.has_value());
    REQUIRE(hits->hits.size() == 5);
    for (int i : {0, 1}) {
        CHECK(hits->hits[i].kind == EntryKind::decision);
        CHECK(hits->hits[i].paragraph != 42);
    }

    auto bad = words_search(*f.archive, plan(words("\"budget")));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().usage);
}

TEST_CASE("words and filters: only the filters' entries, counted") {
    ArchiveFixture f;
    SearchQuery q = words("budget");
    q.body = "Kommunfullmäktige";
    auto r = filtered_words_search(*f.archive, plan(q));
    REQUIRE(r.has_value());
    CHECK(r->total == 2);  // § 12 and its särskilt yttrande
    auto hits = search(*f.archive, q, query_grammar());
    REQUIRE(hits.has_value());
    REQUIRE(hits->hits.size() == 2);
    for (const SearchHit& h : hits->hits) {
        CHECK(h.paragraph == 12);
        CHECK(h.body == "Kommunfullmäktige");
    }

    SearchQuery statements = words("beslutet");
    statements.kind = EntryKind::reservation;
    auto s = search(*f.archive, statements, query_grammar());
    REQUIRE(s.has_value());
    REQUIRE(s->hits.size() == 1);
    CHECK(s->hits[0].kind == EntryKind::reservation);
    CHECK(s->hits[0].paragraph == 41);
}

TEST_CASE("filters alone: a case number's own paragraphs first, newest first, then mentions") {
    ArchiveFixture f;
    auto r = filters_search(*f.archive, plan(words("KS-2026-100")));
    REQUIRE(r.has_value());
    CHECK(r->total == 3);
    auto hits = search(*f.archive, words("KS-2026-100"), query_grammar());
    REQUIRE(hits.has_value());
    REQUIRE(hits->hits.size() == 3);
    CHECK(hits->hits[0].paragraph == 12);  // own, 2026-04-02
    CHECK(hits->hits[1].paragraph == 41);  // own, 2026-03-11
    CHECK(hits->hits[2].paragraph == 42);  // mentions it
    CHECK(hits->hits[0].case_numbers == std::vector<std::string>{"KS-2026-100"});
    CHECK_FALSE(hits->hits[0].snippet.empty());

    SearchQuery limited = words("KS-2026-100");
    limited.limit = 1;
    auto one = search(*f.archive, limited, query_grammar());
    REQUIRE(one.has_value());
    CHECK(one->total == 3);
    CHECK(one->hits.size() == 1);
}
