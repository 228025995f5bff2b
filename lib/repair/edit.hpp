// An edit a repair makes, and how edits of successive repair passes combine.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/word_confidence.hpp"

namespace kraft {

struct RepairEdit {
    std::size_t offset = 0, length = 0;  // bytes in the input text
    std::string from, to;
    double confidence = 0;  // 0..1: the chosen spelling's share of the probability of all spellings
    std::string reason;
};

// The text with the edits (sorted by offset, not overlapping) made.
std::string apply_edits(std::string_view text, const std::vector<RepairEdit>& edits);

// Edits `second`, made on the text that `first` gave, moved back to the offsets of the text that
// `first` was made on, and merged with `first` in text order. One of `second` that touches an
// edit of `first` is dropped: the earlier pass decided that stretch already.
std::vector<RepairEdit> compose_edits(std::vector<RepairEdit> first,
                                      std::vector<RepairEdit> second);

// Spans of the text the edits were made on (sorted by offset), moved to the offsets of the text
// the edits made. A span an edit touches is dropped: it no longer says what stands there.
std::vector<WordConfidence> shift_spans(const std::vector<WordConfidence>& spans,
                                        const std::vector<RepairEdit>& edits);

}  // namespace kraft
