#include "query/paragraph_json.hpp"

namespace kraft {

void write_json(JsonWriter& j, const ShownParagraph& p, bool original) {
    j.begin_object();
    j.key("date").value(p.date).key("body").value(p.body).key("paragraph").value(p.number);
    j.key("title").value(p.title).key("source").value(p.source).key("page").value(p.page);
    j.key("case_numbers").begin_array();
    for (const auto& c : p.case_numbers) j.value(c);
    j.end_array().key("text").value(p.text);
    j.key("decision");
    if (p.decision) {
        j.begin_object()
            .key("by")
            .value(p.decision->by)
            .key("kind")
            .value(to_string(p.decision->kind));
        j.key("to").value(p.decision->to).key("points").begin_array();
        for (const auto& pt : p.decision->points) j.value(pt);
        j.end_array().end_object();
    } else {
        j.null();
    }
    j.key("statements").begin_array();
    for (const Statement& s : p.statements) {
        j.begin_object().key("kind").value(to_string(s.kind)).key("parties").begin_array();
        for (const auto& x : s.parties) j.value(x);
        j.end_array().key("persons").begin_array();
        for (const Person& x : s.persons)
            j.begin_object().key("name").value(x.name).key("party").value(x.party).end_object();
        j.end_array().key("appendix").value(s.appendix).key("text").value(s.text).end_object();
    }
    j.end_array().key("recipients").begin_array();
    for (const auto& r : p.recipients) j.value(r);
    j.end_array();
    if (original) {
        j.key("original").value(p.original);
        j.key("edits").begin_array();
        for (const ShownEdit& e : p.edits)
            j.begin_object()
                .key("line")
                .value(e.line)
                .key("column")
                .value(e.column)
                .key("from")
                .value(e.from)
                .key("to")
                .value(e.to)
                .key("confidence")
                .value(e.confidence)
                .key("reason")
                .value(e.reason)
                .end_object();
        j.end_array();
    }
    j.end_object();
}

}  // namespace kraft
