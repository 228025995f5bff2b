// The archive's SQL connection, one interface over two engines: SQLite (a file, the default) and
// PostgreSQL (a server, for a region's shared archive). Only lib/store/sqlite_database.cpp
// includes sqlite3.h and only lib/store/pg_database.cpp includes libpq-fe.h.
//
//   auto st = db.prepare("SELECT id FROM protocols WHERE source = ?");
//   if (!st) return std::unexpected(st.error());
//   auto ok = (*st)->bind(1, source).each_row([&](const SqlStatement& row) { use(row.integer(0));
//   }); if (!ok) return ok;   // busy, corruption, a refused binding, a lost connection...
//
// Statements are written once, in the SQL both engines speak: `?` parameters (`?N` numbered),
// `INSERT ... ON CONFLICT`, `RETURNING`, `true`/`false`. What differs is asked of the connection
// (in_ids(), the engine's own schema, its full-text index in text_index.hpp), never spelt out by
// the stages that ask questions.
// Every way to run a statement returns a Result, so an error cannot end a loop as if the rows had
// run out: step() is Result<bool>, run() and each_row() Result<void>, all [[nodiscard]].
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

namespace kraft {

// A value bound as binary data: bind() binds strings as text.
struct Blob {
    std::string_view bytes;
};

class SqlStatement {
  public:
    virtual ~SqlStatement() = default;
    SqlStatement() = default;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    SqlStatement& bind(int i, std::string_view v) { return bind_text(i, v); }
    SqlStatement& bind(int i, const char* v) { return bind_text(i, v); }
    SqlStatement& bind(int i, const std::string& v) { return bind_text(i, v); }
    SqlStatement& bind(int i, std::int64_t v) { return bind_integer(i, v); }
    SqlStatement& bind(int i, int v) { return bind_integer(i, v); }
    SqlStatement& bind(int i, double v) { return bind_real(i, v); }
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
    virtual SqlStatement& bind_text(int i, std::string_view v) = 0;
    virtual SqlStatement& bind_integer(int i, std::int64_t v) = 0;
    virtual SqlStatement& bind_real(int i, double v) = 0;
    virtual SqlStatement& bind_blob(int i, std::string_view bytes) = 0;
    virtual SqlStatement& bind_null(int i) = 0;

    // A binding the engine refuses (a text over its limit, out of memory) is kept and returned by
    // the next step(), run() or each_row(), which then do not run the statement.

    // true: a row is ready; false: no more rows. Errors: the engine's, naming the archive.
    [[nodiscard]] virtual Result<bool> step() = 0;
    // Steps to the end, for statements whose rows (if any) are not wanted: INSERT, UPDATE...
    [[nodiscard]] Result<void> run();
    // Calls on_row(*this) for each row. on_row may return void; bool (false: stop here, leaving
    // the rest unread); or Result<void> (an error stops the loop and is returned).
    template <class OnRow>
    [[nodiscard]] Result<void> each_row(OnRow&& on_row);

    // The last error was on what the statement was given (a bad full-text expression), not on
    // the archive (corruption, busy, I/O, a lost connection).
    virtual bool failed_on_input() const = 0;
    virtual void reset() = 0;  // for re-use with new bindings
    virtual std::int64_t integer(int col) const = 0;
    virtual double real(int col) const = 0;
    virtual std::string text(int col) const = 0;
    virtual std::string blob(int col) const = 0;
    virtual bool is_null(int col) const = 0;
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

enum class SqlEngine { sqlite, postgresql };

class Database {
  public:
    enum class Mode { read_only, read_write };
    virtual ~Database() = default;
    Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens the archive at `location`: a PostgreSQL connection URI (is_server_location()) or an
    // SQLite file (read_write: created, with its folders).
    // Errors: cannot open or connect; not a database.
    static Result<std::unique_ptr<Database>> open(const std::string& location, Mode mode);

    virtual SqlEngine engine() const = 0;
    // Errors: the SQL is refused, or the engine cannot read the schema (busy, corrupt, out of
    // memory, the server gone).
    [[nodiscard]] virtual Result<std::unique_ptr<SqlStatement>> prepare(std::string_view sql) = 0;
    [[nodiscard]] virtual Result<void> exec(std::string_view sql) = 0;  // no results, no params
    // The archive as messages name it: the file's path, or the server URI without its password.
    virtual const std::string& path() const = 0;
    // The `(...)` of an `IN` over one bound parameter holding a list of ids (ids_value()): the
    // next `?`, or `?N` for a numbered one.
    std::string in_ids(int number = 0) const {
        return ids_from(number ? "?" + std::to_string(number) : "?");
    }
    virtual std::string ids_from(const std::string& parameter) const = 0;
    virtual std::string ids_value(const std::vector<std::int64_t>& ids) const = 0;
    // Starts the write transaction: SQLite's BEGIN IMMEDIATE, PostgreSQL's BEGIN.
    virtual const char* begin_write() const = 0;
    // Starts a read-only transaction whose statements all see one state of the archive, however
    // writers change it meanwhile.
    virtual const char* begin_read() const = 0;
    // The last failure ended a transaction that may succeed when tried again (a deadlock with
    // another writer, a serialization failure).
    virtual bool retryable_failure() const { return false; }
    // Within a write transaction, waits until no other writer's transaction is writing; held until
    // it ends. Protocols share rows (persons, cases, word counts, citations resolved across
    // meetings) that two writers would otherwise take in different orders and deadlock on. SQLite
    // has one writer anyway (BEGIN IMMEDIATE).
    virtual Result<void> lock_writers() { return {}; }
};

// A location that names a PostgreSQL server ("postgresql://..." or "postgres://...").
bool is_server_location(std::string_view location);

// A transaction that rolls back unless committed.
class Transaction {
  public:
    explicit Transaction(Database& db) : db_(db) {}
    [[nodiscard]] Result<void> begin() { return db_.exec(db_.begin_write()); }
    [[nodiscard]] Result<void> begin_read() { return db_.exec(db_.begin_read()); }
    [[nodiscard]] Result<void> commit();
    ~Transaction();

  private:
    Database& db_;
    bool open_ = true;
};

}  // namespace kraft
