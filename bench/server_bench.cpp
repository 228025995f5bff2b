// kraft_bench_server: the archive on a PostgreSQL server against the SQLite file, on the same
// corpus in the same run: import throughput, then search latency with concurrent clients as the
// archives grow to millions of paragraphs (archive_growth.hpp doubles them).
//
//   build/bench/kraft_bench_server --pg "postgresql://kraft@/bench?host=/tmp/pg"
//       --checkpoints 100000 300000 1000000 --clients 8 --results bench/RESULTS-server.md
//   (one command line)
//
// The server is the caller's (tests/e2e/pg_server.sh shows a throwaway one); the schema kraft in
// its database is dropped first.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "archive_growth.hpp"
#include "corpus.hpp"
#include "pipeline/batch.hpp"
#include "query/search.hpp"
#include "repair/repair.hpp"
#include "segment/segment.hpp"
#include "store/archive.hpp"
#include "timing.hpp"

namespace fs = std::filesystem;
using namespace kraft;
using kraft::bench::Clock;
using kraft::bench::fmt;
using kraft::bench::seconds_since;

namespace {

struct Options {
    std::string pg, work = "bench-server-work", source = KRAFT_SOURCE_DIR, results;
    std::size_t size_mb = 16;
    std::vector<std::size_t> checkpoints{100000, 300000, 1000000};
    int clients = 8;
    int rounds = 3;
    bool searches_only = false;  // search the archives a run before left, as they are
};

struct Latencies {
    double p50 = 0, p95 = 0, max = 0;
    std::size_t n = 0, errors = 0;
};

Latencies summarize(std::vector<double> ms, std::size_t errors) {
    std::sort(ms.begin(), ms.end());
    Latencies l;
    l.n = ms.size();
    l.errors = errors;
    if (ms.empty()) return l;
    l.p50 = ms[ms.size() / 2];
    l.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    l.max = ms.back();
    return l;
}

SearchQuery query_of(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return q;
}

class ServerBench {
  public:
    explicit ServerBench(Options o) : o_(std::move(o)) {}
    bool run();

  private:
    bool load();
    bool import_both();
    bool grow(std::size_t checkpoint);
    bool open_existing();
    void each_alone(const std::string& location, const std::vector<SearchQuery>& qs);
    void search_at_size();
    std::vector<SearchQuery> queries();
    Latencies concurrent_searches(const std::string& location, const std::vector<SearchQuery>& qs);
    void row(std::string what, std::string sqlite, std::string pg, std::string ratio) {
        rows_.push_back({std::move(what), std::move(sqlite), std::move(pg), std::move(ratio)});
        const auto& r = rows_.back();
        std::cerr << r[0] << ": " << r[1] << " | " << r[2] << " | " << r[3] << "\n";
    }
    void write_results();

    Options o_;
    std::shared_ptr<const RepairModel> model_;
    std::shared_ptr<const Grammar> grammar_;
    std::shared_ptr<const IngestModel> ingest_;
    std::unique_ptr<Pipeline> pipeline_;
    std::string sqlite_path_;
    std::unique_ptr<Archive> sqlite_, pg_;
    double corpus_mb_ = 0;
    int round_ = 0;
    std::vector<std::array<std::string, 4>> rows_;
};

bool ServerBench::load() {
    const std::string grammars = o_.source + "/grammars";
    auto model = RepairModel::load(grammars);
    auto grammar = Grammar::load(grammars);
    auto ingest = IngestModel::load(grammars);
    if (!model || !grammar || !ingest) return false;
    model_ = *model;
    grammar_ = *grammar;
    ingest_ = *ingest;
    pipeline_ = std::make_unique<Pipeline>(Pipeline{*grammar_, *ingest_});
    return true;
}

// The corpus into a new SQLite file and into a fresh schema on the server, one importer each.
bool ServerBench::import_both() {
    fs::create_directories(o_.work);
    const auto files =
        bench::make_corpus({o_.source, o_.work + "/corpus", o_.size_mb << 20, 0.3, 42});
    std::vector<std::string> inputs;
    std::size_t bytes = 0;
    for (const auto& f : files) {
        inputs.push_back(f.path);
        bytes += f.bytes;
    }
    corpus_mb_ = static_cast<double>(bytes) / 1e6;
    {
        auto db = Database::open(o_.pg, Database::Mode::read_write);
        if (!db || !(*db)->exec("DROP SCHEMA IF EXISTS kraft CASCADE")) return false;
    }
    sqlite_path_ = o_.work + "/archive.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(sqlite_path_ + suffix);
    double secs[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
        auto a = Archive::open(k == 0 ? sqlite_path_ : o_.pg, Database::Mode::read_write);
        if (!a) {
            std::cerr << "kraft_bench_server: " << a.error().str() << "\n";
            return false;
        }
        std::atomic<bool> stop{false};
        ImportCallbacks cb{[](const Error& e) { std::cerr << e.str() << "\n"; }, nullptr, nullptr};
        const auto t = Clock::now();
        auto r = import_inputs(**a, inputs, model_, default_dictionary(), *pipeline_, {}, cb, stop);
        secs[k] = seconds_since(t);
        if (!r || r->archive_failed) return false;
        (k == 0 ? sqlite_ : pg_) = std::move(*a);
    }
    row(fmt("import of %.0f MB, one importer", corpus_mb_), fmt("%.2f MB/s", corpus_mb_ / secs[0]),
        fmt("%.2f MB/s", corpus_mb_ / secs[1]), fmt("PostgreSQL %.2f× SQLite", secs[0] / secs[1]));
    return true;
}

bool ServerBench::grow(std::size_t checkpoint) {
    std::int64_t paragraphs[2] = {0, 0};
    double secs[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
        Archive& a = k == 0 ? *sqlite_ : *pg_;
        const auto t = Clock::now();
        for (int r = round_; paragraphs[k] < static_cast<std::int64_t>(checkpoint); ++r) {
            auto n = bench::double_archive(a, r + 1);
            if (!n) {
                std::cerr << "kraft_bench_server: " << n.error().str() << "\n";
                return false;
            }
            paragraphs[k] = *n;
            if (k == 1) round_ = r + 1;
            // As the end of an import would: FTS5's segments merged; PostgreSQL analyzed, and
            // the words, pairs and prefixes that have become common kept from this size on, as
            // in an archive grown by imports.
            std::atomic<bool> stop{false};
            if (!a.merge_index(stop)) return false;
        }
        secs[k] = seconds_since(t);
    }
    row(fmt("grown to %.0f paragraphs (copies)", static_cast<double>(paragraphs[1])),
        fmt("%.0f s", secs[0]), fmt("%.0f s", secs[1]), "");
    return paragraphs[0] == paragraphs[1];
}

// Words of every frequency (from SQLite's index vocabulary: a tenth, a hundredth... of the
// entries), two words, a phrase, prefixes, filters, a case number and a § lookup.
std::vector<SearchQuery> ServerBench::queries() {
    std::vector<SearchQuery> qs;
    Database& db = sqlite_->db();
    (void)db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, entries_fts, 'row')");
    std::int64_t entries = 1;
    if (auto st = db.prepare("SELECT count(*) FROM entries"))
        (void)(*st)->each_row([&](const SqlStatement& r) { entries = r.integer(0); });
    std::map<int, int> per_class;
    if (auto st = db.prepare(
            "SELECT term, doc FROM temp.vocab WHERE term NOT LIKE '\\_%' ESCAPE '\\' AND "
            "length(term) > 3 AND term GLOB '[a-zåäö]*' ORDER BY doc DESC"))
        (void)(*st)->each_row([&](const SqlStatement& r) {
            const double share = static_cast<double>(r.integer(1)) / static_cast<double>(entries);
            const int cls = share > 0.10 ? 0 : share > 0.01 ? 1 : share > 0.001 ? 2 : 3;
            if (per_class[cls]++ < 4) qs.push_back(query_of(r.text(0)));
        });
    for (const char* text : {"kraftsamlande nämnden", "beslut budget", "\"särskilt yttrande\"",
                             "\"kommunfullmäktige beslutade\"", "nämnd*", "budg*", "§ 16"})
        qs.push_back(query_of(text));
    SearchQuery filtered = query_of("beslut");
    filtered.body = "Kommunstyrelsen";
    filtered.from = "2024-01-01";
    qs.push_back(filtered);
    SearchQuery party;
    party.party = "SD";
    party.kind = EntryKind::special_statement;
    qs.push_back(party);
    if (auto st = db.prepare("SELECT key FROM cases ORDER BY id LIMIT 1"))
        (void)(*st)->each_row([&](const SqlStatement& r) { qs.push_back(query_of(r.text(0))); });
    return qs;
}

// `clients` threads, each with its own connection, each running every query `rounds` times in its
// own order; the latency of each search() call, as a clerk's command waits for it.
Latencies ServerBench::concurrent_searches(const std::string& location,
                                           const std::vector<SearchQuery>& qs) {
    std::mutex mu;
    std::vector<double> all;
    std::vector<double> slowest(qs.size(), 0.0);  // per query, for the log
    std::size_t errors = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < o_.clients; ++c)
        clients.emplace_back([&, c] {
            auto a = Archive::open(location, Database::Mode::read_only);
            std::vector<std::size_t> order;
            for (int r = 0; r < o_.rounds; ++r)
                for (std::size_t i = 0; i < qs.size(); ++i) order.push_back(i);
            std::shuffle(order.begin(), order.end(), std::mt19937(static_cast<unsigned>(c)));
            std::vector<double> mine;
            std::size_t failed = a ? 0 : order.size();
            for (std::size_t i : a ? order : std::vector<std::size_t>{}) {
                const auto t = Clock::now();
                const bool ok = search(**a, qs[i], *grammar_).has_value();
                mine.push_back(seconds_since(t) * 1e3);
                failed += ok ? 0 : 1;
                std::lock_guard lock(mu);
                slowest[i] = std::max(slowest[i], mine.back());
            }
            std::lock_guard lock(mu);
            all.insert(all.end(), mine.begin(), mine.end());
            errors += failed;
        });
    for (auto& t : clients) t.join();
    std::vector<std::size_t> by_time(qs.size());
    for (std::size_t i = 0; i < qs.size(); ++i) by_time[i] = i;
    std::sort(by_time.begin(), by_time.end(),
              [&](std::size_t x, std::size_t y) { return slowest[x] > slowest[y]; });
    std::cerr << "  slowest on " << (is_server_location(location) ? "PostgreSQL" : "SQLite") << ":";
    for (std::size_t k = 0; k < std::min<std::size_t>(5, by_time.size()); ++k)
        std::cerr << " [" << qs[by_time[k]].text << "] " << fmt("%.0f ms", slowest[by_time[k]]);
    std::cerr << "\n";
    return summarize(std::move(all), errors);
}

// The archives a run before left in --work and on the server, as they are: to measure a change to
// search without growing them again (half an hour at a million paragraphs).
bool ServerBench::open_existing() {
    sqlite_path_ = o_.work + "/archive.db";
    for (int k = 0; k < 2; ++k) {
        auto a = Archive::open(k == 0 ? sqlite_path_ : o_.pg, Database::Mode::read_only);
        if (!a) {
            std::cerr << "kraft_bench_server: " << a.error().str() << "\n";
            return false;
        }
        (k == 0 ? sqlite_ : pg_) = std::move(*a);
    }
    return true;
}

// Each query once, warm, one client: what each costs without waiting for the others.
void ServerBench::each_alone(const std::string& location, const std::vector<SearchQuery>& qs) {
    auto a = Archive::open(location, Database::Mode::read_only);
    if (!a) return;
    std::cerr << "  alone on " << (is_server_location(location) ? "PostgreSQL" : "SQLite") << ":";
    for (const SearchQuery& q : qs) {
        (void)search(**a, q, *grammar_);  // warm
        const auto t = Clock::now();
        (void)search(**a, q, *grammar_);
        std::cerr << " [" << (q.text.empty() ? "filters" : q.text) << "] "
                  << fmt("%.0f", seconds_since(t) * 1e3);
    }
    std::cerr << " ms\n";
}

// Each query alone first, on each engine (which also warms both alike: right after growing, the
// first searches read tables the copies pushed out of the caches, 0.4 s for a case number), then
// all of them at once: the latency of an archive that is being searched.
void ServerBench::search_at_size() {
    const std::vector<SearchQuery> qs = queries();
    each_alone(sqlite_path_, qs);
    each_alone(o_.pg, qs);
    const Latencies s = concurrent_searches(sqlite_path_, qs);
    const Latencies p = concurrent_searches(o_.pg, qs);
    row("search p50 / p95 / max, " + std::to_string(o_.clients) + " clients, " +
            std::to_string(s.n) + " searches",
        fmt("%.1f", s.p50) + fmt(" / %.1f", s.p95) + fmt(" / %.0f ms", s.max),
        fmt("%.1f", p.p50) + fmt(" / %.1f", p.p95) + fmt(" / %.0f ms", p.max),
        fmt("p95: PostgreSQL %.2f× SQLite", p.p95 / std::max(s.p95, 0.01)) +
            (s.errors + p.errors ? fmt(", %.0f errors", double(s.errors + p.errors)) : ""));
}

bool ServerBench::run() {
    if (!load()) return false;
    if (o_.searches_only) {
        if (!open_existing()) return false;
        search_at_size();
    } else {
        if (!import_both()) return false;
        for (std::size_t checkpoint : o_.checkpoints) {
            if (!grow(checkpoint)) return false;
            search_at_size();
        }
    }
    write_results();
    return true;
}

void ServerBench::write_results() {
    std::ostringstream out;
    out << "| at | SQLite | PostgreSQL | ratio |\n|---|---|---|---|\n";
    for (const auto& r : rows_)
        out << "| " << r[0] << " | " << r[1] << " | " << r[2] << " | " << r[3] << " |\n";
    std::cout << out.str();
    if (!o_.results.empty()) std::ofstream(o_.results) << out.str();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kraft_bench_server: the archive on PostgreSQL against SQLite"};
    Options o;
    app.add_option("--pg", o.pg, "The server's database (a postgresql:// URI)")->required();
    app.add_option("--work", o.work, "Scratch folder for the corpus and the SQLite archive");
    app.add_option("--size-mb", o.size_mb, "Corpus imported into both (MB)");
    app.add_option("--checkpoints", o.checkpoints, "Archive sizes (paragraphs) to search at");
    app.add_option("--clients", o.clients, "Concurrent searchers");
    app.add_option("--rounds", o.rounds, "Times each client runs each query");
    app.add_flag("--searches-only", o.searches_only,
                 "Only search the archives an earlier run left in --work and on the server");
    app.add_option("--results", o.results, "Also write the table to this Markdown file");
    CLI11_PARSE(app, argc, argv);
    // An archive grown by imports has surveyed its common terms at each quarter it grew by and
    // counted all of them over its imports; one grown by doubling counts them all at each tidy.
    setenv("PGOPTIONS", "-c kraft.term_counting_seconds=0", 0);
    return ServerBench(std::move(o)).run() ? 0 : 1;
}
