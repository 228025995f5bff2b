// The protocol grammar: the RE2 patterns of grammars/protocol.tsv, the bodies of bodies.tsv and
// the parties of parties.tsv, loaded once and passed as const& to the segmenter.
//
//   auto g = Grammar::load(dir);        // errors: "DIR/protocol.tsv:12: bad pattern: ..."
//   if (auto m = g->first("paragraph", line)) auto n = parse_int(m->group("num"));
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace re2 {
class RE2;
}

namespace kraft {

struct Pattern {
    std::shared_ptr<const re2::RE2> re;  // null until compiled (see Grammar::prepare)
    int line = 0;                        // in protocol.tsv
    std::string source;
};

// One match of a pattern: the whole match and its named groups (empty when they did not take part).
class PatternMatch {
  public:
    std::string_view whole() const { return groups_[0]; }
    std::string_view group(const std::string& name) const;
    bool has(const std::string& name) const { return !group(name).empty(); }
    std::size_t begin(std::string_view subject) const {
        return static_cast<std::size_t>(groups_[0].data() - subject.data());
    }
    std::size_t end(std::string_view subject) const { return begin(subject) + groups_[0].size(); }
    // Where a group that took part starts in subject.
    std::size_t begin_of(const std::string& name, std::string_view subject) const {
        return static_cast<std::size_t>(group(name).data() - subject.data());
    }

  private:
    friend class Grammar;
    std::vector<std::string_view> groups_;
    const std::map<std::string, int>* names_ = nullptr;  // the pattern's, held by its RE2
};

struct Body {
    std::string abbreviation;  // "-" when none
    std::string name;
};

class Grammar {
  public:
    // Reads protocol.tsv, bodies.tsv and parties.tsv from dir. Errors name the file and line:
    // unknown pattern name, a pattern RE2 rejects, a required group missing, wrong field count.
    // With `only`, just the patterns of those names are kept, and compiled (and checked) by
    // prepare(name) when a command first needs them; the other rows are checked for their name
    // and fields. Asking for a row left out, or for one not yet prepared, is a programming error
    // (std::logic_error). Compiling every pattern costs ~45 ms, and the two case_number rows with
    // their Unicode letter classes 10 ms: most of the start of a search, which needs them only
    // for a query that looks like a case number.
    static Result<std::shared_ptr<const Grammar>> load(const std::string& dir,
                                                       const std::set<std::string>& only = {});
    // The same from text in memory (for tests and fuzzing); bodies and parties may be empty.
    static Result<std::shared_ptr<const Grammar>> from_text(std::string_view protocol_tsv,
                                                            std::string_view bodies_tsv,
                                                            std::string_view parties_tsv,
                                                            const std::string& name,
                                                            const std::set<std::string>& only = {});

    // Compiles the patterns of `name` if load() left them for later; does nothing otherwise (and
    // for a name the grammar does not have). Errors: as load()'s, naming the file and line.
    // Not to be called while another thread matches.
    Result<void> prepare(const std::string& name) const;

    // The first alternative of `name` that matches somewhere in `s` (or nullopt).
    std::optional<PatternMatch> first(const std::string& name, std::string_view s) const;
    // Every non-overlapping match of every alternative of `name`, in text order.
    std::vector<PatternMatch> all(const std::string& name, std::string_view s) const;
    // Whether any alternative of `name` matches somewhere in `s`, without extracting groups
    // (the segmenter asks this of every line, many times over).
    bool matches(const std::string& name, std::string_view s) const;
    // The kinds X that have rows named PREFIX.X (e.g. "section." -> summary, decision, ...).
    std::vector<std::string> kinds(const std::string& prefix) const;
    // The first kind X, in the order of kinds(prefix), whose row PREFIX.X matches somewhere in
    // `s`, with that match: first() over every kind without building the names (the segmenter
    // asks it of every line of every paragraph).
    std::optional<std::pair<std::string, PatternMatch>> first_of_kinds(const std::string& prefix,
                                                                       std::string_view s) const;

    // The stored abbreviation of a party as written ("5" -> "S"), or nullopt if not a party.
    std::optional<std::string> party(std::string_view written) const;
    // The full name for an abbreviation ("KF" -> "Kommunfullmäktige").
    std::optional<std::string> body_for_abbreviation(std::string_view abbreviation) const;
    // The abbreviation for a full name, matched case-insensitively ("kommunfullmäktiges" too).
    std::optional<std::string> abbreviation_for_body(std::string_view name) const;
    const std::vector<Body>& bodies() const { return bodies_; }
    // The abbreviations kraft stores for parties, each once, with the party's name.
    std::vector<std::pair<std::string, std::string>> parties() const;

  private:
    // Compiles p.source into p.re. Errors: RE2 rejects it, or it lacks
    // one of the `required` groups; both name the file and p.line.
    Result<void> compile(Pattern& p, const std::string& name,
                         const std::vector<std::string>& required) const;
    // The alternatives of `name`, or nullptr when the grammar has none.
    const std::vector<Pattern>* alternatives(const std::string& name) const;
    // Throws logic_error when `name` was kept uncompiled and not prepared.
    void require_prepared(const std::string& name) const;
    // The first of `alts` that matches somewhere in `s`, with its groups.
    static std::optional<PatternMatch> first_match(const std::vector<Pattern>& alts,
                                                   std::string_view s);

    // Compiled by prepare(), hence mutable: the patterns are, once compiled, what load() would
    // have made of them.
    mutable std::map<std::string, std::vector<Pattern>> patterns_;
    mutable std::set<std::string> unprepared_;  // kept by load(dir, only), not yet compiled
    std::set<std::string> not_loaded_;          // rows left out by load(dir, only)
    std::string file_;                          // protocol.tsv, for errors from prepare()
    std::vector<Body> bodies_;
    std::map<std::string, std::string> parties_;      // as written -> stored abbreviation
    std::map<std::string, std::string> party_names_;  // stored abbreviation -> name
};

}  // namespace kraft
