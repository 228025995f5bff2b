// Dates as Swedish protocols write them, to ISO 8601 (YYYY-MM-DD).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kraft {

// "2024-09-26" (validated), or nullopt.
std::optional<std::string> iso_date(std::string_view s);
// "240926" (YYMMDD, 20YY) -> "2024-09-26".
std::optional<std::string> date_from_yymmdd(std::string_view s);
// "26", "september", "2024" -> "2024-09-26"; month names in Swedish, any case.
std::optional<std::string> date_from_words(std::string_view day, std::string_view month,
                                           std::string_view year);
// A YYYY-MM-DD date anywhere in a file name ("malmo-kf-2026-01-22-p8.txt").
std::optional<std::string> date_in_file_name(std::string_view path);

}  // namespace kraft
