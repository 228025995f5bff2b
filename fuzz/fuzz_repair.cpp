// Fuzzes repair on decoded text: edits lie inside the input, in order, without overlap, and
// applying them to the input gives exactly the output; the output is valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "decode/decode.hpp"
#include "repair/lexicon.hpp"
#include "repair/repair.hpp"
#include "util/utf8.hpp"

namespace {
std::unique_ptr<kraft::Repairer> repairer;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    auto model = kraft::RepairModel::load(KRAFT_SOURCE_GRAMMARS);
    if (!model) std::abort();
    auto r = kraft::Repairer::open(*model, kraft::default_dictionary());
    if (!r) std::abort();
    repairer = std::move(*r);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto decoded =
        kraft::decode(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    if (!decoded) return 0;
    const std::string& in = decoded->text;
    const kraft::RepairResult r = repairer->repair(in);
    std::string rebuilt;
    std::size_t pos = 0;
    for (const kraft::RepairEdit& e : r.edits) {
        if (e.offset < pos || e.offset + e.length > in.size()) std::abort();
        if (in.compare(e.offset, e.length, e.from) != 0) std::abort();
        rebuilt.append(in, pos, e.offset - pos);
        rebuilt += e.to;
        pos = e.offset + e.length;
    }
    rebuilt.append(in, pos);
    if (rebuilt != r.text) std::abort();
    if (!kraft::utf8::validate(r.text).valid) std::abort();
    return 0;
}
