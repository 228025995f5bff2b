// The followed cases and saved searches an archive keeps (schema migration 8).
#pragma once

#include <vector>

#include "model/follow.hpp"
#include "store/database.hpp"

namespace kraft {

// Adds a followed case (f.case_key) or saved search (f.search), followed since f.since (empty:
// now). Returns false when it was already followed. Errors: the engine's.
Result<bool> add_follow(Database& db, const Follow& f);
// Removes it; returns false when it was not followed.
Result<bool> remove_follow(Database& db, const Follow& f);
// Every follow, cases first (by key), then searches (in the order they were saved). An archive
// older than schema 8 follows nothing.
Result<std::vector<Follow>> follows(Database& db, int schema);

}  // namespace kraft
