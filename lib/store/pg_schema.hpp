// The archive's tables on PostgreSQL, in the schema `kraft` of the database: created and migrated
// forward by kraft itself, version by version, each migration in the transaction that records it.
// Version 1 is the SQLite archive's schema at its version 8 (schema.cpp), in PostgreSQL's types,
// with the full-text index as the table entry_index (pg_text_index.hpp).
#pragma once

#include "store/database.hpp"

namespace kraft {

int pg_schema_version();

// Creates or migrates the schema. Two importers starting together wait for each other (an
// advisory lock), so migrations run once. Errors: the role may not create the schema; a newer
// schema than this kraft knows.
Result<void> pg_migrate(Database& db);

// The schema's version, for readers. Errors: no archive in this database; newer than this kraft.
Result<int> pg_check_version(Database& db);

}  // namespace kraft
