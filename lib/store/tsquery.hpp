// kraft's search syntax (FTS5's, as search writes it: see text_index.hpp) as a PostgreSQL tsquery
// over the tokens fts_tokenizer.hpp indexes, so that PostgreSQL matches what FTS5 matches.
//
//   auto q = to_tsquery(R"(("=namnd" OR "=_namnd") AND "=budget")");
//   // q->text: (('namnd') | ('_namnd')) & ('budget')
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace kraft {

// One phrase of the expression, as bm25 scores it: per word, the tokens that match there.
struct TsPhrase {
    std::vector<std::vector<std::string>> words;
    bool prefix = false;  // the last word's tokens are prefixes
    std::string tsquery;  // this phrase alone
};

struct TsQuery {
    std::string text;
    std::vector<TsPhrase> phrases;  // in the order they appear, as FTS5 numbers them
};

// Errors (a usage error: the expression's): malformed; or NEAR, column filters, "^" and "+",
// which a PostgreSQL archive does not offer.
Result<TsQuery> to_tsquery(std::string_view expression);

}  // namespace kraft
