// Prepared statements kept for re-use, keyed by their SQL: the import writes every protocol with
// the same few dozen statements.
//
//   auto s = cache.get("SELECT id FROM persons WHERE name = ?");   // reset, bindings cleared
//   if (!s) return std::unexpected(s.error());
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

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

}  // namespace kraft
