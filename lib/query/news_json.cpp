#include "query/news_json.hpp"

#include <cstdint>
#include <cstdio>

#include "query/search_json.hpp"
#include "query/timeline_json.hpp"
#include "util/json_writer.hpp"
#include "util/xml.hpp"

namespace kraft {

namespace {

void write_case(JsonWriter& j, const CaseNews& c) {
    j.begin_object().key("case").value(c.case_key).key("events").begin_array();
    for (const NewsEvent& e : c.events) {
        j.begin_object();
        j.key("change").value(to_string(e.change)).key("imported_at").value(e.imported_at);
        write_event_fields(j, e.event);
        j.end_object();
    }
    j.end_array().end_object();
}

void write_search(JsonWriter& j, const SearchNews& s) {
    j.begin_object().key("search").value(s.search.describe()).key("query").value(s.search.text);
    j.key("total").value(static_cast<long long>(s.total)).key("hits").begin_array();
    for (std::size_t i = 0; i < s.hits.size(); ++i) {
        j.begin_object();
        write_hit_fields(j, s.hits[i]);
        j.key("imported_at").value(s.imported_at[i]);
        j.end_object();
    }
    j.end_array().end_object();
}

// A name-based UUID (RFC 9562 version 8) from two FNV-1a hashes of key: an entry keeps its id
// however often the feed is written.
std::string uuid_of(const std::string& key) {
    std::uint64_t h[2] = {1469598103934665603ULL, 0x84222325cbf29ce4ULL};
    for (std::uint64_t& x : h)
        for (unsigned char c : key) {
            x ^= c;
            x *= 1099511628211ULL;
        }
    h[0] = (h[0] & ~0xF000ULL) | 0x8000ULL;                         // version 8
    h[1] = (h[1] & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
    char buf[48];
    std::snprintf(buf, sizeof buf, "urn:uuid:%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(h[0] >> 32),
                  static_cast<unsigned long long>((h[0] >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(h[0] & 0xFFFF),
                  static_cast<unsigned long long>(h[1] >> 48),
                  static_cast<unsigned long long>(h[1] & 0xFFFFFFFFFFFFULL));
    return buf;
}

std::string meeting_of(const TimelineEvent& e) {
    std::string out = e.body.empty() ? "(body unknown)" : e.body;
    out += " " + e.date.value_or("(no date)");
    if (e.paragraph) out += " § " + std::to_string(*e.paragraph);
    return out;
}

std::string statements_of(const TimelineEvent& e) {
    std::string out;
    for (const TimelineStatement& s : e.statements) {
        out += out.empty() ? "" : "; ";
        out += std::string(to_string(s.kind));
        for (const auto& p : s.parties) out += " " + p;
    }
    return out;
}

void write_entry(std::ostream& out, const std::string& id, const std::string& title,
                 const std::string& updated, const std::string& category,
                 const std::string& summary) {
    out << "  <entry>\n    <id>" << id << "</id>\n    <title>" << xml_escape(title)
        << "</title>\n    <updated>" << updated << "</updated>\n    <category term=\""
        << xml_escape(category) << "\"/>\n    <summary>" << xml_escape(summary)
        << "</summary>\n  </entry>\n";
}

void write_case_entries(std::ostream& out, const CaseNews& c) {
    for (const NewsEvent& n : c.events) {
        const TimelineEvent& e = n.event;
        std::string summary = e.title;
        if (!e.decision.empty()) summary += "\n→ " + e.decision;
        if (const std::string s = statements_of(e); !s.empty()) summary += "\n" + s;
        summary += "\n" + e.source;
        write_entry(
            out,
            uuid_of("case\n" + c.case_key + "\n" + std::string(to_string(n.change)) + "\n" +
                    meeting_of(e) + "\n" + e.source),
            c.case_key + ": " + meeting_of(e) + " (" + std::string(to_string(n.change)) + ")",
            n.imported_at, std::string(to_string(n.change)), summary);
    }
}

void write_search_entries(std::ostream& out, const SearchNews& s) {
    for (std::size_t i = 0; i < s.hits.size(); ++i) {
        const SearchHit& h = s.hits[i];
        const std::string meeting =
            h.body + " " + h.date.value_or("(no date)") + " § " + std::to_string(h.paragraph);
        write_entry(out,
                    uuid_of("search\n" + s.search.describe() + "\n" + meeting + "\n" +
                            std::string(to_string(h.kind)) + "\n" + h.source),
                    s.search.describe() + ": " + meeting + " " + h.title, s.imported_at[i],
                    "search", plain_snippet(h.snippet) + "\n" + h.source);
    }
}

// The newest `updated` of the entries, or now.
std::string feed_updated(const News& n, const std::string& now) {
    std::string latest;
    for (const CaseNews& c : n.cases)
        for (const NewsEvent& e : c.events) latest = std::max(latest, e.imported_at);
    for (const SearchNews& s : n.searches)
        for (const std::string& at : s.imported_at) latest = std::max(latest, at);
    return latest.empty() ? now : latest;
}

}  // namespace

void write_json(std::ostream& out, const News& n) {
    JsonWriter j(out);
    j.begin_object().key("since").value(n.since).key("import_run").value(n.import_run);
    j.key("cases").begin_array();
    for (const CaseNews& c : n.cases) write_case(j, c);
    j.end_array().key("searches").begin_array();
    for (const SearchNews& s : n.searches) write_search(j, s);
    j.end_array().end_object();
    out << '\n';
}

void write_atom(std::ostream& out, const News& n, const std::string& feed_key,
                const std::string& now) {
    out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        << "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        << "  <id>" << uuid_of("feed\n" + feed_key) << "</id>\n"
        << "  <title>kraft: news of followed cases and searches</title>\n"
        << "  <subtitle>" << xml_escape("Imported since " + n.since) << "</subtitle>\n"
        << "  <updated>" << feed_updated(n, now) << "</updated>\n"
        << "  <author><name>kraft</name></author>\n"
        << "  <generator>kraft</generator>\n";
    for (const CaseNews& c : n.cases) write_case_entries(out, c);
    for (const SearchNews& s : n.searches) write_search_entries(out, s);
    out << "</feed>\n";
}

}  // namespace kraft
