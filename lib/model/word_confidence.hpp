// How sure an OCR engine was of a word it read: what ingest hands repair.
#pragma once

#include <cstddef>

namespace kraft {

struct WordConfidence {
    std::size_t offset = 0, length = 0;  // bytes, in the text the OCR produced
    float confidence = 0;                // the engine's, 0..100
};

}  // namespace kraft
