// Fuzzes segment (protocol structure) on decoded text with the real grammars: either a protocol
// whose paragraphs have line ranges inside the text, or an error. Never a crash or a hang.
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "decode/decode.hpp"
#include "segment/grammar.hpp"
#include "segment/segment.hpp"

namespace {
std::shared_ptr<const kraft::Grammar> grammar;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    auto g = kraft::Grammar::load(KRAFT_SOURCE_GRAMMARS);
    if (!g) std::abort();
    grammar = *g;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto decoded =
        kraft::decode(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    if (!decoded) return 0;
    auto p = kraft::segment(decoded->text, "fuzz", *grammar, {});
    if (!p) return 0;
    const int lines = static_cast<int>(decoded->line_count());
    for (const kraft::Paragraph& para : p->paragraphs)
        if (para.line_begin < 1 || para.line_end > lines || para.line_begin > para.line_end)
            std::abort();
    return 0;
}
