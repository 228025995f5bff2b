#include "store/packing.hpp"

#include <algorithm>
#include <cmath>

#include "util/compression.hpp"

namespace kraft {

namespace {

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

// Zigzag, for differences that may be negative in a damaged or hand-made list.
std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

class Reader {
  public:
    explicit Reader(std::string_view s) : s_(s) {}
    bool varint(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (i_ >= s_.size()) return false;
            const auto b = static_cast<unsigned char>(s_[i_++]);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return true;
        }
        return false;
    }
    bool bytes(std::size_t n, std::string& out) {
        if (n > s_.size() - i_) return false;
        out.assign(s_.substr(i_, n));
        i_ += n;
        return true;
    }
    bool done() const { return i_ == s_.size(); }

  private:
    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

std::string pack_edits(std::vector<PackedEdit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const PackedEdit& x, const PackedEdit& y) { return x.offset < y.offset; });
    std::string raw;
    put_varint(raw, edits.size());
    std::int64_t offset = 0, line = 0;
    for (const PackedEdit& e : edits) {
        put_varint(raw, zigzag(e.offset - offset));
        put_varint(raw, static_cast<std::uint64_t>(e.length));
        put_varint(raw, zigzag(e.line - line));
        put_varint(raw, static_cast<std::uint64_t>(e.column));
        put_varint(raw, static_cast<std::uint64_t>(std::lround(e.confidence * 1000)));
        put_varint(raw, static_cast<std::uint64_t>(e.reason_id));
        put_varint(raw, e.to.size());
        raw += e.to;
        offset = e.offset;
        line = e.line;
    }
    return compress(raw);
}

Result<std::vector<PackedEdit>> unpack_edits(std::string_view blob) {
    auto raw = decompress(blob);
    if (!raw) return std::unexpected(raw.error());
    const auto damaged = [] { return fail("", 0, "a packed list of repair edits is damaged"); };
    Reader r(*raw);
    std::uint64_t count = 0;
    if (!r.varint(count) || count > raw->size()) return damaged();
    std::vector<PackedEdit> out(static_cast<std::size_t>(count));
    std::int64_t offset = 0, line = 0;
    for (PackedEdit& e : out) {
        std::uint64_t d_offset, length, d_line, column, confidence, reason, to_size;
        if (!r.varint(d_offset) || !r.varint(length) || !r.varint(d_line) || !r.varint(column) ||
            !r.varint(confidence) || !r.varint(reason) || !r.varint(to_size) ||
            !r.bytes(static_cast<std::size_t>(to_size), e.to))
            return damaged();
        offset += unzigzag(d_offset);
        line += unzigzag(d_line);
        e.offset = offset;
        e.length = static_cast<std::int64_t>(length);
        e.line = static_cast<int>(line);
        e.column = static_cast<int>(column);
        e.confidence = static_cast<double>(confidence) / 1000;
        e.reason_id = static_cast<std::int64_t>(reason);
    }
    if (!r.done()) return damaged();
    return out;
}

}  // namespace kraft
