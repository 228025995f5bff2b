// A stored protocol read back as the import prepared it, for `kraft copy`: everything the archive
// keeps of it, so that Archive::store() in another archive writes the same rows (its own ids).
//
//   auto reader = StoredProtocolReader::open(from);
//   for (const StoredVersion& v : *reader->versions())
//       if (auto p = reader->read(v.id, true); p && *p) to.store(**p);
//
// What the archive does not keep (motions, a paragraph's summary, the justerare) is not read back
// either: the writer does not store it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/prepared_protocol.hpp"
#include "store/archive.hpp"
#include "store/statement_cache.hpp"
#include "util/error.hpp"

namespace kraft {

// One stored protocol: which file, which version of it, and when it was imported.
struct StoredVersion {
    std::int64_t id = 0;
    std::string source, content_hash, imported_at;
};

class StoredProtocolReader {
  public:
    static std::unique_ptr<StoredProtocolReader> open(Archive& archive) {
        return std::unique_ptr<StoredProtocolReader>(new StoredProtocolReader(archive));
    }

    // Every stored protocol, in the order they were stored. Errors: the engine's.
    Result<std::vector<StoredVersion>> versions();
    // The protocol with this id, read in one snapshot; nullopt when it is no longer there (an
    // import replaced it meanwhile). `compress`: fill in the compressed texts an SQLite
    // archive keeps (a PostgreSQL archive compresses them itself).
    // Errors: the engine's; a stored value kraft does not know (a damaged archive).
    Result<std::optional<PreparedProtocol>> read(std::int64_t id, bool compress);

  private:
    explicit StoredProtocolReader(Archive& archive)
        : archive_(archive), statements_(archive.db()) {}

    // Where each paragraph and statement of the protocol being read is, by its id.
    struct Places {
        std::map<std::int64_t, std::size_t> paragraphs;
        std::map<std::int64_t, std::pair<std::size_t, std::size_t>> statements;
    };

    Result<bool> read_protocol(std::int64_t id, PreparedProtocol& p, bool& learned);
    Result<void> read_edits(std::int64_t id, PreparedProtocol& p);
    Result<void> read_attendance(std::int64_t id, PreparedProtocol& p);
    Result<void> read_paragraphs(std::int64_t id, PreparedProtocol& p, Places& at);
    Result<void> read_decisions(std::int64_t id, PreparedProtocol& p, const Places& at);
    Result<void> read_votes(std::int64_t id, PreparedProtocol& p, const Places& at);
    Result<void> read_statements(std::int64_t id, PreparedProtocol& p, Places& at);
    Result<void> read_statement_people(std::int64_t id, PreparedProtocol& p, const Places& at);
    Result<void> read_cases(std::int64_t id, PreparedProtocol& p, const Places& at);
    Result<void> read_citations(std::int64_t id, PreparedProtocol& p, const Places& at);
    Result<void> read_texts(std::int64_t id, PreparedProtocol& p, const Places& at);
    Result<std::string> reason(std::int64_t id);

    // Runs sql with the protocol id bound to each of its ?1, calling on_row for each row.
    template <class OnRow>
    Result<void> each_row(const std::string& sql, std::int64_t id, OnRow&& on_row);
    Error damaged(const std::string& what) const;

    Archive& archive_;
    StatementCache statements_;
    std::map<std::int64_t, std::string> reasons_;
};

}  // namespace kraft
