// Fuzzes grammar loading: a grammar file in a clerk's hands may hold anything. The first byte
// chooses which file the rest replaces (p: protocol.tsv, b: bodies.tsv, anything else:
// parties.tsv); the other two are the real ones. Either a grammar that then segments a sample
// line, or an error naming the file and a line inside it.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "segment/grammar.hpp"
#include "segment/segment.hpp"

namespace {
std::string protocol_tsv, bodies_tsv, parties_tsv;

std::string slurp(const std::string& name) {
    std::ifstream in(std::string(KRAFT_SOURCE_GRAMMARS) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    protocol_tsv = slurp("protocol.tsv");
    bodies_tsv = slurp("bodies.tsv");
    parties_tsv = slurp("parties.tsv");
    if (protocol_tsv.empty() || bodies_tsv.empty() || parties_tsv.empty()) std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const char role = static_cast<char>(data[0]);
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string_view protocol = role == 'p' ? text : std::string_view(protocol_tsv);
    const std::string_view bodies = role == 'b' ? text : std::string_view(bodies_tsv);
    const std::string_view parties =
        role != 'p' && role != 'b' ? text : std::string_view(parties_tsv);
    auto g = kraft::Grammar::from_text(protocol, bodies, parties, "fuzz");
    if (!g) {
        const std::size_t lines =
            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
        if (g.error().line < 0 || static_cast<std::size_t>(g.error().line) > lines) std::abort();
        return 0;
    }
    auto p = kraft::segment(
        "Kommunfullmäktige\nProtokoll 2026-01-22\n§ 8\nÄrende STK-2024-1374\n"
        "Beslut\nKommunfullmäktige beslutar att godkänna.\n",
        "fuzz", **g, {});
    (void)p;
    return 0;
}
