// The JSON of `kraft timeline --json` (../shared/spec/contract.md, man/kraft-timeline.1).
#pragma once

#include <ostream>

#include "query/timeline.hpp"

namespace kraft {

// One object and a newline.
void write_json(std::ostream& out, const Timeline& t);

}  // namespace kraft
