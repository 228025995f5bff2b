// Finding the lines that start paragraphs, and only those: not tables of contents, not citations,
// not a § mentioned again in an appendix.
#include <algorithm>

#include "segment/segment.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// A title starts like a title: a capital, a digit, a quote or a case-number label.
bool title_like(std::string_view rest) {
    if (rest.empty()) return true;
    const std::u32string u = text::to_u32(rest.substr(0, 4));
    const char32_t c = u[0];
    return text::is_upper(c) || (c >= U'0' && c <= U'9') || c == U'"' || c == U'”' || c == U'“' ||
           c == U'(';
}

}  // namespace

std::vector<HeadingLine> find_paragraph_headings(const std::vector<Line>& lines, const Grammar& g) {
    struct Candidate {
        HeadingLine h;
        bool toc = false;
        int weight = 0;  // section headings in its block: real paragraphs have some
    };
    std::vector<Candidate> cands;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank || l.furniture || l.table || g.matches("toc_heading", l.plain)) continue;
        const auto m = g.first("paragraph", l.plain);
        if (!m) continue;
        const std::string rest(m->group("rest"));
        if (!title_like(rest)) continue;
        const auto number = parse_int(m->group("num"));
        if (!number) continue;
        Candidate c{{i, *number, rest}, false, 0};
        // Dot leaders to a page number in the heading's first lines: a table of contents entry.
        for (std::size_t k = i; k < lines.size() && k < i + 4; ++k) {
            if (k > i && (lines[k].blank || g.matches("paragraph", lines[k].plain))) break;
            if (g.matches("toc_entry", lines[k].plain)) c.toc = true;
        }
        cands.push_back(std::move(c));
    }
    // Weigh each candidate by its block: lines of text, and section headings counting more.
    for (std::size_t c = 0; c < cands.size(); ++c) {
        const std::size_t end = c + 1 < cands.size() ? cands[c + 1].h.line : lines.size();
        for (std::size_t k = cands[c].h.line + 1; k < end; ++k) {
            if (lines[k].blank || lines[k].furniture) continue;
            cands[c].weight += 1;
            if (g.first_of_kinds("section.", lines[k].plain)) cands[c].weight += 10;
        }
    }
    // Numbers rise through a protocol. Of all rising sequences of candidates, keep the heaviest:
    // a table of contents (tiny blocks) loses to the paragraphs it lists, and a § mentioned again
    // in an appendix cannot follow its own paragraph.
    std::vector<std::size_t> idx;
    for (std::size_t c = 0; c < cands.size(); ++c)
        if (!cands[c].toc) idx.push_back(c);
    // Heaviest strictly rising subsequence in O(n log n): a Fenwick tree over the distinct
    // numbers holds, for every prefix of numbers, the best chain ending below it (ties: the
    // earliest candidate), so 250,000 headings take milliseconds, not minutes.
    std::vector<int> numbers;
    for (std::size_t c : idx) numbers.push_back(cands[c].h.number);
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    using Chain = std::pair<long, long>;  // (weight, -index): larger weight, then earlier index
    std::vector<Chain> tree(numbers.size() + 1, Chain{0, 1});  // {0, 1}: no chain
    const auto best_below = [&](std::size_t rank) {  // best chain among numbers of rank < rank
        Chain b{0, 1};
        for (std::size_t i = rank; i > 0; i -= i & (~i + 1)) b = std::max(b, tree[i]);
        return b;
    };
    const auto offer = [&](std::size_t rank, Chain c) {  // a chain ending at number of this rank
        for (std::size_t i = rank + 1; i < tree.size(); i += i & (~i + 1))
            tree[i] = std::max(tree[i], c);
    };
    std::vector<long> best(idx.size());
    std::vector<long> prev(idx.size(), -1);
    for (std::size_t a = 0; a < idx.size(); ++a) {
        const std::size_t rank = static_cast<std::size_t>(
            std::lower_bound(numbers.begin(), numbers.end(), cands[idx[a]].h.number) -
            numbers.begin());
        const Chain below = best_below(rank);
        best[a] = cands[idx[a]].weight + 1 + (below.second <= 0 ? below.first : 0);
        if (below.second <= 0) prev[a] = -below.second;
        offer(rank, Chain{best[a], -static_cast<long>(a)});
    }
    std::vector<HeadingLine> out;
    if (idx.empty()) return out;
    long at = static_cast<long>(std::max_element(best.begin(), best.end()) - best.begin());
    for (; at >= 0; at = prev[static_cast<std::size_t>(at)])
        out.push_back(cands[idx[static_cast<std::size_t>(at)]].h);
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace kraft
