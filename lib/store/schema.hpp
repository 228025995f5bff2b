// The archive's schema: numbered, forward-only migrations recorded in PRAGMA user_version.
#pragma once

#include "store/database.hpp"

namespace kraft {

// The schema version this kraft writes and reads.
int schema_version();

// Brings the archive up to schema_version(), every pending migration in one transaction.
// Errors: the archive is newer than this kraft ("... upgrade kraft"), a migration failed.
Result<void> migrate(Database& db);

// For read-only use: the version the archive is at, which may be older than schema_version() by
// migrations that readers may skip. Errors: the archive is newer than this kraft, not yet
// created, or too old to read.
Result<int> check_version(Database& db);

}  // namespace kraft
