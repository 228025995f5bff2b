#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/fts_tokenizer.hpp"

using kraft::index_forms;
using kraft::query_forms;

namespace {
bool has(const std::vector<std::string>& xs, const std::string& x) {
    return std::find(xs.begin(), xs.end(), x) != xs.end();
}
}  // namespace

TEST_CASE("a document word is indexed as written, folded and stemmed, only where they differ") {
    CHECK(index_forms("Nämnden") == std::vector<std::string>{"nämnden", "_namnden", "__namnd"});
    CHECK(index_forms("budget") == std::vector<std::string>{"budget"});
    CHECK(index_forms("ÅR") == std::vector<std::string>{"år", "_ar"});
}

TEST_CASE("a query word meets every document form: OCR spelling, accents, inflection") {
    const auto q = query_forms("namnden", false);  // an OCR leftover
    CHECK(has(q, "namnden"));
    CHECK(has(q, "_namnden"));  // finds "nämnden"
    CHECK(has(q, "__namnd"));   // finds "nämnder", "nämndens"
    CHECK(has(q, "_namnd"));    // finds "nämnd", whose stem is the word itself
    CHECK(has(query_forms("budgeten", false), "budget"));
}

TEST_CASE("prefix queries do not stem") {
    const auto q = query_forms("nämnd", true);
    CHECK(q == std::vector<std::string>{"nämnd", "namnd", "_namnd"});
}
