// Shared fixtures for unit tests: the repo's grammars and one Repairer for the whole run.
#pragma once

#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
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

// A folder of its own under the system's temporary folder, removed with everything in it at the
// end of the test: tests that run at once (ctest -j) never share a file.
class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "kraft-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // A path in the folder.
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    // Writes a file in the folder; returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        const std::string path = *this / name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

  private:
    std::filesystem::path path_;
};

}  // namespace kraft::test
