#include "repair/symbols.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include "util/table_file.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// Unconditional readings that show an OCR engine was at work: two, so that one "$ 5" in a clean
// text about money does not.
constexpr std::size_t kOcrEvidence = 2;

// What unconditional rows read (and "£"): a text without any has nothing for them.
constexpr const char* kSymbols = "$&{}";

// The first of the bytes in `set` at or after pos. string_view::find_first_of looks each text byte
// up in the set one by one; this is the hot loop of clean text, so a table does it.
std::size_t find_any(std::string_view text, std::string_view set, std::size_t pos = 0) {
    std::array<bool, 256> in{};
    for (char c : set) in[static_cast<unsigned char>(c)] = true;
    for (; pos < text.size(); ++pos)
        if (in[static_cast<unsigned char>(text[pos])]) return pos;
    return std::string_view::npos;
}

Result<void> add_symbol_row(SymbolRules& rules, const TableFile& t, const TableRow& r) {
    if (r.fields.size() != 4)
        return std::unexpected(
            t.error_at(r, "expected: symbol TAB reading TAB replacement TAB condition"));
    RE2::Options opts;
    opts.set_log_errors(false);
    auto re = std::make_shared<const RE2>(r.fields[1], opts);
    if (!re->ok()) return std::unexpected(t.error_at(r, "bad pattern: " + re->error()));
    if (re->NumberOfCapturingGroups() < 1)
        return std::unexpected(t.error_at(r, "the pattern needs group 1: the misread text"));
    SymbolRule rule;
    rule.reading = std::move(re);
    rule.replacement = r.fields[2];
    static const std::map<std::string, SymbolCondition> conditions{
        {"*", SymbolCondition::always},
        {"ocr", SymbolCondition::ocr},
        {"paragraph-number", SymbolCondition::paragraph_number},
        {"next-paragraph", SymbolCondition::next_paragraph}};
    const auto c = conditions.find(r.fields[3]);
    if (c == conditions.end())
        return std::unexpected(t.error_at(r, "unknown condition '" + r.fields[3] +
                                                 "' (*, ocr, paragraph-number, next-paragraph)"));
    rule.condition = c->second;
    for (const char* symbol : {"$", "&", "{", "}", "£"})
        if (r.fields[1].find(symbol) != std::string::npos) rule.symbols.emplace_back(symbol);
    if (rule.condition == SymbolCondition::always && rule.symbols.empty())
        return std::unexpected(t.error_at(
            r,
            "a row with the condition * must read one of the symbols $ & £ { } (or be \"ocr\")"));
    rule.source = "ocr-symbols.tsv:" + std::to_string(r.line);
    rules.rules.push_back(std::move(rule));
    return {};
}

struct Match {
    std::size_t begin = 0, end = 0;  // group 1
    const SymbolRule* rule = nullptr;
    int number = -1;  // the number right after group 1, if any
};

int number_at(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    int n = -1;
    const auto [p, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), n);
    return ec == std::errc{} && p != text.data() + pos ? n : -1;
}

std::vector<Match> matches_of(std::string_view text, const SymbolRule& rule) {
    std::vector<Match> out;
    re2::StringPiece sub[2];
    std::size_t at = 0;
    while (at <= text.size() && rule.reading->Match(re2::StringPiece(text.data(), text.size()), at,
                                                    text.size(), RE2::UNANCHORED, sub, 2)) {
        const std::size_t whole_end =
            static_cast<std::size_t>(sub[0].data() - text.data()) + sub[0].size();
        if (sub[1].data()) {
            Match m;
            m.begin = static_cast<std::size_t>(sub[1].data() - text.data());
            m.end = m.begin + sub[1].size();
            m.rule = &rule;
            m.number = number_at(text, m.end);
            out.push_back(m);
        }
        // The context after group 1 may be the next match's context too ("$ 12, $ 13").
        const std::size_t next = sub[1].data() ? out.back().end : whole_end;
        at = std::max(next, static_cast<std::size_t>(sub[0].data() - text.data()) + 1);
    }
    return out;
}

// Is the line before `pos` empty or a body's abbreviation ("VON ")? Then what follows opens it.
bool opens_line(std::string_view text, std::size_t pos) {
    constexpr std::size_t kLongest = 8;  // a body's abbreviation and the spaces after it
    for (std::size_t n = 0; n <= kLongest; ++n) {
        if (n == pos || text[pos - n - 1] == '\n') return true;
        const char c = text[pos - n - 1];
        if (c != ' ' && c != '\t' && (c < 'A' || c > 'Z')) return false;
    }
    return false;
}

// The document's paragraph headings as (offset, number): a § that opens a line, alone or after a
// body's abbreviation ("§ 12", "VON § 83"; "§§ 78-81" gives 78 and 81). A § within a sentence may
// cite a law ("9 kap. 37 §") or another meeting, whose numbers say nothing here.
std::vector<std::pair<std::size_t, int>> headings(std::string_view text) {
    static const std::string_view sign = "§";
    std::vector<std::pair<std::size_t, int>> out;
    for (std::size_t pos = text.find(sign); pos != std::string_view::npos;
         pos = text.find(sign, pos + 1)) {
        if (!opens_line(text, pos)) continue;
        std::size_t at = pos + sign.size();
        if (text.substr(at, sign.size()) == sign) at += sign.size();
        const int n = number_at(text, at);
        if (n < 0) continue;
        out.emplace_back(pos, n);
        std::size_t after = at;
        while (after < text.size() &&
               (text[after] == ' ' || (text[after] >= '0' && text[after] <= '9')))
            ++after;
        if (after < text.size() && text[after] == '-') {
            const int m = number_at(text, after + 1);
            if (m >= 0) out.emplace_back(pos, m);
        }
    }
    return out;
}

// Is there a number within one of n, n itself counted only if it is there more than `own` times?
bool near(const std::multiset<int>& numbers, int n, std::size_t own) {
    auto it = numbers.lower_bound(n - 1);
    for (std::size_t seen = 0; it != numbers.end() && *it <= n + 1; ++it)
        if (++seen > own) return true;
    return false;
}

// The matches as edits, in text order.
std::vector<RepairEdit> to_edits(std::string_view text, std::vector<Match> matches) {
    std::sort(matches.begin(), matches.end(),
              [](const Match& x, const Match& y) { return x.begin < y.begin; });
    std::vector<RepairEdit> edits;
    for (const Match& m : matches) {
        const std::string from(text.substr(m.begin, m.end - m.begin));
        edits.push_back(
            {m.begin, m.end - m.begin, from, m.rule->replacement, 0.9,
             "OCR symbol: " + from + " for " + m.rule->replacement + " (" + m.rule->source + ")"});
    }
    return edits;
}

// The stretches of text matches have claimed, begin -> end, none overlapping.
class Claimed {
  public:
    // Claims m's stretch unless a claimed one overlaps it.
    bool claim(const Match& m) {
        const auto next = spans_.lower_bound(m.begin);
        if (next != spans_.end() && next->first < m.end) return false;
        if (next != spans_.begin() && std::prev(next)->second > m.begin) return false;
        spans_.emplace(m.begin, m.end);
        return true;
    }

  private:
    std::map<std::size_t, std::size_t> spans_;
};

// Is the word before `pos` (across spaces) capitalised: a name, as in "Anna Berg (5)"?
bool after_name(std::string_view text, std::size_t pos) {
    while (pos > 0 && text[pos - 1] == ' ') --pos;
    std::size_t begin = pos;
    while (begin > 0 && (static_cast<unsigned char>(text[begin - 1]) >= 0x80 ||
                         std::isalpha(static_cast<unsigned char>(text[begin - 1]))))
        --begin;
    return begin < pos && text::starts_upper(text.substr(begin, pos - begin));
}

// "(5)" -> "(S)": an abbreviation in parentheses (or a brace read for one) after a name that is a
// party once the party readings are undone, and is not one as written.
void repair_parties(std::string_view text, const SymbolRules& rules, std::vector<RepairEdit>& out) {
    for (std::size_t open = find_any(text, "({"); open != std::string_view::npos;
         open = find_any(text, "({", open + 1)) {
        if (!after_name(text, open)) continue;
        // An abbreviation is short: its closing parenthesis is looked for only that far.
        const std::size_t close = find_any(text.substr(0, open + 10), ")}", open + 1);
        if (close == std::string_view::npos || close == open + 1) continue;
        const std::string_view inside = text.substr(open + 1, close - open - 1);
        if (rules.parties.count(std::string(inside))) continue;
        std::string party;
        if (const auto whole = rules.party_letter.find(std::string(inside));
            whole != rules.party_letter.end())
            party = whole->second;
        else
            for (char32_t c : text::to_u32(inside)) {
                const std::string ch = text::to_utf8(std::u32string(1, c));
                const auto it = rules.party_letter.find(ch);
                party += it == rules.party_letter.end() ? ch : it->second;
            }
        if (party == inside || !rules.parties.count(party)) continue;
        out.push_back({open + 1, inside.size(), std::string(inside), party, 0.9,
                       "OCR symbol: (" + std::string(inside) + ") for the party (" + party + ")"});
    }
}

}  // namespace

Result<std::shared_ptr<SymbolRules>> SymbolRules::load(const std::string& dir) {
    auto rules = std::make_shared<SymbolRules>();
    auto t = read_table(dir + "/ocr-symbols.tsv");
    if (!t) return std::unexpected(t.error());
    for (const TableRow& r : t->rows) {
        if (r.fields.empty()) continue;
        if (r.fields[0] == "symbol") {
            if (auto ok = add_symbol_row(*rules, *t, r); !ok) return std::unexpected(ok.error());
        } else if (r.fields[0] == "party") {
            if (r.fields.size() != 3 || r.fields[1].empty() || r.fields[2].empty())
                return std::unexpected(t->error_at(r, "expected: party TAB reading TAB letter"));
            rules->party_letter[r.fields[1]] = r.fields[2];
        } else {
            return std::unexpected(
                t->error_at(r, "unknown kind '" + r.fields[0] + "' (symbol or party)"));
        }
    }
    auto parties = read_table(dir + "/parties.tsv");
    if (!parties) return std::unexpected(parties.error());
    for (const TableRow& r : parties->rows)
        if (r.fields.size() >= 2) rules->parties.insert(r.fields[1]);
    return rules;
}

namespace {

// Decides the rows with a condition, in a document that shows OCR symbol readings: "ocr" rows
// hold there; "paragraph-number" rows before a number within one of a heading's; "next-paragraph"
// rows before the number after the heading above them (or the one after that).
void accept_conditional(std::string_view text, std::vector<Match>& taken,
                        std::vector<Match> conditional) {
    auto known = headings(text);
    for (const Match& m : taken)
        if (m.number >= 0 && m.rule->replacement.find("§") != std::string::npos &&
            opens_line(text, m.begin))
            known.emplace_back(m.begin, m.number);
    std::sort(known.begin(), known.end());
    std::multiset<int> numbers;
    for (const auto& h : known) numbers.insert(h.second);
    const bool vouch = numbers.empty();  // no § read right: the readings vouch for each other
    if (vouch)
        for (const Match& m : conditional)
            if (m.rule->condition == SymbolCondition::paragraph_number && m.number >= 0)
                numbers.insert(m.number);
    std::sort(conditional.begin(), conditional.end(),
              [](const Match& x, const Match& y) { return x.begin < y.begin; });
    for (const Match& m : conditional) {
        bool ok = false;
        switch (m.rule->condition) {
            case SymbolCondition::ocr:
                ok = true;
                break;
            case SymbolCondition::paragraph_number: {
                // Where the readings vouch for each other, one does not vouch for itself.
                ok = m.number >= 0 && near(numbers, m.number, vouch ? 1 : 0);
                break;
            }
            case SymbolCondition::next_paragraph: {
                // The heading right above: the last one before it (known is in text order).
                const auto after = std::lower_bound(known.begin(), known.end(),
                                                    std::pair<std::size_t, int>{m.begin, -1});
                const int above = after == known.begin() ? -1 : std::prev(after)->second;
                ok = m.number >= 0 && above >= 0 && m.number > above && m.number <= above + 2;
                break;
            }
            case SymbolCondition::always:
                ok = true;
                break;
        }
        if (!ok) continue;
        taken.push_back(m);
        if (m.rule->replacement.find("§") != std::string::npos && opens_line(text, m.begin))
            known.insert(std::upper_bound(known.begin(), known.end(),
                                          std::pair<std::size_t, int>{m.begin, m.number}),
                         {m.begin, m.number});
    }
}

// The stretches of text around the symbols unconditional rows read, as [begin, end) byte ranges
// that start at a line's start and end three lines after the symbol's: a row's context.
std::vector<std::pair<std::size_t, std::size_t>> symbol_windows(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    // Bounded in bytes too, so that a huge line with many symbols costs linear time.
    constexpr std::size_t kBefore = 200, kAfter = 400;
    const auto add = [&](std::size_t pos) {
        std::size_t begin = pos;
        while (begin > 0 && pos - begin < kBefore && text[begin - 1] != '\n') --begin;
        std::size_t end = pos;
        for (int lines = 0; lines < 4 && end < text.size() && end - pos < kAfter; ++end)
            if (text[end] == '\n') ++lines;
        if (!out.empty() && begin <= out.back().second)
            out.back().second = std::max(out.back().second, end);
        else
            out.emplace_back(begin, end);
    };
    std::size_t pound = text.find("£");
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (pound < pos) pound = text.find("£", pos);
        const std::size_t next = std::min(find_any(text, kSymbols, pos), pound);
        if (next == std::string_view::npos) break;
        add(next);
        pos = next;
    }
    return out;
}

std::vector<RepairEdit> finish(std::string_view text, const SymbolRules& rules,
                               std::vector<Match> taken);

}  // namespace

std::vector<RepairEdit> repair_symbols(std::string_view text, const SymbolRules& rules) {
    std::vector<Match> taken, conditional;
    const bool has_sign = text.find("§") != std::string_view::npos;
    const bool has_symbols = find_any(text, kSymbols) != std::string_view::npos ||
                             text.find("£") != std::string_view::npos;
    // The fast path of clean text: no symbol a row reads, and § where it belongs.
    if (!has_symbols && has_sign) {
        std::vector<RepairEdit> edits;
        repair_parties(text, rules, edits);
        return edits;
    }
    Claimed claimed;
    // Unconditional rows read a symbol: only the lines around one are searched.
    for (const auto& [begin, end] : symbol_windows(text))
        for (const SymbolRule& rule : rules.rules) {
            if (rule.condition != SymbolCondition::always) continue;
            const std::string_view window = text.substr(begin, end - begin);
            if (std::none_of(rule.symbols.begin(), rule.symbols.end(), [&](const std::string& c) {
                    return window.find(c) != std::string_view::npos;
                }))
                continue;
            for (Match m : matches_of(window, rule)) {
                m.begin += begin;
                m.end += begin;
                if (claimed.claim(m)) taken.push_back(m);
            }
        }
    if (taken.size() < kOcrEvidence && has_sign) return finish(text, rules, std::move(taken));
    for (const SymbolRule& rule : rules.rules) {
        if (rule.condition == SymbolCondition::always) continue;
        for (const Match& m : matches_of(text, rule))
            if (claimed.claim(m)) conditional.push_back(m);
    }
    accept_conditional(text, taken, std::move(conditional));
    return finish(text, rules, std::move(taken));
}

namespace {

// The edits of the matches taken and of the parties, in text order, none overlapping.
std::vector<RepairEdit> finish(std::string_view text, const SymbolRules& rules,
                               std::vector<Match> taken) {
    std::vector<RepairEdit> edits = to_edits(text, std::move(taken));
    repair_parties(text, rules, edits);
    std::sort(edits.begin(), edits.end(),
              [](const RepairEdit& x, const RepairEdit& y) { return x.offset < y.offset; });
    // A party inside a pair whose brace was repaired is one edit each; two that overlap are not.
    edits.erase(std::unique(edits.begin(), edits.end(),
                            [](const RepairEdit& a, const RepairEdit& b) {
                                return b.offset < a.offset + a.length;
                            }),
                edits.end());
    return edits;
}

}  // namespace

}  // namespace kraft
