// Case numbers (diarienummer): as written, and normalised to one key per case.
#pragma once

#include <string>
#include <string_view>

namespace kraft {

// The key a case is stored and looked up by. Upper case; OCR letters in digit groups mended
// ("2O24" -> "2024"); spaces around separators dropped ("STK-2024- 1374"); the prefix joined by
// "-" ("STK 2024-1374", "Bun/2023:391" -> "BUN-2023-391"); leading zeros of the serial dropped
// ("KS 2024-000123" -> "KS-2024-123"); a document serial after the case dropped
// ("STK-2023-137-50" -> "STK-2023-137"). Returns "" when s holds no case number.
std::string normalize_case_number(std::string_view s);

}  // namespace kraft
