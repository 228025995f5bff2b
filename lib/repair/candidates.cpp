#include "repair/candidates.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace kraft {

namespace {

constexpr std::size_t kWalkFactor = 2;
constexpr int kMaxRounds = 6;
constexpr double kTighten = 2.302585;  // log(10)

struct Enumerator {
    const std::u32string& token;
    const ConfusionModel& model;
    const CandidateLimits& limits;
    std::vector<Candidate>& out;
    std::u32string built;

    bool place_ok(Place p, std::size_t at, std::size_t len) const {
        switch (p) {
            case Place::start:
                return at == 0;
            case Place::inside:
                return at > 0;
            case Place::end:
                return at + len == token.size();
            case Place::any:
                return true;
            case Place::before_digit:
                return false;
        }
        return false;
    }

    void walk(std::size_t at, Candidate c) {
        if (out.size() >= limits.max_candidates) return;
        if (at == token.size()) {
            if (c.edits > 0) {
                c.word = built;
                out.push_back(std::move(c));
            }
            return;
        }
        const std::size_t mark = built.size();
        built += token[at];
        walk(at + 1, c);
        built.resize(mark);
        if (c.edits >= limits.max_edits) return;
        const auto row = model.letters_by_first.find(token[at]);
        if (row == model.letters_by_first.end()) return;
        for (std::size_t index : row->second) {
            const Confusion& conf = model.letters[index];
            // Slips are rare: two in one word are less likely than a word the lexicon lacks.
            if (conf.slip && (!limits.allow_slips || c.slip)) continue;
            const std::size_t len = conf.reading.size();
            if (token.compare(at, len, conf.reading) != 0 || !place_ok(conf.place, at, len))
                continue;
            // A capital inside a lower-case word is the OCR's, not the writer's: "fOr" is "för".
            if (at > 0 && text::is_upper(conf.original[0])) continue;
            const double log_channel = c.log_channel + conf.log_probability;
            if (log_channel < limits.min_log_channel) continue;
            Candidate next = c;
            next.edits += 1;
            next.log_channel = log_channel;
            next.slip = next.slip || conf.slip;
            if (at == 0 && text::is_upper(token[0]) && text::is_lower(conf.original[0]))
                next.lowered_initial = true;
            next.undone[static_cast<std::size_t>(c.edits)] = static_cast<std::uint16_t>(index);
            built += conf.original;
            walk(at + len, next);
            built.resize(mark);
        }
    }
};

}  // namespace

std::string describe(const Candidate& c, const ConfusionModel& model) {
    std::string out;
    for (int i = 0; i < c.edits; ++i) {
        const Confusion& conf = model.letters[c.undone[static_cast<std::size_t>(i)]];
        if (!out.empty()) out += ", ";
        out += text::to_utf8(conf.reading) + "→" + text::to_utf8(conf.original);
    }
    return out;
}

std::vector<Candidate> candidates(const std::u32string& token, const ConfusionModel& model,
                                  const CandidateLimits& limits) {
    // A depth-first walk stopped by the cap would cut spellings off by where their letters are,
    // not by how likely they are. So the walk may go further than the cap and the least likely
    // are dropped after it; where even that bound is reached, the walk is redone with a floor
    // ten times higher.
    CandidateLimits walk = limits;
    walk.max_edits = std::min(walk.max_edits, static_cast<int>(Candidate{}.undone.size()));
    walk.max_candidates = limits.max_candidates * kWalkFactor;
    std::vector<Candidate> out, cut;
    for (int round = 0; round < kMaxRounds; ++round) {
        Enumerator e{token, model, walk, out, {}};
        e.walk(0, Candidate{});
        if (out.size() < walk.max_candidates) break;
        cut = std::move(out);  // cut off by position: kept only if a higher floor leaves nothing
        out.clear();
        walk.min_log_channel += kTighten;
    }
    if (out.empty()) out = std::move(cut);
    if (out.size() > limits.max_candidates) {
        const auto keep = out.begin() + static_cast<std::ptrdiff_t>(limits.max_candidates);
        std::nth_element(out.begin(), keep, out.end(), [](const Candidate& x, const Candidate& y) {
            return x.log_channel > y.log_channel;
        });
        out.erase(keep, out.end());
    }
    return out;
}

}  // namespace kraft
