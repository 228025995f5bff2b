// `kraft copy`: a stored protocol read back as the import prepared it, and an archive copied into
// another, merged with what that one holds.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "archive_fixture.hpp"
#include "model/protocol_json.hpp"
#include "pipeline/prepare.hpp"
#include "store/archive_copy.hpp"
#include "store/protocol_reader.hpp"
#include "util/compression.hpp"
#include "util/file.hpp"

using namespace kraft;
using namespace kraft::test;

namespace {

void by_name(std::vector<Person>& persons) {
    std::sort(persons.begin(), persons.end(),
              [](const Person& a, const Person& b) { return a.name < b.name; });
}

// What the archive keeps of a protocol, as JSON: the parse without what it does not store. The
// persons of a statement or a vote it keeps in the order of their ids, not as the text lists them.
std::string stored_part(Protocol p) {
    p.meeting.justerare.clear();
    for (Paragraph& para : p.paragraphs) {
        para.summary.clear();
        para.motions.clear();
        for (Statement& s : para.statements) by_name(s.persons);
        if (para.vote)
            for (auto* names :
                 {&para.vote->yes_names, &para.vote->no_names, &para.vote->abstain_names})
                by_name(*names);
    }
    std::ostringstream out;
    write_json(out, p, std::nullopt, true);
    return out.str();
}

PreparedProtocol prepared(const std::string& relative) {
    auto bytes = read_file(std::string(KRAFT_SOURCE_DIR) + "/" + relative);
    REQUIRE(bytes.has_value());
    auto p = prepare_protocol(*bytes, std::string(KRAFT_SOURCE_DIR) + "/" + relative, pipeline(),
                              repairer(), {});
    REQUIRE_MESSAGE(p.has_value(), (p ? "" : p.error().str()));
    return *p;
}

std::int64_t id_of(Archive& a, const std::string& source) {
    auto st = a.db().prepare("SELECT id FROM protocols WHERE source = ?");
    REQUIRE(st.has_value());
    auto row = (*st)->bind(1, source).step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return (*st)->integer(0);
}

void run_sql(Archive& a, const std::string& sql) {
    auto ok = a.db().exec(sql);
    REQUIRE_MESSAGE(ok.has_value(), (ok ? "" : ok.error().str()));
}

std::unique_ptr<Archive> open_archive(const std::string& path) {
    auto a = Archive::open(path, Database::Mode::read_write);
    REQUIRE_MESSAGE(a.has_value(), (a ? "" : a.error().str()));
    return std::move(*a);
}

}  // namespace

TEST_CASE("a stored protocol reads back as it was prepared") {
    TempDir dir;
    auto archive = open_archive(dir / "a.db");
    // Attendance, a vote with names, statements, citations, recipients; and a damaged one with
    // repair edits and its original text.
    for (const char* file :
         {"tests/data/layouts/ostersund-ks-2024-11-04.txt",
          "samples/malmo-kf-2026-01-22-p8-ocr.txt", "samples/malmo-ks-2026-01-07-p16.txt"}) {
        CAPTURE(file);
        const PreparedProtocol p = prepared(file);
        REQUIRE(archive->store(p).has_value());
        auto reader = StoredProtocolReader::open(*archive);
        auto back = reader->read(id_of(*archive, p.source), true);
        REQUIRE_MESSAGE(back.has_value(), (back ? "" : back.error().str()));
        REQUIRE(back->has_value());
        const PreparedProtocol& b = **back;
        CHECK(b.source == p.source);
        CHECK(b.content_hash == p.content_hash);
        CHECK(b.encoding == p.encoding);
        CHECK(b.body_name == p.body_name);
        CHECK(b.words == p.words);
        CHECK(b.damage == doctest::Approx(p.damage));
        CHECK(b.info.format == p.info.format);
        CHECK(b.learned_words == p.learned_words);
        CHECK(b.compressed_original == p.compressed_original);
        CHECK_FALSE(b.imported_at.empty());
        CHECK(stored_part(b.protocol) == stored_part(p.protocol));
        REQUIRE(b.edits.size() == p.edits.size());
        for (std::size_t i = 0; i < p.edits.size(); ++i) {
            CHECK(b.edits[i].offset == p.edits[i].offset);
            CHECK(b.edits[i].from == p.edits[i].from);
            CHECK(b.edits[i].to == p.edits[i].to);
            CHECK(b.edits[i].line == p.edits[i].line);
            CHECK(b.edits[i].reason == p.edits[i].reason);
        }
        REQUIRE(b.compressed_paragraphs.size() == p.protocol.paragraphs.size());
        for (std::size_t i = 0; i < p.protocol.paragraphs.size(); ++i)
            CHECK(decompress(b.compressed_paragraphs[i].text).value_or("") ==
                  p.protocol.paragraphs[i].text);
    }
    const auto& layouts = prepared("tests/data/layouts/ostersund-ks-2024-11-04.txt");
    CHECK_FALSE(layouts.protocol.meeting.attendance.empty());
    const auto& damaged = prepared("samples/malmo-kf-2026-01-22-p8-ocr.txt");
    CHECK_FALSE(damaged.edits.empty());
    CHECK(damaged.learned_words.empty());
    CHECK_FALSE(prepared("samples/malmo-ks-2026-01-07-p16.txt").learned_words.empty());
}

TEST_CASE("a protocol that is gone reads back as nothing") {
    ArchiveFixture f;
    auto back = StoredProtocolReader::open(*f.archive)->read(999, true);
    REQUIRE(back.has_value());
    CHECK_FALSE(back->has_value());
}

TEST_CASE("copy_archive: new, unchanged, replaced when older, kept when newer") {
    ArchiveFixture f;
    auto to = open_archive(f.dir / "copy.db");
    const std::atomic<bool> go{false};
    auto first = copy_archive(*f.archive, *to, {}, go);
    REQUIRE_MESSAGE(first.has_value(), (first ? "" : first.error().str()));
    CHECK(first->copied == 2);
    CHECK(first->paragraphs == 3);
    CHECK_FALSE(first->interrupted);

    auto again = copy_archive(*f.archive, *to, {}, go);
    REQUIRE(again.has_value());
    CHECK(again->copied == 0);
    CHECK(again->unchanged == 2);

    // The destination's version of the KS protocol is another, imported earlier: replaced.
    run_sql(*to,
            "UPDATE protocols SET content_hash = 'other', imported_at = '2000-01-01T00:00:00Z' "
            "WHERE source LIKE '%ks-2026-03-11.txt'");
    auto older = copy_archive(*f.archive, *to, {}, go);
    REQUIRE(older.has_value());
    CHECK(older->replaced == 1);
    CHECK(older->unchanged == 1);
    CHECK(older->paragraphs == 2);

    // Imported later than the source's: the destination keeps its own.
    run_sql(*to,
            "UPDATE protocols SET content_hash = 'later', imported_at = '2999-01-01T00:00:00Z' "
            "WHERE source LIKE '%ks-2026-03-11.txt'");
    auto newer = copy_archive(*f.archive, *to, {}, go);
    REQUIRE(newer.has_value());
    CHECK(newer->kept_newer == 1);
    CHECK(newer->replaced == 0);
    auto kept = to->stored_hash(f.dir / "ks-2026-03-11.txt");
    REQUIRE(kept.has_value());
    CHECK(kept->value_or("") == "later");
}

TEST_CASE("copy_archive: follows, a stop, and an archive into itself") {
    ArchiveFixture f;
    run_sql(*f.archive,
            "INSERT INTO follows(case_key, created_at) VALUES ('KS-2026-100', "
            "'2026-01-01T00:00:00Z')");
    auto to = open_archive(f.dir / "copy.db");

    const std::atomic<bool> stop{true};
    auto stopped = copy_archive(*f.archive, *to, {}, stop);
    REQUIRE(stopped.has_value());
    CHECK(stopped->interrupted);
    CHECK(stopped->copied == 0);

    const std::atomic<bool> go{false};
    std::size_t progress_calls = 0;
    CopyCallbacks cb;
    cb.on_progress = [&](const CopyProgress& p) {
        ++progress_calls;
        CHECK(p.total == 2);
    };
    auto copied = copy_archive(*f.archive, *to, cb, go);
    REQUIRE(copied.has_value());
    CHECK(copied->follows == 1);
    CHECK(progress_calls == 2);
    auto st = to->db().prepare("SELECT case_key, created_at FROM follows");
    REQUIRE(st.has_value());
    auto row = (*st)->step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    CHECK((*st)->text(0) == "KS-2026-100");
    CHECK((*st)->text(1) == "2026-01-01T00:00:00Z");  // followed since then, not since the copy

    auto itself = copy_archive(*f.archive, *f.archive, {}, go);
    REQUIRE_FALSE(itself.has_value());
    CHECK(itself.error().message.find("into itself") != std::string::npos);
}
