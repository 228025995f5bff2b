// The PostgreSQL engine of the archive: one libpq connection to a server that many importers and
// searchers share. Statements are prepared on the server; `?` parameters become $1, $2...
//
// The connection's location is a libpq URI (postgresql://USER@HOST/DB?sslmode=require...); what
// it leaves out comes from the PG* variables and ~/.pgpass, as for psql. Every statement works in
// the schema `kraft` (search_path), which the archive's migrations create.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"

struct pg_conn;
struct pg_result;

namespace kraft {

class PgDatabase;

class PgStatement final : public SqlStatement {
  public:
    PgStatement(PgDatabase& db, std::string name, int params);
    ~PgStatement() override;

    SqlStatement& bind_text(int i, std::string_view v) override;
    SqlStatement& bind_integer(int i, std::int64_t v) override;
    SqlStatement& bind_real(int i, double v) override;
    SqlStatement& bind_blob(int i, std::string_view bytes) override;
    SqlStatement& bind_null(int i) override;
    [[nodiscard]] Result<bool> step() override;
    bool failed_on_input() const override { return failed_on_input_; }
    void reset() override;
    std::int64_t integer(int col) const override;
    double real(int col) const override;
    std::string text(int col) const override;
    std::string blob(int col) const override;
    bool is_null(int col) const override;

  private:
    struct Param {
        std::string value;
        bool null = true;
        bool binary = false;
    };
    Param* param(int i);
    void clear_result();

    PgDatabase& db_;
    std::string name_;
    std::vector<Param> params_;
    bool bad_index_ = false;  // a parameter number the statement does not have
    pg_result* result_ = nullptr;
    int row_ = -1;
    bool failed_on_input_ = false;
};

class PgDatabase final : public Database {
  public:
    // Connects to the server the URI names. Errors: refused, no such host, bad password, TLS...
    static Result<std::unique_ptr<PgDatabase>> open(const std::string& uri);
    ~PgDatabase() override;

    SqlEngine engine() const override { return SqlEngine::postgresql; }
    [[nodiscard]] Result<std::unique_ptr<SqlStatement>> prepare(std::string_view sql) override;
    [[nodiscard]] Result<void> exec(std::string_view sql) override;
    const std::string& path() const override { return display_; }
    std::string ids_from(const std::string& parameter) const override {
        return "(SELECT unnest(CAST(" + parameter + " AS bigint[])))";
    }
    std::string ids_value(const std::vector<std::int64_t>& ids) const override;
    const char* begin_write() const override { return "BEGIN"; }
    const char* begin_read() const override {
        return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    }
    bool retryable_failure() const override;
    Result<void> lock_writers() override;

    pg_conn* handle() { return conn_; }
    // The server's message for the last failure, with what libpq adds (the connection is gone...).
    std::string last_error() const;
    // An error naming the archive, from a failed result (which is freed).
    Error error_of(pg_result* result, bool* on_input = nullptr) const;

  private:
    PgDatabase(pg_conn* conn, std::string display) : conn_(conn), display_(std::move(display)) {}
    pg_conn* conn_;
    std::string display_;             // the URI without its password
    mutable std::string last_state_;  // SQLSTATE of the last failure
    int statements_ = 0;
};

// "postgresql://user:secret@host/db" -> "postgresql://user@host/db": messages never show a
// password.
std::string without_password(const std::string& uri);
// `?` and `?N` parameters (outside quotes) as PostgreSQL's $N; the count of parameters.
std::string numbered_parameters(std::string_view sql, int& count);

// Texts as a PostgreSQL text[] literal, to bind as one parameter.
std::string pg_text_array(const std::vector<std::string>& texts);

}  // namespace kraft
