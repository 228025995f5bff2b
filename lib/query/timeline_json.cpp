#include "query/timeline_json.hpp"

#include "util/json_writer.hpp"

namespace kraft {

void write_event_fields(JsonWriter& j, const TimelineEvent& e) {
    j.key("date").value(e.date).key("body").value(e.body).key("paragraph").value(e.paragraph);
    j.key("title").value(e.title).key("origin").value(to_string(e.origin));
    j.key("decision").value(e.decision);
    j.key("statements").begin_array();
    for (const TimelineStatement& s : e.statements) {
        j.begin_object().key("kind").value(to_string(s.kind)).key("parties").begin_array();
        for (const auto& p : s.parties) j.value(p);
        j.end_array().end_object();
    }
    j.end_array();
    j.key("source").value(e.source);
}

void write_json(std::ostream& out, const Timeline& t) {
    JsonWriter j(out);
    j.begin_object().key("case").value(t.case_number).key("events").begin_array();
    for (const TimelineEvent& e : t.events) {
        j.begin_object();
        write_event_fields(j, e);
        j.end_object();
    }
    j.end_array().key("related_cases").begin_array();
    for (const auto& c : t.related_cases) j.value(c);
    j.end_array().end_object();
    out << '\n';
}

}  // namespace kraft
