// One archived paragraph as a CSV row (RFC 4180: comma-separated, fields quoted when they hold a
// comma, quote or line break), the format of `kraft export --format csv` (man/kraft-export.1).
#pragma once

#include <ostream>

#include "query/paragraph_reader.hpp"

namespace kraft {

// The header row; written once, after the UTF-8 byte order mark that spreadsheets need to read
// å/ä/ö right.
void write_csv_header(std::ostream& out);

// Decision points are joined by line breaks; statements are summarised per kind as
// "Name (PARTY); (M, C)" so that a spreadsheet shows who reserved themselves.
void write_csv_row(std::ostream& out, const ShownParagraph& p);

// A field quoted as RFC 4180 requires.
std::string csv_field(std::string_view s);

}  // namespace kraft
