// The archive's schema: numbered, forward-only migrations recorded in PRAGMA user_version.
#pragma once

#include "store/database.hpp"

namespace kraft {

// The schema version this kraft writes and reads.
int schema_version();

// The schema version the archive is at (0: none yet). Errors: SQLite.
Result<int> stored_schema_version(Database& db);

// Brings the archive up to schema_version(), every pending migration in one transaction.
// Errors: the archive is newer than this kraft ("... upgrade kraft"), a migration failed.
Result<void> migrate(Database& db);

// For read-only use: errors when the archive is newer than this kraft or not yet created.
Result<void> check_version(Database& db);

}  // namespace kraft
