#include "segment/lines.hpp"

#include <algorithm>
#include <map>

#include "util/text.hpp"

namespace kraft {

namespace {

bool space_at(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\v') return (len = 1), true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0)
        return (len = 2), true;
    return false;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        if (space_at(s, i, len)) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out.append(s, i, 1);
        }
        i += len;
    }
    return out;
}

// "## **§ 61**" -> "§ 61"; "**Beslut**" -> "Beslut"; "| a | b |" -> "a b".
std::string plain_of(std::string_view raw, bool& table) {
    std::string s = trim(raw);
    table = s.starts_with('|');
    if (table) {
        for (char& c : s)
            if (c == '|') c = ' ';
        s = collapse_spaces(s);
        if (s.find_first_not_of("-: ") == std::string::npos) return {};  // |---|---|
        return s;
    }
    std::size_t h = 0;
    while (h < s.size() && s[h] == '#') ++h;
    if (h > 0 && h < s.size() && s[h] == ' ') s = trim(std::string_view(s).substr(h));
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            ++i;
            continue;
        }
        out += s[i];
    }
    return collapse_spaces(out);
}

std::string digits_as_hash(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= '0' && c <= '9') c = '#';
    return out;
}

// A page that ends inside a sentence ("... anslaget för" / page break / "2027 om ...") does
// not end a paragraph there: the blank lines of its foot and of the next page's top are
// margins, marked as furniture so that the sentence reads on. A page break after a sentence's
// end stays a break.
void join_sentences_across_page_breaks(std::vector<Line>& lines) {
    const auto text_line = [](const Line& l) { return !l.blank && !l.furniture; };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].page_break || !lines[i].blank) continue;
        std::size_t before = i, after = i + 1;
        while (before > 0 && !text_line(lines[before - 1])) --before;
        while (after < lines.size() && !text_line(lines[after])) ++after;
        if (before == 0 || after >= lines.size()) continue;
        const std::string& last = lines[before - 1].plain;
        const std::string& next = lines[after].plain;
        const char end = last.back();
        if (end == '.' || end == ':' || end == ';' || end == '!' || end == '?') continue;
        const std::u32string head = text::to_u32(next.substr(0, 4));
        if (head.empty() || !(text::is_lower(head[0]) || (head[0] >= U'0' && head[0] <= U'9')))
            continue;
        for (std::size_t k = before; k < after; ++k)
            if (lines[k].blank) lines[k].furniture = true;
    }
}

}  // namespace

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size(), len = 0;
    while (b < e && space_at(s, b, len)) b += len;
    while (e > b) {
        if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\f' || s[e - 1] == '\r' ||
            s[e - 1] == '\v') {
            --e;
        } else if (e >= 2 && static_cast<unsigned char>(s[e - 2]) == 0xC2 &&
                   static_cast<unsigned char>(s[e - 1]) == 0xA0) {
            e -= 2;
        } else {
            break;
        }
    }
    return std::string(s.substr(b, e - b));
}

std::vector<Line> split_lines(std::string_view text, const Grammar& g) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    int number = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        Line l;
        l.number = ++number;
        l.raw = text.substr(pos, end - pos);
        l.plain = plain_of(l.raw, l.table);
        l.blank = l.plain.empty();
        l.page_break =
            l.raw.find('\f') != std::string_view::npos || g.matches("page_break", l.plain);
        l.furniture = !l.blank && g.matches("furniture", l.plain);
        lines.push_back(std::move(l));
        pos = end + 1;
    }
    // Page headers: short lines that recur (digits aside) in the first lines after page breaks.
    std::map<std::string, int> seen;
    std::vector<std::pair<std::size_t, std::string>> heads;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].page_break) continue;
        int taken = 0;
        for (std::size_t k = i + 1; k < lines.size() && taken < 5 && !lines[k].page_break; ++k) {
            if (lines[k].blank || lines[k].furniture) continue;
            ++taken;
            if (lines[k].plain.size() > 90 || g.matches("paragraph", lines[k].plain)) break;
            // A section heading often opens a page ("Beslutsunderlag" after a page break) and
            // recurs so; it is text, not the page's header.
            if (g.first_of_kinds("section.", section_heading_text(lines[k].plain))) continue;
            std::string key = digits_as_hash(lines[k].plain);
            ++seen[key];
            heads.emplace_back(k, std::move(key));
        }
    }
    // A header recurs on many pages; a line of text that happens to open two pages of many ("...
    // beslut 250619 § 219" cited twice) does not.
    std::size_t breaks = 0;
    for (const Line& l : lines) breaks += l.page_break ? 1 : 0;
    const int needed = std::max(2, static_cast<int>(breaks / 3));
    for (const auto& [k, key] : heads)
        if (seen[key] >= needed) lines[k].furniture = true;
    join_sentences_across_page_breaks(lines);
    return lines;
}

std::string_view section_heading_text(std::string_view plain) {
    if (!plain.empty() && plain.back() == ':') plain.remove_suffix(1);
    return plain;
}

std::string join_lines(const std::vector<std::string_view>& parts) {
    std::string out;
    for (std::string_view p : parts) {
        const std::string t = trim(p);
        if (t.empty()) continue;
        if (!out.empty()) {
            const bool glue = out.back() == '-' && (t[0] >= '0' && t[0] <= '9');
            if (!glue) out += ' ';
        }
        out += t;
    }
    return out;
}

}  // namespace kraft
