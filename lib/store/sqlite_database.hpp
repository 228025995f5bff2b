// The SQLite engine of the archive: a file, WAL, foreign keys on, a busy timeout.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kraft {

class SqliteStatement final : public SqlStatement {
  public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* st, std::string path)
        : db_(db), st_(st), path_(std::move(path)) {}
    ~SqliteStatement() override;

    SqlStatement& bind_text(int i, std::string_view v) override;
    SqlStatement& bind_integer(int i, std::int64_t v) override;
    SqlStatement& bind_real(int i, double v) override;
    SqlStatement& bind_blob(int i, std::string_view bytes) override;
    SqlStatement& bind_null(int i) override;
    [[nodiscard]] Result<bool> step() override;
    bool failed_on_input() const override;
    void reset() override;
    std::int64_t integer(int col) const override;
    double real(int col) const override;
    std::string text(int col) const override;
    std::string blob(int col) const override;
    bool is_null(int col) const override;

  private:
    void keep_bind_error(int rc);
    sqlite3* db_;
    sqlite3_stmt* st_;
    std::string path_;  // the archive's, for errors
    int bind_error_ = 0;
    int error_code_ = 0;
};

class SqliteDatabase final : public Database {
  public:
    // Opens (read_write: creates, with parent folders) the archive file.
    // Errors: cannot open; not an SQLite database; read-only.
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path, Mode mode);
    ~SqliteDatabase() override;

    SqlEngine engine() const override { return SqlEngine::sqlite; }
    [[nodiscard]] Result<std::unique_ptr<SqlStatement>> prepare(std::string_view sql) override;
    [[nodiscard]] Result<void> exec(std::string_view sql) override;
    const std::string& path() const override { return path_; }
    std::string ids_from(const std::string& parameter) const override {
        return "(SELECT value FROM json_each(" + parameter + "))";
    }
    std::string ids_value(const std::vector<std::int64_t>& ids) const override;
    const char* begin_write() const override { return "BEGIN IMMEDIATE"; }
    // WAL: the first read fixes the snapshot, held until the transaction ends.
    const char* begin_read() const override { return "BEGIN"; }

    std::int64_t total_changes() const;  // rows changed since the connection opened
    sqlite3* handle() { return db_; }
    std::string last_error() const;

  private:
    SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_;
    std::string path_;
};

}  // namespace kraft
