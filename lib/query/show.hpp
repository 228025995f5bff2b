// show: one paragraph in full, as archived — by case number, or by body, date and §.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/search.hpp"

namespace kraft {

struct ShownEdit {
    int line = 0, column = 0;
    std::string from, to, reason;
    double confidence = 0;
};

struct ShownParagraph {
    std::optional<std::string> date;
    std::string body;
    int number = 0;
    std::string title;
    std::string source;
    std::vector<std::string> case_numbers;
    std::string text;  // repaired, without page furniture
    std::optional<Decision> decision;
    std::vector<Statement> statements;
    std::vector<std::string> recipients;
    int line_begin = 0, line_end = 0;
    std::optional<std::string> original;  // the OCR text of those lines, when repair changed any
    std::vector<ShownEdit> edits;         // the edits within those lines
};

// `what` is a case number ("STK-2024-1374": all its paragraphs) or a body, a date and a §
// ("KF 2026-01-22 §8", "Kommunfullmäktige 2026-01-22 § 8"). Errors: neither form (usage).
QueryResult<std::vector<ShownParagraph>> show(Archive& archive, const std::string& what,
                                              const Grammar& g);

}  // namespace kraft
