// How the archive keeps what clerks rarely read but must never lose: the original text of a
// repaired protocol and its repair edits, compressed (zstd) and, for the edits, packed into one
// value per protocol instead of one row per edit (a damaged protocol has hundreds).
//
//   std::string blob = pack_edits(edits);           // kept in offset order
//   auto back = unpack_edits(blob);                 // the same edits, or an error
// (The texts' compression is util/compression.hpp.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/compression.hpp"
#include "util/error.hpp"

namespace kraft {

struct PackedEdit {
    std::int64_t offset = 0;  // bytes into the original text
    std::int64_t length = 0;  // of the original text replaced
    int line = 0, column = 0;
    std::string to;
    double confidence = 0;  // kept to a thousandth
    std::int64_t reason_id = 0;
};

// The edits in offset order (sorted here), as varints (offsets and lines as differences) and the
// replacement texts, compressed.
std::string pack_edits(std::vector<PackedEdit> edits);
// Errors: the blob is damaged.
Result<std::vector<PackedEdit>> unpack_edits(std::string_view blob);

}  // namespace kraft
