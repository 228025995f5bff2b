// How OCR-damaged is a document? Clean documents are left alone; damaged ones repaired fully.
#pragma once

#include <cstddef>
#include <string_view>

namespace kraft {

struct DamageEstimate {
    std::size_t letters = 0;
    std::size_t diacritics = 0;  // å ä ö Å Ä Ö
    std::size_t words = 0;
    std::size_t fixable_unknown = 0;  // unknown words that a confusion turns into a known word
    double level = 0;                 // 0 = as many å/ä/ö as Swedish has, 1 = none at all
    bool damaged = false;
};

// Share of å/ä/ö among the letters of Swedish protocol text (measured on clean protocols of
// Kungsbacka and Malmö: 3.4 %-4.4 %, median 4.2 %).
inline constexpr double kSwedishDiacriticShare = 0.042;

// Counts letters and å/ä/ö.
DamageEstimate count_letters(std::string_view text);

// Decides `damaged`: far fewer å/ä/ö than Swedish has (beyond chance for the document's length),
// or, when level >= 0.25, many words that only make sense with a confusion undone.
void judge(DamageEstimate& d);

}  // namespace kraft
