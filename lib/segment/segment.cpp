#include "segment/segment.hpp"

#include <algorithm>

#include "segment/dates.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// The meeting's body from the text when no header names it: "Vid kommunstyrelsens sammanträde",
// the first decision's "Kommunstyrelsen beslutar", or a signature "Kommunstyrelsen 2026-01-07".
void infer_from_text(Protocol& p, const std::vector<Line>& lines, const Grammar& g) {
    std::optional<std::string> text_date;
    std::string latest_signature;
    for (const Line& l : lines) {
        if (auto m = g.first("meeting_date_text", l.plain)) {
            if (!text_date)
                text_date = date_from_words(m->group("day"), m->group("month"), m->group("year"));
            if (!p.meeting.body) {
                std::string b(m->group("body"));
                if (auto abbr = g.abbreviation_for_body(b))
                    p.meeting.body = g.body_for_abbreviation(*abbr), p.meeting.body_source = "text";
            }
        }
    }
    if (!p.meeting.body)
        for (const Paragraph& para : p.paragraphs)
            if (para.decision && !para.decision->by.empty()) {
                p.meeting.body = para.decision->by;
                p.meeting.body_source = "text";
                break;
            }
    if (!text_date && p.meeting.body) {
        // Signatures "Kommunfullmäktige 2026-01-22": the body's latest date (an appendix may
        // carry an older one).
        const std::string body = text::lower(*p.meeting.body);
        for (const Line& l : lines)
            if (auto m = g.first("meeting_signature", l.plain))
                if (text::lower(trim(m->group("body"))) == body)
                    if (auto d = iso_date(m->group("isodate")); d && *d > latest_signature)
                        latest_signature = *d;
        if (!latest_signature.empty()) text_date = latest_signature;
    }
    if (!p.meeting.date && text_date) p.meeting.date = text_date, p.meeting.date_source = "text";
}

// The page each paragraph starts on, where the text marks its pages with form feeds (a PDF's
// text, pdftotext's output): a form feed starts a page.
void number_pages(Protocol& p, const std::vector<Line>& lines) {
    std::vector<int> page_of_line(lines.size() + 2, 1);
    int page = 1;
    bool paged = false;
    for (const Line& l : lines) {
        if (l.raw.find('\f') != std::string_view::npos) {
            page += static_cast<int>(std::count(l.raw.begin(), l.raw.end(), '\f'));
            paged = true;
        }
        if (l.number > 0 && static_cast<std::size_t>(l.number) < page_of_line.size())
            page_of_line[static_cast<std::size_t>(l.number)] = page;
    }
    if (!paged) return;
    for (Paragraph& para : p.paragraphs)
        if (para.line_begin > 0 && static_cast<std::size_t>(para.line_begin) < page_of_line.size())
            para.page = page_of_line[static_cast<std::size_t>(para.line_begin)];
}

}  // namespace

std::string resolve_body(std::string_view written, const Grammar& g) {
    const std::string w = trim(written);
    if (auto name = g.body_for_abbreviation(w)) return *name;
    // The genitive ("socialnämndens beslut", "Kommunfullmäktiges") names the same body.
    const auto genitive = g.first("body_genitive", w);
    const std::string s = genitive ? std::string(genitive->group("name")) : w;
    for (const Body& b : g.bodies())
        if (text::lower(b.name) == text::lower(s)) return b.name;
    return text::upper_first(s);
}

Result<Protocol> segment(std::string_view text, const std::string& source, const Grammar& g,
                         const SegmentOptions& options) {
    if (text.find_first_not_of(" \t\n\f\r") == std::string_view::npos)
        return fail(source, 0, "empty file");
    const std::vector<Line> lines = split_lines(text, g);
    const std::vector<HeadingLine> headings = find_paragraph_headings(lines, g);
    if (headings.empty()) return fail(source, 0, "no paragraph (§) found: is this a protocol?");

    Protocol p;
    p.source = source;
    p.meeting = parse_meeting(lines, headings.front().line, g);
    if (!p.meeting.date && options.date)
        p.meeting.date = options.date, p.meeting.date_source = "option";
    if (!p.meeting.date && options.date_from_file_name)
        if (auto d = date_in_file_name(source))
            p.meeting.date = d, p.meeting.date_source = "filename";
    if (!p.meeting.body && options.body)
        p.meeting.body = options.body, p.meeting.body_source = "option";

    std::vector<std::vector<UnclaimedAppendix>> unclaimed(headings.size());
    for (std::size_t h = 0; h < headings.size(); ++h) {
        const std::size_t end = h + 1 < headings.size() ? headings[h + 1].line : lines.size();
        p.paragraphs.push_back(parse_paragraph(lines, headings[h].line, end, headings[h], g,
                                               p.meeting.body, &unclaimed[h]));
    }
    // Appendices printed after a later paragraph: to the closest earlier paragraph whose statement
    // names that appendix, else to the paragraph they follow.
    for (std::size_t h = 0; h < headings.size(); ++h)
        for (const UnclaimedAppendix& a : unclaimed[h]) {
            std::vector<std::string> content;
            for (const std::string& l : a.lines)
                if (!l.empty()) content.push_back(l);
            bool done = false;
            for (std::size_t k = h + 1; k-- > 0 && !done;) {
                auto& st = p.paragraphs[k].statements;
                if (std::any_of(st.begin(), st.end(),
                                [&](const Statement& s) { return s.appendix == a.number; }))
                    done = attach_appendix_text(a.number, content, a.first_line, g, st);
            }
            if (!done)
                attach_appendix_text(a.number, content, a.first_line, g,
                                     p.paragraphs[h].statements);
        }
    number_pages(p, lines);
    const bool had_body = p.meeting.body.has_value();
    infer_from_text(p, lines, g);
    if (!had_body && p.meeting.body)
        for (Paragraph& para : p.paragraphs)
            if (para.decision && para.decision->by.empty()) para.decision->by = *p.meeting.body;
    return p;
}

}  // namespace kraft
