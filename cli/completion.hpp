// Shell completion answered by the same CLI11 definition that parses the arguments, so the two
// cannot drift: the shell scripts (`kraft completion bash|zsh|fish`) only pass the words typed so
// far to `kraft __complete`, which walks the CLI11 tree and prints the candidates.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace kraft::cli {

struct Candidate {
    std::string value;
    std::string description;
};

// Where the values of an option or argument come from, beyond what CLI11 knows (a validator's
// set of members, e.g. --kind): chosen by the option's type name (BODY, PARTY, CASE, FOLLOWED,
// FILE, PATH).
struct ValueSources {
    std::function<std::vector<Candidate>()> bodies, parties;
    // CASE: the followed cases, then the archive's; FOLLOWED: the followed ones only.
    std::function<std::vector<Candidate>(const std::string&prefix)> cases, followed;
};

struct Completion {
    std::vector<Candidate> candidates;
    bool files = false;  // let the shell complete file names instead
};

// `words`: the words after the program name, the last being the one under the cursor (maybe "").
Completion complete(const CLI::App& root, const std::vector<std::string>& words,
                    const ValueSources& sources);

// The script for "bash", "zsh" or "fish" (empty for another shell).
std::string completion_script(const std::string& shell);

}  // namespace kraft::cli
