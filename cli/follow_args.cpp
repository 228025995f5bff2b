#include "follow_args.hpp"

#include "model/case_numbers.hpp"

namespace kraft::cli {

namespace {

SavedSearch saved_search(const FollowArgs& a) {
    return SavedSearch{*a.search, a.filters(), a.exact};
}

}  // namespace

Result<std::vector<Follow>> FollowArgs::follows() const {
    if (cases.empty() == !search.has_value())
        return fail("", 0, "give case numbers, or --search QUERY, and not both");
    std::vector<Follow> out;
    if (search) {
        Follow f;
        f.search = saved_search(*this);
        out.push_back(std::move(f));
        return out;
    }
    // Keys as search finds them: "stk 2024-1374" and "STK-2O24-1374" are STK-2024-1374.
    for (const std::string& c : cases) {
        Follow f;
        f.case_key = normalize_case_number(c);
        if (f.case_key->empty()) return fail("", 0, "'" + c + "' is not a case number");
        out.push_back(std::move(f));
    }
    return out;
}

std::variant<FollowTarget, int> open_follow_target(const FollowArgs& a, const GlobalOptions& g) {
    auto wanted = a.follows();
    if (!wanted) {
        report(wanted.error());
        return kUsage;
    }
    auto archive = Archive::open(archive_path(g), Database::Mode::read_write);
    if (!archive) {
        report(archive.error());
        return kArchive;
    }
    return FollowTarget{std::move(*wanted), std::move(*archive)};
}

void add_follow_options(CLI::App* sub, FollowArgs& a, const std::string& case_type) {
    sub->add_option("case", a.cases, "Case numbers as written or normalised (STK-2024-1374)")
        ->type_name(case_type);
    sub->add_option("--search", a.search,
                    "A saved search: its words (\"\" for filters alone) and the filters given")
        ->type_name("QUERY");
    add_filter_options(sub, a);
    sub->add_flag("--exact", a.exact, "The saved search matches å/ä/ö as typed");
}

}  // namespace kraft::cli
