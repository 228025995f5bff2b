// Checking an archive: SQLite's integrity and foreign keys, and the full-text index against its
// content.
#pragma once

#include <string>
#include <vector>

#include "store/archive.hpp"

namespace kraft {

// The problems found; empty when the archive is sound. Errors: the checks could not run.
Result<std::vector<std::string>> check_archive(Archive& archive);

}  // namespace kraft
