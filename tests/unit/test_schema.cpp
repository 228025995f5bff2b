#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/archive.hpp"
#include "test_support.hpp"

namespace {

struct ForeignKey {
    std::string child, column, parent, on_delete;
};

std::vector<std::string> column_of(kraft::Database& db, const std::string& sql) {
    std::vector<std::string> out;
    auto st = db.prepare(sql);
    REQUIRE(st);
    REQUIRE((*st)->each_row([&](const auto& row) { out.push_back(row.text(0)); }));
    return out;
}

}  // namespace

// Deleting a row makes SQLite find the rows that refer to it in every child table; without an
// index that leads with the referring column, by reading the whole child table. An import deletes
// a replaced protocol and, through ON DELETE CASCADE, its paragraphs, statements and the rest, so
// every foreign key into those tables needs such an index (or the child's primary key).
TEST_CASE("every foreign key into a table an import deletes from is indexed") {
    const kraft::test::TempDir dir;
    const std::string path = dir / "archive.db";
    auto archive = kraft::Archive::open(path, kraft::Database::Mode::read_write);
    REQUIRE_MESSAGE(archive, (archive ? "" : archive.error().str()));
    kraft::Database& db = (*archive)->db();

    std::vector<ForeignKey> keys;
    auto st = db.prepare(
        "SELECT m.name, f.\"from\", f.\"table\", f.on_delete FROM sqlite_master m, "
        "pragma_foreign_key_list(m.name) f WHERE m.type = 'table'");
    REQUIRE(st);
    REQUIRE((*st)->each_row([&](const auto& row) {
        keys.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
    }));
    REQUIRE(keys.size() > 10);

    // Rows are deleted from protocols (a replaced file) and from every table its deletes cascade
    // to.
    std::set<std::string> deleted{"protocols"};
    for (bool grew = true; grew;) {
        grew = false;
        for (const ForeignKey& k : keys)
            if (k.on_delete == "CASCADE" && deleted.count(k.parent))
                grew = deleted.insert(k.child).second || grew;
    }
    CHECK(deleted.count("statements"));
    CHECK(deleted.count("entries"));

    for (const ForeignKey& k : keys) {
        if (!deleted.count(k.parent)) continue;
        // The first column of each index on the child table, and its primary key.
        std::set<std::string> leading;
        for (const std::string& index :
             column_of(db, "SELECT name FROM pragma_index_list('" + k.child + "')")) {
            const auto first = column_of(
                db, "SELECT name FROM pragma_index_info('" + index + "') WHERE seqno = 0");
            if (!first.empty()) leading.insert(first.front());
        }
        for (const std::string& pk :
             column_of(db, "SELECT name FROM pragma_table_info('" + k.child + "') WHERE pk = 1"))
            leading.insert(pk);
        const std::string what = k.child + "." + k.column + " refers to " + k.parent;
        CHECK_MESSAGE(leading.count(k.column), what << " without an index");
    }
}
