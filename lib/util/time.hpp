// The current time as the archive records it.
#pragma once

#include <string>

namespace kraft {

// "2026-12-02T03:20:40Z": UTC, ISO 8601, to the second; sorts as text in time order.
std::string now_utc();

}  // namespace kraft
