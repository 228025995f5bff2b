#include "store/sql_functions.hpp"

#include <sqlite3.h>

#include <new>
#include <string>
#include <utility>
#include <vector>

#include "store/packing.hpp"

namespace kraft {

namespace {

void result_blob(sqlite3_context* ctx, const std::string& blob) {
    sqlite3_result_blob64(ctx, blob.data(), blob.size(), SQLITE_TRANSIENT);
}

void compress_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const int n = sqlite3_value_bytes(argv[0]);
    result_blob(ctx, compress(std::string_view(text ? text : "", static_cast<std::size_t>(n))));
}

void decompress_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    const auto* blob = static_cast<const char*>(sqlite3_value_blob(argv[0]));
    const int n = sqlite3_value_bytes(argv[0]);
    auto text = decompress(std::string_view(blob ? blob : "", static_cast<std::size_t>(n)));
    if (!text) return sqlite3_result_error(ctx, text.error().message.c_str(), -1);
    sqlite3_result_text64(ctx, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// The aggregate's state lives in SQLite's context memory (zeroed on first use, null when SQLite
// is out of memory): a pointer to a vector we own.
void pack_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto** state = static_cast<std::vector<PackedEdit>**>(
        sqlite3_aggregate_context(ctx, sizeof(std::vector<PackedEdit>*)));
    if (!state) return sqlite3_result_error_nomem(ctx);
    if (!*state) *state = new (std::nothrow) std::vector<PackedEdit>;
    if (!*state) return sqlite3_result_error_nomem(ctx);
    std::vector<PackedEdit>* edits = *state;
    PackedEdit e;
    e.offset = sqlite3_value_int64(argv[0]);
    e.length = sqlite3_value_int64(argv[1]);
    e.line = sqlite3_value_int(argv[2]);
    e.column = sqlite3_value_int(argv[3]);
    const auto* to = reinterpret_cast<const char*>(sqlite3_value_text(argv[4]));
    e.to.assign(to ? to : "", static_cast<std::size_t>(sqlite3_value_bytes(argv[4])));
    e.confidence = sqlite3_value_double(argv[5]);
    e.reason_id = sqlite3_value_int64(argv[6]);
    edits->push_back(std::move(e));
}

void pack_final(sqlite3_context* ctx) {
    auto* state = static_cast<std::vector<PackedEdit>**>(sqlite3_aggregate_context(ctx, 0));
    std::vector<PackedEdit>* edits = state ? *state : nullptr;
    // pack_edits() sorts: SQL does not promise the order rows reach an aggregate in.
    result_blob(ctx, pack_edits(edits ? std::move(*edits) : std::vector<PackedEdit>{}));
    delete edits;
}

}  // namespace

Result<void> register_sql_functions(SqliteDatabase& db) {
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function_v2(db.handle(), "kraft_compress", 1, flags, nullptr,
                                   compress_function, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db.handle(), "kraft_decompress", 1, flags, nullptr,
                                   decompress_function, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db.handle(), "kraft_pack_edits", 7, flags, nullptr, nullptr,
                                   pack_step, pack_final, nullptr) != SQLITE_OK)
        return fail(db.path(), 0, "cannot register kraft's SQL functions: " + db.last_error());
    return {};
}

}  // namespace kraft
