#include "util/table_file.hpp"

#include "util/file.hpp"
#include "util/utf8.hpp"

namespace kraft {

Result<TableFile> parse_table(std::string_view text, const std::string& name) {
    TableFile table{name, {}};
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!utf8::validate(line).valid) return fail(name, line_no, "invalid UTF-8");
        if (line.empty() || line.front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        TableRow row{line_no, {}};
        std::size_t f = 0;
        while (true) {
            const std::size_t tab = line.find('\t', f);
            row.fields.emplace_back(line.substr(f, tab == std::string_view::npos ? tab : tab - f));
            if (tab == std::string_view::npos) break;
            f = tab + 1;
        }
        table.rows.push_back(std::move(row));
        if (end == text.size()) break;
    }
    return table;
}

Result<TableFile> read_table(const std::string& path) {
    auto text = read_file(path);
    if (!text) return std::unexpected(text.error());
    return parse_table(*text, path);
}

}  // namespace kraft
