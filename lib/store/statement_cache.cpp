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

Result<void> cached_rows(StatementCache& cache, std::string_view sql,
                         const std::vector<std::string>& params,
                         const std::function<void(const SqlStatement&)>& on_row,
                         bool* failed_on_input) {
    auto st = cache.get(sql);
    if (!st) return std::unexpected(st.error());
    int k = 0;
    for (const std::string& v : params) (*st)->bind(++k, v);
    auto ok = (*st)->each_row(on_row);
    if (failed_on_input) *failed_on_input = !ok && (*st)->failed_on_input();
    (*st)->reset();  // its rows are read: let them go
    return ok;
}

}  // namespace kraft
