// Small protocols, and an archive of the test's own with them imported: the fixture of the tests
// of the batch, the search strategies, the timeline and the paragraph reader.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/batch.hpp"
#include "query/filters.hpp"
#include "segment/grammar.hpp"
#include "store/archive.hpp"
#include "test_support.hpp"

namespace kraft::test {

// KS 2026-03-11: § 41 of case KS-2026-100 (a reservation by V; it cites KF 2025-11-20 § 189, where
// SD reserved itself), § 42 of KS-2026-101, which mentions KS-2026-100.
inline const std::string kKs =
    "Kommunstyrelsen\nProtokoll 2026-03-11\n\n"
    "§ 41 Budget för kulturnämnden\nKS-2026-100\n\n"
    "Beslutsunderlag\n- Beslut KF 251120 § 189 med reservation (SD)\n\n"
    "Beslut\nKommunstyrelsen beslutar\n\n1. Budgeten för kulturnämnden godkänns.\n\n"
    "Anna Berg (V) reserverar sig mot beslutet.\n\n"
    "§ 42 Nämndernas budgetar\nKS-2026-101\n\n"
    "Beslut\nKommunstyrelsen beslutar\n\n"
    "1. Kulturnämnden får ett uppdrag om budgetar, se ärende KS-2026-100.\n";
// KF 2026-04-02: § 12 of case KS-2026-100, a särskilt yttrande by M.
inline const std::string kKf =
    "Kommunfullmäktige\nProtokoll 2026-04-02\n\n"
    "§ 12 Budget för kulturnämnden\nKS-2026-100\n\n"
    "Beslut\nKommunfullmäktige beslutar\n\n1. Budgeten fastställs.\n\n"
    "Karl Svensson (M) och Eva Lind (M) anmäler ett särskilt yttrande.\n";

inline const Grammar& grammar() {
    static auto g = [] {
        auto x = Grammar::load(grammar_dir());
        REQUIRE_MESSAGE(x.has_value(), (x ? "" : x.error().str()));
        return *x;
    }();
    return *g;
}

// The grammar as the read-only commands load it: only the patterns lib/query reads.
inline const Grammar& query_grammar() {
    static auto g = [] {
        auto x = Grammar::load(grammar_dir(), query_patterns());
        REQUIRE(x.has_value());
        return *x;
    }();
    return *g;
}

inline const Pipeline& pipeline() {
    static auto ingest = [] {
        auto x = IngestModel::load(grammar_dir());
        REQUIRE_MESSAGE(x.has_value(), (x ? "" : x.error().str()));
        return *x;
    }();
    static const Pipeline p{grammar(), *ingest};
    return p;
}

// Imports inputs into sink with one worker; errors reported to *errors when given.
inline Result<ImportReport> import_into(ProtocolSink& sink, const std::vector<std::string>& inputs,
                                        const std::atomic<bool>& stop,
                                        std::vector<Error>* errors = nullptr) {
    ImportOptions o;
    o.threads = 1;
    ImportCallbacks cb;
    cb.on_error = [errors](const Error& e) {
        if (errors) errors->push_back(e);
    };
    return import_inputs(sink, inputs, repair_model(), default_dictionary(), pipeline(), o, cb,
                         stop);
}

struct ArchiveFixture {
    TempDir dir;
    std::unique_ptr<Archive> archive;

    ArchiveFixture() {
        const std::vector<std::string> inputs{dir.write("ks-2026-03-11.txt", kKs),
                                              dir.write("kf-2026-04-02.txt", kKf)};
        auto a = Archive::open(dir / "archive.db", Database::Mode::read_write);
        REQUIRE_MESSAGE(a.has_value(), (a ? "" : a.error().str()));
        archive = std::move(*a);
        const std::atomic<bool> stop{false};
        auto r = import_into(*archive, inputs, stop);
        REQUIRE(r.has_value());
        REQUIRE(r->imported == 2);
    }
};

}  // namespace kraft::test
