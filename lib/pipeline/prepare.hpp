// One protocol through the pipeline: bytes -> ingest (PDF text, OCR, decode) -> repair -> segment
// -> a PreparedProtocol the archive only has to write. `kraft parse`, `kraft import`, the
// benchmarks and the fuzzers all prepare protocols here.
//
//   Pipeline pipe{*grammar, *ingest_model};
//   auto p = prepare_protocol(std::move(bytes), "ks-2026-03-11.pdf", pipe, *repairer, {});
//   if (!p) report(p.error());          // "ks.pdf: encrypted PDF", "ks.txt: no paragraph (§)"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.hpp"
#include "model/prepared_protocol.hpp"
#include "repair/repair.hpp"
#include "segment/grammar.hpp"
#include "util/error.hpp"

namespace kraft {

// The loaded data files every protocol is prepared with (shared, read-only, by all workers).
struct Pipeline {
    const Grammar& grammar;
    const IngestModel& ingest;
};

struct PrepareOptions {
    std::optional<std::string> body;  // --body: used when the text names none
    std::optional<std::string> date;  // --date: used when the header has none
    bool repair = true;               // false: segment the text as received (`parse --no-repair`)
    IngestOptions ingest;             // how PDFs and images are read
};

// The archive's key for an input: its absolute, normalised path; "<stdin>" for "-".
std::string source_key(const std::string& input);

// Repair's edits with their lines and columns in the text as received.
std::vector<StoredEdit> placed_edits(const DecodedText& received,
                                     const std::vector<RepairEdit>& edits);

// bytes: the input's content, as read_file(input, kMaxDocumentBytes) gives them. The result's
// content_hash is the caller's to set: the import hashes the bytes before, to skip an unchanged
// file without reading it (a scan is not OCR'd again), and a file is not hashed twice.
// Errors name the input (and its line or page): what ingest() and segment() refuse.
Result<PreparedProtocol> prepare_protocol(std::string bytes, const std::string& input,
                                          const Pipeline& pipeline, Repairer& repairer,
                                          const PrepareOptions& options);

}  // namespace kraft
