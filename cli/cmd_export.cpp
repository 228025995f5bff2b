// kraft export [--format jsonl|csv] [filters] [-o FILE]: the archive's paragraphs, decisions and
// statements for a spreadsheet or another tool.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "filter_options.hpp"
#include "pipeline.hpp"
#include "query/export.hpp"
#include "query/paragraph_csv.hpp"
#include "query/paragraph_json.hpp"

namespace kraft::cli {

namespace {

struct ExportArgs : FilterArgs {
    std::string format = "jsonl";
    std::string output;  // empty: stdout
};

int run(const ExportArgs& a, const GlobalOptions& g) {
    const Grammar* grammar = grammar_or_report();
    if (!grammar) return kInputFailed;
    const std::unique_ptr<Archive> archive = read_archive_or_report(g);
    if (!archive) return kArchive;

    // A file is written beside its final name and renamed into place when complete, so an
    // interrupted export never leaves half a file under the name asked for.
    const std::string partial = a.output.empty() ? "" : a.output + ".partial";
    std::ofstream file;
    if (!a.output.empty()) {
        file.open(partial, std::ios::binary | std::ios::trunc);
        if (!file) {
            report(Error{a.output, 0, 0, "cannot write: " + std::string(std::strerror(errno))});
            return kInputFailed;
        }
    }
    std::ostream& out = a.output.empty() ? std::cout : file;
    const bool csv = a.format == "csv";
    if (csv) {
        out << "\xEF\xBB\xBF";  // UTF-8 byte order mark: spreadsheets then read å/ä/ö right
        write_csv_header(out);
    }
    auto n = export_paragraphs(*archive, a.filters(), *grammar, [&](const ShownParagraph& p) {
        if (csv) {
            write_csv_row(out, p);
        } else {
            JsonWriter j(out);
            write_json(j, p, false);
            out << '\n';
        }
        return static_cast<bool>(out);
    });
    const auto discard = [&] {
        if (!partial.empty()) {
            file.close();
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
        }
    };
    if (!n) {
        discard();
        report(n.error().error);
        return exit_status(n.error());
    }
    out.flush();
    if (!out) {
        discard();
        report(Error{a.output.empty() ? "<stdout>" : a.output, 0, 0, "write failed"});
        return kInputFailed;
    }
    if (!partial.empty()) {
        file.close();
        std::error_code ec;
        std::filesystem::rename(partial, a.output, ec);
        if (ec) {
            discard();
            report(Error{a.output, 0, 0, "cannot write: " + ec.message()});
            return kInputFailed;
        }
    }
    if (!g.quiet && !a.output.empty())
        std::cerr << "exported " << *n << (*n == 1 ? " paragraph" : " paragraphs") << " to "
                  << a.output << '\n';
    return kOk;
}

}  // namespace

void setup_export(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<ExportArgs>();
    CLI::App* sub = app.add_subcommand(
        "export", "Write the archive's paragraphs, decisions and statements as JSON Lines or CSV");
    sub->add_option("--format", a->format, "jsonl (default) or csv (UTF-8 with BOM)")
        ->check(CLI::IsMember({"jsonl", "csv"}));
    sub->add_option("-o,--output", a->output, "Write to FILE instead of standard output")
        ->type_name("FILE");
    add_filter_options(sub, *a);
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
