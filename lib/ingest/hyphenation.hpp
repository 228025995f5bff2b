// Line-end hyphenation in a PDF's text: "kommun-" at a line's end and "styrelsen" at the next
// line's start are one word, "Barn- och utbildningsnämnden" is two.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace kraft {

// Whether a word (as written, any case) is a word of the language: hunspell's Swedish.
using WordCheck = std::function<bool(const std::string&)>;

struct HyphenationRules {
    // Lower-case words after which a hyphenated first part is a compound's shared part, whose
    // hyphen belongs: "hälso- och sjukvård", "för- eller grundskola" (grammars/hyphenation.txt).
    std::unordered_set<std::string> shared_part_followers;
};

// Moves the rest of a word hyphenated at a line's end up to its first part:
//   "beslutar kommun-\nstyrelsen att" -> "beslutar kommunstyrelsen\natt".
// The hyphen goes when the joined word is a word (or the rest starts with a lower-case letter and
// the hyphenated form is no word either: a compound hunspell does not know); it stays when
// only the hyphenated form is a word ("e-post"), or the rest starts with a capital or a digit
// ("Ann-Lie", "KS-2024-17"). A first part followed by "och", "eller", ... is left as written. A
// line emptied by the move goes. A word hyphenated at a page's end is joined with the next
// page's first word (text holds the pages, separated by form feeds).
std::string join_line_end_hyphens(std::string_view text, const HyphenationRules& rules,
                                  const WordCheck& is_word);

}  // namespace kraft
