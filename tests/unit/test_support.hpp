// Shared fixtures for unit tests: the repo's grammars and one Repairer for the whole run.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "repair/repair.hpp"

namespace kraft::test {

inline std::string grammar_dir() {
    return std::string(KRAFT_SOURCE_DIR) + "/grammars";
}

inline std::shared_ptr<const RepairModel> repair_model() {
    static auto model = [] {
        auto m = RepairModel::load(grammar_dir());
        REQUIRE_MESSAGE(m.has_value(), (m ? "" : m.error().str()));
        return std::shared_ptr<const RepairModel>(*m);
    }();
    return model;
}

inline Repairer& repairer() {
    static auto r = [] {
        auto x = Repairer::open(repair_model(), default_dictionary());
        REQUIRE_MESSAGE(x.has_value(), (x ? "" : x.error().str()));
        return std::move(*x);
    }();
    return *r;
}

}  // namespace kraft::test
