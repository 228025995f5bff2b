#include "store/pg_postings.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "util/text.hpp"

namespace kraft {

namespace {

// A term gets postings from this many entries on: fewer are counted through the GIN index in
// about 20 ms (a visit of a row each). The setting kraft.postings_from overrides it
// (PGOPTIONS="-c kraft.postings_from=2": the tests give every term postings).
constexpr std::int64_t kPostingsFrom = 20000;
// What making fresh terms' postings costs either way, in microseconds, measured at 1.8 million
// entries and 22,000 terms with postings: reading an entry's words once for every term; or,
// through the GIN index, a question per term, a row visited per entry it lists, and a block
// stored per 65,536 ids.
constexpr double kReadUs = 260, kTermUs = 300, kListedUs = 1.1, kBlockUs = 400;
// Entries read from the server at a time.
constexpr int kReadPage = 2000;
// Rows written in one statement.
constexpr std::size_t kWriteBatch = 64;

const std::string kPostingsFromSql =
    "coalesce(CAST(nullif(current_setting('kraft.postings_from', true), '') AS bigint), " +
    std::to_string(kPostingsFrom) + ")";

std::string booleans(const std::vector<bool>& values) {
    std::string out = "{";
    for (bool v : values) out += std::string(out.size() > 1 ? "," : "") + (v ? "t" : "f");
    return out + "}";
}

// What finds a term's entries through the GIN indexes, and its parameters.
std::pair<std::string, std::vector<std::string>> term_condition(const std::string& token,
                                                                bool as_key) {
    if (token.find(' ') != std::string::npos)
        return {"pairs @@ CAST(quote_literal(?) AS tsquery)", {token}};
    if (as_key && token.ends_with('*')) {
        const std::string p = token.substr(0, token.size() - 1);
        return {
            "words @@ CAST(quote_literal(?) || ':* | ' || quote_literal('_' || ?) || ':*' AS "
            "tsquery)",
            {p, p}};
    }
    if (as_key)
        return {"words @@ CAST(quote_literal(?) || ' | ' || quote_literal('_' || ?) AS tsquery)",
                {token, token}};
    return {"words @@ CAST(quote_literal(?) AS tsquery)", {token}};
}

// The terms' places in a list, by spelling and by whether they are keys.
class TermIndex {
  public:
    void add(const std::string& token, bool as_key, std::size_t at) {
        by_[as_key ? 1 : 0].emplace(token, at);
    }
    const std::size_t* find(std::string_view token, bool as_key) const {
        const auto& m = by_[as_key ? 1 : 0];
        const auto it = m.find(token);
        return it == m.end() ? nullptr : &it->second;
    }

  private:
    std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> by_[2];
};

}  // namespace

Result<void> PgPostings::rows(const std::string& sql, const std::vector<std::string>& params,
                              const std::function<void(const SqlStatement&)>& on_row) {
    return cached_rows(statements_, sql, params, on_row);
}

Result<PostingBlocks> PgPostings::blocks(const CountedTerm& term, std::int64_t first,
                                         std::int64_t last) {
    PostingBlocks out;
    if (last < first) return out;
    const std::int64_t first_block = PostingBlock::block_of(first),
                       last_block = PostingBlock::block_of(last);
    bool damaged = false;
    if (auto ok = rows("SELECT block, ids FROM term_postings WHERE token = ? AND as_key = CAST(? "
                       "AS boolean) AND block >= CAST(? AS bigint) AND block <= CAST(? AS bigint)",
                       {term.token, term.as_key ? "t" : "f", std::to_string(first_block),
                        std::to_string(last_block)},
                       [&](const SqlStatement& row) {
                           auto b = PostingBlock::decode(row.blob(1));
                           if (!b) {
                               damaged = true;
                               return;
                           }
                           out.emplace(row.integer(0), *b);
                       });
        !ok)
        return std::unexpected(ok.error());
    if (damaged) return fail(db_.path(), 0, "the postings of \"" + term.token + "\" are damaged");
    const auto offset = [](std::int64_t id) {
        return static_cast<std::uint32_t>(id - PostingBlock::first_id(PostingBlock::block_of(id)));
    };
    if (auto it = out.find(first_block); it != out.end())
        it->second.keep_only(offset(first), PostingBlock::kIds - 1);
    if (auto it = out.find(last_block); it != out.end()) it->second.keep_only(0, offset(last));
    std::erase_if(out, [](const auto& b) { return b.second.empty(); });
    return out;
}

Result<void> PgPostings::keep(const std::atomic<bool>& stop) {
    std::int64_t upto = 0, last = 0, entries = 0;
    if (auto ok = rows("SELECT t.postings_upto, t.entries, (SELECT coalesce(max(id), 0) FROM "
                       "entry_index) FROM index_totals t",
                       {},
                       [&](const SqlStatement& row) {
                           upto = row.integer(0);
                           entries = row.integer(1);
                           last = row.integer(2);
                       });
        !ok)
        return ok;
    // Those with postings first, then the fresh ones.
    std::vector<Term> terms;
    std::size_t fresh_from = 0;
    double listed = 0;
    if (auto ok = rows("SELECT token, as_key, postings, entries FROM token_counts WHERE postings "
                       "OR entries >= " +
                           kPostingsFromSql + " ORDER BY postings DESC, token, as_key",
                       {},
                       [&](const SqlStatement& row) {
                           terms.push_back({row.text(0), row.integer(1) != 0});
                           if (row.integer(2) != 0)
                               fresh_from = terms.size();
                           else
                               listed += row.real(3);
                       });
        !ok)
        return ok;
    const std::vector<Term> fresh(terms.begin() + static_cast<std::ptrdiff_t>(fresh_from),
                                  terms.end());
    if (fresh.empty() && last <= upto) return {};
    // Fresh terms' older entries: from their lists where there are few, else by reading every
    // entry once (an archive's first postings: every common term at once).
    const double blocks = static_cast<double>(PostingBlock::block_of(upto) + 1);
    const bool read_all = !fresh.empty() && listed * kListedUs + static_cast<double>(fresh.size()) *
                                                                     (kTermUs + blocks * kBlockUs) >
                                                static_cast<double>(entries) * kReadUs;
    if (!read_all)
        if (auto ok = keep_listed(fresh, upto, stop); !ok) return ok;
    if (auto ok = keep_read(terms, read_all ? fresh_from : terms.size(), read_all ? 0 : upto + 1,
                            upto, last, stop);
        !ok)
        return ok;
    if (stop) return {};  // what was written is past postings_upto, or of terms not yet marked
    std::vector<std::string> tokens;
    std::vector<bool> as_key;
    for (const Term& t : fresh) {
        tokens.push_back(t.token);
        as_key.push_back(t.as_key);
    }
    if (auto ok = rows("UPDATE token_counts c SET postings = true FROM unnest(CAST(? AS text[]), "
                       "CAST(? AS boolean[])) AS f(token, as_key) WHERE c.token = f.token AND "
                       "c.as_key = f.as_key",
                       {pg_text_array(tokens), booleans(as_key)}, [](const SqlStatement&) {});
        !ok)
        return ok;
    return rows("UPDATE index_totals SET postings_upto = CAST(? AS bigint)", {std::to_string(last)},
                [](const SqlStatement&) {});
}

Result<void> PgPostings::keep_listed(const std::vector<Term>& fresh, std::int64_t upto,
                                     const std::atomic<bool>& stop) {
    // The GIN lists alone: a walk of the primary key would read every entry's words.
    if (auto ok = db_.exec("SET LOCAL enable_indexscan = off"); !ok) return ok;
    for (const Term& t : fresh) {
        if (stop) break;
        auto [condition, params] = term_condition(t.token, t.as_key);
        params.push_back(std::to_string(upto));
        PostingBlocks blocks;
        if (auto ok = rows(
                "SELECT id FROM entry_index WHERE " + condition + " AND id <= CAST(? AS bigint)",
                params,
                [&](const SqlStatement& row) {
                    const std::int64_t id = row.integer(0);
                    const std::int64_t b = PostingBlock::block_of(id);
                    blocks[b].set(static_cast<std::uint32_t>(id - PostingBlock::first_id(b)));
                });
            !ok)
            return ok;
        for (const auto& [b, bits] : blocks)
            if (auto ok = merge(b, {t}, {bits}); !ok) return ok;
    }
    return db_.exec("SET LOCAL enable_indexscan = on");
}

Result<void> PgPostings::keep_read(const std::vector<Term>& terms, std::size_t fresh_from,
                                   std::int64_t from, std::int64_t upto, std::int64_t last,
                                   const std::atomic<bool>& stop) {
    if (from > last || terms.empty()) return {};
    TermIndex index;
    PrefixSet leading;  // every prefix (of 3 letters on) of the prefixes with postings
    for (std::size_t k = 0; k < terms.size(); ++k) {
        index.add(terms[k].token, terms[k].as_key, k);
        if (terms[k].as_key && terms[k].token.ends_with('*'))
            for (std::size_t n = 1; n < terms[k].token.size(); ++n)
                leading.insert(terms[k].token.substr(0, n));
    }
    for (std::int64_t b = PostingBlock::block_of(from); b <= PostingBlock::block_of(last); ++b) {
        const std::int64_t base = PostingBlock::first_id(b);
        std::int64_t after = std::max(from, base) - 1;
        const std::int64_t end = std::min(last, base + PostingBlock::kIds - 1);
        std::vector<std::unique_ptr<PostingBlock>> bits(terms.size());
        for (bool more = true; more && !stop;) {
            more = false;
            std::vector<std::string> lexemes;
            if (auto ok =
                    rows("SELECT id, array_to_string(tsvector_to_array(words) || "
                         "tsvector_to_array(pairs), chr(9)) FROM entry_index WHERE id > CAST(? AS "
                         "bigint) AND id <= CAST(? AS bigint) ORDER BY id LIMIT " +
                             std::to_string(kReadPage),
                         {std::to_string(after), std::to_string(end)},
                         [&](const SqlStatement& row) {
                             more = true;
                             after = row.integer(0);
                             const std::size_t first = after <= upto ? fresh_from : 0;
                             const auto offset = static_cast<std::uint32_t>(after - base);
                             lexemes = text::split(row.text(1), '\t');
                             each_entry_term(
                                 lexemes, nullptr,
                                 [&](std::string_view token, bool as_key) {
                                     const std::size_t* k = index.find(token, as_key);
                                     if (!k || *k < first) return;
                                     if (!bits[*k]) bits[*k] = std::make_unique<PostingBlock>();
                                     bits[*k]->set(offset);
                                 },
                                 &leading);
                         });
                !ok)
                return ok;
        }
        if (stop) return {};
        std::vector<Term> touched;
        std::vector<PostingBlock> touched_bits;
        for (std::size_t k = 0; k < terms.size(); ++k)
            if (bits[k]) {
                touched.push_back(terms[k]);
                touched_bits.push_back(*bits[k]);
                bits[k].reset();
            }
        if (auto ok = merge(b, touched, touched_bits); !ok) return ok;
    }
    return {};
}

Result<void> PgPostings::merge(std::int64_t block, const std::vector<Term>& terms,
                               const std::vector<PostingBlock>& bits, bool clear) {
    for (std::size_t at = 0; at < terms.size(); at += kWriteBatch) {
        const std::size_t n = std::min(kWriteBatch, terms.size() - at);
        std::vector<std::string> tokens;
        std::vector<bool> as_key;
        std::map<std::pair<std::string, bool>, PostingBlock> merged;
        for (std::size_t k = at; k < at + n; ++k) {
            tokens.push_back(terms[k].token);
            as_key.push_back(terms[k].as_key);
            if (!clear) merged.emplace(std::pair{terms[k].token, terms[k].as_key}, bits[k]);
        }
        std::map<std::pair<std::string, bool>, std::size_t> where;
        for (std::size_t k = at; k < at + n; ++k) where[{terms[k].token, terms[k].as_key}] = k;
        bool damaged = false;
        if (auto ok =
                rows("SELECT p.token, p.as_key, p.ids FROM term_postings p JOIN "
                     "unnest(CAST(? AS text[]), CAST(? AS boolean[])) AS u(token, as_key) "
                     "ON p.token = u.token AND p.as_key = u.as_key WHERE p.block = CAST(? "
                     "AS bigint)",
                     {pg_text_array(tokens), booleans(as_key), std::to_string(block)},
                     [&](const SqlStatement& row) {
                         const std::pair<std::string, bool> term{row.text(0), row.integer(1) != 0};
                         auto stored = PostingBlock::decode(row.blob(2));
                         if (!stored) {
                             damaged = true;
                             return;
                         }
                         const PostingBlock& mine = bits[where.at(term)];
                         if (clear) {
                             PostingBlock kept_bits = *stored;
                             mine.each([&](std::uint32_t o) { kept_bits.clear(o); });
                             merged.emplace(term, kept_bits);
                         } else {
                             merged.at(term) |= *stored;
                         }
                     });
            !ok)
            return ok;
        if (damaged) return fail(db_.path(), 0, "stored postings are damaged");
        std::vector<std::pair<const std::pair<std::string, bool>*, std::string>> writes;
        for (const auto& [term, b] : merged) {
            if (b.empty()) {
                if (auto ok = rows("DELETE FROM term_postings WHERE token = ? AND as_key = CAST(? "
                                   "AS boolean) AND block = CAST(? AS bigint)",
                                   {term.first, term.second ? "t" : "f", std::to_string(block)},
                                   [](const SqlStatement&) {});
                    !ok)
                    return ok;
                continue;
            }
            writes.emplace_back(&term, b.encoded());
        }
        if (writes.empty()) continue;
        std::string sql = "INSERT INTO term_postings(token, as_key, block, ids) VALUES ";
        for (std::size_t k = 0; k < writes.size(); ++k)
            sql += std::string(k ? ", " : "") + "(?, CAST(? AS boolean), CAST(? AS bigint), ?)";
        sql += " ON CONFLICT (token, as_key, block) DO UPDATE SET ids = excluded.ids";
        auto st = statements_.get(sql);
        if (!st) return std::unexpected(st.error());
        int p = 0;
        for (const auto& [term, bytes] : writes) {
            (*st)->bind_text(++p, term->first);
            (*st)->bind_text(++p, term->second ? "t" : "f");
            (*st)->bind_integer(++p, block);
            (*st)->bind_blob(++p, bytes);
        }
        if (auto ok = (*st)->run(); !ok) return ok;
    }
    return {};
}

Result<void> PgPostings::forget(const std::vector<std::int64_t>& ids,
                                const std::vector<std::vector<std::string>>& lexemes,
                                const KeptPrefixes& kept) {
    // By block: the entries' bits, taken from every term one of them holds.
    std::map<std::int64_t, std::pair<PostingBlock, std::set<std::pair<std::string, bool>>>> gone;
    for (std::size_t k = 0; k < ids.size() && k < lexemes.size(); ++k) {
        const std::int64_t b = PostingBlock::block_of(ids[k]);
        auto& [bits, terms] = gone[b];
        bits.set(static_cast<std::uint32_t>(ids[k] - PostingBlock::first_id(b)));
        each_entry_term(lexemes[k], &kept, [&](std::string_view token, bool as_key) {
            terms.emplace(std::string(token), as_key);
        });
    }
    for (const auto& [b, what] : gone) {
        std::vector<Term> terms;
        for (const auto& [token, as_key] : what.second) terms.push_back({token, as_key});
        if (auto ok = merge(b, terms, std::vector<PostingBlock>(terms.size(), what.first), true);
            !ok)
            return ok;
    }
    return {};
}

Result<std::vector<std::string>> PgPostings::check() {
    std::vector<std::string> problems;
    std::int64_t upto = 0;
    if (auto ok = rows("SELECT postings_upto FROM index_totals", {},
                       [&](const SqlStatement& row) { upto = row.integer(0); });
        !ok)
        return std::unexpected(ok.error());
    std::vector<Term> terms;
    std::vector<std::int64_t> kept_counts;
    if (auto ok = rows("SELECT token, as_key, entries FROM token_counts WHERE postings ORDER BY "
                       "token, as_key",
                       {},
                       [&](const SqlStatement& row) {
                           terms.push_back({row.text(0), row.integer(1) != 0});
                           kept_counts.push_back(row.integer(2));
                       });
        !ok)
        return std::unexpected(ok.error());
    if (terms.empty()) return problems;
    // The entries stored since the postings were made hold the rest of each term's count.
    KeptPrefixes prefixes;
    TermIndex index;
    for (std::size_t k = 0; k < terms.size(); ++k) {
        index.add(terms[k].token, terms[k].as_key, k);
        if (terms[k].as_key && terms[k].token.ends_with('*'))
            prefixes.insert(terms[k].token.substr(0, terms[k].token.size() - 1));
    }
    std::vector<std::int64_t> later(terms.size(), 0);
    if (auto ok = rows("SELECT array_to_string(tsvector_to_array(words) || "
                       "tsvector_to_array(pairs), chr(9)) FROM entry_index WHERE id > CAST(? AS "
                       "bigint)",
                       {std::to_string(upto)},
                       [&](const SqlStatement& row) {
                           std::set<std::size_t> held;
                           each_entry_term(text::split(row.text(0), '\t'), &prefixes,
                                           [&](std::string_view token, bool as_key) {
                                               if (auto k = index.find(token, as_key))
                                                   held.insert(*k);
                                           });
                           for (std::size_t k : held) ++later[k];
                       });
        !ok)
        return std::unexpected(ok.error());
    std::int64_t wrong = 0;
    for (std::size_t k = 0; k < terms.size(); ++k) {
        auto blocks = this->blocks({terms[k].token, terms[k].as_key}, 0, upto);
        if (!blocks) return std::unexpected(blocks.error());
        std::int64_t n = later[k];
        for (const auto& [b, bits] : *blocks) n += bits.count();
        if (n != kept_counts[k]) ++wrong;
    }
    if (wrong > 0)
        problems.push_back("full-text index: the postings of " + std::to_string(wrong) +
                           " terms do not hold their entries");
    return problems;
}

}  // namespace kraft
