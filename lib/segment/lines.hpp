// Lines of a protocol as the segmenter sees them: trimmed, Markdown decoration removed, table bars
// turned into spaces, and page furniture (headers, footers, signatures) marked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segment/grammar.hpp"

namespace kraft {

struct Line {
    int number = 0;        // 1-based
    std::string_view raw;  // as in the text, without the newline
    std::string plain;     // trimmed, "## **§ 61**" -> "§ 61", "| a | b |" -> "a b"
    bool blank = false;
    bool furniture = false;  // page header/footer/signature: not part of any paragraph's text
    bool page_break = false;
    bool table = false;  // a Markdown table row
};

std::vector<Line> split_lines(std::string_view text, const Grammar& g);

// Joins lines into running text: one space between lines, a hyphen at a line end before a digit
// joined directly ("(STK-" + "2024-1374)").
std::string join_lines(const std::vector<std::string_view>& parts);

std::string trim(std::string_view s);

// A line as a section heading is matched: without a trailing colon ("Beslut:" -> "Beslut").
std::string_view section_heading_text(std::string_view plain);

}  // namespace kraft
