// The entries of one block of 65,536 consecutive ids that hold a term, as a bitmap: what
// PostgreSQL's postings of a common term are made of (pg_postings.hpp). Two common words'
// entries are then counted by and'ing their blocks, where PostgreSQL's GIN index visits one row
// of the table per match.
//
// Stored as the bitmap itself (8,192 bytes) where it holds 4,096 ids or more, else as those ids'
// offsets in the block, two bytes each (little-endian), in order: never more than 8 KB.
//
//   PostingBlock b;
//   b.set(3);
//   auto same = PostingBlock::decode(b.encoded());   // offsets {3}: two bytes
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kraft {

class PostingBlock {
  public:
    static constexpr std::int64_t kIds = 65536;
    static constexpr std::int64_t block_of(std::int64_t id) { return id / kIds; }
    static constexpr std::int64_t first_id(std::int64_t block) { return block * kIds; }

    // Offsets within the block, 0..kIds-1.
    void set(std::uint32_t offset) { words_[offset >> 6] |= std::uint64_t{1} << (offset & 63); }
    void clear(std::uint32_t offset) {
        words_[offset >> 6] &= ~(std::uint64_t{1} << (offset & 63));
    }
    bool test(std::uint32_t offset) const { return (words_[offset >> 6] >> (offset & 63)) & 1; }
    std::int64_t count() const;
    bool empty() const;
    PostingBlock& operator&=(const PostingBlock& other);
    PostingBlock& operator|=(const PostingBlock& other);
    // Sets the offsets first..last.
    void set_range(std::uint32_t first, std::uint32_t last);
    // Clears the offsets outside first..last.
    void keep_only(std::uint32_t first, std::uint32_t last);

    // The offsets set, ascending, or descending until on_offset returns false.
    template <class OnOffset>
    void each(OnOffset on_offset) const {
        for (std::size_t w = 0; w < words_.size(); ++w)
            for (std::uint64_t bits = words_[w]; bits; bits &= bits - 1)
                on_offset(static_cast<std::uint32_t>(w * 64 + std::countr_zero(bits)));
    }
    template <class OnOffset>
    bool each_descending(OnOffset on_offset) const {
        for (std::size_t w = words_.size(); w-- > 0;)
            for (std::uint64_t bits = words_[w]; bits;) {
                const int top = 63 - std::countl_zero(bits);
                if (!on_offset(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(top))))
                    return false;
                bits &= ~(std::uint64_t{1} << top);
            }
        return true;
    }

    std::string encoded() const;
    // nullopt: not a block's encoding (a length that is neither the bitmap's nor even, offsets
    // out of order).
    static std::optional<PostingBlock> decode(std::string_view bytes);

  private:
    std::array<std::uint64_t, kIds / 64> words_{};
};

}  // namespace kraft
