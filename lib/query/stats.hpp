// stats: what the archive holds — counts per body and year, cases, statements by party, repairs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "query/filters.hpp"
#include "store/archive.hpp"

namespace kraft {

struct BodyYearCount {
    std::string body;  // empty when the protocol names none
    std::string year;  // empty when the meeting date is unknown
    std::int64_t protocols = 0, paragraphs = 0, decisions = 0;
};

struct PartyStatements {
    std::string party;
    std::int64_t reservations = 0, special_statements = 0, protocol_notes = 0;
};

struct ReasonCount {
    std::string reason;
    std::int64_t edits = 0;
};

struct ArchiveStats {
    std::int64_t protocols = 0, paragraphs = 0, decisions = 0, statements = 0, cases = 0;
    std::int64_t citations = 0, resolved_citations = 0;  // resolved: the cited § is archived
    std::int64_t repaired_protocols = 0, repair_edits = 0;
    // What the files were: PDFs (their pages), page images, and what OCR read of them.
    std::int64_t pdf_protocols = 0, image_protocols = 0, pages = 0;
    std::int64_t ocr_protocols = 0, ocr_pages = 0;
    std::vector<BodyYearCount> by_body_year;     // by body, then year
    std::vector<PartyStatements> by_party;       // most statements first
    std::vector<ReasonCount> repairs_by_reason;  // most edits first
};

// Errors: an SQLite error.
QueryResult<ArchiveStats> archive_stats(Archive& a);

}  // namespace kraft
