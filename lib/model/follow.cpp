#include "model/follow.hpp"

namespace kraft {

std::string SavedSearch::describe() const {
    std::string out = "\"" + text + "\"";
    const auto option = [&](const char* name, const std::optional<std::string>& value) {
        if (value) out += std::string(" ") + name + " " + *value;
    };
    option("--case", case_number);
    option("--body", body);
    option("--from", from);
    option("--to", to);
    if (kind) out += " --kind " + std::string(to_string(*kind));
    option("--person", person);
    option("--party", party);
    if (exact) out += " --exact";
    return out;
}

std::string Follow::describe() const {
    return case_key ? *case_key : "search " + (search ? search->describe() : "");
}

}  // namespace kraft
