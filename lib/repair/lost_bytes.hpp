// Text that went through a wrong encoding conversion on its way to kraft: every non-ASCII byte,
// § and å/ä/ö included, became U+FFFD ("� 1 M�tet �ppnas"). What the bytes were is gone; what
// they most likely were is not: a U+FFFD before a paragraph number is §, and one inside a word is
// the letter that makes it a Swedish word.
#pragma once

#include <string_view>
#include <vector>

#include "repair/edit.hpp"
#include "repair/lexicon.hpp"

namespace kraft {

// The edits that restore U+FFFD in text, in text order: "§" (or "§§") for a run standing alone
// before a number ("VON � 81", "enligt KS �� 4-5"), a bullet or a dash for one alone between
// spaces, and å/ä/ö/é (in the word's case) for those inside a word: the choice of letters that
// makes it a word the lexicon knows, the most frequent one when several do. A U+FFFD that nothing
// decides is left as it is.
std::vector<RepairEdit> restore_lost_bytes(std::string_view text, Lexicon& lexicon);

}  // namespace kraft
