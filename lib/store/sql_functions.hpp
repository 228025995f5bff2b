// SQL functions kraft registers on every archive connection, for the packed forms of
// store/packing.hpp:
//   kraft_compress(text) -> blob, kraft_decompress(blob) -> text (entry bodies are stored so, and
//   read through the view entry_texts)
//   kraft_pack_edits(offset, length, line, col, to_text, confidence, reason_id) -> blob
//     (an aggregate over one protocol's edits, in offset order)
#pragma once

#include "store/sqlite_database.hpp"
#include "util/error.hpp"

namespace kraft {

Result<void> register_sql_functions(SqliteDatabase& db);

}  // namespace kraft
