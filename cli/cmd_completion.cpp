// kraft completion bash|zsh|fish: the script a shell loads; kraft __complete WORDS...: what the
// script asks (hidden from --help).
#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "completion.hpp"
#include "model/case_numbers.hpp"
#include "pipeline.hpp"
#include "store/follows.hpp"

namespace kraft::cli {

namespace {

// Keys are normalised ("STK-2024-1374"); so is what was typed, as far as it goes.
std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The followed cases starting with what was typed.
std::vector<Candidate> followed_cases(Archive& archive, const std::string& prefix) {
    std::vector<Candidate> out;
    auto all = follows(archive.db(), archive.schema());
    if (!all) return out;
    for (const Follow& f : *all)
        if (f.case_key && f.case_key->starts_with(upper(prefix)))
            out.push_back({*f.case_key, "followed"});
    return out;
}

std::vector<Candidate> followed_cases(const GlobalOptions& g, const std::string& prefix) {
    auto archive = Archive::open(archive_path(g), Database::Mode::read_only);
    return archive ? followed_cases(**archive, prefix) : std::vector<Candidate>{};
}

// Case numbers from the archive, the followed ones first, when there is one; completion never
// reports errors.
std::vector<Candidate> archived_cases(const GlobalOptions& g, const std::string& prefix) {
    auto archive = Archive::open(archive_path(g), Database::Mode::read_only);
    if (!archive) return {};
    std::vector<Candidate> out = followed_cases(**archive, prefix);
    auto st =
        (*archive)->db().prepare("SELECT key FROM cases WHERE key >= ? ORDER BY key LIMIT 200");
    if (!st) return out;
    const std::size_t followed = out.size();
    // A completion offers what it can: an archive it cannot read offers no more case numbers.
    if (!(*st)->bind(1, upper(prefix)).each_row([&](const SqlStatement& row) {
            if (std::none_of(out.begin(), out.begin() + static_cast<long>(followed),
                             [&](const Candidate& c) { return c.value == row.text(0); }))
                out.push_back({row.text(0), ""});
        }))
        out.resize(followed);
    return out;
}

ValueSources sources_for(const GlobalOptions& g) {
    ValueSources s;
    s.bodies = [] {
        std::vector<Candidate> out;
        auto grammar = protocol_grammar();
        if (!grammar) return out;
        for (const Body& b : (*grammar)->bodies())
            if (b.abbreviation != "-" &&
                std::none_of(out.begin(), out.end(),
                             [&](const Candidate& c) { return c.value == b.abbreviation; }))
                out.push_back({b.abbreviation, b.name});
        return out;
    };
    s.parties = [] {
        std::vector<Candidate> out;
        auto grammar = protocol_grammar();
        if (!grammar) return out;
        for (const auto& [abbreviation, name] : (*grammar)->parties())
            out.push_back({abbreviation, name});
        return out;
    };
    s.cases = [&g](const std::string& prefix) { return archived_cases(g, prefix); };
    s.followed = [&g](const std::string& prefix) { return followed_cases(g, prefix); };
    return s;
}

}  // namespace

void setup_completion(CLI::App& app, const GlobalOptions& g, int& status) {
    auto shell = std::make_shared<std::string>();
    CLI::App* sub =
        app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
    sub->add_option("shell", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    sub->callback([shell, &status] {
        std::cout << completion_script(*shell);
        status = kOk;
    });

    CLI::App* complete_sub = app.add_subcommand("__complete", "");
    complete_sub->group("");  // hidden: the scripts' side of completion
    complete_sub->prefix_command();
    complete_sub->callback([complete_sub, &app, &g, &status] {
        const Completion c = complete(app, complete_sub->remaining(), sources_for(g));
        if (c.files)
            std::cout << "::files\n";
        else
            for (const Candidate& x : c.candidates)
                std::cout << x.value << (x.description.empty() ? "" : "\t" + x.description) << '\n';
        status = kOk;
    });
}

}  // namespace kraft::cli
