#include "pipeline/inputs.hpp"

#include <algorithm>
#include <filesystem>

#include "ingest/input_format.hpp"

namespace kraft {

namespace fs = std::filesystem;

namespace {

// The protocol files under folder, sorted; errors reported and counted.
std::vector<std::string> walk(const std::string& folder,
                              const std::function<void(const Error&)>& on_error,
                              std::size_t& failures) {
    std::vector<std::string> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec),
        end;
    if (ec) {
        if (on_error) on_error(Error{folder, 0, 0, ec.message()});
        ++failures;
        return found;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            if (on_error) on_error(Error{it->path().string(), 0, 0, ec.message()});
            ++failures;
            ec.clear();
            continue;
        }
        std::error_code fe;
        if (!it->is_directory(fe) && protocol_file_name(it->path()))
            found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& paths,
                                        const std::function<void(const Error&)>& on_error,
                                        std::size_t& failures) {
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (p != "-" && fs::is_directory(p, ec)) {
            const auto found = walk(p, on_error, failures);
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);  // files (any extension) and "-" as given; errors surface on reading
        }
    }
    return out;
}

}  // namespace kraft
