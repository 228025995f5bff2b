// Prepared statements kept for re-use, keyed by their SQL: the import writes every protocol with
// the same few dozen statements.
//
//   auto s = cache.get("SELECT id FROM persons WHERE name = ?");   // reset, bindings cleared
//   if (!s) return std::unexpected(s.error());
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"

namespace kraft {

class StatementCache {
  public:
    explicit StatementCache(Database& db) : db_(db) {}
    // The statement for sql, ready for new bindings. Errors: SQLite cannot prepare it (busy,
    // out of memory, a schema it does not expect); nothing is cached then.
    Result<SqlStatement*> get(std::string_view sql);

  private:
    Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SqlStatement>> statements_;
};

// The rows of the cached statement for sql, its parameters bound in order as text, then let go.
// `failed_on_input`, when given, says whether an error was in those parameters (a malformed
// expression) rather than the archive's.
Result<void> cached_rows(StatementCache& cache, std::string_view sql,
                         const std::vector<std::string>& params,
                         const std::function<void(const SqlStatement&)>& on_row,
                         bool* failed_on_input = nullptr);

}  // namespace kraft
