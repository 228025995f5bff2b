// What the benchmark programs share: timing and number formatting.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace kraft::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

inline std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

}  // namespace kraft::bench
