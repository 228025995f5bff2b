// Page furniture: the lines a protocol's template prints on every page (the body's name and the
// date, "Justerandes signatur", "Utdragsbestyrkande", "Sida 3 (24)"), which are not the text.
#pragma once

#include <string>
#include <vector>

namespace kraft {

// Removes from every page but the first the lines that recur near the top or bottom of most pages:
// the same text, or the same text but for a number that follows the page ("Sida 3 (24)", "3").
// The first page keeps them: there the body's name and the date are the protocol's own header.
// Works from the repetition alone, so a new template needs no pattern.
void remove_page_furniture(std::vector<std::string>& pages);

}  // namespace kraft
