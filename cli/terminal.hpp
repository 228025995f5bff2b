// Drawing for a terminal: width, word wrap by display columns (å/ä/ö are one column), styles that
// turn into nothing in a pipe or with NO_COLOR.
#pragma once

#include <string>
#include <vector>

namespace kraft::cli {

// Columns of the terminal on stdout; $COLUMNS or 100 when stdout is not a terminal.
std::size_t terminal_width();

// Greedy word wrap to `width` display columns; a word longer than a line stands alone.
std::vector<std::string> wrap(const std::string& text, std::size_t width);

struct Style {
    bool on = false;
    std::string bold(const std::string& s) const { return on ? "\x1b[1m" + s + "\x1b[0m" : s; }
    std::string dim(const std::string& s) const { return on ? "\x1b[2m" + s + "\x1b[0m" : s; }
    std::string color(int code, const std::string& s) const {
        return on ? "\x1b[" + std::to_string(code) + "m" + s + "\x1b[0m" : s;
    }
    // Snippets mark matches with \x02 ... \x03: bold on a terminal, plain in a pipe.
    std::string highlight(const std::string& snippet) const;
};

}  // namespace kraft::cli
