// Reading kraft's data files in grammars/: UTF-8 text, one record per line, fields separated by
// TAB, '#' starts a comment line, blank lines are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace kraft {

struct TableRow {
    int line = 0;  // 1-based line in the file, for error messages
    std::vector<std::string> fields;
};

struct TableFile {
    std::string path;
    std::vector<TableRow> rows;

    // An Error pointing at a row: "PATH:LINE: message".
    Error error_at(const TableRow& row, std::string message) const {
        return Error{path, row.line, 0, std::move(message)};
    }
};

// Parses text already in memory (name is used in errors). Errors: invalid UTF-8 (with line).
Result<TableFile> parse_table(std::string_view text, const std::string& name);

// Reads and parses a file. Errors: cannot read; as parse_table.
Result<TableFile> read_table(const std::string& path);

}  // namespace kraft
