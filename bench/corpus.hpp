// A deterministic protocol corpus for benchmarks: the project's own protocol texts (samples/ and
// grammars/corpus/) scaled to N MB with varied § numbers, dates and case numbers, and a share of
// files damaged the way the OCR in the samples damages Swedish (the rates of ocr-confusions.tsv).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kraft::bench {

struct CorpusFile {
    std::string path;
    std::size_t bytes = 0;
    bool damaged = false;
};

struct CorpusOptions {
    std::string source_dir;  // the repository: samples/ and grammars/corpus/ are read from it
    std::string out_dir;
    std::size_t bytes = 1 << 20;
    double damaged_share = 0.3;
    std::uint64_t seed = 1;
};

// Writes the corpus into out_dir (created; old *.txt there removed) and lists its files.
std::vector<CorpusFile> make_corpus(const CorpusOptions& o);

// OCR-like damage with the rates of the samples: every å/ä/ö lost, § before a digit read as {
// a third of the time, the word i read as 1 about a third of the time.
std::string damage(const std::string& clean, std::uint64_t& rng);

std::uint64_t next_random(std::uint64_t& state);

}  // namespace kraft::bench
