// Snippets for search hits: a window of the entry's text around the words the query found, with
// those words between "\x02" and "\x03". Computed here rather than by FTS5's snippet(), which
// re-reads the hit from the index and runs the stemmer over every word of the entry: for a page
// of 20 hits that was most of a search's time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kraft {

class SnippetMaker {
  public:
    // The query's plain words; `exact`: only the same lower-case spelling counts. A word ending in
    // "*" is a prefix.
    SnippetMaker(const std::vector<std::string>& words, bool exact);

    // The words of an FTS5 expression ("särskilt yttrande" OR nämnd* NOT budget): its phrases'
    // and terms' words and prefixes, without operators and without what NOT excludes.
    static SnippetMaker for_expression(const std::string& expression);

    // About `width` words of text around the densest run of matches (the start of the text when
    // none matches), with "…" where the window cuts the text.
    std::string make(std::string_view text, std::size_t width = 14) const;

  private:
    bool matches(std::string_view word) const;
    struct Term {
        std::string lower, folded, stem;
        bool prefix = false;
    };
    std::vector<Term> terms_;
    bool exact_;
};

}  // namespace kraft
