// ocr_score GOLD REPAIRED OCR [MIN_FIXED_SHARE MAX_BROKEN]: scores a repair word by word, the way
// ../shared/tools/ocr-eval does (line for line, whitespace-separated tokens), and fails (exit 1)
// when fewer than MIN_FIXED_SHARE of the damaged words are fixed or more than MAX_BROKEN correct
// words were broken.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {
std::vector<std::vector<std::string>> lines_of_words(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "ocr_score: cannot read " << path << '\n';
        std::exit(2);
    }
    std::vector<std::vector<std::string>> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::vector<std::string> words;
        for (std::string w; ls >> w;) words.push_back(w);
        out.push_back(std::move(words));
    }
    return out;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: ocr_score GOLD REPAIRED OCR [MIN_FIXED_SHARE MAX_BROKEN]\n";
        return 2;
    }
    const auto gold = lines_of_words(argv[1]), rep = lines_of_words(argv[2]),
               ocr = lines_of_words(argv[3]);
    if (gold.size() != rep.size() || gold.size() != ocr.size()) {
        std::cerr << "ocr_score: line counts differ (" << gold.size() << ", " << rep.size() << ", "
                  << ocr.size() << ")\n";
        return 1;
    }
    long words = 0, damaged = 0, fixed = 0, broken = 0;
    for (std::size_t l = 0; l < gold.size(); ++l) {
        if (gold[l].size() != rep[l].size() || gold[l].size() != ocr[l].size()) {
            std::cerr << "ocr_score: line " << l + 1 << ": word counts differ\n";
            return 1;
        }
        for (std::size_t w = 0; w < gold[l].size(); ++w) {
            ++words;
            const bool was_right = ocr[l][w] == gold[l][w], is_right = rep[l][w] == gold[l][w];
            if (!was_right) {
                ++damaged;
                if (is_right)
                    ++fixed;
                else
                    std::cerr << "still wrong, line " << l + 1 << ": " << rep[l][w] << " (gold "
                              << gold[l][w] << ")\n";
            } else if (!is_right) {
                ++broken;
                std::cerr << "broken, line " << l + 1 << ": " << gold[l][w] << " -> " << rep[l][w]
                          << '\n';
            }
        }
    }
    const double share = damaged ? static_cast<double>(fixed) / static_cast<double>(damaged) : 1.0;
    std::cout << "words=" << words << " damaged=" << damaged << " fixed=" << fixed
              << " broken=" << broken << " fixed_share=" << share << '\n';
    if (argc >= 6 && (share < std::atof(argv[4]) || broken > std::atol(argv[5]))) return 1;
    return 0;
}
