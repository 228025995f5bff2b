// Finding the lines that start paragraphs, and only those: not tables of contents, not citations,
// not a § mentioned again in an appendix.
#include <algorithm>
#include <map>

#include "segment/segment.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// A title starts like a title: a capital, a digit, a quote or a case-number label.
bool title_like(std::string_view rest) {
    if (rest.empty()) return true;
    const std::u32string u = text::to_u32(rest.substr(0, 4));
    const char32_t c = u[0];
    return text::is_upper(c) || (c >= U'0' && c <= U'9') || c == U'"' || c == U'”' || c == U'“' || c == U'(';
}

}  // namespace

std::vector<HeadingLine> find_paragraph_headings(const std::vector<Line>& lines, const Grammar& g) {
    struct Candidate {
        HeadingLine h;
        bool toc = false;
        int weight = 0;  // section headings in its block: real paragraphs have some
    };
    std::vector<Candidate> cands;
    bool in_toc = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.page_break) in_toc = false;
        if (l.blank || l.furniture || l.table) continue;
        if (g.matches("toc_heading", l.plain)) {
            in_toc = true;
            continue;
        }
        const auto m = g.first("paragraph", l.plain);
        if (!m) continue;
        const std::string rest(m->group("rest"));
        if (!title_like(rest)) continue;
        Candidate c{{i, std::stoi(std::string(m->group("num"))), rest}, in_toc, 0};
        // Dot leaders to a page number in the heading's first lines: a table of contents entry.
        for (std::size_t k = i; k < lines.size() && k < i + 4; ++k) {
            if (k > i && (lines[k].blank || g.matches("paragraph", lines[k].plain))) break;
            if (g.matches("toc_entry", lines[k].plain)) c.toc = true;
        }
        cands.push_back(std::move(c));
    }
    // Weigh each candidate by the section headings before the next candidate.
    const std::vector<std::string> kinds = g.kinds("section.");
    for (std::size_t c = 0; c < cands.size(); ++c) {
        const std::size_t end = c + 1 < cands.size() ? cands[c + 1].h.line : lines.size();
        for (std::size_t k = cands[c].h.line + 1; k < end; ++k)
            for (const std::string& kind : kinds)
                if (!lines[k].furniture && g.matches("section." + kind, lines[k].plain)) {
                    ++cands[c].weight;
                    break;
                }
        if (cands[c].toc && cands[c].weight > 0 && end - cands[c].h.line > 6) cands[c].toc = false;
    }
    // One heading per number: the one with the most structure (a table of contents without dot
    // leaders repeats every number with no sections under it).
    std::map<int, std::size_t> best;
    for (std::size_t c = 0; c < cands.size(); ++c) {
        if (cands[c].toc) continue;
        auto [it, fresh] = best.emplace(cands[c].h.number, c);
        if (!fresh && cands[c].weight > cands[it->second].weight) it->second = c;
    }
    std::vector<HeadingLine> out;
    int last = -1;
    for (std::size_t c = 0; c < cands.size(); ++c) {
        if (cands[c].toc || best[cands[c].h.number] != c) continue;
        // Numbers rise through a protocol; a lower or equal one is a mention (e.g. in an appendix).
        if (cands[c].h.number <= last) continue;
        last = cands[c].h.number;
        out.push_back(cands[c].h);
    }
    return out;
}

}  // namespace kraft
