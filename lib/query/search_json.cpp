#include "query/search_json.hpp"

#include "util/json_writer.hpp"

namespace kraft {

std::string plain_snippet(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != '\x02' && c != '\x03') out += c == '\n' ? ' ' : c;
    return out;
}

void write_hit_fields(JsonWriter& j, const SearchHit& h) {
    j.key("date").value(h.date).key("body").value(h.body).key("paragraph").value(h.paragraph);
    j.key("title").value(h.title).key("case_numbers").begin_array();
    for (const auto& c : h.case_numbers) j.value(c);
    j.end_array();
    j.key("kind").value(to_string(h.kind)).key("snippet").value(plain_snippet(h.snippet));
    j.key("source").value(h.source);
}

void write_json(std::ostream& out, const std::string& query, const SearchResult& r) {
    JsonWriter j(out);
    j.begin_object().key("query").value(query).key("total").value(static_cast<long long>(r.total));
    j.key("hits").begin_array();
    for (const SearchHit& h : r.hits) {
        j.begin_object();
        write_hit_fields(j, h);
        j.end_object();
    }
    j.end_array().end_object();
    out << '\n';
}

}  // namespace kraft
