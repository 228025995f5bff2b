#include "store/posting_block.hpp"

#include <bit>

namespace kraft {

namespace {

// From this many ids on the bitmap is smaller than their offsets.
constexpr std::int64_t kBitmapFrom = PostingBlock::kIds / 16;
constexpr std::size_t kBitmapBytes = PostingBlock::kIds / 8;

}  // namespace

std::int64_t PostingBlock::count() const {
    std::int64_t n = 0;
    for (std::uint64_t w : words_) n += std::popcount(w);
    return n;
}

bool PostingBlock::empty() const {
    for (std::uint64_t w : words_)
        if (w) return false;
    return true;
}

PostingBlock& PostingBlock::operator&=(const PostingBlock& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
    return *this;
}

PostingBlock& PostingBlock::operator|=(const PostingBlock& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
    return *this;
}

void PostingBlock::keep_only(std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t w = 0; w < words_.size(); ++w) {
        const std::uint32_t lo = w * 64, hi = lo + 63;
        if (hi < first || lo > last) {
            words_[w] = 0;
            continue;
        }
        if (lo < first) words_[w] &= ~std::uint64_t{0} << (first - lo);
        if (hi > last) words_[w] &= ~std::uint64_t{0} >> (hi - last);
    }
}

void PostingBlock::set_range(std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t w = first >> 6; w <= (last >> 6) && w < words_.size(); ++w) {
        const std::uint32_t lo = w * 64, hi = lo + 63;
        std::uint64_t bits = ~std::uint64_t{0};
        if (lo < first) bits &= ~std::uint64_t{0} << (first - lo);
        if (hi > last) bits &= ~std::uint64_t{0} >> (hi - last);
        words_[w] |= bits;
    }
}

std::string PostingBlock::encoded() const {
    std::string out;
    if (count() >= kBitmapFrom) {
        out.reserve(kBitmapBytes);
        for (std::uint64_t w : words_)
            for (int b = 0; b < 8; ++b) out += static_cast<char>((w >> (8 * b)) & 0xFF);
        return out;
    }
    each([&](std::uint32_t offset) {
        out += static_cast<char>(offset & 0xFF);
        out += static_cast<char>(offset >> 8);
    });
    return out;
}

std::optional<PostingBlock> PostingBlock::decode(std::string_view bytes) {
    PostingBlock out;
    const auto byte = [&](std::size_t i) {
        return static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i]));
    };
    if (bytes.size() == kBitmapBytes) {
        for (std::size_t w = 0; w < out.words_.size(); ++w)
            for (std::size_t b = 0; b < 8; ++b) out.words_[w] |= byte(w * 8 + b) << (8 * b);
        return out;
    }
    if (bytes.size() % 2 != 0 || bytes.size() >= 2 * kBitmapFrom) return std::nullopt;
    std::int64_t previous = -1;
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        const auto offset = static_cast<std::uint32_t>(byte(i) | byte(i + 1) << 8);
        if (static_cast<std::int64_t>(offset) <= previous) return std::nullopt;
        previous = offset;
        out.set(offset);
    }
    return out;
}

}  // namespace kraft
