// Spelling candidates for an OCR-damaged word: every way of undoing up to N confusions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "repair/confusions.hpp"

namespace kraft {

struct Candidate {
    std::u32string word;
    double log_channel = 0;  // sum of log P(reading | original) over the undone confusions
    int edits = 0;
    bool slip = false;             // uses a rare letter slip
    bool lowered_initial = false;  // an upper-case first letter became lower case ("Overstiga")
    // The confusions undone, as indices into the model's letters, in word order: kept as
    // numbers because spellings are made by the thousand and described by the handful.
    std::array<std::uint16_t, 4> undone{};
};

// The confusions a candidate undid, for an edit's reason: "i→ä, o→ö".
std::string describe(const Candidate& c, const ConfusionModel& model);

struct CandidateLimits {
    int max_edits = 3;        // at most 4 (Candidate::undone)
    bool allow_slips = true;  // at most one per word
    // A bound on pathological tokens, not a tuning knob. Past it, the least likely spellings are
    // left out, never the likely ones because of where in the word their letters are.
    std::size_t max_candidates = 4000;
    // Spellings less likely than this are not enumerated: it keeps long words with many
    // confusable letters tractable.
    double min_log_channel = -9.2;  // log(1e-4)
};

// All variants of `token` with 1..max_edits confusions undone (the token itself excluded).
std::vector<Candidate> candidates(const std::u32string& token, const ConfusionModel& model,
                                  const CandidateLimits& limits);

}  // namespace kraft
