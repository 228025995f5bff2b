// A case's events drawn as a vertical time line on a terminal: `kraft timeline` and `kraft news`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "query/timeline.hpp"
#include "terminal.hpp"

namespace kraft::cli {

// The events, each with a note after its heading ("(cited)", "(new: handled)"); notes may be
// empty or shorter than events.
void draw_events(const std::vector<TimelineEvent>& events, const std::vector<std::string>& notes,
                 const Style& st, std::size_t width);

// The case, its events (a cited meeting noted "(cited)") and its related cases.
void draw_timeline(const Timeline& t, const Style& st, std::size_t width);

}  // namespace kraft::cli
