#include "store/check.hpp"

namespace kraft {

Result<std::vector<std::string>> check_archive(Archive& a) {
    std::vector<std::string> problems;
    auto integrity = a.db().prepare("PRAGMA integrity_check");
    if (!integrity) return std::unexpected(integrity.error());
    while ((*integrity)->step())
        if ((*integrity)->text(0) != "ok")
            problems.push_back("integrity: " + (*integrity)->text(0));
    auto fk = a.db().prepare("PRAGMA foreign_key_check");
    if (!fk) return std::unexpected(fk.error());
    while ((*fk)->step())
        problems.push_back("foreign key: " + (*fk)->text(0) + " row " + (*fk)->text(1));
    if (auto ok =
            a.db().exec("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)");
        !ok)
        problems.push_back("full-text index: " + ok.error().message);
    return problems;
}

}  // namespace kraft
