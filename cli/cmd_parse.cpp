// kraft parse FILE [--no-repair] [--body NAME] [--date YYYY-MM-DD]: a protocol's structure.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "model/protocol_json.hpp"
#include "ocr_options.hpp"
#include "pipeline.hpp"
#include "pipeline/prepare.hpp"
#include "util/file.hpp"

namespace kraft::cli {

namespace {

struct ParseOptions {
    std::string file;
    bool no_repair = false;
    std::string body, date;
    OcrArgs ocr;
};

void print_text(const Protocol& p) {
    const Meeting& m = p.meeting;
    std::cout << p.source << ": " << m.body.value_or("(body unknown)") << ", "
              << m.date.value_or("(date unknown)");
    if (m.date_source) std::cout << " (" << *m.date_source << ")";
    std::cout << ", " << p.paragraphs.size() << " paragraph(s)\n";
    for (const Paragraph& para : p.paragraphs) {
        std::cout << "\n§ " << para.number << "  " << para.title;
        if (para.page) std::cout << "  (page " << para.page << ')';
        std::cout << '\n';
        for (const auto& c : para.case_numbers) std::cout << "  case: " << c << '\n';
        if (para.decision) {
            std::cout << "  " << para.decision->by << ' ' << to_string(para.decision->kind);
            if (para.decision->to) std::cout << " to " << *para.decision->to;
            std::cout << ":\n";
            int n = 0;
            for (const auto& pt : para.decision->points)
                std::cout << "    " << ++n << ". " << pt << '\n';
        }
        for (const Statement& s : para.statements) {
            std::cout << "  " << to_string(s.kind) << ':';
            for (const auto& party : s.parties) std::cout << ' ' << party;
            if (s.appendix) std::cout << " (bilaga " << *s.appendix << ')';
            std::cout << '\n';
        }
        for (const Reference& r : para.references) {
            std::cout << "  cites " << r.body << ' ' << r.date.value_or("?") << " § "
                      << r.paragraph.value_or(0) << '\n';
        }
        if (!para.recipients.empty())
            std::cout << "  sent to " << para.recipients.size() << " recipient(s)\n";
    }
}

int run(const ParseOptions& o, const GlobalOptions& g) {
    auto repairer = open_repairer(archive_path(g));
    auto grammar = protocol_grammar();
    auto ingest = ingest_model();
    if (!repairer || !grammar || !ingest) {
        report(!repairer ? repairer.error() : !grammar ? grammar.error() : ingest.error());
        return kInputFailed;
    }
    PrepareOptions po;
    if (!o.body.empty()) po.body = o.body;
    if (!o.date.empty()) po.date = o.date;
    po.repair = !o.no_repair;
    po.ingest = with_ocr_progress(o.file, o.ocr.options(), g.quiet);
    auto bytes = read_file(o.file, kMaxDocumentBytes);
    if (!bytes) {
        report(bytes.error());
        return kInputFailed;
    }
    auto p =
        prepare_protocol(std::move(*bytes), o.file, Pipeline{**grammar, **ingest}, **repairer, po);
    if (!p) {
        report(p.error());
        return kInputFailed;
    }
    p->protocol.source = o.file;  // as the user named it, not the archive's key
    std::optional<RepairSummary> summary;
    if (po.repair) summary = RepairSummary{p->words, p->edits.size(), p->damage};
    if (g.json)
        write_json(std::cout, p->protocol, summary, true);
    else
        print_text(p->protocol);
    return kOk;
}

}  // namespace

void setup_parse(CLI::App& app, const GlobalOptions& g, int& status) {
    auto o = std::make_shared<ParseOptions>();
    CLI::App* sub = app.add_subcommand(
        "parse", "Print a protocol's structure: meeting, paragraphs, decisions, statements");
    sub->add_option("file", o->file,
                    "Protocol file (text, PDF, or a scanned page image), or - for standard input")
        ->required()
        ->type_name("FILE");
    sub->add_flag("--no-repair", o->no_repair, "Parse the text as it is, without OCR repair");
    sub->add_option("--body", o->body, "The meeting's body, when the text does not name it")
        ->type_name("BODY");
    sub->add_option("--date", o->date, "The meeting's date (YYYY-MM-DD), when the header has none")
        ->check(date_validator());
    add_ocr_options(sub, o->ocr);
    sub->callback([o, &g, &status] { status = run(*o, g); });
}

}  // namespace kraft::cli
