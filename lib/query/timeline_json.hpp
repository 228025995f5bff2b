// The JSON of `kraft timeline --json` (../shared/spec/contract.md, man/kraft-timeline.1).
#pragma once

#include <ostream>

#include "query/timeline.hpp"
#include "util/json_writer.hpp"

namespace kraft {

// One object and a newline.
void write_json(std::ostream& out, const Timeline& t);
// An event's fields, inside an object the caller opened (`kraft news` adds its own).
void write_event_fields(JsonWriter& j, const TimelineEvent& e);

}  // namespace kraft
