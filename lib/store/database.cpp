#include "store/database.hpp"

#include "store/pg_database.hpp"
#include "store/sqlite_database.hpp"

namespace kraft {

Result<void> SqlStatement::run() {
    while (true) {
        auto row = step();
        if (!row) return std::unexpected(row.error());
        if (!*row) return {};
    }
}

bool is_server_location(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<std::unique_ptr<Database>> Database::open(const std::string& location, Mode mode) {
    if (is_server_location(location)) {
        auto db = PgDatabase::open(location);
        if (!db) return std::unexpected(db.error());
        return std::unique_ptr<Database>(std::move(*db));
    }
    auto db = SqliteDatabase::open(location, mode);
    if (!db) return std::unexpected(db.error());
    return std::unique_ptr<Database>(std::move(*db));
}

Result<void> Transaction::commit() {
    auto r = db_.exec("COMMIT");
    if (r) open_ = false;
    return r;
}

Transaction::~Transaction() {
    if (open_) (void)db_.exec("ROLLBACK");
}

}  // namespace kraft
