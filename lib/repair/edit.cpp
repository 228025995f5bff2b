#include "repair/edit.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace kraft {

std::string apply_edits(std::string_view text, const std::vector<RepairEdit>& edits) {
    std::string out;
    out.reserve(text.size() + edits.size() * 2);
    std::size_t at = 0;
    for (const RepairEdit& e : edits) {
        out.append(text.substr(at, e.offset - at));
        out += e.to;
        at = e.offset + e.length;
    }
    out.append(text.substr(at));
    return out;
}

std::vector<RepairEdit> compose_edits(std::vector<RepairEdit> first,
                                      std::vector<RepairEdit> second) {
    if (first.empty()) return second;
    // For each edit of `first`, where it ends in the text it gave and the byte shift up to there.
    std::vector<std::pair<std::size_t, std::ptrdiff_t>> shifts;
    std::ptrdiff_t delta = 0;
    for (const RepairEdit& e : first) {
        delta += static_cast<std::ptrdiff_t>(e.length) - static_cast<std::ptrdiff_t>(e.to.size());
        const auto end = static_cast<std::ptrdiff_t>(e.offset + e.length) - delta;
        shifts.emplace_back(static_cast<std::size_t>(end), delta);
    }
    std::vector<RepairEdit> out = first;
    for (RepairEdit& e : second) {
        // The last edit of `first` that ends at or before this one gives the shift.
        const auto next =
            std::upper_bound(shifts.begin(), shifts.end(), e.offset,
                             [](std::size_t off, const std::pair<std::size_t, std::ptrdiff_t>& s) {
                                 return off < s.first;
                             });
        const std::ptrdiff_t d = next == shifts.begin() ? 0 : std::prev(next)->second;
        e.offset = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.offset) + d);
        // The first edit of `first` that ends after this one's start is the only one it can
        // overlap.
        const auto after = std::upper_bound(
            first.begin(), first.end(), e.offset,
            [](std::size_t off, const RepairEdit& l) { return off < l.offset + l.length; });
        if (after != first.end() && after->offset < e.offset + e.length) continue;
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const RepairEdit& x, const RepairEdit& y) { return x.offset < y.offset; });
    return out;
}

std::vector<WordConfidence> shift_spans(const std::vector<WordConfidence>& spans,
                                        const std::vector<RepairEdit>& edits) {
    if (edits.empty()) return spans;
    std::vector<WordConfidence> out;
    out.reserve(spans.size());
    std::size_t e = 0;
    long long delta = 0;
    for (const WordConfidence& s : spans) {
        // Edits wholly before the span move it.
        while (e < edits.size() && edits[e].offset + edits[e].length <= s.offset) {
            delta += static_cast<long long>(edits[e].to.size()) -
                     static_cast<long long>(edits[e].length);
            ++e;
        }
        if (e < edits.size() && edits[e].offset < s.offset + s.length) continue;  // touched
        WordConfidence moved = s;
        moved.offset = static_cast<std::size_t>(static_cast<long long>(s.offset) + delta);
        out.push_back(moved);
    }
    return out;
}

}  // namespace kraft
