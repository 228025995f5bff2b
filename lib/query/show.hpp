// show: one paragraph in full, as archived — by case number, or by body, date and §.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/paragraph_reader.hpp"
#include "query/search.hpp"

namespace kraft {

// `what` is a case number ("STK-2024-1374": all its paragraphs) or a body, a date and a §
// ("KF 2026-01-22 §8", "Kommunfullmäktige 2026-01-22 § 8"). Errors: neither form (usage).
QueryResult<std::vector<ShownParagraph>> show(Archive& archive, const std::string& what,
                                              const Grammar& g);

}  // namespace kraft
