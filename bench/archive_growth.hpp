// Grows a benchmark archive to millions of paragraphs without importing them: every protocol,
// with its paragraphs, entries, statements, decisions, cases and citations and their full-text
// index, is copied under new ids and a new source name, doubling the archive. The same SQL runs
// on SQLite and PostgreSQL (the copies search exactly as the originals).
#pragma once

#include <cstdint>
#include <string>

#include "store/archive.hpp"

namespace kraft::bench {

// Doubles the archive in one transaction; `round` makes the copies' source names unique.
// Returns the number of paragraphs after.
Result<std::int64_t> double_archive(Archive& a, int round);

}  // namespace kraft::bench
