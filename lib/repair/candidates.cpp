#include "repair/candidates.hpp"

#include <cmath>

#include "util/text.hpp"

namespace kraft {

namespace {

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
        for (const Confusion& conf : model.letters) {
            if (conf.slip && !limits.allow_slips) continue;
            const std::size_t len = conf.reading.size();
            if (token.compare(at, len, conf.reading) != 0 || !place_ok(conf.place, at, len))
                continue;
            // A capital inside a lower-case word is the OCR's, not the writer's: "fOr" is "för".
            if (at > 0 && text::is_upper(conf.original[0])) continue;
            Candidate next = c;
            next.edits += 1;
            next.log_channel += std::log(conf.probability);
            next.slip = next.slip || conf.slip;
            if (at == 0 && text::is_upper(token[0]) && text::is_lower(conf.original[0]))
                next.lowered_initial = true;
            if (!next.undone.empty()) next.undone += ", ";
            next.undone += text::to_utf8(conf.reading) + "→" + text::to_utf8(conf.original);
            built += conf.original;
            walk(at + len, next);
            built.resize(mark);
        }
    }
};

}  // namespace

std::vector<Candidate> candidates(const std::u32string& token, const ConfusionModel& model,
                                  const CandidateLimits& limits) {
    std::vector<Candidate> out;
    Enumerator e{token, model, limits, out, {}};
    e.walk(0, Candidate{});
    return out;
}

}  // namespace kraft
