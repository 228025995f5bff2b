// kraft news [--since DATE | --since-import] [--format text|json|atom] [-o FILE]: what imports
// added to the followed cases and saved searches.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "pipeline.hpp"
#include "query/news.hpp"
#include "query/news_json.hpp"
#include "terminal.hpp"
#include "timeline_view.hpp"
#include "util/time.hpp"

namespace kraft::cli {

namespace {

struct NewsArgs {
    std::string since;
    bool since_import = false;
    std::string format = "text";
    std::string output;
};

void draw_case(const CaseNews& c, const Style& st, std::size_t width) {
    if (c.events.empty()) {
        std::cout << c.case_key << ": nothing new\n";
        return;
    }
    std::cout << st.bold(c.case_key) << " — " << c.events.size()
              << (c.events.size() == 1 ? " new event" : " new events") << "\n\n";
    std::vector<TimelineEvent> events;
    std::vector<std::string> notes;
    for (const NewsEvent& e : c.events) {
        events.push_back(e.event);
        notes.push_back("(" + std::string(to_string(e.change)) + ")");
    }
    draw_events(events, notes, st, width);
}

void draw_search(const SearchNews& s, const Style& st) {
    std::cout << st.bold("search " + s.search.describe()) << " — " << s.total
              << (s.total == 1 ? " new hit" : " new hits") << '\n';
    for (const SearchHit& h : s.hits)
        std::cout << "  " << st.bold(h.date.value_or("(no date)")) << "  " << st.color(36, h.body)
                  << "  § " << h.paragraph << "  " << h.title << "  " << st.dim(h.source) << '\n';
}

void draw(const News& n, const Style& st, std::size_t width) {
    if (n.cases.empty() && n.searches.empty()) {
        std::cout << "nothing is followed (kraft follow CASE, kraft follow --search QUERY)\n";
        return;
    }
    if (n.since.empty()) {
        std::cout << "nothing imported yet\n";
        return;
    }
    std::cout << (n.import_run ? "News of the last import (" + n.since + ")"
                               : "News of the imports since " + n.since)
              << "\n\n";
    for (const CaseNews& c : n.cases) {
        draw_case(c, st, width);
        std::cout << '\n';
    }
    for (const SearchNews& s : n.searches) {
        draw_search(s, st);
        std::cout << '\n';
    }
}

// The whole output into FILE through a temporary file beside it: a feed reader never sees half
// a feed.
bool write_file(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    bool written = false;
    {
        std::ofstream out(tmp, std::ios::binary);
        written = static_cast<bool>(out << content) && static_cast<bool>(out.flush());
    }
    std::error_code ec;
    if (written) std::filesystem::rename(tmp, path, ec);
    if (written && !ec) return true;
    report(Error{path, 0, 0, "cannot write" + (ec ? ": " + ec.message() : std::string())});
    std::filesystem::remove(tmp, ec);
    return false;
}

int run(const NewsArgs& a, const GlobalOptions& g) {
    const Grammar* grammar = grammar_or_report();
    if (!grammar) return kInputFailed;
    const std::unique_ptr<Archive> archive = read_archive_or_report(g);
    if (!archive) return kArchive;
    NewsSince since;
    if (!a.since.empty()) since.time = a.since;
    auto n = news(*archive, since, *grammar);
    if (!n) {
        report(n.error().error);
        return exit_status(n.error());
    }
    const std::string format = g.json ? "json" : a.format;
    std::ostringstream out;
    if (format == "json")
        write_json(out, *n);
    else if (format == "atom")
        write_atom(out, *n, archive->db().path(), now_utc());
    if (format == "text" && a.output.empty()) {
        draw(*n, Style{use_color(g, stdout)}, terminal_width());
        return kOk;
    }
    if (format == "text") {
        report("-o writes json or atom (--format)");
        return kUsage;
    }
    if (a.output.empty()) {
        std::cout << out.str();
        return kOk;
    }
    return write_file(a.output, out.str()) ? kOk : kInputFailed;
}

}  // namespace

void setup_news(CLI::App& app, const GlobalOptions& g, int& status) {
    auto a = std::make_shared<NewsArgs>();
    CLI::App* sub =
        app.add_subcommand("news", "What imports added to the followed cases and saved searches");
    auto* since = sub->add_option("--since", a->since, "Protocols imported on or after this date")
                      ->check(date_validator());
    sub->add_flag("--since-import", a->since_import,
                  "Protocols stored by the last import that stored any (the default)")
        ->excludes(since);
    sub->add_option("--format", a->format, "text (default), json, or atom (an Atom feed)")
        ->check(CLI::IsMember({"text", "json", "atom"}));
    sub->add_option("-o,--output", a->output, "Write the json or atom to this file")
        ->type_name("FILE");
    sub->callback([a, &g, &status] { status = run(*a, g); });
}

}  // namespace kraft::cli
