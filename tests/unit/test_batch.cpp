// The import batch against a sink that keeps protocols in memory: what it stores, in what order,
// and what it does when a file, the sink or the user stops it.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "archive_fixture.hpp"

using namespace kraft;
using namespace kraft::test;

namespace {

class FakeSink : public ProtocolSink {
  public:
    std::vector<PreparedProtocol> stored;
    std::map<std::string, std::string> hashes;  // source -> content hash, as an archive keeps
    std::set<std::string> kept_by_another;      // stored meanwhile by another importer
    int finished = 0;
    std::size_t fail_store_at = SIZE_MAX;  // the store() that fails, counting from 0
    bool fail_learned = false;
    std::atomic<bool>* stop_after_first = nullptr;

    std::string name() const override { return "fake"; }
    Result<std::vector<std::pair<std::string, double>>> learned_frequencies() override {
        if (fail_learned) return fail("fake", 0, "database is locked");
        return std::vector<std::pair<std::string, double>>{};
    }
    Result<std::optional<std::string>> stored_hash(const std::string& source) override {
        auto it = hashes.find(source);
        return it == hashes.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    Result<void> begin_batch() override { return {}; }
    Result<Stored> store(const PreparedProtocol& p) override {
        if (calls_++ == fail_store_at) return fail("fake", 0, "disk full");
        if (kept_by_another.contains(p.source)) return Stored::already_kept;
        stored.push_back(p);
        hashes[p.source] = p.content_hash;
        if (stop_after_first) *stop_after_first = true;
        return Stored::written;
    }
    Result<void> finish_batch(const std::atomic<bool>&) override {
        ++finished;
        return {};
    }

  private:
    std::size_t calls_ = 0;
};

std::vector<std::string> three_files(const TempDir& dir) {
    return {dir.write("ks-2026-03-11.txt", kKs), dir.write("broken.txt", "no paragraphs here\n"),
            dir.write("kf-2026-04-02.txt", kKf)};
}

}  // namespace

TEST_CASE("a batch stores every good file once, in order, and reports a bad one by name") {
    const TempDir dir;
    FakeSink sink;
    std::vector<Error> errors;
    const std::atomic<bool> stop{false};
    auto r = import_into(sink, three_files(dir), stop, &errors);
    REQUIRE(r.has_value());
    CHECK(r->imported == 2);
    CHECK(r->failed == 1);
    CHECK(r->unchanged == 0);
    CHECK_FALSE(r->interrupted);
    CHECK_FALSE(r->archive_failed);
    REQUIRE(sink.stored.size() == 2);
    CHECK(sink.stored[0].source.ends_with("ks-2026-03-11.txt"));
    CHECK(sink.stored[1].source.ends_with("kf-2026-04-02.txt"));
    CHECK(sink.stored[0].body_name == "Kommunstyrelsen");
    CHECK(sink.stored[0].compressed_paragraphs.size() == 2);
    CHECK(r->paragraphs == 3);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file.ends_with("broken.txt"));
    CHECK(sink.finished == 1);

    SUBCASE("a file another importer stored meanwhile counts as unchanged, not imported") {
        FakeSink shared;
        for (const PreparedProtocol& p : sink.stored) shared.kept_by_another.insert(p.source);
        auto r2 = import_into(shared, three_files(dir), stop);
        REQUIRE(r2.has_value());
        CHECK(r2->imported == 0);
        CHECK(r2->unchanged == 2);
        CHECK(r2->paragraphs == 0);
        CHECK(shared.stored.empty());
    }

    SUBCASE("run again, nothing changed: every file unchanged, nothing stored") {
        FakeSink again;
        again.hashes = sink.hashes;
        auto r2 = import_into(again, three_files(dir), stop);
        REQUIRE(r2.has_value());
        CHECK(r2->unchanged == 2);
        CHECK(r2->failed == 1);
        CHECK(again.stored.empty());
        CHECK(again.finished == 0);
    }
}

TEST_CASE("a stopped batch keeps what it stored and does not finish") {
    const TempDir dir;
    FakeSink sink;
    std::atomic<bool> stop{false};
    sink.stop_after_first = &stop;
    auto r = import_into(sink, three_files(dir), stop);
    REQUIRE(r.has_value());
    CHECK(r->interrupted);
    CHECK(r->imported == 1);
    CHECK(sink.stored.size() == 1);
    CHECK(sink.finished == 0);
}

TEST_CASE("a sink that fails stops the batch, and the files not stored count as failed") {
    const TempDir dir;
    FakeSink sink;
    sink.fail_store_at = 0;
    std::vector<Error> errors;
    const std::atomic<bool> stop{false};
    auto r = import_into(sink, three_files(dir), stop, &errors);
    REQUIRE(r.has_value());
    CHECK(r->archive_failed);
    CHECK(r->imported == 0);
    CHECK(r->failed == 3);
    CHECK(sink.stored.empty());
    CHECK(sink.finished == 0);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].message == "not stored: disk full");
}

TEST_CASE("a sink that cannot be read fails the batch before any file") {
    const TempDir dir;
    FakeSink sink;
    sink.fail_learned = true;
    const std::atomic<bool> stop{false};
    auto r = import_into(sink, three_files(dir), stop);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "database is locked");
    CHECK(sink.stored.empty());
}

TEST_CASE("prepare_protocol: the archive's key, the body's name, edits placed by line") {
    auto repairer = Repairer::open(repair_model(), default_dictionary());
    REQUIRE(repairer.has_value());
    const std::string damaged = kKs + "\nNamnden har f6r avsikt att besluta pa mandag.\n";
    auto p = prepare_protocol(damaged, "rel/ks-2026-03-11.txt", pipeline(), **repairer, {});
    REQUIRE(p.has_value());
    CHECK(p->source.starts_with("/"));
    CHECK(p->source.ends_with("rel/ks-2026-03-11.txt"));
    CHECK(p->body_name == "Kommunstyrelsen");
    CHECK(p->protocol.paragraphs.size() == 2);
    REQUIRE_FALSE(p->edits.empty());
    for (const StoredEdit& e : p->edits) CHECK(e.line == 25);

    PrepareOptions raw;
    raw.repair = false;
    auto unrepaired = prepare_protocol(damaged, "-", pipeline(), **repairer, raw);
    REQUIRE(unrepaired.has_value());
    CHECK(unrepaired->source == "<stdin>");
    CHECK(unrepaired->edits.empty());
    CHECK(unrepaired->learned_words.empty());

    auto none = prepare_protocol("no paragraph\n", "x.txt", pipeline(), **repairer, {});
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().file == "x.txt");
}
