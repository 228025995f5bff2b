#include "pipeline/prepare.hpp"

#include <filesystem>
#include <vector>

#include "segment/segment.hpp"
#include "util/compression.hpp"
#include "util/tokens.hpp"

namespace kraft {

namespace {

// Each paragraph's and statement's text compressed, and what repair learns from an undamaged
// protocol: the words of its paragraphs, the text the archive unlearns when a changed file
// replaces it (the paragraphs' entries).
void pack_texts(PreparedProtocol& p, bool learn) {
    for (const Paragraph& para : p.protocol.paragraphs) {
        PreparedProtocol::CompressedParagraph c{compress(para.text), {}};
        for (const Statement& s : para.statements) c.statements.push_back(compress(s.text));
        p.compressed_paragraphs.push_back(std::move(c));
        if (learn) count_words(para.text, p.learned_words);
    }
}

}  // namespace

std::vector<StoredEdit> placed_edits(const DecodedText& received,
                                     const std::vector<RepairEdit>& edits) {
    std::vector<std::size_t> offsets;
    offsets.reserve(edits.size());
    for (const RepairEdit& e : edits) offsets.push_back(e.offset);
    const auto positions = received.positions_of(offsets);
    std::vector<StoredEdit> out;
    out.reserve(edits.size());
    for (std::size_t i = 0; i < edits.size(); ++i)
        out.push_back({edits[i].offset, positions[i].line, positions[i].column, edits[i].from,
                       edits[i].to, edits[i].confidence, edits[i].reason});
    return out;
}

std::string source_key(const std::string& input) {
    if (input == "-") return "<stdin>";
    std::error_code ec;
    const auto abs = std::filesystem::weakly_canonical(std::filesystem::absolute(input, ec), ec);
    return ec ? input : abs.string();
}

Result<PreparedProtocol> prepare_protocol(std::string bytes, const std::string& input,
                                          const Pipeline& pipeline, Repairer& repairer,
                                          const PrepareOptions& options) {
    PreparedProtocol p;
    p.source = source_key(input);
    auto ingested = ingest(std::move(bytes), input, pipeline.ingest, options.ingest,
                           [&](const std::string& word) { return repairer.known_word(word); });
    if (!ingested) return std::unexpected(ingested.error());
    const DecodedText& received = ingested->text;
    p.encoding = std::string(encoding_name(received.encoding));
    p.info = ingested->info;
    RepairResult r;
    if (options.repair)
        r = repairer.repair(received.text, ingested->ocr_words);
    else
        r.text = received.text;
    SegmentOptions so;
    so.body = options.body;
    so.date = options.date;
    so.date_from_file_name = input != "-";
    auto protocol = segment(r.text, input, pipeline.grammar, so);
    if (!protocol) return std::unexpected(protocol.error());
    p.protocol = std::move(*protocol);
    p.protocol.source = p.source;
    const Meeting& m = p.protocol.meeting;
    if (m.body) p.body_name = resolve_body(*m.body, pipeline.grammar);
    p.words = r.damage.words;
    p.damage = r.damage.level;
    // The text as received, for `kraft show --original`: what the OCR read, or what repair changed.
    if (!r.edits.empty() || p.info.ocr_pages > 0) p.compressed_original = compress(received.text);
    pack_texts(p, options.repair && !r.damage.damaged);
    p.edits = placed_edits(received, r.edits);
    return p;
}

}  // namespace kraft
