#include "ingest/page_furniture.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

namespace kraft {

namespace {

// How far from the top and the bottom of a page the template's lines stand, in non-blank lines.
constexpr std::size_t kHeadLines = 6;
constexpr std::size_t kFootLines = 4;

struct Line {
    std::size_t begin = 0, end = 0;  // [begin, end) in the page, without the '\n'
    std::string key;                 // blanks collapsed
    std::string masked;              // and each run of digits one '#'
    std::vector<long> numbers;
};

Line describe(const std::string& page, std::size_t begin, std::size_t end) {
    Line l{begin, end, {}, {}, {}};
    for (std::size_t i = begin; i < end; ++i) {
        const char c = page[i];
        if (c == ' ' || c == '\t') {
            if (!l.key.empty() && l.key.back() != ' ') l.key += ' ';
        } else {
            l.key += c;
        }
    }
    while (!l.key.empty() && l.key.back() == ' ') l.key.pop_back();
    for (std::size_t i = 0; i < l.key.size();) {
        if (!std::isdigit(static_cast<unsigned char>(l.key[i]))) {
            l.masked += l.key[i++];
            continue;
        }
        long v = 0;
        for (; i < l.key.size() && std::isdigit(static_cast<unsigned char>(l.key[i])); ++i)
            v = std::min<long>(v * 10 + (l.key[i] - '0'), 1'000'000);
        l.numbers.push_back(v);
        l.masked += '#';
    }
    return l;
}

// A line that may be a page number: a few numbers and at most three words ("3", "Sida 3 (24)",
// "Kommunstyrelsen 2026-03-11 sida 3"), never a paragraph's heading ("§ 4 Ärende" opens page 4
// of a protocol that gives each paragraph its page).
bool page_number_like(const Line& l) {
    if (l.numbers.empty() || l.numbers.size() > 4 || l.key.find("§") != std::string::npos)
        return false;
    std::size_t words = 0;
    bool in_word = false;
    for (char c : l.masked) {
        const bool letter = c != ' ' && c != '#' && !std::ispunct(static_cast<unsigned char>(c));
        if (letter && !in_word) ++words;
        in_word = letter;
    }
    return words <= 3;
}

// The non-blank lines near the top and the bottom of a page.
std::vector<Line> edge_lines(const std::string& page) {
    std::vector<Line> all;
    std::size_t begin = 0;
    while (begin < page.size()) {
        std::size_t end = page.find('\n', begin);
        if (end == std::string::npos) end = page.size();
        Line l = describe(page, begin, end);
        if (!l.key.empty()) all.push_back(std::move(l));
        begin = end + 1;
    }
    if (all.size() <= kHeadLines + kFootLines) return all;
    std::vector<Line> edges(all.begin(), all.begin() + kHeadLines);
    edges.insert(edges.end(), all.end() - kFootLines, all.end());
    return edges;
}

}  // namespace

void remove_page_furniture(std::vector<std::string>& pages) {
    const std::size_t n = pages.size();
    if (n < 2) return;
    // A line is the template's when it stands on most pages (three in five): a heading that
    // opens two pages of a long protocol ("Beslut") does not. A protocol of three pages or
    // fewer must show it on every page.
    const std::size_t needed = n <= 3 ? n : std::max<std::size_t>(3, (n * 3 + 4) / 5);
    std::vector<std::vector<Line>> edges(n);
    std::map<std::string, std::set<std::size_t>> pages_with_key;
    std::map<std::string, std::map<long, std::set<std::size_t>>> pages_with_masked_at_offset;
    for (std::size_t p = 0; p < n; ++p) {
        edges[p] = edge_lines(pages[p]);
        for (const Line& l : edges[p]) {
            pages_with_key[l.key].insert(p);
            // A page number: some number of the line runs with the page ("Sida 3 (24)" on the
            // third page, or "2" on the third when the cover is not numbered).
            if (page_number_like(l))
                for (long v : l.numbers)
                    pages_with_masked_at_offset[l.masked][v - static_cast<long>(p)].insert(p);
        }
    }
    for (std::size_t p = 1; p < n; ++p) {
        std::vector<std::pair<std::size_t, std::size_t>> cut;
        for (const Line& l : edges[p]) {
            bool furniture = pages_with_key[l.key].size() >= needed;
            if (!furniture && page_number_like(l)) {
                const auto& offsets = pages_with_masked_at_offset[l.masked];
                for (long v : l.numbers) {
                    auto it = offsets.find(v - static_cast<long>(p));
                    furniture = furniture || (it != offsets.end() && it->second.size() >= needed);
                }
            }
            if (furniture) cut.emplace_back(l.begin, l.end);
        }
        // Cut from the end, so the earlier offsets stay valid; the line's '\n' goes with it.
        std::string& page = pages[p];
        for (auto it = cut.rbegin(); it != cut.rend(); ++it) {
            const std::size_t end = it->second < page.size() ? it->second + 1 : it->second;
            page.erase(it->first, end - it->first);
        }
    }
}

}  // namespace kraft
