// What imports added to followed cases and saved searches, and the Atom feed of it.
#include <doctest/doctest.h>

#include <sstream>

#include "archive_fixture.hpp"
#include "query/news.hpp"
#include "query/news_json.hpp"
#include "store/follows.hpp"
#include "util/xml.hpp"

using namespace kraft;
using namespace kraft::test;

namespace {

Follow followed_case(const std::string& key) {
    Follow f;
    f.case_key = key;
    return f;
}

}  // namespace

TEST_CASE("follows: added once, listed cases first, removed") {
    ArchiveFixture f;
    Database& db = f.archive->db();
    Follow search;
    search.search = SavedSearch{};
    search.search->text = "budget";
    search.search->filters.body = "KF";
    CHECK(add_follow(db, search).value());
    CHECK(add_follow(db, followed_case("KS-2026-100")).value());
    CHECK_FALSE(add_follow(db, followed_case("KS-2026-100")).value());
    CHECK_FALSE(add_follow(db, search).value());
    auto all = follows(db, f.archive->schema());
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].case_key == "KS-2026-100");
    CHECK((*all)[1].search == search.search);
    CHECK((*all)[1].search->describe() == "\"budget\" --body KF");
    CHECK(remove_follow(db, followed_case("KS-2026-100")).value());
    CHECK_FALSE(remove_follow(db, followed_case("KS-2026-100")).value());
    CHECK(follows(db, 7).value().empty());  // an archive before schema 8 follows nothing
}

TEST_CASE("news of the last import: handled, cited and mentioned, in date order") {
    ArchiveFixture f;
    REQUIRE(add_follow(f.archive->db(), followed_case("KS-2026-100")));
    REQUIRE(add_follow(f.archive->db(), followed_case("KS-2026-999")));
    auto n = news(*f.archive, NewsSince::last_import(), query_grammar());
    REQUIRE(n.has_value());
    REQUIRE(n->import_run.has_value());
    REQUIRE(n->cases.size() == 2);
    const CaseNews& c = n->cases[0];
    CHECK(c.case_key == "KS-2026-100");
    REQUIRE(c.events.size() == 4);
    CHECK(c.events[0].change == Change::cited);  // KF 2025-11-20 § 189, cited by KS § 41
    CHECK(c.events[0].event.date == "2025-11-20");
    CHECK(c.events[0].event.statements.front().parties == std::vector<std::string>{"SD"});
    CHECK(c.events[1].change == Change::handled);  // KS § 41
    CHECK(c.events[1].event.paragraph == 41);
    CHECK(c.events[2].change == Change::mentioned);  // KS § 42 names the case
    CHECK(c.events[2].event.paragraph == 42);
    CHECK(c.events[3].change == Change::handled);  // KF § 12
    CHECK(c.events[3].event.statements.front().kind == StatementKind::special_statement);
    CHECK(n->cases[1].events.empty());

    auto moved = moved_cases(*f.archive, *n->import_run);
    REQUIRE(moved.has_value());
    REQUIRE(moved->size() == 1);
    CHECK((*moved)[0].events.size() == 4);
    auto later = moved_cases(*f.archive, *n->import_run + 1);
    REQUIRE(later.has_value());
    CHECK(later->empty());
}

TEST_CASE("a saved search's news are its hits in the new protocols; the feed holds them all") {
    ArchiveFixture f;
    Follow search;
    search.search = SavedSearch{};
    search.search->text = "budgeten";
    search.search->filters.body = "Kommunfullmäktige";
    REQUIRE(add_follow(f.archive->db(), search));
    REQUIRE(add_follow(f.archive->db(), followed_case("KS-2026-100")));
    NewsSince since;
    since.time = "2000-01-01";
    auto n = news(*f.archive, since, query_grammar());
    REQUIRE(n.has_value());
    REQUIRE(n->searches.size() == 1);
    CHECK(n->searches[0].total == 2);  // KF § 12 and its särskilt yttrande
    REQUIRE(n->searches[0].imported_at.size() == n->searches[0].hits.size());

    std::ostringstream atom;
    write_atom(atom, *n, "archive.db", "2026-12-02T00:00:00Z");
    const std::string feed = atom.str();
    std::size_t entries = 0;
    for (std::size_t at = feed.find("<entry>"); at != std::string::npos;
         at = feed.find("<entry>", at + 1))
        ++entries;
    CHECK(entries == 4 + 2);
    CHECK(feed.find("KS-2026-100: Kommunstyrelsen 2026-03-11 § 41 (handled)") != std::string::npos);
    std::ostringstream again;
    write_atom(again, *n, "archive.db", "2026-12-02T00:00:00Z");
    CHECK(again.str() == feed);  // the same ids every time
}

TEST_CASE("xml_escape: markup escaped, characters XML forbids dropped") {
    CHECK(xml_escape("a<b>&\"c'\f\x02\td\n") == "a&lt;b&gt;&amp;&quot;c&apos;\td\n");
    CHECK(xml_escape("nämnden §") == "nämnden §");
}
