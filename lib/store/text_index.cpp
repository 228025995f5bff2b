#include "store/text_index.hpp"

namespace kraft {

Result<std::int64_t> TextIndex::matching_within(const std::string& expression,
                                                const std::vector<IdSpan>& runs,
                                                const std::function<void(std::int64_t)>& on_id) {
    // No run: an empty span, so that the index still reads (and checks) the expression.
    const IdSpan span = runs.empty() ? IdSpan{1, 0} : IdSpan{runs.front().first, runs.back().last};
    std::int64_t read = 0;
    IdRangeWalk walk(runs);
    auto ok = matching(expression, span, [&](std::int64_t id) {
        ++read;
        if (walk.contains(id)) on_id(id);
    });
    if (!ok) return std::unexpected(ok.error());
    return read;
}

}  // namespace kraft
