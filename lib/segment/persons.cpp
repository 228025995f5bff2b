#include "segment/persons.hpp"

#include <algorithm>

#include "segment/lines.hpp"

namespace kraft {

namespace {
// Words that start sentences and stand before names, never part of one.
bool is_lead_word(std::string_view w) {
    static const std::vector<std::string_view> words{
        "Till", "Med",        "Vid",       "Och",        "Av",     "Där", "Då",
        "För",  "Ordförande", "Ledamoten", "Ersättaren", "Beslut", "Även"};
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Drops sentence words caught before a name: "Till Anna Berg" -> "Anna Berg".
std::string without_lead_words(std::string name) {
    for (std::size_t sp; (sp = name.find(' ')) != std::string::npos &&
                         is_lead_word(std::string_view(name).substr(0, sp));)
        name = name.substr(sp + 1);
    return name;
}

// A party that parties.tsv does not list: every council has local parties ("D", "SPI", "KAP"),
// and a capital abbreviation in parentheses after a name is one. Digits are OCR (handled by the
// table's aliases), not parties.
bool local_party(std::string_view t) {
    if (t.empty() || t.size() > 4) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<std::string> split_parties(std::string_view inside, const Grammar& g) {
    std::vector<std::string> out;
    std::string cur;
    const auto flush = [&] {
        const std::string t = trim(cur);
        if (auto p = g.party(t))
            add_unique(out, {*p});
        else if (local_party(t))
            add_unique(out, {t});
        cur.clear();
    };
    for (char c : inside) {
        if (c == '+' || c == ',' || c == '/')
            flush();
        else
            cur += c;
    }
    flush();
    return out;
}
}  // namespace

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& x : from)
        if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

namespace {
// "Sulaiman" and "Farishta Sulaiman" are one person when a line break split the name.
bool same_person(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const std::string& longer = a.size() > b.size() ? a : b;
    const std::string& shorter = a.size() > b.size() ? b : a;
    return longer.size() > shorter.size() && longer.ends_with(shorter) &&
           longer[longer.size() - shorter.size() - 1] == ' ';
}
}  // namespace

void add_unique(std::vector<Person>& to, const std::vector<Person>& from) {
    for (const auto& x : from) {
        auto it = std::find_if(to.begin(), to.end(),
                               [&](const Person& p) { return same_person(p.name, x.name); });
        if (it == to.end())
            to.push_back(x);
        else if (x.name.size() > it->name.size())
            it->name = x.name;
    }
}

std::vector<Person> find_persons(std::string_view s, const Grammar& g) {
    std::vector<Person> out;
    for (const PatternMatch& m : g.all("person", s)) {
        const auto parties = split_parties(m.group("party"), g);
        if (parties.empty()) continue;
        const std::string name = without_lead_words(trim(m.group("name")));
        if (name.find(' ') == std::string::npos && name.size() < 3) continue;
        add_unique(out, {Person{name, parties.front()}});
    }
    if (out.empty())
        for (const PatternMatch& m : g.all("person_bare", s)) {
            // Without parentheses only a known party counts: "Anna Berg M" yes, "Region Skåne AB"
            // no.
            const auto party = g.party(m.group("party"));
            if (!party) continue;
            const std::string name = without_lead_words(trim(m.group("name")));
            if (name.find(' ') == std::string::npos) continue;
            add_unique(out, {Person{name, *party}});
        }
    return out;
}

std::vector<std::string> find_party_list(std::string_view s, const Grammar& g) {
    std::vector<std::string> out;
    for (const PatternMatch& m : g.all("party_list", s)) {
        std::string list(m.group("parties"));
        for (const char* sep : {" och ", " samt "})
            for (std::size_t at; (at = list.find(sep)) != std::string::npos;)
                list.replace(at, std::string_view(sep).size(), ",");
        add_unique(out, split_parties(list, g));
    }
    return out;
}

std::vector<std::string> find_parties(std::string_view s, const Grammar& g) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while ((pos = s.find('(', pos)) != std::string_view::npos) {
        std::size_t end = s.find(')', pos);
        if (end == std::string_view::npos) end = s.size();
        if (end - pos <= 12) add_unique(out, split_parties(s.substr(pos + 1, end - pos - 1), g));
        pos = end;
    }
    return out;
}

}  // namespace kraft
