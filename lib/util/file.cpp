#include "util/file.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace kraft {

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
    if (path == "-") {
        // In chunks, stopping at the limit: standard input has no size to check beforehand.
        std::string data;
        char buf[1 << 16];
        std::size_t got;
        while ((got = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
            if (data.size() + got > max_bytes)
                return fail("-", 0,
                            "input larger than " + std::to_string(max_bytes >> 20) + " MiB");
            data.append(buf, got);
        }
        if (std::ferror(stdin)) return fail("-", 0, std::strerror(errno));
        return data;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return fail(path, 0, std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return fail(path, 0, "is a directory");
    if (!S_ISREG(st.st_mode)) return fail(path, 0, "not a regular file");
    if (static_cast<std::size_t>(st.st_size) > max_bytes)
        return fail(path, 0,
                    "file larger than " + std::to_string(max_bytes >> 20) +
                        " MiB; a protocol is far smaller (split the file)");
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return fail(path, 0, std::strerror(errno));
    std::string data(static_cast<std::size_t>(st.st_size), '\0');
    const std::size_t got = std::fread(data.data(), 1, data.size(), f.get());
    if (std::ferror(f.get())) return fail(path, 0, std::strerror(errno));
    data.resize(got);  // the file may have shrunk since stat()
    return data;
}

std::string content_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%zx", static_cast<unsigned long long>(h), bytes.size());
    return buf;
}

}  // namespace kraft
