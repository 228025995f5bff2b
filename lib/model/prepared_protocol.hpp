// A protocol made ready for the archive by the import's workers: parsed, its texts compressed,
// its repair edits placed, what repair learns from it counted. The archive only writes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/protocol.hpp"
#include "model/source_info.hpp"

namespace kraft {

// A repair edit as the archive keeps it (position in the original text).
struct StoredEdit {
    std::size_t offset = 0;
    int line = 0, column = 0;
    std::string from, to;
    double confidence = 0;
    std::string reason;
};

struct PreparedProtocol {
    std::string source;  // absolute path, the archive's key for the file
    std::string content_hash;
    // When the file was first imported (ISO 8601 UTC), for a protocol copied from another
    // archive; empty: now.
    std::string imported_at;
    std::string encoding;
    SourceInfo info;  // what the file was: text, a PDF (its pages, producer, OCR'd pages), images
    Protocol protocol;
    // The grammar's name for the meeting's body ("Kommunstyrelsen" for "KS"): the key citations of
    // this meeting are resolved by.
    std::optional<std::string> body_name;
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

}  // namespace kraft
