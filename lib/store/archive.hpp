// The archive: protocols stored in SQLite, one transaction per protocol.
//
//   auto a = Archive::open(path, Database::Mode::read_write);  // creates and migrates
//   if (a->stored_hash(source) == hash) ...                    // unchanged: nothing to do
//   a->store(prepared, grammar);                               // replaces an earlier version
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/input_format.hpp"
#include "model/protocol.hpp"
#include "store/database.hpp"
#include "util/error.hpp"

namespace kraft {

class Grammar;

// A repair edit as the archive keeps it (position in the original text).
struct StoredEdit {
    std::size_t offset = 0;
    int line = 0, column = 0;
    std::string from, to;
    double confidence = 0;
    std::string reason;
};

// Everything the worker threads make of one file, ready for the single writer.
struct PreparedProtocol {
    std::string source;  // absolute path, the archive's key for the file
    std::string content_hash;
    std::string encoding;
    SourceInfo info;  // what the file was: text, a PDF (its pages, producer, OCR'd pages), images
    Protocol protocol;
    // Compressed by the worker threads, so that the single writer does not: the text as received
    // (empty when repair changed nothing), and each paragraph's and statement's text, indexed as
    // protocol.paragraphs and their statements.
    std::string compressed_original;
    struct CompressedParagraph {
        std::string text;
        std::vector<std::string> statements;
    };
    std::vector<CompressedParagraph> compressed_paragraphs;
    // The lower-case words of an undamaged protocol's paragraphs and their counts: what repair
    // learns from it.
    std::map<std::string, std::int64_t> learned_words;
    std::vector<StoredEdit> edits;
    std::size_t words = 0;
    double damage = 0;
};

// Adds the lower-case words of text (as repair sees words) to counts.
void count_words(std::string_view text, std::map<std::string, std::int64_t>& counts);

class Archive {
  public:
    // read_write creates the file and migrates the schema; read_only checks the version.
    // Errors: cannot open, not a kraft archive, newer schema than this kraft.
    static Result<std::unique_ptr<Archive>> open(const std::string& path, Database::Mode mode);

    Database& db() { return *db_; }
    // The schema version the archive was at when opened: a read-only archive may be older than
    // schema_version() by migrations that readers may skip.
    int schema() const { return schema_; }

    // Content hash of the stored version of `source`, if any.
    std::optional<std::string> stored_hash(const std::string& source);

    // Stores p in one transaction, replacing an earlier version with the same source; resolves its
    // citations and re-resolves citations elsewhere that point at this meeting.
    // Errors: any SQLite error (the transaction is rolled back: nothing half-written).
    Result<void> store(const PreparedProtocol& p, const Grammar& g);

    // Merges the full-text index's segments. Every stored protocol adds a segment, and a query
    // reads every segment: an archive imported file by file is left with dozens, which makes
    // searches several times slower. Merges a level's segments two at a time until none is
    // left to merge (geometric: a batch costs about the index's size once), each step its own
    // transaction, so stopping (`stop`, Ctrl-C) between steps loses nothing.
    // Errors: SQLite (disk full...).
    Result<void> merge_index(const std::atomic<bool>& stop);

    // Word counts learned from the clean protocols in the archive.
    Result<std::vector<std::pair<std::string, double>>> learned_frequencies();

  private:
    Archive(std::unique_ptr<Database> db, int schema) : db_(std::move(db)), schema_(schema) {}
    Result<std::int64_t> id_of(const char* table, const char* column, const std::string& value);
    std::unique_ptr<Database> db_;
    int schema_;
    std::unordered_map<std::string, std::unique_ptr<SqlStatement>> statements_;
    SqlStatement& st(const std::string& sql);
};

// FNV-1a 64 of the bytes and their length, as hex: cheap change detection for re-imports.
std::string content_hash(std::string_view bytes);

}  // namespace kraft
