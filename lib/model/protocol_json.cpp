#include "model/protocol_json.hpp"

#include "util/json_writer.hpp"

namespace kraft {

namespace {

void strings(JsonWriter& j, const std::vector<std::string>& xs) {
    j.begin_array();
    for (const auto& x : xs) j.value(x);
    j.end_array();
}

void persons(JsonWriter& j, const std::vector<Person>& ps) {
    j.begin_array();
    for (const Person& p : ps) {
        j.begin_object().key("name").value(p.name).key("party");
        if (p.party.empty())
            j.null();
        else
            j.value(p.party);
        j.end_object();
    }
    j.end_array();
}

void decision(JsonWriter& j, const std::optional<Decision>& d) {
    if (!d) {
        j.null();
        return;
    }
    j.begin_object();
    j.key("by").value(d->by);
    j.key("kind").value(to_string(d->kind));
    j.key("to").value(d->to);
    j.key("points");
    strings(j, d->points);
    j.end_object();
}

void vote(JsonWriter& j, const std::optional<Vote>& v) {
    if (!v) {
        j.null();
        return;
    }
    j.begin_object().key("yes").value(v->yes).key("no").value(v->no);
    j.key("abstain").value(v->abstain);
    j.key("yes_names");
    persons(j, v->yes_names);
    j.key("no_names");
    persons(j, v->no_names);
    j.key("abstain_names");
    persons(j, v->abstain_names);
    j.end_object();
}

void statement(JsonWriter& j, const Statement& s) {
    j.begin_object();
    j.key("kind").value(to_string(s.kind));
    j.key("persons");
    persons(j, s.persons);
    j.key("parties");
    strings(j, s.parties);
    j.key("appendix").value(s.appendix);
    j.key("line").value(s.line);
    j.key("text").value(s.text);
    j.end_object();
}

void reference(JsonWriter& j, const Reference& r) {
    j.begin_object();
    j.key("body").value(r.body);
    j.key("body_name").value(r.body_name);
    j.key("date").value(r.date);
    j.key("paragraph").value(r.paragraph);
    j.key("case_number").value(r.case_number);
    j.key("reservation_parties");
    strings(j, r.reservation_parties);
    j.key("statement_parties");
    strings(j, r.statement_parties);
    j.key("line").value(r.line);
    j.key("text").value(r.text);
    j.end_object();
}

void paragraph(JsonWriter& j, const Paragraph& p) {
    j.begin_object();
    j.key("number").value(p.number);
    j.key("title").value(p.title);
    j.key("case_numbers");
    strings(j, p.case_numbers);
    j.key("lines").begin_array().value(p.line_begin).value(p.line_end).end_array();
    j.key("page");
    if (p.page)
        j.value(p.page);
    else
        j.null();
    j.key("summary").value(p.summary);
    j.key("decision");
    decision(j, p.decision);
    j.key("motions").begin_array();
    for (const Motion& m : p.motions) {
        j.begin_object().key("persons");
        persons(j, m.persons);
        j.key("text").value(m.text).end_object();
    }
    j.end_array();
    j.key("vote");
    vote(j, p.vote);
    j.key("statements").begin_array();
    for (const Statement& s : p.statements) statement(j, s);
    j.end_array();
    j.key("references").begin_array();
    for (const Reference& r : p.references) reference(j, r);
    j.end_array();
    j.key("recipients");
    strings(j, p.recipients);
    j.key("cited_cases");
    strings(j, p.cited_cases);
    j.end_object();
}

}  // namespace

void write_json(std::ostream& out, const Protocol& p, const std::optional<RepairSummary>& repair,
                bool pretty) {
    JsonWriter j(out, pretty);
    j.begin_object();
    j.key("source").value(p.source);
    const Meeting& m = p.meeting;
    j.key("meeting").begin_object();
    j.key("body").value(m.body);
    j.key("body_source").value(m.body_source);
    j.key("date").value(m.date);
    j.key("date_source").value(m.date_source);
    j.key("place").value(m.place);
    j.key("justering").value(m.justering);
    j.key("justerare");
    strings(j, m.justerare);
    j.key("attendance").begin_array();
    for (const Attendee& a : m.attendance) {
        j.begin_object().key("name").value(a.name).key("party").value(a.party).key("role").value(
            a.role);
        j.key("note").value(a.note).key("replaces").value(a.replaces).end_object();
    }
    j.end_array();
    j.end_object();
    j.key("paragraphs").begin_array();
    for (const Paragraph& para : p.paragraphs) paragraph(j, para);
    j.end_array();
    j.key("repair");
    if (repair) {
        j.begin_object().key("words").value(repair->words).key("edits").value(repair->edits);
        j.key("damage").value(repair->damage).end_object();
    } else {
        j.null();
    }
    j.end_object();
    out << '\n';
}

}  // namespace kraft
