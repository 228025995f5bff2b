#include <doctest/doctest.h>

#include <algorithm>

#include "repair/candidates.hpp"
#include "util/table_file.hpp"
#include "util/text.hpp"

using namespace kraft;

namespace {
ConfusionModel model() {
    auto t = parse_table(
        "i\tä\tinside\t3\na\tå\tinside\t1\no\tö\tany\t1\noé\tö\tany\t1\nA\tÅ\tany\t1\nO\tÖ\tany\t1"
        "\nt\tr\tend\t1\t100\n",
        "c.tsv");
    return *ConfusionModel::from_table(*t);
}
bool has(const std::vector<Candidate>& cs, const std::u32string& w) {
    return std::any_of(cs.begin(), cs.end(), [&](const Candidate& c) { return c.word == w; });
}
}  // namespace

TEST_CASE("every combination up to the edit limit, the token itself excluded") {
    const auto cs = candidates(U"nimnd", model(), {});
    CHECK(has(cs, U"nämnd"));
    CHECK_FALSE(has(cs, U"nimnd"));
    CHECK(cs.size() == 1);
    const auto two = candidates(U"fora", model(), {});
    CHECK(has(two, U"föra"));
    CHECK(has(two, U"forå"));
    CHECK(has(two, U"förå"));
}

TEST_CASE("place conditions: inside never at the start; multi-letter readings") {
    CHECK_FALSE(has(candidates(U"ik", model(), {}), U"äk"));
    CHECK(has(candidates(U"foér", model(), {}), U"för"));
}

TEST_CASE("limits: edits, slips and the candidate cap") {
    CandidateLimits one{1, true, 4000};
    CHECK_FALSE(has(candidates(U"foria", model(), one), U"föriå"));
    CandidateLimits no_slips{3, false, 4000};
    CHECK(has(candidates(U"kronot", model(), {}), U"kronor"));
    CHECK_FALSE(has(candidates(U"kronot", model(), no_slips), U"kronor"));
    CandidateLimits capped{3, true, 2};
    const auto few = candidates(U"aaaaaa", model(), capped);
    CHECK(few.size() <= 2);
    CHECK_FALSE(few.empty());
}

TEST_CASE("the cap leaves out the least likely spellings, wherever their letters are") {
    // o -> ö at the start is the likeliest edit; a depth-first walk stopped by the cap reaches it
    // last, after every combination of the unlikely x -> z inside.
    auto t = parse_table("o\tö\tstart\t1\nx\tz\tinside\t1\t10\n", "slips.tsv");
    REQUIRE(t);
    const auto slips = ConfusionModel::from_table(*t);
    REQUIRE(slips);
    const auto all = candidates(U"oxxxxxxxx", *slips, {});
    CandidateLimits capped;
    capped.max_candidates = 10;
    const auto few = candidates(U"oxxxxxxxx", *slips, capped);
    REQUIRE(all.size() > 10);
    CHECK(few.size() == 10);
    CHECK(has(few, U"öxxxxxxxx"));
    double best_left_out = -1e9, worst_kept = 0;
    for (const Candidate& c : few) worst_kept = std::min(worst_kept, c.log_channel);
    for (const Candidate& c : all)
        if (!has(few, c.word)) best_left_out = std::max(best_left_out, c.log_channel);
    CHECK(best_left_out <= worst_kept + 1e-9);
}

TEST_CASE("a capital inside a word is never produced; a lowered initial is flagged") {
    CHECK_FALSE(has(candidates(U"fOr", model(), {}), U"fÖr"));
    const auto cs = candidates(U"Aterrapportering", model(), {});
    CHECK(has(cs, U"Återrapportering"));
    auto it = std::find_if(cs.begin(), cs.end(),
                           [](const Candidate& c) { return c.word == U"Återrapportering"; });
    CHECK(describe(*it, model()) == "A→Å");
    CHECK_FALSE(it->lowered_initial);
}
