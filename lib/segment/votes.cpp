#include "segment/votes.hpp"

#include <array>
#include <charconv>

#include "segment/persons.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

std::vector<std::string> cells(std::string_view raw) {
    std::vector<std::string> out;
    std::string_view s = raw;
    const std::size_t first = s.find('|');
    if (first == std::string_view::npos) return out;
    s.remove_prefix(first + 1);
    while (!s.empty()) {
        const std::size_t bar = s.find('|');
        out.push_back(trim(s.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        s.remove_prefix(bar + 1);
    }
    if (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

enum class Side { yes, no, abstain };

std::optional<Side> side_of(std::string_view word) {
    const std::string w = text::lower(word);
    if (w == "ja") return Side::yes;
    if (w == "nej") return Side::no;
    if (w.starts_with("avst")) return Side::abstain;
    return std::nullopt;
}

void set(Vote& v, Side side, int n) {
    (side == Side::yes ? v.yes : side == Side::no ? v.no : v.abstain) = n;
}

}  // namespace

std::optional<int> swedish_number(std::string_view word) {
    int v = 0;
    const auto [p, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
    if (ec == std::errc{} && p == word.data() + word.size()) return v;
    static constexpr std::array<std::string_view, 21> words{
        "noll",    "en",     "två",    "tre",     "fyra",  "fem",    "sex",
        "sju",     "åtta",   "nio",    "tio",     "elva",  "tolv",   "tretton",
        "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo"};
    const std::string w = text::lower(word);
    for (std::size_t i = 0; i < words.size(); ++i)
        if (w == words[i] || (i == 1 && w == "ett")) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<Vote> find_vote(const std::vector<const Line*>& lines, const Grammar& g) {
    Vote v;
    bool found = false;
    // Counts written out in the text.
    std::vector<std::string_view> parts;
    for (const Line* l : lines)
        if (!l->table) parts.push_back(l->plain);
    const std::string text = join_lines(parts);
    for (const PatternMatch& m : g.all("vote_count", text)) {
        const auto n = swedish_number(m.group("n"));
        const auto side = side_of(m.group("side"));
        if (!n || !side) continue;
        set(v, *side, *n);
        found = true;
    }
    // A table with Ja/Nej/Avstår columns: one row per member, an X in the column voted.
    std::optional<std::size_t> yes_col, no_col, abstain_col;
    for (const Line* l : lines) {
        if (!l->table) {
            if (!l->blank) yes_col = no_col = abstain_col = std::nullopt;
            continue;
        }
        const std::vector<std::string> c = cells(l->raw);
        if (!yes_col) {
            for (std::size_t i = 0; i < c.size(); ++i) {
                const auto side = side_of(c[i]);
                if (side == Side::yes) yes_col = i;
                if (side == Side::no) no_col = i;
                if (side == Side::abstain) abstain_col = i;
            }
            if (!(yes_col && no_col)) yes_col = no_col = abstain_col = std::nullopt;
            continue;
        }
        const auto persons = c.empty() ? std::vector<Person>{} : find_persons(c[0], g);
        if (persons.empty()) continue;
        const auto marked = [&](std::optional<std::size_t> col) {
            return col && *col < c.size() && (c[*col] == "X" || c[*col] == "x");
        };
        if (marked(yes_col))
            v.yes_names.push_back(persons.front());
        else if (marked(no_col))
            v.no_names.push_back(persons.front());
        else if (marked(abstain_col))
            v.abstain_names.push_back(persons.front());
        found = true;
    }
    if (!found) return std::nullopt;
    if (!v.yes && !v.yes_names.empty()) v.yes = static_cast<int>(v.yes_names.size());
    if (!v.no && !v.no_names.empty()) v.no = static_cast<int>(v.no_names.size());
    if (!v.abstain && !v.abstain_names.empty())
        v.abstain = static_cast<int>(v.abstain_names.size());
    return v;
}

}  // namespace kraft
