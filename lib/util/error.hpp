// Errors are values: every fallible library function returns Result<T>. Only cli/ prints them.
#pragma once

#include <expected>
#include <string>

namespace kraft {

// Where something went wrong and why. line/column are 1-based; 0 means unknown.
struct Error {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;

    // "FILE:LINE: message", "FILE: message" or "message", as the CLI prints it after "kraft: ".
    std::string str() const;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string file, int line, std::string message) {
    return std::unexpected(Error{std::move(file), line, 0, std::move(message)});
}

}  // namespace kraft
