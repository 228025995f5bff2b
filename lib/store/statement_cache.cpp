#include "store/statement_cache.hpp"

namespace kraft {

Result<SqlStatement*> StatementCache::get(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it == statements_.end()) {
        auto prepared = db_.prepare(sql);
        if (!prepared) return std::unexpected(prepared.error());
        it = statements_.emplace(std::string(sql), std::move(*prepared)).first;
    }
    it->second->reset();
    return it->second.get();
}

}  // namespace kraft
