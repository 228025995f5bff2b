// Statements whose errors cannot be mistaken for the end of the rows.
#include <doctest/doctest.h>

#include <fstream>

#include "archive_fixture.hpp"
#include "query/stats.hpp"
#include "store/check.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"

using namespace kraft;
using namespace kraft::test;

TEST_CASE("a prepare that fails is an error naming the archive, never a statement") {
    const TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::read_write);
    REQUIRE(db.has_value());
    auto st = (*db)->prepare("SELECT x FROM nowhere");
    REQUIRE_FALSE(st.has_value());
    CHECK(st.error().file == dir / "a.db");
    CHECK(st.error().message.find("no such") != std::string::npos);
    StatementCache cache(**db);
    CHECK_FALSE(cache.get("SELECT x FROM nowhere").has_value());
}

TEST_CASE("a refused binding and a failing step are errors of step, run and each_row") {
    const TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::read_write);
    REQUIRE(db.has_value());
    REQUIRE((*db)->exec("CREATE TABLE t(x INTEGER CHECK (x < 10))"));
    auto insert = (*db)->prepare("INSERT INTO t(x) VALUES (?)");
    REQUIRE(insert.has_value());
    // Parameter 2 does not exist: SQLite refuses the binding, and the step says so.
    auto bad_bind = (*insert)->bind(2, 1).step();
    REQUIRE_FALSE(bad_bind.has_value());
    CHECK(bad_bind.error().message.find("cannot bind") != std::string::npos);
    (*insert)->reset();
    CHECK((*insert)->bind(1, 3).run().has_value());
    (*insert)->reset();
    auto refused = (*insert)->bind(1, 30).run();
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message.find("CHECK constraint failed") != std::string::npos);

    auto rows = (*db)->prepare("SELECT x, 1 / 0 FROM t");
    REQUIRE(rows.has_value());
    int seen = 0;
    CHECK((*rows)->each_row([&](const SqlStatement&) { ++seen; }).has_value());
    CHECK(seen == 1);
    // An error from the row callback ends the loop and is returned.
    (*rows)->reset();
    auto stopped = (*rows)->each_row(
        [](const SqlStatement&) -> Result<void> { return fail("", 0, "stop here"); });
    REQUIRE_FALSE(stopped.has_value());
    CHECK(stopped.error().message == "stop here");
}

TEST_CASE("a damaged archive: reading it is an error, and check says what is wrong") {
    ArchiveFixture f;
    const std::string path = f.dir / "archive.db";
    // The first page of every table and index overwritten; the schema still reads.
    auto roots = f.archive->db().prepare(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
        "WHERE rootpage > 0");
    REQUIRE(roots.has_value());
    std::vector<std::pair<std::int64_t, std::int64_t>> pages;
    REQUIRE((*roots)->each_row(
        [&](const SqlStatement& row) { pages.emplace_back(row.integer(0), row.integer(1)); }));
    REQUIRE(pages.size() > 10);
    REQUIRE(f.archive->db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    roots->reset();
    f.archive.reset();
    {
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        for (const auto& [page, size] : pages) {
            file.seekp((page - 1) * size);
            const std::string garbage(static_cast<std::size_t>(size), '\x5a');
            file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
    }
    auto a = Archive::open(path, Database::Mode::read_only);
    REQUIRE_MESSAGE(a.has_value(), (a ? "" : a.error().str()));
    auto stats = archive_stats(**a);
    REQUIRE_FALSE(stats.has_value());
    CHECK_FALSE(stats.error().usage);
    CHECK(stats.error().error.file == path);
    auto problems = check_archive(**a);
    // Either the check itself fails (an error, exit 3) or it lists problems: never "ok".
    CHECK((!problems.has_value() || !problems->empty()));
}
