// What an import reads: the files named, and the protocol files of the folders named.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace kraft {

// Expands folders (recursively: protocol_file_name()'s files, sorted; symlinked folders are not
// followed, so a loop cannot trap the walk) and keeps files and "-" as given. Unreadable folders
// are reported to on_error and counted in failures.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths,
                                        const std::function<void(const Error&)>& on_error,
                                        std::size_t& failures);

}  // namespace kraft
