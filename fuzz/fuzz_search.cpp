// Fuzzes search-query handling against a real archive (the samples, imported once into a
// temporary file): the query text, --body, --person, --party and --case come from the input's
// lines. Every outcome is hits or a usage error; an archive error from a sound archive means the
// query reached SQL in a way it must not, so it aborts. Timeline and show get the same text.
// Differential: whenever FTS5 accepts the text as typed (expanded by the tokenizer itself), the
// expression search sends instead (query/match_expression.hpp) must match the same entries.
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/batch.hpp"
#include "pipeline/inputs.hpp"
#include "query/match_expression.hpp"
#include "query/search.hpp"
#include "query/show.hpp"
#include "query/timeline.hpp"
#include "repair/lexicon.hpp"

namespace {
std::shared_ptr<const kraft::Grammar> grammar;
std::unique_ptr<kraft::Archive> archive;

void must(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_search: %s\n", what);
        std::abort();
    }
}

void check(const kraft::QueryFailure& f) {
    if (!f.usage) {
        std::fprintf(stderr, "archive error from a query: %s\n", f.error.message.c_str());
        std::abort();
    }
}
// The number of entries an FTS5 expression matches, or nullopt when FTS5 rejects it.
std::optional<std::int64_t> matches(const std::string& expression) {
    auto st = archive->db().prepare("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?");
    must(st.has_value(), "prepare count");
    auto row = (*st)->bind(1, expression).step();
    if (!row) {
        must((*st)->failed_on_input(), "count failed on the archive");
        return std::nullopt;
    }
    must(*row, "count returned no row");
    return (*st)->integer(0);
}

void check_rewrite(const std::string& text) {
    if (text.find('\0') != std::string::npos) return;  // search refuses it
    // What the text means to FTS5 with the tokenizer's own expansion: FTS5 syntax as typed, plain
    // words each as a phrase of its own.
    std::string reference = text;
    if (!kraft::uses_fts_syntax(text)) {
        reference.clear();
        std::istringstream in(text);
        for (std::string w; in >> w;) reference += (reference.empty() ? "\"" : " \"") + w + "\"";
    }
    const auto typed = matches(reference);
    if (!typed) return;
    const std::string sent = kraft::match_expression(text, false).match;
    const auto rewritten = matches(sent);
    if (!rewritten || *rewritten != *typed) {
        std::fprintf(stderr, "rewrite changed the matches: '%s' -> '%s': %lld vs %s\n",
                     reference.c_str(), sent.c_str(), static_cast<long long>(*typed),
                     rewritten ? std::to_string(*rewritten).c_str() : "rejected");
        std::abort();
    }
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    auto g = kraft::Grammar::load(KRAFT_SOURCE_GRAMMARS);
    must(g.has_value(), "grammar");
    grammar = *g;
    auto model = kraft::RepairModel::load(KRAFT_SOURCE_GRAMMARS);
    must(model.has_value(), "repair model");
    char path[] = "/tmp/kraft-fuzz-search-XXXXXX";
    const int fd = mkstemp(path);
    must(fd >= 0, "temporary archive");
    close(fd);
    unlink(path);
    auto a = kraft::Archive::open(path, kraft::Database::Mode::read_write);
    must(a.has_value(), "archive");
    std::size_t failures = 0;
    const auto inputs = kraft::collect_inputs({KRAFT_SOURCE_DIR "/samples"}, {}, failures);
    std::atomic<bool> stop{false};
    auto ingest = kraft::IngestModel::load(KRAFT_SOURCE_GRAMMARS);
    must(ingest.has_value(), "ingest model");
    const kraft::Pipeline pipeline{*grammar, **ingest};
    auto r = kraft::import_inputs(**a, inputs, *model, kraft::default_dictionary(), pipeline, {},
                                  {}, stop);
    must(r.has_value() && r->imported >= 4, "import of the samples");
    archive = std::move(*a);
    // The file stays open; unlinking it now leaves nothing behind when the fuzzer exits.
    unlink(path);
    unlink((std::string(path) + "-wal").c_str());
    unlink((std::string(path) + "-shm").c_str());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= input.size() && lines.size() < 6) {
        std::size_t end = input.find('\n', pos);
        if (end == std::string::npos) end = input.size();
        lines.push_back(input.substr(pos, end - pos));
        pos = end + 1;
    }
    kraft::SearchQuery q;
    q.text = lines[0];
    const auto field = [&](std::size_t i) -> std::optional<std::string> {
        if (i >= lines.size() || lines[i].empty()) return std::nullopt;
        return lines[i];
    };
    q.body = field(1);
    q.person = field(2);
    q.party = field(3);
    q.case_number = field(4);
    if (auto k = field(5)) q.kind = kraft::entry_kind_from(*k);  // an unknown kind: any
    q.exact = size % 2 == 1;
    q.limit = 1 + static_cast<int>(size % 50);
    if (auto r = kraft::search(*archive, q, *grammar); !r) check(r.error());
    check_rewrite(lines[0]);
    if (auto t = kraft::timeline(*archive, lines[0]); !t) check(t.error());
    if (auto s = kraft::show(*archive, lines[0], *grammar); !s) check(s.error());
    return 0;
}
