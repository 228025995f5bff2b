#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store/fts_tokenizer.hpp"

using kraft::index_forms;
using kraft::query_forms;

TEST_CASE("a document word is indexed as written, and under its key where that differs") {
    CHECK(index_forms("Nämnden") == std::vector<std::string>{"nämnden", "_namnd"});
    CHECK(index_forms("budgeten") == std::vector<std::string>{"budgeten", "_budget"});
    CHECK(index_forms("budget") == std::vector<std::string>{"budget"});
    CHECK(index_forms("ÅR") == std::vector<std::string>{"år", "_ar"});
}

TEST_CASE("a word's key does not depend on its accents") {
    for (const char* w : {"nämnden", "namnden", "NÄMNDEN", "nämnder", "nämnd", "namnd"})
        CHECK(kraft::word_key(w).stem == "namnd");
    CHECK(kraft::word_key("får").stem == kraft::word_key("far").stem);
    CHECK(kraft::word_key("får").lower != kraft::word_key("far").lower);
}

TEST_CASE("a query word reads two lists, which meet every form of the word") {
    // An OCR leftover: "_namnd" holds "nämnden", "nämnder", "namnden"; "namnd" the word "namnd"
    // itself, whose key is not indexed apart.
    CHECK(query_forms("namnden", false) == std::vector<std::string>{"namnd", "_namnd"});
    CHECK(query_forms("Nämnden", false) == std::vector<std::string>{"namnd", "_namnd"});
    CHECK(query_forms("budgeten", false) == std::vector<std::string>{"budget", "_budget"});
}

TEST_CASE("prefix queries match words and keys as typed and folded") {
    // "nämnd" is its own stem: every accented word starting with it has a key starting with
    // "namnd", so the accented spellings need no list of their own.
    CHECK(query_forms("nämnd", true) == std::vector<std::string>{"namnd", "_namnd"});
    // "nämnde" is not ("nämnd" + the suffix "e"): "nämndens" has the key "namnd", found only as
    // spelt.
    CHECK(query_forms("nämnde", true) == std::vector<std::string>{"nämnde", "namnde", "_namnde"});
    CHECK(query_forms("budg", true) == std::vector<std::string>{"budg", "_budg"});
}
