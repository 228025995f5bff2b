// kraft stats: what the archive holds.
#include <iomanip>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "pipeline.hpp"
#include "query/stats.hpp"
#include "terminal.hpp"
#include "util/json_writer.hpp"
#include "util/text.hpp"

namespace kraft::cli {

namespace {

void print_json(const ArchiveStats& s) {
    JsonWriter j(std::cout);
    j.begin_object();
    j.key("protocols").value(s.protocols).key("paragraphs").value(s.paragraphs);
    j.key("decisions").value(s.decisions).key("statements").value(s.statements);
    j.key("cases").value(s.cases).key("citations").value(s.citations);
    j.key("resolved_citations").value(s.resolved_citations);
    j.key("repaired_protocols")
        .value(s.repaired_protocols)
        .key("repair_edits")
        .value(s.repair_edits);
    j.key("pdf_protocols").value(s.pdf_protocols).key("image_protocols").value(s.image_protocols);
    j.key("pages").value(s.pages).key("ocr_protocols").value(s.ocr_protocols);
    j.key("ocr_pages").value(s.ocr_pages);
    j.key("by_body_year").begin_array();
    for (const BodyYearCount& c : s.by_body_year) {
        j.begin_object().key("body");
        c.body.empty() ? j.null() : j.value(c.body);
        j.key("year");
        c.year.empty() ? j.null() : j.value(c.year);
        j.key("protocols").value(c.protocols).key("paragraphs").value(c.paragraphs);
        j.key("decisions").value(c.decisions).end_object();
    }
    j.end_array().key("statements_by_party").begin_array();
    for (const PartyStatements& p : s.by_party)
        j.begin_object()
            .key("party")
            .value(p.party)
            .key("reservations")
            .value(p.reservations)
            .key("special_statements")
            .value(p.special_statements)
            .key("protocol_notes")
            .value(p.protocol_notes)
            .end_object();
    j.end_array().key("repairs_by_reason").begin_array();
    for (const ReasonCount& r : s.repairs_by_reason)
        j.begin_object().key("reason").value(r.reason).key("edits").value(r.edits).end_object();
    j.end_array().end_object();
    std::cout << '\n';
}

// Left-aligned in display columns, so that å/ä/ö do not shift the columns after them.
std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = text::display_width(s);
    return w >= width ? s + ' ' : s + std::string(width - w, ' ');
}

void print_text(const ArchiveStats& s, const Style& st) {
    std::cout << s.protocols << " protocols, " << s.paragraphs << " paragraphs, " << s.decisions
              << " decisions, " << s.statements << " statements, " << s.cases << " cases\n"
              << s.citations << " citations of other meetings (" << s.resolved_citations
              << " to archived paragraphs)\n"
              << s.repair_edits << " OCR repairs in " << s.repaired_protocols << " protocols\n";
    if (s.pdf_protocols || s.image_protocols)
        std::cout << s.pdf_protocols << " from PDFs and " << s.image_protocols
                  << " from page images (" << s.pages << " pages); " << s.ocr_protocols
                  << " read by OCR (" << s.ocr_pages << " pages)\n";
    std::size_t body_width = 6;
    for (const BodyYearCount& c : s.by_body_year)
        body_width = std::max(body_width, text::display_width(c.body) + 2);
    std::cout << '\n'
              << st.bold(pad("Body", body_width) + "Year  Protocols  Paragraphs  Decisions")
              << '\n';
    for (const BodyYearCount& c : s.by_body_year)
        std::cout << pad(c.body.empty() ? "(unknown)" : c.body, body_width) << std::left
                  << std::setw(6) << (c.year.empty() ? "?" : c.year) << std::right << std::setw(9)
                  << c.protocols << std::setw(12) << c.paragraphs << std::setw(11) << c.decisions
                  << '\n';
    if (!s.by_party.empty()) {
        std::cout << '\n'
                  << st.bold("Party  Reservations  Särskilda yttranden  Protocol notes") << '\n';
        for (const PartyStatements& p : s.by_party)
            std::cout << std::left << std::setw(5) << p.party << std::right << std::setw(14)
                      << p.reservations << std::setw(21) << p.special_statements << std::setw(16)
                      << p.protocol_notes << '\n';
    }
    if (!s.repairs_by_reason.empty()) {
        std::cout << '\n' << st.bold("OCR repairs by reason") << '\n';
        for (const ReasonCount& r : s.repairs_by_reason)
            std::cout << std::setw(8) << r.edits << "  " << r.reason << '\n';
    }
}

int run(const GlobalOptions& g) {
    const std::unique_ptr<Archive> archive = read_archive_or_report(g);
    if (!archive) return kArchive;
    auto s = archive_stats(*archive);
    if (!s) {
        report(s.error().error);
        return kArchive;
    }
    if (g.json)
        print_json(*s);
    else
        print_text(*s, Style{use_color(g, stdout)});
    return kOk;
}

}  // namespace

void setup_stats(CLI::App& app, const GlobalOptions& g, int& status) {
    CLI::App* sub = app.add_subcommand(
        "stats", "Counts per body and year, cases, statements by party, repairs made");
    sub->callback([&g, &status] { status = run(g); });
}

}  // namespace kraft::cli
