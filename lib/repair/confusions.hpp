// The OCR confusion tables (grammars/ocr-confusions*.tsv): what the OCR writes for what was there.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "util/error.hpp"
#include "util/table_file.hpp"

namespace kraft {

enum class Place { start, inside, end, any, before_digit };

struct Confusion {
    std::u32string reading;   // what the OCR wrote, e.g. U"i"
    std::u32string original;  // what the text had, e.g. U"ä"
    Place place = Place::any;
    double probability = 0;  // P(reading | original at this place)
    double log_probability = 0;
    bool slip = false;  // a rare letter slip (original is plain ASCII): only for unknown words
};

struct ConfusionModel {
    std::vector<Confusion> letters;  // used inside words
    std::vector<Confusion> symbols;  // place before_digit, e.g. "{" for "§"
    // The letters' indices by the first letter of their reading: the candidates' inner loop.
    std::unordered_map<char32_t, std::vector<std::size_t>> letters_by_first;

    // Errors name the file and line: wrong column count, unknown place, count not a number.
    static Result<ConfusionModel> from_table(const TableFile& table);

    // Adds the other table's confusions. One that both tables have keeps the higher probability:
    // each table measured a different engine, and a reading either engine makes is that likely.
    void merge(const ConfusionModel& other);

    // Rebuilds letters_by_first (from_table and merge do).
    void index();
};

}  // namespace kraft
