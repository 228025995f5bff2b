// A small RAII layer over SQLite, so that only lib/store/*.cpp includes sqlite3.h.
//
//   auto db = Database::open(path, Database::Mode::read_write);   // errors: cannot open
//   auto st = db->prepare("SELECT id FROM protocols WHERE source = ?");
//   if (!st) return std::unexpected(st.error());
//   auto ok = (*st)->bind(1, source).each_row([&](const SqlStatement& row) { use(row.integer(0));
//   }); if (!ok) return ok;   // SQLITE_BUSY, corruption, a refused binding...
// Every way to run a statement returns a Result, so an SQLite error cannot end a loop as if the
// rows had run out: step() is Result<bool>, run() and each_row() Result<void>, all [[nodiscard]].
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "util/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kraft {

// A value bound as a BLOB: bind() binds strings as text.
struct Blob {
    std::string_view bytes;
};

class SqlStatement {
  public:
    SqlStatement(sqlite3* db, sqlite3_stmt* st, std::string path)
        : db_(db), st_(st), path_(std::move(path)) {}
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
    SqlStatement& bind(int i, Blob v) { return bind_blob(i, v.bytes); }
    template <class T>
    SqlStatement& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bind_null(i);
    }
    // Binds the values to parameters 1, 2, ... in order.
    template <class... Values>
    SqlStatement& bind_all(const Values&... values) {
        int i = 0;
        (bind(++i, values), ...);
        return *this;
    }

    // A binding SQLite refuses (a text over its limit, out of memory) is kept and returned by the
    // next step(), run() or each_row(), which then do not run the statement.

    // true: a row is ready; false: no more rows. Errors: SQLite's, naming the archive.
    [[nodiscard]] Result<bool> step();
    // Steps to the end, for statements whose rows (if any) are not wanted: INSERT, UPDATE...
    [[nodiscard]] Result<void> run();
    // Calls on_row(*this) for each row. on_row may return void; bool (false: stop here, leaving
    // the rest unread); or Result<void> (an error stops the loop and is returned).
    template <class OnRow>
    [[nodiscard]] Result<void> each_row(OnRow&& on_row);

    // The last error was on what the statement was given (SQLite's generic SQLITE_ERROR, e.g. a
    // bad FTS5 expression), not on the database (SQLITE_CORRUPT, SQLITE_BUSY, SQLITE_IOERR...).
    bool failed_on_input() const;
    void reset();  // for re-use with new bindings
    std::int64_t integer(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::string blob(int col) const;
    bool is_null(int col) const;

  private:
    void keep_bind_error(int rc);
    sqlite3* db_;
    sqlite3_stmt* st_;
    std::string path_;  // the archive's, for errors
    int bind_error_ = 0;
    int error_code_ = 0;
};

template <class OnRow>
Result<void> SqlStatement::each_row(OnRow&& on_row) {
    using Returned = std::invoke_result_t<OnRow&, const SqlStatement&>;
    while (true) {
        auto row = step();
        if (!row) return std::unexpected(row.error());
        if (!*row) return {};
        if constexpr (std::is_void_v<Returned>) {
            on_row(std::as_const(*this));
        } else if constexpr (std::is_same_v<Returned, bool>) {
            if (!on_row(std::as_const(*this))) return {};
        } else {
            if (auto ok = on_row(std::as_const(*this)); !ok) return ok;
        }
    }
}

class Database {
  public:
    enum class Mode { read_only, read_write };
    // Opens (read_write: creates, with parent folders) the archive. WAL, foreign keys on, a busy
    // timeout. Errors: cannot open; not an SQLite database.
    static Result<std::unique_ptr<Database>> open(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Errors: the SQL is refused, or SQLite cannot read the schema (busy, corrupt, out of memory).
    [[nodiscard]] Result<std::unique_ptr<SqlStatement>> prepare(std::string_view sql);
    [[nodiscard]] Result<void> exec(std::string_view sql);  // statements without results
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
    [[nodiscard]] Result<void> begin() { return db_.exec("BEGIN IMMEDIATE"); }
    [[nodiscard]] Result<void> commit();
    ~Transaction();

  private:
    Database& db_;
    bool open_ = true;
};

}  // namespace kraft
