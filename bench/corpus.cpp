#include "corpus.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <re2/re2.h>

namespace kraft::bench {

namespace fs = std::filesystem;

std::uint64_t next_random(std::uint64_t& s) {  // splitmix64: fast, deterministic, good enough
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

namespace {

std::string pick(std::uint64_t& rng, const std::vector<std::pair<std::string, int>>& counts) {
    int total = 0;
    for (const auto& c : counts) total += c.second;
    int x = static_cast<int>(next_random(rng) % static_cast<std::uint64_t>(total));
    for (const auto& c : counts) {
        if (x < c.second) return c.first;
        x -= c.second;
    }
    return counts.back().first;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::string damage(const std::string& s, std::uint64_t& rng) {
    static const std::vector<std::pair<std::string, int>> ae{
        {"i", 207}, {"a", 50}, {"d", 7}, {"ai", 4}};
    static const std::vector<std::pair<std::string, int>> aa{{"a", 140}, {"i", 4}, {"ia", 2}};
    static const std::vector<std::pair<std::string, int>> oe{
        {"o", 157}, {"é", 51}, {"6", 18}, {"d", 5}, {"O", 4}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view rest(s.data() + i, s.size() - i);
        const bool word_start = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n';
        if (rest.starts_with("ä")) {
            out += word_start ? pick(rng, {{"d", 14}, {"a", 9}}) : pick(rng, ae);
            ++i;
            continue;
        }
        if (rest.starts_with("å")) {
            out += pick(rng, aa);
            ++i;
            continue;
        }
        if (rest.starts_with("ö")) {
            out += pick(rng, oe);
            ++i;
            continue;
        }
        if (rest.starts_with("Å") || rest.starts_with("Ä")) {
            out += "A";
            ++i;
            continue;
        }
        if (rest.starts_with("Ö")) {
            out += "O";
            ++i;
            continue;
        }
        if (rest.starts_with("§") && rest.size() > 2 && rest[2] >= '0' && rest[2] <= '9' &&
            next_random(rng) % 3 == 0) {
            out += "{";
            ++i;
            continue;
        }
        if (rest.starts_with(" i ") && next_random(rng) % 100 < 29) {
            out += " 1";
            continue;
        }
        out += s[i];
    }
    return out;
}

std::vector<CorpusFile> make_corpus(const CorpusOptions& o) {
    // Protocol texts only: the samples (the OCR'd ones are used clean, as their gold text in
    // tests/data), the grammars' corpus, and the other municipalities' layouts in tests/data.
    // (Reading every entry of tests/data once took its folders and fixture archive as protocols.)
    std::vector<std::string> templates;
    const auto add_templates = [&](const char* dir, const char* suffix) {
        for (const auto& e : fs::directory_iterator(fs::path(o.source_dir) / dir)) {
            const std::string name = e.path().filename().string();
            const bool text_file =
                name.ends_with(suffix) || (std::string(suffix) == ".txt" && name.ends_with(".md"));
            if (!e.is_regular_file() || name.starts_with("README") || !text_file ||
                name.ends_with("-ocr.txt"))
                continue;
            templates.push_back(read(e.path()));
        }
    };
    add_templates("samples", ".txt");
    add_templates("grammars/corpus", ".txt");
    add_templates("tests/data", ".gold.txt");
    add_templates("tests/data/layouts", ".txt");
    fs::create_directories(o.out_dir);
    for (const auto& e : fs::directory_iterator(o.out_dir))
        if (e.path().extension() == ".txt") fs::remove(e.path());

    const RE2 para(R"(§ ?(\d+))"), date(R"(\b20(\d\d)-(\d\d)-(\d\d)\b)"),
        case_no(R"(\b([A-Z]{2,4})-20(\d\d)-(\d{3,6})\b)");
    std::vector<CorpusFile> files;
    std::uint64_t rng = o.seed;
    std::size_t total = 0;
    for (std::size_t n = 0; total < o.bytes; ++n) {
        std::string text = templates[next_random(rng) % templates.size()];
        const int year = 2019 + static_cast<int>(next_random(rng) % 8);
        const int month = 1 + static_cast<int>(next_random(rng) % 12);
        const int day = 1 + static_cast<int>(next_random(rng) % 28);
        char meeting[16];
        std::snprintf(meeting, sizeof meeting, "%04d-%02d-%02d", year, month, day);
        const int para_offset = static_cast<int>(next_random(rng) % 400);
        // Vary what identifies a meeting and a case, so that the archive holds many of each.
        std::string varied;
        re2::StringPiece input(text), num;
        std::size_t last = 0;
        while (RE2::FindAndConsume(&input, para, &num)) {
            const std::size_t end = static_cast<std::size_t>(input.data() - text.data());
            const std::size_t begin = static_cast<std::size_t>(num.data() - text.data());
            varied += text.substr(last, begin - last) +
                      std::to_string(std::stoi(std::string(num)) % 300 + para_offset);
            last = end;
        }
        varied += text.substr(last);
        RE2::GlobalReplace(&varied, date, std::to_string(year) + "-\\2-\\3");
        const std::string serial = std::to_string(100 + next_random(rng) % 5000);
        RE2::GlobalReplace(&varied, case_no, "\\1-" + std::to_string(year) + "-" + serial);
        CorpusFile f;
        f.damaged = static_cast<double>(next_random(rng) % 1000) < o.damaged_share * 1000;
        if (f.damaged) varied = damage(varied, rng);
        char name[64];
        std::snprintf(name, sizeof name, "/p%06zu-%s.txt", n, meeting);
        f.path = o.out_dir + name;
        std::ofstream(f.path, std::ios::binary) << varied;
        f.bytes = varied.size();
        total += f.bytes;
        files.push_back(f);
    }
    return files;
}

}  // namespace kraft::bench
