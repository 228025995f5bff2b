#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "util/text.hpp"

namespace kraft::cli {

std::size_t terminal_width() {
    winsize ws{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    if (const char* c = std::getenv("COLUMNS"); c && std::atoi(c) >= 20)
        return static_cast<std::size_t>(std::atoi(c));
    return 100;
}

std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    std::size_t used = 0;
    for (std::string w; in >> w;) {
        const std::size_t ww = text::display_width(w);
        if (!line.empty() && used + 1 + ww > width) {
            lines.push_back(line);
            line.clear();
            used = 0;
        }
        if (!line.empty()) {
            line += ' ';
            ++used;
        }
        line += w;
        used += ww;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string Style::highlight(const std::string& snippet) const {
    std::string out;
    for (char c : snippet) {
        if (c == '\x02')
            out += on ? "\x1b[1;33m" : "";
        else if (c == '\x03')
            out += on ? "\x1b[0m" : "";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

}  // namespace kraft::cli
