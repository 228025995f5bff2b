#include "store/check.hpp"

namespace kraft {

namespace {

Result<void> check_sqlite_file(Archive& a, std::vector<std::string>& problems) {
    auto integrity = a.db().prepare("PRAGMA integrity_check");
    if (!integrity) return std::unexpected(integrity.error());
    if (auto ok = (*integrity)->each_row([&](const SqlStatement& row) {
            if (row.text(0) != "ok") problems.push_back("integrity: " + row.text(0));
        });
        !ok)
        return ok;
    auto fk = a.db().prepare("PRAGMA foreign_key_check");
    if (!fk) return std::unexpected(fk.error());
    return (*fk)->each_row([&](const SqlStatement& row) {
        problems.push_back("foreign key: " + row.text(0) + " row " + row.text(1));
    });
}

// A run that is not exactly the protocol's entries would make a search with --body, --from or
// --to miss hits or show other meetings' (search.cpp). The run holds all of them and no more when
// they lie in it and are as many as it is long.
Result<void> check_entry_runs(Archive& a, std::vector<std::string>& problems) {
    if (a.schema() < 6) return {};
    auto runs = a.db().prepare(
        "WITH own(protocol_id, n, low, high) AS (SELECT pa.protocol_id, count(*), min(e.id), "
        "max(e.id) FROM entries e JOIN paragraphs pa ON pa.id = e.paragraph_id GROUP BY 1) "
        "SELECT pr.source, pr.entries_from, pr.entries_to FROM protocols pr LEFT JOIN own ON "
        "own.protocol_id = pr.id WHERE pr.entries_from IS NOT NULL AND "
        "(coalesce(own.n, 0) <> pr.entries_to - pr.entries_from + 1 OR own.low < "
        "pr.entries_from OR own.high > pr.entries_to)");
    if (!runs) return std::unexpected(runs.error());
    return (*runs)->each_row([&](const SqlStatement& row) {
        problems.push_back("entry ids: " + row.text(0) + " records its entries as ids " +
                           row.text(1) + ".." + row.text(2) + ", which they are not");
    });
}

}  // namespace

Result<std::vector<std::string>> check_archive(Archive& a) {
    std::vector<std::string> problems;
    // PostgreSQL checks its own pages and foreign keys as it writes.
    if (a.db().engine() == SqlEngine::sqlite)
        if (auto ok = check_sqlite_file(a, problems); !ok) return std::unexpected(ok.error());
    if (auto ok = check_entry_runs(a, problems); !ok) return std::unexpected(ok.error());
    auto index = a.index().check();
    if (!index) return std::unexpected(index.error());
    problems.insert(problems.end(), index->begin(), index->end());
    return problems;
}

}  // namespace kraft
