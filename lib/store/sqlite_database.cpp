#include "store/sqlite_database.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

#include <chrono>
#include <filesystem>
#include <thread>

namespace kraft {

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(st_);
}

void SqliteStatement::keep_bind_error(int rc) {
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

SqlStatement& SqliteStatement::bind_text(int i, std::string_view v) {
    keep_bind_error(sqlite3_bind_text64(st_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}
SqlStatement& SqliteStatement::bind_integer(int i, std::int64_t v) {
    keep_bind_error(sqlite3_bind_int64(st_, i, v));
    return *this;
}
SqlStatement& SqliteStatement::bind_real(int i, double v) {
    keep_bind_error(sqlite3_bind_double(st_, i, v));
    return *this;
}
SqlStatement& SqliteStatement::bind_blob(int i, std::string_view bytes) {
    keep_bind_error(sqlite3_bind_blob64(st_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
}
SqlStatement& SqliteStatement::bind_null(int i) {
    keep_bind_error(sqlite3_bind_null(st_, i));
    return *this;
}

Result<bool> SqliteStatement::step() {
    if (bind_error_ != 0) {
        error_code_ = bind_error_ & 0xff;
        return fail(path_, 0, std::string("cannot bind a value: ") + sqlite3_errstr(bind_error_));
    }
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    error_code_ = rc & 0xff;
    return fail(path_, 0, sqlite3_errmsg(db_));
}

void SqliteStatement::reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    bind_error_ = 0;
    error_code_ = 0;
}

bool SqliteStatement::failed_on_input() const {
    return error_code_ == SQLITE_ERROR;
}

std::int64_t SqliteStatement::integer(int col) const {
    return sqlite3_column_int64(st_, col);
}
double SqliteStatement::real(int col) const {
    return sqlite3_column_double(st_, col);
}
bool SqliteStatement::is_null(int col) const {
    return sqlite3_column_type(st_, col) == SQLITE_NULL;
}
std::string SqliteStatement::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
}
std::string SqliteStatement::blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
}

namespace {

// A path as the file part of an SQLite URI: %, ? and # escaped.
std::string uri_path(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            constexpr const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            out += hex[static_cast<unsigned char>(c) & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path, Mode mode) {
    if (mode == Mode::read_write) {
        std::error_code ec;
        const auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        if (ec) return fail(path, 0, "cannot create its folder: " + ec.message());
    } else if (!std::filesystem::exists(path)) {
        return fail(path, 0, "no archive here yet (run 'kraft import' first)");
    }
    // Reading the schema tells a database from any other file.
    bool read_only_file = false;  // set when SQLite found the archive (or its folder) read-only
    const auto open_as = [&](const std::string& name,
                             int flags) -> Result<std::unique_ptr<SqliteDatabase>> {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(name.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close(db);
            return fail(path, 0, "cannot open archive: " + msg);
        }
        std::unique_ptr<SqliteDatabase> d(new SqliteDatabase(db, path));
        sqlite3_busy_timeout(db, 10000);
        // KRAFT_TRACE_SQL=1: each statement and its time on stderr, for profiling queries.
        if (const char* trace = std::getenv("KRAFT_TRACE_SQL"); trace && *trace == '1')
            sqlite3_trace_v2(
                db, SQLITE_TRACE_PROFILE,
                [](unsigned, void*, void* st, void* ns) {
                    char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(st));
                    std::fprintf(stderr, "kraft: sql %.3f ms: %.300s\n",
                                 static_cast<double>(*static_cast<sqlite3_int64*>(ns)) / 1e6,
                                 sql ? sql : "?");
                    sqlite3_free(sql);
                    return 0;
                },
                nullptr);
        sqlite3_extended_result_codes(db, 1);
        if (auto ok = d->exec("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master");
            !ok) {
            read_only_file = (sqlite3_errcode(db) & 0xff) == SQLITE_READONLY;
            if (read_only_file)
                return fail(path, 0, "archive is read-only (" + ok.error().message + ")");
            return fail(path, 0, "not a kraft archive (" + ok.error().message + ")");
        }
        return d;
    };
    if (mode == Mode::read_only) {
        auto d = open_as(path, SQLITE_OPEN_READONLY);
        if (d || !read_only_file) return d;
        // A WAL archive in a folder we cannot write (a read-only share, a finished archive kept
        // read-only): SQLite cannot create the shared-memory file readers need, so read the file
        // as immutable. Nobody can be writing it, or we could too.
        return open_as("file:" + uri_path(path) + "?immutable=1",
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
    auto d = open_as(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!d) return d;
    // Switching a new archive to WAL takes an exclusive lock, for which SQLite does not always
    // call the busy handler: two imports started together into a new archive retried here, for
    // as long as the busy timeout.
    auto ok = (*d)->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
    for (int waited_ms = 0;
         !ok && (sqlite3_errcode((*d)->handle()) & 0xff) == SQLITE_BUSY && waited_ms < 10000;
         waited_ms += 50) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        ok = (*d)->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
    }
    if (!ok) {
        if ((sqlite3_errcode((*d)->handle()) & 0xff) == SQLITE_READONLY)
            return fail(path, 0,
                        "archive is read-only: kraft cannot write it or its folder (" +
                            ok.error().message + ")");
        return fail(path, 0, "cannot use archive: " + ok.error().message);
    }
    return d;
}

SqliteDatabase::~SqliteDatabase() {
    sqlite3_close_v2(db_);
}

std::int64_t SqliteDatabase::total_changes() const {
    return sqlite3_total_changes64(db_);
}

std::string SqliteDatabase::last_error() const {
    return sqlite3_errmsg(db_);
}

Result<std::unique_ptr<SqlStatement>> SqliteDatabase::prepare(std::string_view sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr) !=
        SQLITE_OK)
        return fail(path_, 0, sqlite3_errmsg(db_));
    if (st == nullptr) return fail(path_, 0, "internal error: an empty SQL statement");
    return std::make_unique<SqliteStatement>(db_, st, path_);
}

Result<void> SqliteDatabase::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        return fail(path_, 0, msg);
    }
    return {};
}

std::string SqliteDatabase::ids_value(const std::vector<std::int64_t>& ids) const {
    std::string out = "[";
    for (std::int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "]";
}

}  // namespace kraft
