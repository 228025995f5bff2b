// One paragraph (§): title, own case numbers, sections, decision, statements, references,
// recipients and appendices.
#include <algorithm>
#include <map>

#include "model/case_numbers.hpp"
#include "segment/dates.hpp"
#include "segment/persons.hpp"
#include "segment/segment.hpp"
#include "segment/votes.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

struct Section {
    std::string kind = "none";  // none, summary, decision, proposal, basis, recipients, ...
    std::string heading;
    std::string to;  // proposal: the body proposed to
    std::vector<const Line*> lines;
};

struct Appendix {
    int number = 0;
    std::vector<const Line*> lines;
};

std::optional<std::string> section_kind(const std::string& plain, const Grammar& g,
                                        std::string& to) {
    auto found = g.first_of_kinds("section.", section_heading_text(plain));
    if (!found) return std::nullopt;
    to = std::string(found->second.group("to"));
    return found->first;
}

// A line in lower case right under a line whose sentence has not ended is that sentence's
// last word wrapped ("... förslag till" / "beslut" / "mot ..."), not a section heading.
bool continues_sentence(const std::vector<Line>& lines, std::size_t k) {
    if (k == 0 || lines[k - 1].blank || lines[k - 1].plain.empty()) return false;
    const char end = lines[k - 1].plain.back();
    if (end == '.' || end == ':' || end == ';' || end == '!' || end == '?') return false;
    const std::u32string head = text::to_u32(std::string_view(lines[k].plain).substr(0, 4));
    return !head.empty() && text::is_lower(head[0]);
}

// The case number a line consists of, possibly labelled ("Dnr KS 2024/12"), or "".
std::string case_only(const std::string& plain, const Grammar& g) {
    std::string s = plain;
    if (auto label = g.first("case_label", s)) {
        s = std::string(label->group("id"));
        if (s.empty()) return "";
    }
    if (auto m = g.first("case_number", s)) {
        const std::string id(m->group("id"));
        if (trim(s) == id) return id;
    }
    return "";
}

// Blocks of consecutive non-blank lines, each joined into one string.
std::vector<std::pair<std::string, int>> blocks(const std::vector<const Line*>& lines) {
    std::vector<std::pair<std::string, int>> out;
    std::vector<std::string_view> cur;
    int first = 0;
    for (const Line* l : lines) {
        if (l->blank) {
            if (!cur.empty()) out.emplace_back(join_lines(cur), first);
            cur.clear();
            continue;
        }
        if (cur.empty()) first = l->number;
        cur.push_back(l->plain);
    }
    if (!cur.empty()) out.emplace_back(join_lines(cur), first);
    return out;
}

// Sentences of a block: split after . ! ? followed by a space and a capital.
std::vector<std::string> sentences(const std::string& block) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 2 < block.size(); ++i) {
        if ((block[i] == '.' || block[i] == '!' || block[i] == '?') && block[i + 1] == ' ') {
            const std::u32string next = text::to_u32(std::string_view(block).substr(i + 2, 4));
            if (!next.empty() && text::is_upper(next[0])) {
                out.push_back(trim(std::string_view(block).substr(start, i + 1 - start)));
                start = i + 2;
            }
        }
    }
    const std::string last = trim(std::string_view(block).substr(start));
    if (!last.empty()) out.push_back(last);
    return out;
}

// "Kommunstyrelsens beslut" -> "Kommunstyrelsen": the body whose decision a heading names.
std::string body_of_heading(const std::string& heading, const Grammar& g) {
    auto m = g.first("decision_heading", heading);
    return m ? std::string(m->group("body")) : "";
}

// The decisions in running text: each sentence is one ("Lisa Berg entledigas …. Benny Karlsson
// utses …."), unless it only elaborates the one before ("Redovisning ska ske …"), and one sentence
// may hold several ("beslutar att godkänna … och att tillställa …").
std::vector<std::string> decision_sentences(const std::string& text, const Grammar& g) {
    std::vector<std::string> out;
    for (const std::string& sentence : sentences(text)) {
        if (g.matches("not_decision", sentence)) continue;
        if (!out.empty() && g.matches("decision_elaboration", sentence)) {
            out.back() += ' ' + sentence;
            continue;
        }
        const auto clauses = g.all("decision_clause", sentence);
        std::size_t from = 0;
        for (const PatternMatch& c : clauses) {
            // The next clause starts at the row's group "next" ("att tillställa …"), else after
            // the match.
            out.push_back(trim(std::string_view(sentence).substr(from, c.begin(sentence) - from)));
            from = c.has("next") ? c.begin_of("next", sentence) : c.end(sentence);
        }
        out.push_back(trim(std::string_view(sentence).substr(from)));
    }
    std::erase_if(out, [](const std::string& p) { return p.empty(); });
    return out;
}

// The decision's opening line ("Kommunstyrelsen beslutar", "… föreslår kommunfullmäktige"), read
// into d; returns the lines after it.
std::vector<const Line*> read_decision_intro(const Section& s, const Grammar& g, Decision& d) {
    std::vector<const Line*> rest;
    bool intro_seen = false;
    for (const Line* l : s.lines) {
        if (!intro_seen && !l->blank) {
            intro_seen = true;
            if (auto m = g.first("decision_proposes", l->plain)) {
                d.by = trim(m->group("by"));
                d.kind = DecisionKind::proposes;
                d.to = text::upper_first(trim(m->group("to")));
                continue;
            }
            if (auto m = g.first("decision_decides", l->plain)) {
                d.by = trim(m->group("by"));
                if (s.kind != "proposal") d.kind = DecisionKind::decides;
                continue;
            }
        }
        rest.push_back(l);
    }
    return rest;
}

// A decision's points as their lines: numbered, else "att" bullets, else one per block of lines.
struct RawPoints {
    std::vector<std::vector<std::string_view>> lines;
    std::vector<bool> prose;  // per point: running text, not a numbered or "att" item
    // Per point: how many of its lines come before the colon that introduces what follows.
    std::vector<std::size_t> before_colon;

    void start(std::string_view first, bool is_prose) {
        lines.push_back({first});
        prose.push_back(is_prose);
        before_colon.push_back(SIZE_MAX);
    }
};

class PointReader {
  public:
    PointReader(const std::vector<const Line*>& rest, const Grammar& g) : g_(g) {
        numbered_ = std::any_of(rest.begin(), rest.end(), [&](const Line* l) {
            auto m = g.first("decision_point", l->plain);
            return m && m->has("num");
        });
    }
    void read(const Line* l);
    RawPoints& points() { return points_; }

  private:
    void read_blank(const Line* l);
    const Grammar& g_;
    bool numbered_ = false;
    RawPoints points_;
    bool open_ = false;
    // After a point that ends with a colon ("… med följande ändringar:"), the unnumbered text
    // that follows is what it introduces, not points of its own.
    bool introduced_ = false;
    const Line* prev_line_ = nullptr;
};

void PointReader::read_blank(const Line* l) {
    // A numbered point may go on after a blank line only if its sentence has not ended.
    const auto& pts = points_.lines;
    const bool ended = pts.empty() || pts.back().empty() || pts.back().back().ends_with('.') ||
                       pts.back().back().ends_with(';') || pts.back().back().ends_with(':');
    if (!numbered_ || ended) open_ = false;
    prev_line_ = l;
}

void PointReader::read(const Line* l) {
    // "X (SD) avstår från att delta i beslutet" notes who took part; it is no decision point.
    if (!l->blank && g_.matches("not_statement", l->plain)) {
        open_ = false;
        return;
    }
    if (l->blank) return read_blank(l);
    auto m = g_.first("decision_point", l->plain);
    // An unbulleted "att ..." line continues a sentence wrapped before it ("... åtgärder för" /
    // "att uppnå ...") unless the line before ended one.
    const std::string_view prev = prev_line_ ? std::string_view(prev_line_->plain) : "";
    const bool after_break = !prev_line_ || prev_line_->blank || prev.ends_with(';') ||
                             prev.ends_with(':') || prev.ends_with('.') || prev.ends_with(',');
    const bool bulleted = l->plain.starts_with("-") || l->plain.starts_with("•") ||
                          l->plain.starts_with("–") || l->plain.starts_with("*");
    const bool starts = m && (numbered_ ? m->has("num") : (bulleted || after_break));
    const bool att_item = starts && !m->has("num");
    prev_line_ = l;
    auto& pts = points_.lines;
    if (introduced_ && !pts.empty() && !numbered_ && !att_item) {
        pts.back().push_back(l->plain);
    } else if (starts) {
        points_.start(m->group("text"), false);
        open_ = true;
    } else if (open_ && !pts.empty()) {
        pts.back().push_back(l->plain);
    } else if (!numbered_) {
        points_.start(l->plain, true);
        open_ = true;
    }
    if (!numbered_ && !pts.empty() && l->plain.ends_with(':') && !introduced_) {
        introduced_ = true;
        points_.before_colon.back() = pts.back().size();
    }
}

// The points' texts: an item as it is; running text as its sentences up to the introducing
// colon, the last of them with all that the colon introduces.
std::vector<std::string> point_texts(const RawPoints& raw, const Grammar& g) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < raw.lines.size(); ++i) {
        const auto& lines = raw.lines[i];
        if (!raw.prose[i]) {
            if (std::string text = join_lines(lines); !text.empty()) out.push_back(std::move(text));
            continue;
        }
        const auto head = static_cast<long>(std::min(raw.before_colon[i], lines.size()));
        std::vector<std::string> ones =
            decision_sentences(join_lines({lines.begin(), lines.begin() + head}), g);
        const std::string tail = join_lines({lines.begin() + head, lines.end()});
        if (!tail.empty()) {
            if (ones.empty()) ones.emplace_back();
            ones.back() = join_lines({ones.back(), tail});
        }
        for (std::string& one : ones) out.push_back(std::move(one));
    }
    return out;
}

Decision parse_decision(const Section& s, const Grammar& g,
                        const std::optional<std::string>& body) {
    Decision d;
    d.by = body.value_or("");
    if (s.kind == "proposal") {
        d.kind = DecisionKind::proposes;
        if (!s.to.empty()) d.to = text::upper_first(s.to);
    } else if (auto who = body_of_heading(s.heading, g); !who.empty()) {
        d.by = who;
    }
    const std::vector<const Line*> rest = read_decision_intro(s, g, d);
    PointReader reader(rest, g);
    for (const Line* l : rest) reader.read(l);
    d.points = point_texts(reader.points(), g);
    if (d.kind == DecisionKind::decides && !d.points.empty())
        if (auto m = g.first("proposes_inline", d.points.front())) {
            d.kind = DecisionKind::proposes;
            d.to = text::upper_first(m->group("to"));
        }
    return d;
}

// Whether the section has text and its last line is blank: a heading stands after a blank line.
bool after_blank(const Section& s) {
    const bool has_text =
        std::any_of(s.lines.begin(), s.lines.end(), [](const Line* l) { return !l->blank; });
    return has_text && s.lines.back()->blank;
}

// A short line that reads as a heading: a capital, at most four words, no sentence punctuation at
// its end, and nothing the decision grammar reads as a point or a decider.
bool unnamed_heading(const std::string& plain, const Grammar& g) {
    if (plain.size() > 40 || plain.empty()) return false;
    if (std::count(plain.begin(), plain.end(), ' ') > 3) return false;
    const std::u32string u = text::to_u32(plain);
    if (!text::is_upper(u.front()) || !text::is_alpha(u.back())) return false;
    return !g.matches("decision_point", plain) && !g.matches("decision_decides", plain) &&
           !g.matches("decision_proposes", plain) && find_persons(plain, g).empty();
}

void add_statement(std::vector<Statement>& out, Statement s) {
    for (Statement& o : out) {
        if (o.kind != s.kind) continue;
        const bool same_people =
            std::any_of(s.persons.begin(), s.persons.end(), [&](const Person& p) {
                return std::any_of(o.persons.begin(), o.persons.end(),
                                   [&](const Person& q) { return q.name == p.name; });
            });
        if (!same_people) continue;
        add_unique(o.persons, s.persons);
        add_unique(o.parties, s.parties);
        if (!o.appendix) o.appendix = s.appendix;
        o.text += ' ' + s.text;
        return;
    }
    out.push_back(std::move(s));
}

void statements_from(const Section& s, const Grammar& g, std::vector<Statement>& out) {
    const std::string heading = text::lower(s.heading);
    for (const auto& [block, line] : blocks(s.lines)) {
        for (const std::string& sentence : sentences(block)) {
            if (g.matches("not_statement", sentence)) continue;
            const auto persons = find_persons(sentence, g);
            std::optional<int> appendix;
            if (auto m = g.first("statement_appendix", sentence))
                appendix = parse_int(m->group("num"));
            std::vector<StatementKind> kinds;
            if (g.matches("protocol_note", sentence)) kinds.push_back(StatementKind::protocol_note);
            if (g.matches("special_statement", sentence))
                kinds.push_back(StatementKind::special_statement);
            if (g.matches("reservation", sentence)) kinds.push_back(StatementKind::reservation);
            if (kinds.empty() && !persons.empty() && s.kind == "statements" &&
                !g.matches("mentions_motion", sentence)) {
                // A list of names under a "Reservation" / "Särskilt yttrande" heading.
                if (g.matches("protocol_note", heading))
                    kinds.push_back(StatementKind::protocol_note);
                else if (g.matches("special_statement", heading))
                    kinds.push_back(StatementKind::special_statement);
                else if (g.matches("reservation", heading))
                    kinds.push_back(StatementKind::reservation);
            }
            // "Ledamöterna från M, D och SD reserverar sig": parties without persons.
            const std::vector<std::string> group =
                persons.empty() ? find_party_list(sentence, g) : std::vector<std::string>{};
            for (StatementKind k : kinds) {
                if (persons.empty() && group.empty()) {
                    // "Det särskilda yttrandet intas som bilaga 12": the appendix of the last one.
                    auto it = std::find_if(out.rbegin(), out.rend(),
                                           [&](const Statement& o) { return o.kind == k; });
                    if (it != out.rend() && appendix && !it->appendix) it->appendix = appendix;
                    continue;
                }
                Statement st;
                st.kind = k;
                st.persons = persons;
                for (const Person& p : persons) add_unique(st.parties, {p.party});
                add_unique(st.parties, group);
                add_unique(st.parties, find_parties(sentence, g));
                st.appendix = appendix;
                st.text = sentence;
                st.line = line;
                add_statement(out, std::move(st));
            }
        }
    }
}

void attach_appendix(const Appendix& a, const Grammar& g, std::vector<Statement>& out) {
    std::vector<std::string> content;
    for (const Line* l : a.lines)
        if (!l->blank) content.push_back(l->plain);
    attach_appendix_text(a.number, content, a.lines.empty() ? 0 : a.lines.front()->number, g, out);
}

// Items of a Beslutsunderlag list: a bulleted list keeps unbulleted lines with the item above,
// unless such a line cites a decision of its own (the OCR may have lost its bullet); any list
// keeps a line that is plainly the rest of the one above.
std::vector<std::pair<std::string, int>> basis_items(const std::vector<const Line*>& lines,
                                                     const Grammar& g) {
    const auto bullet = [](const std::string& s) {
        return s.starts_with("- ") || s.starts_with("• ") || s.starts_with("* ") ||
               s.starts_with("– ") || s.starts_with("e ") || s.starts_with("o ") ||
               s.starts_with("¢ ") || s == "•";
    };
    std::size_t bullets = 0, nonblank = 0;
    for (const Line* l : lines) {
        if (l->blank) continue;
        ++nonblank;
        bullets += bullet(l->plain);
    }
    const bool bulleted = bullets * 2 >= nonblank && bullets > 0;
    std::vector<std::pair<std::vector<std::string_view>, int>> items;
    for (const Line* l : lines) {
        if (l->blank) continue;
        std::string_view s = l->plain;
        const bool b = bullet(l->plain);
        if (b)
            s.remove_prefix(std::min(
                s.size(), s.find(' ') == std::string_view::npos ? s.size() : s.find(' ') + 1));
        // An unbulleted line that starts in lower case or with a bracket goes on with the item
        // above, wrapped at the margin ("... med reservation" / "(M) och (SD)").
        const std::u32string head = text::to_u32(s.substr(0, 4));
        const bool wrapped = !b && !head.empty() && (head[0] == U'(' || text::is_lower(head[0]));
        if (items.empty() || ((!bulleted || b || g.matches("reference", s)) && !wrapped))
            items.push_back({{s}, l->number});
        else
            items.back().first.push_back(s);
    }
    std::vector<std::pair<std::string, int>> out;
    for (const auto& [parts, line] : items) out.emplace_back(join_lines(parts), line);
    return out;
}

// The sentence a reference stands in, or, when the sentence is long (an OCR'd page without full
// stops can be one "sentence"), the reference and what follows it up to the next one, at most
// kExcerptBytes: keeping the whole sentence for each of n references costs O(n²).
constexpr std::size_t kExcerptBytes = 400;
std::string excerpt(const std::string& s, std::size_t begin, std::size_t end) {
    if (s.size() <= kExcerptBytes) return s;
    end = std::min(end, begin + kExcerptBytes);
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return trim(std::string_view(s).substr(begin, end - begin));
}

std::vector<Reference> references_in(const std::string& s, int line, const Grammar& g) {
    std::vector<Reference> out;
    const auto matches = g.all("reference", s);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const PatternMatch& m = matches[i];
        Reference r;
        r.body = trim(m.group("body"));
        // "Beslut fritidsnämnden 250619 § 91": the word before the body is not part of it.
        if (auto lead = g.first("reference_lead", r.body);
            lead && lead->begin(r.body) == 0 && r.body.size() > lead->whole().size() + 2)
            r.body = r.body.substr(lead->whole().size());
        r.body_name = resolve_body(r.body, g);
        r.paragraph = parse_int(m.group("num"));
        if (m.has("date6"))
            r.date = date_from_yymmdd(m.group("date6"));
        else if (m.has("isodate"))
            r.date = iso_date(m.group("isodate"));
        else if (m.has("day"))
            r.date = date_from_words(m.group("day"), m.group("month"), m.group("year"));
        // What follows, up to the next reference, says what happened there.
        const std::size_t from = m.end(s);
        const std::size_t to = i + 1 < matches.size() ? matches[i + 1].begin(s) : s.size();
        const std::string_view tail = std::string_view(s).substr(from, to - from);
        if (auto res = g.first("reference_reservation", tail))
            r.reservation_parties = find_parties(res->group("parties"), g);
        if (auto st = g.first("reference_statement", tail))
            r.statement_parties = find_parties(st->group("parties"), g);
        if (auto c = g.first("case_number", tail))
            r.case_number = normalize_case_number(c->group("id"));
        if (r.case_number && r.case_number->empty()) r.case_number.reset();
        r.text = excerpt(s, m.begin(s), to);
        r.line = line;
        out.push_back(std::move(r));
    }
    return out;
}

void add_reference(std::vector<Reference>& to, Reference r) {
    for (Reference& o : to) {
        if (o.paragraph == r.paragraph && o.date == r.date && o.body_name == r.body_name) {
            add_unique(o.reservation_parties, r.reservation_parties);
            add_unique(o.statement_parties, r.statement_parties);
            if (!o.case_number) o.case_number = r.case_number;
            return;
        }
    }
    to.push_back(std::move(r));
}

// Reads a paragraph's parts from its lines: heading and title, sections, appendices, and the
// text, one line at a time.
class ParagraphParser {
  public:
    ParagraphParser(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                    const Grammar& g, Paragraph& p)
        : lines_(lines), begin_(begin), end_(end), g_(g), p_(p), sections_(1) {}

    // The title and the paragraph's own case numbers; returns the first line after them.
    std::size_t read_title(const HeadingLine& heading);
    // Sections, appendices and the paragraph's text, from line k on.
    void read_sections(std::size_t k);
    const std::vector<Section>& sections() const { return sections_; }
    std::vector<Appendix>& appendices() { return appendices_; }
    // The paragraph's text: its lines without page furniture, one blank line between blocks.
    std::string text() const;
    // The same lines joined into running text (words split across lines rejoined).
    std::string joined() const { return join_lines(text_parts_); }

  private:
    std::size_t read_title_lines(std::string& title, std::size_t k);
    bool page_ends_before_text(std::size_t from) const;
    bool starts_trailing_document(std::size_t k) const;
    void read_section_line(std::size_t k);

    const std::vector<Line>& lines_;
    std::size_t begin_, end_;
    const Grammar& g_;
    Paragraph& p_;
    std::vector<Section> sections_;
    std::vector<Appendix> appendices_;
    bool trailing_ = false;  // a document after the appendices (e.g. the tjänsteskrivelse)
    std::vector<std::string_view> text_parts_;
};

// A page may end right after the heading: the blank lines of the page's foot and of the next
// page's top are margins, not a gap between the heading and its title.
bool ParagraphParser::page_ends_before_text(std::size_t from) const {
    for (std::size_t i = from; i < end_ && (lines_[i].blank || lines_[i].furniture); ++i)
        if (lines_[i].page_break) return true;
    return false;
}

std::size_t ParagraphParser::read_title(const HeadingLine& heading) {
    std::string title;
    if (std::string c = case_only(heading.rest, g_); !c.empty()) {
        p_.case_numbers.push_back(c);
    } else if (auto label = g_.first("case_label", heading.rest); label && label->has("id")) {
        if (auto m = g_.first("case_number", label->group("id")))
            p_.case_numbers.emplace_back(m->group("id"));
    } else {
        title = heading.rest;
    }
    std::size_t k = read_title_lines(title, begin_ + 1);
    // A case number may follow the title after a blank line.
    for (std::size_t look = k, seen = 0; look < end_ && seen < 3; ++look) {
        const Line& l = lines_[look];
        if (l.blank || l.furniture) continue;
        ++seen;
        std::string c = case_only(l.plain, g_);
        if (c.empty()) break;
        p_.case_numbers.push_back(c);
        k = look + 1;
    }
    p_.title = title;
    return k;
}

// The title's lines after the heading (up to three), and case numbers standing among them.
std::size_t ParagraphParser::read_title_lines(std::string& title, std::size_t k) {
    int title_lines = title.empty() ? 0 : 1, blanks = 0;
    bool page_top = false;
    std::string to_ignored;
    for (; k < end_; ++k) {
        const Line& l = lines_[k];
        page_top = page_top || l.page_break;
        if (l.furniture) continue;
        if (l.blank) {
            if (!title.empty()) break;
            if (page_top || page_ends_before_text(k)) continue;
            if (++blanks > 2) break;
            continue;
        }
        page_top = false;
        if (std::string c = case_only(l.plain, g_); !c.empty()) {
            p_.case_numbers.push_back(c);
            continue;
        }
        if (section_kind(l.plain, g_, to_ignored) || g_.matches("appendix", l.plain)) break;
        if (title.empty()) {
            title = l.plain;
            title_lines = 1;
            continue;
        }
        const bool continues =
            title.back() != '.' && title.back() != ':' && !l.plain.ends_with('.') &&
            !g_.matches("decision_decides", l.plain) && !g_.matches("decision_proposes", l.plain) &&
            title_lines < 3 && title.size() + l.plain.size() < 250;
        if (!continues) break;
        title = join_lines({title, l.plain});
        ++title_lines;
    }
    return k;
}

void ParagraphParser::read_sections(std::size_t k) {
    text_parts_ = {lines_[begin_].plain};
    for (; k < end_; ++k) {
        const Line& l = lines_[k];
        if (l.furniture) continue;
        // One blank line between blocks, however many the page's margins or a page break left.
        if (!(l.blank && !text_parts_.empty() && text_parts_.back().empty()))
            text_parts_.push_back(l.plain);
        if (!trailing_) read_section_line(k);
    }
}

// An appendix's text that runs into a line of case numbers is followed by another document.
bool ParagraphParser::starts_trailing_document(std::size_t k) const {
    const Line& l = lines_[k];
    if (l.blank || appendices_.back().lines.size() < 3) return false;
    std::size_t n = k + 1;
    while (n < end_ && (lines_[n].blank || lines_[n].furniture)) ++n;
    return n < end_ && n == k + 1 && !case_only(lines_[n].plain, g_).empty() &&
           case_only(l.plain, g_).empty();
}

void ParagraphParser::read_section_line(std::size_t k) {
    const Line& l = lines_[k];
    if (auto m = g_.first("appendix", l.plain)) {
        if (auto n = parse_int(m->group("num"))) appendices_.push_back({*n, {}});
        return;
    }
    if (!appendices_.empty()) {
        if (starts_trailing_document(k))
            trailing_ = true;
        else
            appendices_.back().lines.push_back(&l);
        return;
    }
    std::string to;
    if (auto kind = section_kind(l.plain, g_, to); kind && !continues_sentence(lines_, k)) {
        sections_.push_back({*kind, l.plain, to, {}});
        if (!sections_.back().heading.empty() && sections_.back().heading.back() == ':')
            sections_.back().heading.pop_back();
        return;
    }
    // A heading the grammar has no word for ("Delegationsbeslut" under the decision) ends the
    // decision: what follows is a list or text of its own, not decision points.
    const Section& last = sections_.back();
    if ((last.kind == "decision" || last.kind == "proposal") && after_blank(last) &&
        unnamed_heading(l.plain, g_)) {
        sections_.push_back({"other", l.plain, "", {}});
        return;
    }
    sections_.back().lines.push_back(&l);
}

std::string ParagraphParser::text() const {
    std::string t;
    for (std::string_view s : text_parts_) {
        if (!t.empty()) t += '\n';
        t += s;
    }
    return t;
}

// What each section says: the summary, the decision, statements, motions, references, recipients.
void read_section(const Section& s, const Grammar& g, const std::optional<std::string>& body,
                  Paragraph& p) {
    if (s.kind == "summary" && p.summary.empty()) {
        std::vector<std::string_view> parts;
        for (const Line* l : s.lines) parts.push_back(l->plain);
        p.summary = join_lines(parts);
    }
    if ((s.kind == "decision" || s.kind == "proposal") && !p.decision) {
        Decision d = parse_decision(s, g, body);
        if (!d.points.empty()) p.decision = std::move(d);
    }
    if (s.kind == "none" || s.kind == "decision" || s.kind == "proposal" ||
        s.kind == "decision_process" || s.kind == "motions" || s.kind == "statements" ||
        s.kind == "vote" || s.kind == "jav" || s.kind == "separator")
        statements_from(s, g, p.statements);
    if (s.kind == "decision_process" || s.kind == "motions")
        for (const auto& [block, line] : blocks(s.lines))
            for (const std::string& sentence : sentences(block))
                if (g.matches("motion", sentence))
                    p.motions.push_back({find_persons(sentence, g), sentence});
    if (s.kind == "basis") {
        for (const auto& [item, line] : basis_items(s.lines, g))
            for (Reference& r : references_in(item, line, g))
                add_reference(p.references, std::move(r));
    } else if (s.kind != "recipients") {
        for (const auto& [block, line] : blocks(s.lines))
            for (const std::string& sentence : sentences(block))
                for (Reference& r : references_in(sentence, line, g))
                    add_reference(p.references, std::move(r));
    }
    if (s.kind == "recipients")
        for (const Line* l : s.lines) {
            if (l->blank) continue;
            std::string r = l->plain;
            for (const char* b : {"- ", "• ", "* ", "– "})
                if (r.starts_with(b))
                    r = trim(std::string_view(r).substr(std::string_view(b).size()));
            if (!r.empty()) p.recipients.push_back(r);
        }
}

// A decision without a decision heading: one passive sentence right after the title
// ("Informationen noteras."), else the first "X beslutar" line and what follows.
std::optional<Decision> unheaded_decision(const std::vector<Section>& sections, const Grammar& g,
                                          const std::optional<std::string>& body) {
    const auto first = blocks(sections.front().lines);
    if (!first.empty()) {
        const auto first_sentences = sentences(first.front().first);
        if (!first_sentences.empty() && g.matches("decision_passive", first_sentences.front())) {
            Decision d;
            d.by = body.value_or("");
            d.points.push_back(first_sentences.front());
            return d;
        }
    }
    for (const Section& s : sections) {
        if (s.kind != "none" && s.kind != "decision_process") continue;
        for (std::size_t i = 0; i < s.lines.size(); ++i) {
            if (!g.matches("decision_decides", s.lines[i]->plain) &&
                !g.matches("decision_proposes", s.lines[i]->plain))
                continue;
            Section d{"decision", "", "", {s.lines.begin() + static_cast<long>(i), s.lines.end()}};
            Decision dec = parse_decision(d, g, body);
            if (!dec.points.empty()) return dec;
        }
    }
    return std::nullopt;
}

// An appendix whose statement is in another paragraph (appendices printed at the end of the
// protocol) is handed back to segment(), which attaches it there.
void place_appendices(std::vector<Appendix>& appendices, const Grammar& g, Paragraph& p,
                      std::vector<UnclaimedAppendix>* unclaimed) {
    for (Appendix& a : appendices) {
        const bool here = std::any_of(p.statements.begin(), p.statements.end(),
                                      [&](const Statement& s) { return s.appendix == a.number; });
        if (!here && unclaimed) {
            UnclaimedAppendix u{a.number, {}, a.lines.empty() ? 0 : a.lines.front()->number};
            for (const Line* l : a.lines) u.lines.push_back(l->plain);
            unclaimed->push_back(std::move(u));
            continue;
        }
        attach_appendix(a, g, p.statements);
    }
}

// Case numbers cited in the text, other than the paragraph's own ("(STK-" + "2023-137)" joined).
void find_cited_cases(const std::string& text, const Grammar& g, Paragraph& p) {
    std::vector<std::string> own;
    for (const auto& c : p.case_numbers) own.push_back(normalize_case_number(c));
    std::vector<std::string> cited_keys;
    for (const PatternMatch& m : g.all("case_number", text)) {
        const std::string id(m.group("id"));
        const std::string key = normalize_case_number(id);
        if (key.empty() || std::find(own.begin(), own.end(), key) != own.end() ||
            std::find(cited_keys.begin(), cited_keys.end(), key) != cited_keys.end())
            continue;
        cited_keys.push_back(key);
        p.cited_cases.push_back(id);
    }
}

}  // namespace

bool attach_appendix_text(int number, const std::vector<std::string>& content, int first_line,
                          const Grammar& g, std::vector<Statement>& out) {
    if (content.empty()) return false;
    // Signers stand in the last lines; "Med instämmande av" joins the one after it.
    std::vector<Person> signers;
    const std::size_t from = content.size() > 8 ? content.size() - 8 : 0;
    for (std::size_t i = from; i < content.size(); ++i)
        add_unique(signers, find_persons(content[i], g));
    std::vector<std::string_view> parts(content.begin(), content.end());
    const std::string body = join_lines(parts);

    auto it = std::find_if(out.begin(), out.end(),
                           [&](const Statement& s) { return s.appendix == number; });
    if (it == out.end()) {
        // An appendix titled as a statement, announced without its number.
        std::optional<StatementKind> kind;
        for (std::size_t i = 0; i < std::min<std::size_t>(content.size(), 3) && !kind; ++i) {
            const std::string& h = content[i];
            if (h.size() > 40) continue;
            if (g.matches("special_statement", h))
                kind = StatementKind::special_statement;
            else if (g.matches("protocol_note", h))
                kind = StatementKind::protocol_note;
            else if (g.matches("reservation", h))
                kind = StatementKind::reservation;
        }
        if (!kind) return false;
        it = std::find_if(out.begin(), out.end(),
                          [&](const Statement& s) { return s.kind == *kind && !s.appendix; });
        if (it == out.end()) {
            if (signers.empty()) return false;
            Statement st;
            st.kind = *kind;
            st.line = first_line;
            out.push_back(st);
            it = out.end() - 1;
        }
        it->appendix = number;
    }
    add_unique(it->persons, signers);
    for (const Person& p : signers) add_unique(it->parties, {p.party});
    it->text += (it->text.empty() ? "" : "\n\n") + body;
    return true;
}

Paragraph parse_paragraph(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                          const HeadingLine& heading, const Grammar& g,
                          const std::optional<std::string>& body,
                          std::vector<UnclaimedAppendix>* unclaimed) {
    Paragraph p;
    p.number = heading.number;
    p.line_begin = lines[begin].number;
    p.line_end = p.line_begin;
    for (std::size_t k = begin; k < end; ++k)
        if (!lines[k].blank && !lines[k].furniture) p.line_end = lines[k].number;
    ParagraphParser parser(lines, begin, end, g, p);
    parser.read_sections(parser.read_title(heading));
    p.text = parser.text();
    std::vector<const Line*> all;
    for (const Section& s : parser.sections())
        all.insert(all.end(), s.lines.begin(), s.lines.end());
    p.vote = find_vote(all, g);
    for (const Section& s : parser.sections()) read_section(s, g, body, p);
    if (!p.decision) p.decision = unheaded_decision(parser.sections(), g, body);
    place_appendices(parser.appendices(), g, p, unclaimed);
    find_cited_cases(parser.joined(), g, p);
    return p;
}

}  // namespace kraft
