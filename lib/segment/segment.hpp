// segment: protocol text (decoded, repaired) -> Protocol (meeting, paragraphs, decisions,
// statements, references), driven by the Grammar.
//
//   auto p = segment(text, "kf-2026-01-22.txt", *grammar, {});
//   if (!p) report(p.error());   // "kf.txt: no paragraph (§) found"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/protocol.hpp"
#include "segment/grammar.hpp"
#include "segment/lines.hpp"

namespace kraft {

struct SegmentOptions {
    std::optional<std::string> body;  // --body: used when the text names none
    std::optional<std::string> date;  // --date: used when the header has none
    bool date_from_file_name = true;  // a YYYY-MM-DD in the source's name counts after --date
};

// Errors: no paragraph (§) found; empty text.
Result<Protocol> segment(std::string_view text, const std::string& source, const Grammar& g,
                         const SegmentOptions& options);

// The parts, for tests.
struct HeadingLine {
    std::size_t line = 0;  // index into lines
    int number = 0;
    std::string rest;
};
std::vector<HeadingLine> find_paragraph_headings(const std::vector<Line>& lines, const Grammar& g);
// An appendix (bilaga) whose statement is not in the paragraph it was printed after.
struct UnclaimedAppendix {
    int number = 0;
    std::vector<std::string> lines;  // plain text, blank lines included
    int first_line = 0;
};
// Parses lines [begin, end). Appendices whose statement is elsewhere go to *unclaimed when given,
// else they are attached here as best they can.
Paragraph parse_paragraph(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                          const HeadingLine& heading, const Grammar& g,
                          const std::optional<std::string>& body,
                          std::vector<UnclaimedAppendix>* unclaimed = nullptr);
// Attaches an appendix's text (and its signers) to the statement that announced it, or to a
// statement of the kind its heading names. Returns false when none fits.
bool attach_appendix_text(int number, const std::vector<std::string>& lines, int first_line,
                          const Grammar& g, std::vector<Statement>& statements);
// A body's name as written -> its full name: "KF" -> "Kommunfullmäktige",
// "Arbetsmarknads- och socialnämndens" -> "Arbetsmarknads- och socialnämnden". Reads the grammar
// row body_genitive (prepared, when the grammar was loaded with only some rows).
std::string resolve_body(std::string_view written, const Grammar& g);
Meeting parse_meeting(const std::vector<Line>& lines, std::size_t header_end, const Grammar& g);

}  // namespace kraft
