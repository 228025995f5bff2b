// Fuzzes what ingest does to a PDF's text after poppler: page furniture (the input split into
// pages at form feeds) and line-end hyphenation, on arbitrary bytes. Checks that hyphenation
// only moves text (the letters are kept, in order, less the hyphens it drops) and that the page
// furniture leaves the first page as it was. Never a crash or a hang.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/hyphenation.hpp"
#include "ingest/page_furniture.hpp"

namespace {

std::string without(const std::string& s, const std::string& drop) {
    std::string out;
    for (char c : s)
        if (drop.find(c) == std::string::npos) out += c;
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> pages;
    for (std::size_t begin = 0;;) {
        const std::size_t end = text.find('\f', begin);
        pages.push_back(text.substr(begin, end == std::string::npos ? end : end - begin));
        if (end == std::string::npos) break;
        begin = end + 1;
    }
    const std::string first = pages.front();
    kraft::remove_page_furniture(pages);
    if (pages.front() != first) std::abort();

    kraft::HyphenationRules rules;
    rules.shared_part_followers = {"och", "eller"};
    const auto is_word = [](const std::string& w) { return w.size() % 3 == 0; };
    const std::string joined = kraft::join_line_end_hyphens(text, rules, is_word);
    // Only blanks, line and page ends and hyphens (and soft hyphens' bytes) may go or move
    // across a page break; nothing is added but a hyphen where a soft one was.
    const std::string kept = " \t\n\f-\xc2\xad\xe2\x80\x90";
    if (without(joined, kept) != without(text, kept)) std::abort();
    return 0;
}
