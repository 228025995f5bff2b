#include "repair/document_words.hpp"

#include <cmath>

#include "repair/candidates.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {
// A name the protocol writes this often is taken as spelt right: an OCR engine seldom misreads
// the same name the same way twice, and a clerk does not vary a name.
constexpr int kNameEvidence = 2;
}  // namespace

DocumentWords::DocumentWords(std::string_view text, const std::vector<Token>& tokens) {
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::word || t.in_address) continue;
        const std::string_view w = t.text(text);
        ++lower_[text::lower(w)];
        if (text::starts_upper(w) && !text::all_upper(w)) ++names_[std::string(w)];
    }
}

int DocumentWords::count(const std::string& lower) const {
    const auto it = lower_.find(lower);
    return it == lower_.end() ? 0 : it->second;
}

std::optional<std::string> DocumentWords::name_for(const std::string& token,
                                                   const ConfusionModel& confusions) const {
    if (const auto it = answered_.find(token); it != answered_.end()) return it->second;
    return answered_[token] = find_name(token, confusions);
}

std::optional<std::string> DocumentWords::find_name(const std::string& token,
                                                    const ConfusionModel& confusions) const {
    const auto own = names_.find(token);
    if (own != names_.end() && own->second >= kNameEvidence) return std::nullopt;
    CandidateLimits limits;
    limits.max_edits = 2;
    std::optional<std::string> best;
    double best_score = -INFINITY;
    bool tie = false;
    for (const Candidate& c : candidates(text::to_u32(token), confusions, limits)) {
        const auto it = names_.find(text::to_utf8(c.word));
        if (it == names_.end() || it->second < kNameEvidence) continue;
        const double score = c.log_channel + std::log(it->second);
        if (best && it->first == *best) {
            best_score = std::max(best_score, score);  // the same name by another path
        } else if (score > best_score) {
            tie = false;
            best = it->first;
            best_score = score;
        } else if (score == best_score) {
            tie = true;
        }
    }
    if (tie) return std::nullopt;
    return best;
}

}  // namespace kraft
