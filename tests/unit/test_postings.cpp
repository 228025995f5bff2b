// The postings of common terms on PostgreSQL, without a server: the blocks of ids they are made
// of, and which queries they answer (the terms a query ands).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/pg_text_index.hpp"
#include "store/posting_block.hpp"
#include "store/tsquery.hpp"

using namespace kraft;

namespace {

std::vector<std::uint32_t> offsets(const PostingBlock& b) {
    std::vector<std::uint32_t> out;
    b.each([&](std::uint32_t o) { out.push_back(o); });
    return out;
}

// The terms an expression ands, as "token" or "key:token"; "none" when it is not such.
std::string conjuncts(std::string_view expression) {
    auto q = to_tsquery(expression);
    REQUIRE(q);
    const auto terms = conjunct_terms(*q);
    if (!terms) return "none";
    std::string out;
    for (const CountedTerm& t : *terms)
        out += (out.empty() ? "" : " ") + std::string(t.as_key ? "key:" : "") + t.token;
    return out;
}

}  // namespace

TEST_CASE("a block of ids is stored as its offsets while few, as a bitmap from 4,096 on") {
    PostingBlock few;
    for (std::uint32_t o : {0u, 7u, 64u, 65535u}) few.set(o);
    const std::string bytes = few.encoded();
    CHECK(bytes.size() == 8);  // two bytes an id
    auto back = PostingBlock::decode(bytes);
    REQUIRE(back);
    CHECK(offsets(*back) == std::vector<std::uint32_t>{0, 7, 64, 65535});

    PostingBlock many;
    for (std::uint32_t o = 0; o < 4096 * 3; o += 3) many.set(o);
    CHECK(many.count() == 4096);
    CHECK(many.encoded().size() == 8192);
    auto many_back = PostingBlock::decode(many.encoded());
    REQUIRE(many_back);
    CHECK(offsets(*many_back) == offsets(many));
    // One fewer is stored as offsets: 4,095 of them take 8,190 bytes.
    many.clear(0);
    CHECK(many.encoded().size() == 8190);
    CHECK(PostingBlock::decode(many.encoded())->count() == 4095);

    CHECK(PostingBlock::decode("")->empty());
    CHECK_FALSE(PostingBlock::decode("\x01"));                          // odd
    CHECK_FALSE(PostingBlock::decode(std::string("\x05\0\x03\0", 4)));  // out of order
    CHECK_FALSE(PostingBlock::decode(std::string("\x05\0\x05\0", 4)));  // twice
}

TEST_CASE("blocks are and'ed, or'ed, cut to a span and walked from either end") {
    PostingBlock a, b;
    for (std::uint32_t o : {1u, 2u, 63u, 64u, 100u, 200u}) a.set(o);
    for (std::uint32_t o : {2u, 64u, 150u, 200u}) b.set(o);
    PostingBlock both = a;
    both &= b;
    CHECK(offsets(both) == std::vector<std::uint32_t>{2, 64, 200});
    PostingBlock either = a;
    either |= b;
    CHECK(either.count() == 7);
    PostingBlock cut = a;
    cut.keep_only(2, 100);
    CHECK(offsets(cut) == std::vector<std::uint32_t>{2, 63, 64, 100});
    cut.keep_only(64, 64);
    CHECK(offsets(cut) == std::vector<std::uint32_t>{64});
    PostingBlock runs;
    runs.set_range(60, 130);
    runs.set_range(65535, 65535);
    CHECK(runs.count() == 72);
    CHECK(runs.test(60));
    CHECK(runs.test(130));
    CHECK_FALSE(runs.test(59));
    CHECK_FALSE(runs.test(131));
    PostingBlock allowed = a;
    allowed &= runs;
    CHECK(offsets(allowed) == std::vector<std::uint32_t>{63, 64, 100});
    std::vector<std::uint32_t> newest;
    a.each_descending([&](std::uint32_t o) {
        newest.push_back(o);
        return newest.size() < 4;
    });
    CHECK(newest == std::vector<std::uint32_t>{200, 100, 64, 63});
    CHECK(PostingBlock::block_of(65535) == 0);
    CHECK(PostingBlock::block_of(65536) == 1);
    CHECK(PostingBlock::first_id(2) == 131072);
}

TEST_CASE("the postings answer words and'ed, each a kept term, and nothing else") {
    CHECK(conjuncts("beslut budget") == "key:beslut key:budget");
    CHECK(conjuncts(R"(("=beslut" OR "=_beslut") AND ("=budget" OR "=_budget"))") ==
          "key:beslut key:budget");
    CHECK(conjuncts(R"("=beslut" AND "=budget")") == "beslut budget");
    CHECK(conjuncts("nämnden") == "key:namnd");
    CHECK(conjuncts(R"("särskilt yttrande" budget)") == "sarskilt yttr key:budget");
    CHECK(conjuncts(R"(("=nämnd" * OR "=_nämnd" *) beslut)") == "key:nämnd* key:beslut");
    CHECK(conjuncts("beslut OR budget") == "none");
    CHECK(conjuncts("beslut NOT budget") == "none");
    CHECK(conjuncts("(nämnden OR styrelsen) AND beslut") == "none");
    CHECK(conjuncts(R"("barn och unga")") == "none");  // three words: no pair says all
    CHECK(conjuncts("budg* beslut") == "none");        // a prefix not as search spells it
}
