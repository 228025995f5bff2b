// kraft repair [FILE...|-] [--diff]: repaired text on stdout, or the edits (--diff, --json).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "decode/decode.hpp"
#include "ocr_options.hpp"
#include "pipeline.hpp"
#include "pipeline/repair_json.hpp"
#include "repair/repair.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace kraft::cli {

namespace {

struct RepairOptions {
    std::vector<std::string> files;
    bool diff = false;
    OcrArgs ocr;
};

void print_diff(const DecodedText& d, const RepairResult& r, bool color) {
    const char* del = color ? "\x1b[31m" : "[-";
    const char* del_end = color ? "\x1b[0m" : "-]";
    const char* ins = color ? "\x1b[32m" : "{+";
    const char* ins_end = color ? "\x1b[0m" : "+}";
    std::size_t e = 0;
    while (e < r.edits.size()) {
        const int line = d.line_of(r.edits[e].offset);
        const std::size_t start = d.line_starts[static_cast<std::size_t>(line - 1)];
        std::size_t end = d.text.find('\n', start);
        if (end == std::string::npos) end = d.text.size();
        std::string out;
        std::size_t at = start;
        for (; e < r.edits.size() && r.edits[e].offset < end; ++e) {
            const RepairEdit& ed = r.edits[e];
            out += d.text.substr(at, ed.offset - at);
            out += del + ed.from + del_end + ins + ed.to + ins_end;
            at = ed.offset + ed.length;
        }
        out += d.text.substr(at, end - at);
        std::cout << line << ": " << out << '\n';
    }
}

int run(const RepairOptions& o, const GlobalOptions& g) {
    auto repairer = open_repairer(archive_path(g));
    if (!repairer) {
        report(repairer.error());
        return kInputFailed;
    }
    int status = kOk;
    const std::vector<std::string> files =
        o.files.empty() ? std::vector<std::string>{"-"} : o.files;
    for (const std::string& file : files) {
        auto ingested = read_and_ingest(file, o.ocr.options(), **repairer, g.quiet);
        if (!ingested) {
            report(ingested.error());
            status = kInputFailed;
            continue;
        }
        const DecodedText* decoded = &ingested->text;
        const RepairResult r = (*repairer)->repair(decoded->text, ingested->ocr_words);
        if (g.json) {
            write_repair_json(std::cout, file, *decoded, r);
        } else if (o.diff) {
            print_diff(*decoded, r, use_color(g, stdout));
        } else {
            std::cout << r.text;
        }
        if (g.verbose)
            std::cerr << "kraft: " << file << ": " << r.damage.words << " words, damage "
                      << static_cast<int>(r.damage.level * 100) << " %, " << r.edits.size()
                      << " edits\n";
    }
    return status;
}

}  // namespace

void setup_repair(CLI::App& app, const GlobalOptions& g, int& status) {
    auto o = std::make_shared<RepairOptions>();
    CLI::App* sub = app.add_subcommand(
        "repair",
        "Repair OCR damage (lost å/ä/ö, § read as $ & 8 {, misread letters) in protocol text");
    sub->add_option("files", o->files, "Protocol files, or - for standard input (default)")
        ->type_name("FILE");
    sub->add_flag("--diff", o->diff, "Show only the changed lines, with the edits marked");
    add_ocr_options(sub, o->ocr);
    sub->callback([o, &g, &status] { status = run(*o, g); });
}

}  // namespace kraft::cli
