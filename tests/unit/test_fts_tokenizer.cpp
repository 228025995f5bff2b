#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "query/match_expression.hpp"
#include "store/database.hpp"
#include "store/fts_tokenizer.hpp"
#include "store/sqlite_database.hpp"
#include "test_support.hpp"

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

namespace {

using namespace kraft;

std::vector<std::string> sample_lines() {
    std::vector<std::string> lines;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(KRAFT_SOURCE_DIR) + "/samples")) {
        if (e.path().filename() == "README.md") continue;
        std::ifstream in(e.path());
        for (std::string line; std::getline(in, line);)
            if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
    }
    return lines;
}

// Every 37th word of the lines, as whole words and as prefixes of 2 to 6 characters' bytes.
std::vector<std::string> queries(const std::vector<std::string>& lines) {
    std::set<std::string> out{"nämnd*", "namnd*", "nämnde*", "beslut*", "för*", "f*", "år*"};
    std::size_t n = 0;
    for (const std::string& line : lines) {
        std::size_t pos = 0, begin = 0, end = 0;
        while (next_word(line, pos, begin, end)) {
            if (++n % 37) continue;
            const std::string w = line.substr(begin, end - begin);
            out.insert(w);
            for (std::size_t len : {2, 3, 4, 6})
                if (len < w.size() && (static_cast<unsigned char>(w[len]) & 0xC0) != 0x80)
                    out.insert(w.substr(0, len) + "*");
        }
    }
    return {out.begin(), out.end()};
}

}  // namespace

// text_has_any() decides from a row's text what FTS5 decides from the index: search trusts it for
// the newest rows of a dense prefix query. Checked against FTS5 itself over every line of the
// samples (clean and OCR'd: accented, unaccented and damaged words), for prefixes and words taken
// from those lines.
TEST_CASE("text_has_any matches a row exactly when FTS5 does") {
    using namespace kraft;
    const kraft::test::TempDir dir;
    const std::string path = dir / "archive.db";
    auto db = SqliteDatabase::open(path, Database::Mode::read_write);
    REQUIRE(db);
    REQUIRE(register_fts_tokenizer(**db));
    REQUIRE((*db)->exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kraft')"));
    const std::vector<std::string> lines = sample_lines();
    REQUIRE(lines.size() > 500);
    REQUIRE((*db)->exec("BEGIN"));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto ins = (*db)->prepare("INSERT INTO t(rowid, body) VALUES (?, ?)");
        REQUIRE(ins);
        REQUIRE((*ins)->bind(1, static_cast<std::int64_t>(i)).bind(2, lines[i]).run());
    }
    REQUIRE((*db)->exec("COMMIT"));

    std::size_t compared = 0, matched_rows = 0, compared_exact = 0;
    // The rows FTS5 matches for an expression, and those whose text holds a term of every group.
    const auto compare = [&](const std::string& expression,
                             const std::vector<std::vector<IndexTerm>>& groups,
                             const std::string& what) {
        auto st = (*db)->prepare("SELECT rowid FROM t WHERE t MATCH ?");
        REQUIRE(st);
        (*st)->bind(1, expression);
        std::set<std::int64_t> by_index;
        REQUIRE_MESSAGE(
            (*st)->each_row([&](const SqlStatement& row) { by_index.insert(row.integer(0)); }),
            expression);
        std::set<std::int64_t> by_text;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (std::all_of(groups.begin(), groups.end(),
                            [&](const auto& g) { return text_has_any(lines[i], g); }))
                by_text.insert(static_cast<std::int64_t>(i));
        CHECK_MESSAGE(by_index == by_text, what, " ", expression);
        matched_rows += by_index.size();
    };
    for (const std::string& word : queries(lines)) {
        for (const bool exact : {false, true}) {
            const MatchExpression m = match_expression(word, exact);
            if (m.terms.empty()) continue;  // not only words: search does not use the terms
            compare(m.match, m.terms, word + (exact ? " --exact" : ""));
            ++compared;
            // The spellings a plain search ranks first, which a filtered search reads from text.
            if (!m.exact_terms.empty()) {
                compare(m.exact_match, m.exact_terms, word + " (its spelling)");
                ++compared_exact;
            }
        }
    }
    CHECK(compared > 100);
    CHECK(compared_exact > 50);
    CHECK(matched_rows > 1000);
}
