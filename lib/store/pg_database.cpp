#include "store/pg_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace kraft {

namespace {

constexpr Oid kByteaOid = 17;

// SQLSTATE classes of errors in what a statement was given rather than in the archive: 22 data
// exception (a malformed tsquery...), 42 syntax error or access rule.
bool input_state(const char* state) {
    return state && (std::strncmp(state, "22", 2) == 0 || std::strncmp(state, "42", 2) == 0) &&
           std::strcmp(state, "42501") != 0;  // insufficient privilege: the archive's, exit 3
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

}  // namespace

std::string without_password(const std::string& uri) {
    const auto scheme = uri.find("://");
    if (scheme == std::string::npos) return uri;
    const auto at = uri.find('@', scheme + 3);
    const auto slash = uri.find('/', scheme + 3);
    if (at == std::string::npos || (slash != std::string::npos && slash < at)) return uri;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + uri.substr(at);
}

std::string numbered_parameters(std::string_view sql, int& count) {
    std::string out;
    out.reserve(sql.size() + 16);
    count = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            std::size_t j = i + 1;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
            int n = ++count;
            if (j > i + 1) {
                std::from_chars(sql.data() + i + 1, sql.data() + j, n);
                count = std::max(count - 1, n);
            }
            out += '$' + std::to_string(n);
            i = j - 1;
        } else {
            out += c;
        }
    }
    return out;
}

// ---- statements

PgStatement::PgStatement(PgDatabase& db, std::string name, int params)
    : db_(db), name_(std::move(name)), params_(static_cast<std::size_t>(params)) {}

PgStatement::~PgStatement() {
    clear_result();
    // The server frees it with the session anyway; an aborted transaction refuses this.
    if (PQstatus(db_.handle()) == CONNECTION_OK &&
        PQtransactionStatus(db_.handle()) == PQTRANS_IDLE)
        PQclear(PQexec(db_.handle(), ("DEALLOCATE " + name_).c_str()));
}

void PgStatement::clear_result() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
}

PgStatement::Param* PgStatement::param(int i) {
    if (i < 1 || static_cast<std::size_t>(i) > params_.size()) {
        bad_index_ = true;
        return nullptr;
    }
    return &params_[static_cast<std::size_t>(i - 1)];
}

SqlStatement& PgStatement::bind_text(int i, std::string_view v) {
    if (Param* p = param(i)) *p = {std::string(v), false, false};
    return *this;
}
SqlStatement& PgStatement::bind_integer(int i, std::int64_t v) {
    if (Param* p = param(i)) *p = {std::to_string(v), false, false};
    return *this;
}
SqlStatement& PgStatement::bind_real(int i, double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (Param* p = param(i)) *p = {ec == std::errc() ? std::string(buf, end) : "0", false, false};
    return *this;
}
SqlStatement& PgStatement::bind_blob(int i, std::string_view bytes) {
    if (Param* p = param(i)) *p = {std::string(bytes), false, true};
    return *this;
}
SqlStatement& PgStatement::bind_null(int i) {
    if (Param* p = param(i)) *p = {};
    return *this;
}

void PgStatement::reset() {
    clear_result();
    for (Param& p : params_) p = {};
    bad_index_ = false;
    failed_on_input_ = false;
}

Result<bool> PgStatement::step() {
    if (!result_) {
        if (bad_index_) return fail(db_.path(), 0, "internal error: no such statement parameter");
        std::vector<const char*> values;
        std::vector<int> lengths, formats;
        for (const Param& p : params_) {
            values.push_back(p.null ? nullptr : p.value.data());
            lengths.push_back(static_cast<int>(p.value.size()));
            formats.push_back(p.binary ? 1 : 0);
        }
        PGresult* r = PQexecPrepared(db_.handle(), name_.c_str(), static_cast<int>(values.size()),
                                     values.data(), lengths.data(), formats.data(), 0);
        const auto status = PQresultStatus(r);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
            return std::unexpected(db_.error_of(r, &failed_on_input_));
        result_ = r;
        row_ = -1;
    }
    ++row_;
    return row_ < PQntuples(result_);
}

std::int64_t PgStatement::integer(int col) const {
    const char* v = PQgetvalue(result_, row_, col);
    if (!v) return 0;
    if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean
    std::int64_t n = 0;
    std::from_chars(v, v + std::strlen(v), n);
    return n;
}
double PgStatement::real(int col) const {
    const char* v = PQgetvalue(result_, row_, col);
    return v ? std::strtod(v, nullptr) : 0.0;
}
bool PgStatement::is_null(int col) const {
    return PQgetisnull(result_, row_, col) != 0;
}
std::string PgStatement::text(int col) const {
    if (is_null(col)) return {};
    return std::string(PQgetvalue(result_, row_, col),
                       static_cast<std::size_t>(PQgetlength(result_, row_, col)));
}
std::string PgStatement::blob(int col) const {
    std::string v = text(col);
    if (PQftype(result_, col) != kByteaOid || !v.starts_with("\\x")) return v;
    std::string out;
    out.reserve((v.size() - 2) / 2);
    for (std::size_t i = 2; i + 1 < v.size(); i += 2)
        out += static_cast<char>(hex_value(v[i]) * 16 + hex_value(v[i + 1]));
    return out;
}

// ---- the connection

Result<std::unique_ptr<PgDatabase>> PgDatabase::open(const std::string& uri) {
    const char* keys[] = {"dbname", "client_encoding", "application_name", nullptr};
    const char* values[] = {uri.c_str(), "UTF8", "kraft", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    const std::string display = without_password(uri);
    if (!conn) return fail(display, 0, "cannot connect to the archive's server: out of memory");
    std::unique_ptr<PgDatabase> db(new PgDatabase(conn, display));
    if (PQstatus(conn) != CONNECTION_OK)
        return fail(display, 0, "cannot connect to the archive's server: " + db->last_error());
    // Notices (a schema that already exists...) are not the user's business.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    if (auto ok = db->exec("SET search_path = kraft, pg_catalog"); !ok)
        return std::unexpected(ok.error());
    return db;
}

PgDatabase::~PgDatabase() {
    PQfinish(conn_);
}

std::string PgDatabase::last_error() const {
    return trimmed(PQerrorMessage(conn_));
}

Error PgDatabase::error_of(PGresult* result, bool* on_input) const {
    std::string message = result ? trimmed(PQresultErrorMessage(result)) : "";
    if (message.empty()) message = last_error();
    if (message.starts_with("ERROR:  ")) message = message.substr(8);
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    last_state_ = state ? state : "";
    if (on_input) *on_input = input_state(state);
    // No SQLSTATE: libpq's own failure (the server closed the connection); class 08 connection
    // exceptions; 57P01..57P03 the server shutting down or restarting.
    const bool lost = PQstatus(conn_) != CONNECTION_OK || last_state_.empty() ||
                      last_state_.starts_with("08") || last_state_.starts_with("57P");
    if (lost) message = "lost the connection to the server: " + message;
    PQclear(result);
    return Error{display_, 0, 0, message};
}

Result<std::unique_ptr<SqlStatement>> PgDatabase::prepare(std::string_view sql) {
    int params = 0;
    const std::string numbered = numbered_parameters(sql, params);
    std::string name = "kraft_" + std::to_string(++statements_);
    PGresult* r = PQprepare(conn_, name.c_str(), numbered.c_str(), params, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) return std::unexpected(error_of(r));
    PQclear(r);
    return std::unique_ptr<SqlStatement>(new PgStatement(*this, std::move(name), params));
}

Result<void> PgDatabase::exec(std::string_view sql) {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    const auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return std::unexpected(error_of(r));
    PQclear(r);
    return {};
}

Result<void> PgDatabase::lock_writers() {
    return exec("SELECT pg_advisory_xact_lock(7215628034717926)");
}

bool PgDatabase::retryable_failure() const {
    // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
    return last_state_.starts_with("40") || last_state_ == "55P03";
}

std::string PgDatabase::ids_value(const std::vector<std::int64_t>& ids) const {
    std::string out = "{";
    for (std::int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "}";
}

std::string pg_text_array(const std::vector<std::string>& texts) {
    std::string out = "{";
    for (const std::string& t : texts) {
        out += out.size() > 1 ? ",\"" : "\"";
        for (char c : t) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

}  // namespace kraft
