// A small RAII layer over SQLite, so that only lib/store/*.cpp includes sqlite3.h.
//
//   auto db = Database::open(path, Database::Mode::read_write);   // errors: cannot open
//   auto st = db->prepare("SELECT id FROM protocols WHERE source = ?");
//   st->bind(1, source);
//   while (st->step()) use(st->integer(0));
// SqlStatement::step() throws nothing: an SQLite error sets error() and step() returns false.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kraft {

class SqlStatement {
  public:
    SqlStatement(sqlite3* db, sqlite3_stmt* st) : db_(db), st_(st) {}
    ~SqlStatement();
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    SqlStatement& bind(int i, std::string_view v);
    SqlStatement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    SqlStatement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    SqlStatement& bind(int i, std::int64_t v);
    SqlStatement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    SqlStatement& bind(int i, double v);
    SqlStatement& bind_null(int i);
    SqlStatement& bind_blob(int i, std::string_view bytes);
    template <class T>
    SqlStatement& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bind_null(i);
    }

    bool step();  // true: a row is ready; false: done or error (see ok())
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    // The step failed on what the statement was given (SQLite's generic SQLITE_ERROR, e.g. a bad
    // FTS5 expression), not on the database (SQLITE_CORRUPT, SQLITE_BUSY, SQLITE_IOERR...).
    bool failed_on_input() const;
    void reset();  // for re-use with new bindings

    std::int64_t integer(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::string blob(int col) const;
    bool is_null(int col) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* st_;
    std::string error_;
    int error_code_ = 0;
};

class Database {
  public:
    enum class Mode { read_only, read_write };
    // Opens (read_write: creates, with parent folders) the archive. WAL, foreign keys on, a busy
    // timeout. Errors: cannot open; not an SQLite database.
    static Result<std::unique_ptr<Database>> open(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Result<std::unique_ptr<SqlStatement>> prepare(std::string_view sql);
    Result<void> exec(std::string_view sql);  // one or more statements without results
    std::int64_t last_insert_id() const;
    std::int64_t total_changes() const;  // rows changed since the connection opened
    const std::string& path() const { return path_; }
    sqlite3* handle() { return db_; }
    std::string last_error() const;

  private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_;
    std::string path_;
};

// "[1,2,3]": ids bound as one parameter and read in SQL as `IN (SELECT value FROM json_each(?))`.
std::string id_list(const std::vector<std::int64_t>& ids);

// A transaction that rolls back unless committed.
class Transaction {
  public:
    explicit Transaction(Database& db) : db_(db) {}
    Result<void> begin() { return db_.exec("BEGIN IMMEDIATE"); }
    Result<void> commit();
    ~Transaction();

  private:
    Database& db_;
    bool open_ = true;
};

}  // namespace kraft
