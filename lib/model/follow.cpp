#include "model/follow.hpp"

namespace kraft {

std::string SavedSearch::describe() const {
    std::string out = "\"" + text + "\"";
    const auto option = [&](const char* name, const std::optional<std::string>& value) {
        if (value) out += std::string(" ") + name + " " + *value;
    };
    option("--case", filters.case_number);
    option("--body", filters.body);
    option("--from", filters.from);
    option("--to", filters.to);
    if (filters.kind) out += " --kind " + std::string(to_string(*filters.kind));
    option("--person", filters.person);
    option("--party", filters.party);
    if (exact) out += " --exact";
    return out;
}

std::string Follow::describe() const {
    return case_key ? *case_key : "search " + (search ? search->describe() : "");
}

}  // namespace kraft
