#include "completion.hpp"

#include <algorithm>
#include <cctype>

namespace kraft::cli {

namespace {

bool takes_value(const CLI::Option* o) {
    return o->get_type_size_max() > 0 && o->get_items_expected_max() > 0;
}

// The option `word` names in `app` or, for subcommands, in the app above it (global options
// fall through to subcommands).
const CLI::Option* find_option(const CLI::App* app, const std::string& word) {
    for (; app; app = app->get_parent())
        for (const CLI::Option* o : app->get_options()) {
            for (const auto& n : o->get_lnames())
                if (word == "--" + n) return o;
            for (const auto& s : o->get_snames())
                if (word == "-" + s) return o;
        }
    return nullptr;
}

// "TEXT:{decision,paragraph}" or "WHEN:value in {auto->0,...}" -> the members.
std::vector<Candidate> members(const std::string& type_name) {
    std::vector<Candidate> out;
    const std::size_t open = type_name.find('{');
    const std::size_t close = type_name.find('}', open);
    if (open == std::string::npos || close == std::string::npos) return out;
    const std::string list = type_name.substr(open + 1, close - open - 1);
    std::size_t pos = 0;
    while (pos <= list.size()) {
        std::size_t comma = list.find(',', pos);
        if (comma == std::string::npos) comma = list.size();
        std::string item = list.substr(pos, comma - pos);
        if (const std::size_t arrow = item.find("->"); arrow != std::string::npos)
            item.resize(arrow);
        if (!item.empty()) out.push_back({item, ""});
        pos = comma + 1;
    }
    return out;
}

Completion values_of(const CLI::Option* o, const std::string& current,
                     const ValueSources& sources) {
    Completion c;
    const std::string type = o->get_type_name();
    const std::string base = type.substr(0, type.find(':'));
    // A LOCATION is a file or a postgresql:// URI: the files are what can be offered.
    if (base == "FILE" || base == "PATH" || base == "DIR" || base == "LOCATION")
        c.files = true;
    else if (base == "BODY" && sources.bodies)
        c.candidates = sources.bodies();
    else if (base == "PARTY" && sources.parties)
        c.candidates = sources.parties();
    else if (base == "CASE" && sources.cases)
        c.candidates = sources.cases(current);
    else if (base == "FOLLOWED" && sources.followed)
        c.candidates = sources.followed(current);
    else
        c.candidates = members(type);
    return c;
}

}  // namespace

Completion complete(const CLI::App& root, const std::vector<std::string>& words,
                    const ValueSources& sources) {
    const CLI::App* app = &root;
    const std::string current = words.empty() ? "" : words.back();
    const CLI::Option* pending = nullptr;  // an option whose value comes next
    std::size_t positionals = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string& w = words[i];
        if (pending) {
            pending = nullptr;
            continue;
        }
        if (!w.empty() && w[0] == '-') {
            const CLI::Option* o = find_option(app, w);
            if (o && takes_value(o) && w.find('=') == std::string::npos) pending = o;
            continue;
        }
        if (app == &root) {
            if (const auto subs =
                    root.get_subcommands([&](const CLI::App* s) { return s->get_name() == w; });
                !subs.empty()) {
                app = subs.front();
                continue;
            }
        }
        ++positionals;
    }

    Completion c;
    if (pending) {
        c = values_of(pending, current, sources);
    } else if (!current.empty() && current[0] == '-') {
        for (const CLI::App* a = app; a; a = a->get_parent())
            for (const CLI::Option* o : a->get_options())
                for (const auto& n : o->get_lnames())
                    c.candidates.push_back({"--" + n, o->get_description()});
    } else if (app == &root) {
        for (const CLI::App* s : root.get_subcommands({}))
            if (!s->get_group().empty())
                c.candidates.push_back({s->get_name(), s->get_description()});
    } else {
        // The positional argument this word fills: the first one, or the last when it repeats.
        const auto pos = app->get_options([](const CLI::Option* o) { return o->get_positional(); });
        if (!pos.empty()) {
            const CLI::Option* o = pos[std::min(positionals, pos.size() - 1)];
            c = values_of(o, current, sources);
        }
    }
    // Case-insensitive, so that "stk-2024" finds the archive's "STK-2024-1374".
    const auto starts_with_current = [&](const std::string& v) {
        return v.size() >= current.size() &&
               std::equal(current.begin(), current.end(), v.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) ==
                          std::tolower(static_cast<unsigned char>(b));
               });
    };
    std::erase_if(c.candidates, [&](const Candidate& x) { return !starts_with_current(x.value); });
    return c;
}

}  // namespace kraft::cli
