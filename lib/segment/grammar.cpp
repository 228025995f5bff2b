#include "segment/grammar.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "util/file.hpp"
#include "util/table_file.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// Every pattern name the segmenter reads, with the groups it needs.
const std::map<std::string, std::vector<std::string>>& known_names() {
    static const std::map<std::string, std::vector<std::string>> names{
        {"furniture", {}},
        {"page_break", {}},
        {"toc_heading", {}},
        {"toc_entry", {}},
        {"paragraph", {"num"}},
        {"case_number", {"id"}},
        {"case_label", {}},
        {"appendix", {"num"}},
        {"decision_proposes", {"by", "to"}},
        {"decision_decides", {"by"}},
        {"proposes_inline", {"to"}},
        {"decision_point", {"text"}},
        {"reservation", {}},
        {"special_statement", {}},
        {"protocol_note", {}},
        {"not_statement", {}},
        {"statement_appendix", {"num"}},
        {"motion", {}},
        {"mentions_motion", {}},
        {"statement_join", {}},
        {"person", {"name", "party"}},
        {"person_bare", {"name", "party"}},
        {"party_list", {"parties"}},
        {"decision_passive", {}},
        {"decision_clause", {}},
        {"decision_heading", {"body"}},
        {"decision_elaboration", {}},
        {"not_decision", {}},
        {"body_name", {"name"}},
        {"body_genitive", {"name"}},
        {"reference", {"body", "num"}},
        {"reference_lead", {}},
        {"reference_reservation", {"parties"}},
        {"reference_statement", {"parties"}},
        {"meeting_date", {}},
        {"meeting_date_label", {}},
        {"meeting_date_text", {"day", "month", "year"}},
        {"meeting_signature", {"body", "isodate"}},
        {"meeting_place", {"value"}},
        {"meeting_justering", {"value"}},
        {"meeting_justerare", {"value"}},
        {"attendance_replaces", {"name"}},
        {"attendance_note", {"note"}},
        {"front_matter_date", {}},
        {"front_matter_body", {}},
        {"vote_count", {"n", "side"}},
    };
    return names;
}

const std::set<std::string> kPrefixed{"section.", "attendance."};

bool known(const std::string& name, std::vector<std::string>& required) {
    const auto it = known_names().find(name);
    if (it != known_names().end()) {
        required = it->second;
        return true;
    }
    required.clear();
    return std::any_of(kPrefixed.begin(), kPrefixed.end(), [&](const std::string& p) {
        return name.starts_with(p) && name.size() > p.size();
    });
}

}  // namespace

std::string_view PatternMatch::group(const std::string& name) const {
    if (!names_) return {};
    const auto it = names_->find(name);
    if (it == names_->end() || static_cast<std::size_t>(it->second) >= groups_.size()) return {};
    return groups_[static_cast<std::size_t>(it->second)];
}

Result<std::shared_ptr<const Grammar>> Grammar::from_text(std::string_view protocol_tsv,
                                                          std::string_view bodies_tsv,
                                                          std::string_view parties_tsv,
                                                          const std::string& name,
                                                          const std::set<std::string>& only) {
    auto g = std::make_shared<Grammar>();
    g->file_ = name;
    const std::string dir = name.substr(0, name.rfind('/') + 1);
    auto table = parse_table(protocol_tsv, name);
    if (!table) return std::unexpected(table.error());
    for (const TableRow& r : table->rows) {
        if (r.fields.size() != 2)
            return std::unexpected(table->error_at(r, "expected: NAME TAB PATTERN"));
        std::vector<std::string> required;
        if (!known(r.fields[0], required))
            return std::unexpected(
                table->error_at(r, "unknown pattern name '" + r.fields[0] + "'"));
        if (!only.empty() && !only.count(r.fields[0])) {
            g->not_loaded_.insert(r.fields[0]);
            continue;
        }
        Pattern p{nullptr, r.line, r.fields[1]};
        if (!only.empty())
            g->unprepared_.insert(r.fields[0]);
        else if (auto ok = g->compile(p, r.fields[0], required); !ok)
            return std::unexpected(ok.error());
        g->patterns_[r.fields[0]].push_back(std::move(p));
    }
    if (!g->patterns_.count("paragraph") && !g->not_loaded_.count("paragraph"))
        return fail(name, 0, "no 'paragraph' pattern: nothing could start a paragraph");

    auto bodies = parse_table(bodies_tsv, dir + "bodies.tsv");
    if (!bodies) return std::unexpected(bodies.error());
    for (const TableRow& r : bodies->rows) {
        if (r.fields.size() != 2)
            return std::unexpected(bodies->error_at(r, "expected: ABBREVIATION TAB NAME"));
        g->bodies_.push_back({r.fields[0], r.fields[1]});
    }
    auto parties = parse_table(parties_tsv, dir + "parties.tsv");
    if (!parties) return std::unexpected(parties.error());
    for (const TableRow& r : parties->rows) {
        if (r.fields.size() != 3)
            return std::unexpected(parties->error_at(r, "expected: WRITTEN TAB STORED TAB NAME"));
        g->parties_[r.fields[0]] = r.fields[1];
        // The name of a stored abbreviation is the one on its own row ("S S Socialdemokraterna").
        if (r.fields[0] == r.fields[1]) g->party_names_[r.fields[1]] = r.fields[2];
    }
    return std::shared_ptr<const Grammar>(std::move(g));
}

Result<std::shared_ptr<const Grammar>> Grammar::load(const std::string& dir,
                                                     const std::set<std::string>& only) {
    std::string texts[3];
    const char* files[3] = {"/protocol.tsv", "/bodies.tsv", "/parties.tsv"};
    for (int i = 0; i < 3; ++i) {
        auto t = read_file(dir + files[i]);
        if (!t) return std::unexpected(t.error());
        texts[i] = std::move(*t);
    }
    return from_text(texts[0], texts[1], texts[2], dir + files[0], only);
}

Result<void> Grammar::compile(Pattern& p, const std::string& name,
                              const std::vector<std::string>& required) const {
    RE2::Options opts;
    opts.set_log_errors(false);
    auto re = std::make_shared<const RE2>(p.source, opts);
    if (!re->ok()) return fail(file_, p.line, "bad pattern: " + re->error());
    const auto& named = re->NamedCapturingGroups();
    for (const std::string& group : required)
        if (!named.count(group))
            return fail(file_, p.line,
                        "pattern '" + name + "' needs the group (?P<" + group + ">...)");
    p.re = std::move(re);
    return {};
}

Result<void> Grammar::prepare(const std::string& name) const {
    if (!unprepared_.count(name)) return {};
    std::vector<std::string> required;
    (void)known(name, required);  // checked by load()
    for (Pattern& p : patterns_.at(name))
        if (!p.re)
            if (auto ok = compile(p, name, required); !ok) return ok;
    unprepared_.erase(name);
    return {};
}

void Grammar::require_prepared(const std::string& name) const {
    if (!unprepared_.empty() && unprepared_.count(name))
        throw std::logic_error("grammar pattern '" + name + "' used before prepare()");
}

const std::vector<Pattern>* Grammar::alternatives(const std::string& name) const {
    require_prepared(name);
    const auto it = patterns_.find(name);
    if (it != patterns_.end()) return &it->second;
    if (not_loaded_.count(name))
        throw std::logic_error("grammar pattern '" + name + "' was not loaded");
    return nullptr;
}

std::optional<PatternMatch> Grammar::first_match(const std::vector<Pattern>& alts,
                                                 std::string_view s) {
    for (const Pattern& p : alts) {
        const int n = p.re->NumberOfCapturingGroups() + 1;
        std::vector<re2::StringPiece> sub(static_cast<std::size_t>(n));
        if (!p.re->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED,
                         sub.data(), n))
            continue;
        PatternMatch m;
        for (const auto& piece : sub)
            m.groups_.emplace_back(piece.data() ? piece.data() : s.data(), piece.size());
        m.names_ = &p.re->NamedCapturingGroups();
        return m;
    }
    return std::nullopt;
}

std::optional<PatternMatch> Grammar::first(const std::string& name, std::string_view s) const {
    const std::vector<Pattern>* alts = alternatives(name);
    if (!alts) return std::nullopt;
    return first_match(*alts, s);
}

std::optional<std::pair<std::string, PatternMatch>> Grammar::first_of_kinds(
    const std::string& prefix, std::string_view s) const {
    for (auto it = patterns_.lower_bound(prefix);
         it != patterns_.end() && it->first.starts_with(prefix); ++it) {
        require_prepared(it->first);
        if (auto m = first_match(it->second, s))
            return std::pair{it->first.substr(prefix.size()), std::move(*m)};
    }
    return std::nullopt;
}

bool Grammar::matches(const std::string& name, std::string_view s) const {
    const std::vector<Pattern>* alts = alternatives(name);
    if (!alts) return false;
    for (const Pattern& p : *alts)
        if (p.re->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED, nullptr,
                        0))
            return true;
    return false;
}

std::vector<PatternMatch> Grammar::all(const std::string& name, std::string_view s) const {
    std::vector<PatternMatch> out;
    const std::vector<Pattern>* alts = alternatives(name);
    if (!alts) return out;
    // The matches of earlier alternatives, as sorted non-overlapping [begin, end) spans: a later
    // alternative's match is kept only where it overlaps none (binary search: a line with
    // thousands of names stays linear-ish).
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (const Pattern& p : *alts) {
        const int n = p.re->NumberOfCapturingGroups() + 1;
        std::vector<re2::StringPiece> sub(static_cast<std::size_t>(n));
        const std::size_t before = out.size();
        std::size_t at = 0;
        while (at <= s.size() && p.re->Match(re2::StringPiece(s.data(), s.size()), at, s.size(),
                                             RE2::UNANCHORED, sub.data(), n)) {
            PatternMatch m;
            for (const auto& piece : sub)
                m.groups_.emplace_back(piece.data() ? piece.data() : s.data(), piece.size());
            m.names_ = &p.re->NamedCapturingGroups();
            const std::size_t b = m.begin(s), e = m.end(s);
            // The first earlier span that ends after b overlaps [b, e) if it begins before e.
            const auto next =
                std::upper_bound(taken.begin(), taken.end(), b,
                                 [](std::size_t x, const std::pair<std::size_t, std::size_t>& t) {
                                     return x < t.second;
                                 });
            const bool overlaps = next != taken.end() && next->first < e;
            if (!overlaps) out.push_back(std::move(m));
            at = e > b ? e : b + 1;
        }
        for (std::size_t i = before; i < out.size(); ++i)
            taken.emplace_back(out[i].begin(s), out[i].end(s));
        std::sort(taken.begin(), taken.end());
    }
    std::sort(out.begin(), out.end(), [&](const PatternMatch& a, const PatternMatch& b) {
        return a.begin(s) < b.begin(s);
    });
    return out;
}

std::vector<std::string> Grammar::kinds(const std::string& prefix) const {
    std::vector<std::string> out;
    for (const auto& [name, _] : patterns_)
        if (name.starts_with(prefix)) out.push_back(name.substr(prefix.size()));
    return out;
}

std::optional<std::string> Grammar::party(std::string_view written) const {
    const auto it = parties_.find(std::string(written));
    if (it == parties_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::pair<std::string, std::string>> Grammar::parties() const {
    std::map<std::string, std::string> stored;
    for (const auto& [written, abbreviation] : parties_) {
        const auto name = party_names_.find(abbreviation);
        stored.emplace(abbreviation, name == party_names_.end() ? "" : name->second);
    }
    return {stored.begin(), stored.end()};
}

std::optional<std::string> Grammar::body_for_abbreviation(std::string_view abbreviation) const {
    for (const Body& b : bodies_)
        if (b.abbreviation == abbreviation) return b.name;
    return std::nullopt;
}

std::optional<std::string> Grammar::abbreviation_for_body(std::string_view name) const {
    std::string n = text::lower(name);
    for (const Body& b : bodies_) {
        const std::string bn = text::lower(b.name);
        if (b.abbreviation != "-" &&
            (n == bn || n == bn + "s" || (n.ends_with("s") && n.substr(0, n.size() - 1) == bn)))
            return b.abbreviation;
    }
    return std::nullopt;
}

}  // namespace kraft
