// The JSON of `kraft news --json` (man/kraft-news.1) and the Atom feed of `kraft news --format
// atom` (RFC 4287).
#pragma once

#include <ostream>
#include <string>

#include "query/news.hpp"

namespace kraft {

// One object and a newline.
void write_json(std::ostream& out, const News& n);

// An Atom feed: one entry per new event of a followed case and per new hit of a saved search.
// feed_key names the feed for its id (the archive's path: a feed per archive); now is its
// `updated` when it has no entries.
void write_atom(std::ostream& out, const News& n, const std::string& feed_key,
                const std::string& now);

}  // namespace kraft
