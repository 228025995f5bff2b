#include "repair/context_rules.hpp"

#include <algorithm>
#include <map>

#include "util/text.hpp"

namespace kraft {

namespace {
bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool is_word(std::string_view s) {
    const std::u32string u = text::to_u32(s);
    return !u.empty() && std::all_of(u.begin(), u.end(), text::is_alpha);
}
}  // namespace

Result<ContextRules> ContextRules::from_table(const TableFile& table) {
    ContextRules rules;
    for (const TableRow& r : table.rows) {
        if (r.fields.size() != 3)
            return std::unexpected(
                table.error_at(r, "expected: reading TAB replacement TAB conditions"));
        Rule rule{text::lower(r.fields[0]), r.fields[1], {}};
        std::string_view conds = r.fields[2];
        while (!conds.empty()) {
            const std::size_t sp = conds.find(' ');
            const std::string_view c = conds.substr(0, sp);
            conds = sp == std::string_view::npos ? std::string_view{} : conds.substr(sp + 1);
            if (c.empty()) continue;
            static const std::map<std::string_view, Condition::Kind> kSimple{
                {"*", Condition::always},
                {"prev:number", Condition::prev_number},
                {"next:number", Condition::next_number},
                {"next:year", Condition::next_year},
                {"prev:word", Condition::prev_word},
                {"next:word", Condition::next_word},
                {"next:lower", Condition::next_lower}};
            Condition cond{Condition::always, {}};
            if (const auto it = kSimple.find(c); it != kSimple.end())
                cond.kind = it->second;
            else if (c.starts_with("prev:="))
                cond = {Condition::prev_is, text::fold(c.substr(6))};
            else if (c.starts_with("next:="))
                cond = {Condition::next_is, text::fold(c.substr(6))};
            else
                return std::unexpected(
                    table.error_at(r, "unknown condition '" + std::string(c) + "'"));
            rule.conditions.push_back(std::move(cond));
        }
        if (rule.conditions.empty())
            return std::unexpected(table.error_at(r, "no condition (use * for always)"));
        rules.rules_.push_back(std::move(rule));
    }
    return rules;
}

std::optional<std::string> ContextRules::apply(std::string_view lower_reading,
                                               const Neighbours& n) const {
    for (const Rule& rule : rules_) {
        if (rule.reading != lower_reading) continue;
        const bool holds =
            std::all_of(rule.conditions.begin(), rule.conditions.end(), [&](const Condition& c) {
                switch (c.kind) {
                    case Condition::always:
                        return true;
                    case Condition::prev_number:
                        return all_digits(n.prev);
                    case Condition::next_number:
                        return all_digits(n.next);
                    case Condition::next_year:
                        return all_digits(n.next) && n.next.size() == 4 &&
                               (n.next.starts_with("19") || n.next.starts_with("20"));
                    case Condition::prev_word:
                        return is_word(n.prev);
                    case Condition::next_word:
                        return is_word(n.next);
                    case Condition::next_lower:
                        return is_word(n.next) && !text::starts_upper(n.next);
                    case Condition::prev_is:
                        return !n.prev.empty() && text::fold(n.prev) == c.word;
                    case Condition::next_is:
                        return !n.next.empty() && text::fold(n.next) == c.word;
                }
                return false;
            });
        if (holds) return rule.replacement;
    }
    return std::nullopt;
}

}  // namespace kraft
