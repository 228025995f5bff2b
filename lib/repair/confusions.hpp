// The OCR confusion table (grammars/ocr-confusions.tsv): what the OCR writes for what was there.
#pragma once

#include <string>
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
    bool slip = false;       // a rare letter slip (original is plain ASCII): only for unknown words
};

struct ConfusionModel {
    std::vector<Confusion> letters;  // used inside words
    std::vector<Confusion> symbols;  // place before_digit, e.g. "{" for "§"

    // Errors name the file and line: wrong column count, unknown place, count not a number.
    static Result<ConfusionModel> from_table(const TableFile& table);
};

}  // namespace kraft
