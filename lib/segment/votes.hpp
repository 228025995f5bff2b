// Votes (omröstning): "Med åtta ja-röster och fem nej-röster ...", "Ja: 8, Nej: 5", and tables
// with a Ja, Nej and Avstår column per member.
#pragma once

#include <optional>
#include <vector>

#include "model/protocol.hpp"
#include "segment/grammar.hpp"
#include "segment/lines.hpp"

namespace kraft {

// The vote in a paragraph's lines, or nullopt when there is none.
std::optional<Vote> find_vote(const std::vector<const Line*>& lines, const Grammar& g);

// "åtta" -> 8, "13" -> 13; nullopt for anything else.
std::optional<int> swedish_number(std::string_view word);

}  // namespace kraft
