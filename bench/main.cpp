// kraft_bench: measures every stage of kraft against baselines measured in the same run, and
// writes a Markdown table to stdout and to --results (bench/RESULTS.md).
//
//   build/bench/kraft_bench --size-mb 200 --results bench/RESULTS.md     # the full run
//   build/bench/kraft_bench --quick                                      # a smoke test (CI)
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <hunspell/hunspell.hxx>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "corpus.hpp"
#include "decode/decode.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/inputs.hpp"
#include "query/search.hpp"
#include "query/timeline.hpp"
#include "repair/repair.hpp"
#include "segment/segment.hpp"
#include "store/archive.hpp"
#include "timing.hpp"
#include "util/file.hpp"
#include "util/tokens.hpp"

namespace fs = std::filesystem;
using namespace kraft;
using kraft::bench::Clock;
using kraft::bench::fmt;
using kraft::bench::seconds_since;

namespace {

struct Row {
    std::string what, value, ratio;
};

struct Report {
    std::vector<Row> rows;
    void add(std::string what, std::string value, std::string ratio = "") {
        std::cerr << "  " << what << ": " << value << (ratio.empty() ? "" : "  (" + ratio + ")")
                  << '\n';
        rows.push_back({std::move(what), std::move(value), std::move(ratio)});
    }
};

long peak_rss_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

SearchQuery query_of(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return q;
}

struct Percentiles {
    double p50 = 0, p95 = 0;
};
Percentiles percentiles(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    if (ms.empty()) return {};
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// Wall time of a shell command, best of `runs` (warm cache).
double time_command(const std::string& cmd, int runs) {
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        if (std::system(cmd.c_str()) == -1) return -1;
        best = std::min(best, seconds_since(t));
    }
    return best;
}

// Bare SQLite inserts of the same paragraph texts: the limit for the archive. A transaction is
// committed every 200 paragraphs, or, with `file_ends` (the index one past each file's last
// paragraph), after each file's paragraphs as kraft import does.
double bare_insert_mb_s(const std::vector<std::string>& texts, const std::string& path, bool fts,
                        const std::vector<std::size_t>& file_ends = {}) {
    fs::remove(path);
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr,
                 nullptr);
    sqlite3_exec(db,
                 fts ? "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT);"
                       "CREATE VIRTUAL TABLE f USING fts5(body, content='t', content_rowid='id');"
                     : "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX t_body ON "
                       "t(substr(body,1,16));",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *ins = nullptr, *idx = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?)", -1, &ins, nullptr);
    if (fts)
        sqlite3_prepare_v2(db, "INSERT INTO f(rowid, body) VALUES (last_insert_rowid(), ?)", -1,
                           &idx, nullptr);
    std::size_t bytes = 0;
    const auto t = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        sqlite3_bind_text(ins, 1, texts[i].data(), static_cast<int>(texts[i].size()),
                          SQLITE_STATIC);
        sqlite3_step(ins);
        sqlite3_reset(ins);
        if (idx) {
            sqlite3_bind_text(idx, 1, texts[i].data(), static_cast<int>(texts[i].size()),
                              SQLITE_STATIC);
            sqlite3_step(idx);
            sqlite3_reset(idx);
        }
        bytes += texts[i].size();
        const bool commit = file_ends.empty()
                                ? i % 200 == 199
                                : std::binary_search(file_ends.begin(), file_ends.end(), i + 1);
        if (commit) sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double secs = seconds_since(t);
    sqlite3_finalize(ins);
    sqlite3_finalize(idx);
    sqlite3_close(db);
    return static_cast<double>(bytes) / 1e6 / secs;
}

// Exact words of the archive by the share of entries they occur in.
std::map<std::string, std::vector<std::string>> words_by_frequency(Database& db,
                                                                   std::int64_t entries) {
    std::map<std::string, std::vector<std::string>> classes;
    (void)db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, entries_fts, 'row')");
    auto st = db.prepare(
        "SELECT term, doc FROM temp.vocab WHERE term NOT LIKE '\\_%' ESCAPE '\\' AND length(term) "
        "> 3 "
        "AND term GLOB '[a-zåäö]*' ORDER BY doc DESC");
    if (!st) return classes;
    (void)(*st)->each_row([&](const SqlStatement& row) {
        const double share = static_cast<double>(row.integer(1)) /
                             static_cast<double>(std::max<std::int64_t>(1, entries));
        const std::string cls = share > 0.10    ? "very common (>10 %)"
                                : share > 0.01  ? "common (1-10 %)"
                                : share > 0.001 ? "medium (0.1-1 %)"
                                                : "rare (<0.1 %)";
        auto& v = classes[cls];
        if (v.size() < 12) v.push_back(row.text(0));
    });
    return classes;
}

struct Options {
    std::size_t size_mb = 200;
    bool quick = false;
    std::string results, work = "bench/out";
    std::vector<std::size_t> checkpoints{10000, 100000, 300000};
    std::string source = KRAFT_SOURCE_DIR;
};

// One run: the corpus, each stage in memory, the import, queries at each checkpoint, a re-import;
// every figure goes to the report with its baseline from the same run.
class Bench {
  public:
    explicit Bench(Options o) : o_(std::move(o)) {}
    bool load();
    void make_corpus();
    bool stages();
    void baselines();
    bool import_corpus();
    bool queries(std::size_t checkpoint);
    bool reimport_changed();
    void write_results();
    const Options& options() const { return o_; }

  private:
    void decode_stage();
    void repair_stage();
    bool repair_real_ocr();
    void parse_stage();
    bool grow_archive(std::size_t checkpoint);
    std::int64_t count(const char* sql);
    double timed(const SearchQuery& q);
    void word_searches(std::int64_t entries);
    void query_sets();
    void run_set(const std::string& label, const std::vector<SearchQuery>& qs,
                 const std::string& grep_for);
    void timelines();
    void most_handled_case();
    Result<ImportReport> import(const std::vector<std::string>& inputs) {
        std::atomic<bool> stop{false};
        ImportCallbacks cb{[](const Error&) {}, nullptr, nullptr};
        return import_inputs(*archive_, inputs, model_, default_dictionary(), *pipeline_, {}, cb,
                             stop);
    }

    Options o_;
    Report rep_;
    std::shared_ptr<const RepairModel> model_;
    std::shared_ptr<const Grammar> grammar_;
    std::shared_ptr<const IngestModel> ingest_model_;
    std::unique_ptr<Pipeline> pipeline_;
    std::unique_ptr<Repairer> repairer_;
    bench::CorpusOptions co_;
    std::vector<bench::CorpusFile> files_;
    std::size_t total_bytes_ = 0, damaged_bytes_ = 0;
    double mb_ = 0, clean_mb_ = 0, damaged_mb_ = 0;
    // Between the stages: the files' bytes, their decoded and repaired texts, their paragraphs.
    std::vector<std::string> raw_, texts_, repaired_, paragraph_texts_;
    std::vector<std::size_t> file_ends_;
    double read_s_ = 0, damaged_repair_s_ = 0;
    std::size_t damaged_words_ = 0;
    std::vector<std::string> damaged_samples_;  // words repair changed, for hunspell's baseline
    double fts_ = 0, fts_per_file_ = 0;         // bare FTS5 inserts, MB/s
    std::unique_ptr<Archive> archive_;
    std::string db_path_;
    std::vector<std::string> clean_inputs_, damaged_inputs_;
    double import_clean_s_ = 0;
    std::size_t copy_ = 0;
    // Every file the archive holds stays on disk, so that grep reads the same volume.
    std::vector<std::string> corpus_dirs_;
    double corpus_bytes_ = 0;
    std::string dirs_;  // corpus_dirs_ as grep's arguments
};

bool Bench::load() {
    const auto grammar_dir = o_.source + "/grammars";
    auto model = RepairModel::load(grammar_dir);
    auto grammar = Grammar::load(grammar_dir);
    auto ingest_model = IngestModel::load(grammar_dir);
    if (!model || !grammar || !ingest_model) {
        std::cerr << "kraft_bench: cannot load grammars\n";
        return false;
    }
    model_ = *model;
    grammar_ = *grammar;
    ingest_model_ = *ingest_model;
    pipeline_ = std::make_unique<Pipeline>(Pipeline{*grammar_, *ingest_model_});
    auto repairer = Repairer::open(model_, default_dictionary());
    if (!repairer) return false;
    repairer_ = std::move(*repairer);
    return true;
}

void Bench::make_corpus() {
    std::cerr << "corpus: " << o_.size_mb << " MB\n";
    co_ = bench::CorpusOptions{o_.source, o_.work + "/corpus", o_.size_mb << 20, 0.3, 42};
    files_ = bench::make_corpus(co_);
    std::size_t n_damaged = 0;
    for (const auto& f : files_) {
        total_bytes_ += f.bytes;
        if (f.damaged) damaged_bytes_ += f.bytes, ++n_damaged;
    }
    mb_ = static_cast<double>(total_bytes_) / 1e6;
    clean_mb_ = static_cast<double>(total_bytes_ - damaged_bytes_) / 1e6;
    damaged_mb_ = static_cast<double>(damaged_bytes_) / 1e6;
    rep_.add("corpus", fmt("%.1f MB", mb_) + ", " + std::to_string(files_.size()) + " files, " +
                           std::to_string(n_damaged) + " OCR-damaged");
    corpus_dirs_ = {o_.work + "/corpus"};
    corpus_bytes_ = mb_ * 1e6;
}

// Stage by stage, in memory.
bool Bench::stages() {
    decode_stage();
    repair_stage();
    if (!repair_real_ocr()) return false;
    parse_stage();
    raw_.clear();
    texts_.clear();
    repaired_.clear();
    return true;
}

void Bench::decode_stage() {
    auto t = Clock::now();
    for (const auto& f : files_) raw_.push_back(*read_file(f.path));
    read_s_ = seconds_since(t);
    rep_.add("read files (baseline: cat)", fmt("%.0f MB/s", mb_ / read_s_));
    t = Clock::now();
    for (std::size_t i = 0; i < raw_.size(); ++i)
        texts_.push_back(decode(raw_[i], files_[i].path)->text);
    const double decode_s = seconds_since(t);
    rep_.add("decode", fmt("%.0f MB/s", mb_ / decode_s), fmt("%.2f× read", read_s_ / decode_s));
}

void Bench::repair_stage() {
    std::size_t words_clean = 0;
    double clean_s = 0;
    repaired_.resize(texts_.size());
    for (std::size_t i = 0; i < texts_.size(); ++i) {
        const auto t = Clock::now();
        RepairResult r = repairer_->repair(texts_[i]);
        (files_[i].damaged ? damaged_repair_s_ : clean_s) += seconds_since(t);
        (files_[i].damaged ? damaged_words_ : words_clean) += r.damage.words;
        if (files_[i].damaged)
            for (const auto& e : r.edits)
                if (damaged_samples_.size() < 40 && e.from.size() > 3)
                    damaged_samples_.push_back(e.from);
        repaired_[i] = std::move(r.text);
    }
    rep_.add("repair, clean text", fmt("%.1f MB/s", clean_mb_ / clean_s) +
                                       fmt(", %.0f k words/s", words_clean / clean_s / 1e3));
    rep_.add("repair, OCR-damaged text",
             fmt("%.2f MB/s", damaged_mb_ / damaged_repair_s_) +
                 fmt(", %.0f k words/s", damaged_words_ / damaged_repair_s_ / 1e3));
    // Baseline: hunspell's own suggestion loop on the damaged words.
    Hunspell h((default_dictionary() + ".aff").c_str(), (default_dictionary() + ".dic").c_str());
    const auto th = Clock::now();
    for (const auto& w : damaged_samples_) (void)h.suggest(w);
    const double per_word = seconds_since(th) / std::max<std::size_t>(1, damaged_samples_.size());
    const double repair_per_word = damaged_repair_s_ / std::max<std::size_t>(1, damaged_words_);
    rep_.add("baseline: hunspell suggest() per damaged word", fmt("%.1f ms", per_word * 1e3),
             fmt("repair is %.0f× faster per word", per_word / repair_per_word));
}

// Real OCR engine output (tests/data/ocr), read by a repairer that has seen none of its words:
// what one import of such protocols costs, against their clean text in the same run.
bool Bench::repair_real_ocr() {
    auto fresh = Repairer::open(model_, default_dictionary());
    if (!fresh) return false;
    const auto repair_kind = [&](const std::string& suffix) {
        double bytes = 0, secs = 0;
        for (const auto& entry : fs::directory_iterator(o_.source + "/tests/data/ocr")) {
            if (!entry.path().filename().string().ends_with(suffix)) continue;
            const auto text = read_file(entry.path().string());
            if (!text) continue;
            const auto t0 = Clock::now();
            (void)(*fresh)->repair(*text);
            secs += seconds_since(t0);
            bytes += static_cast<double>(text->size());
        }
        return std::pair{bytes / 1e6, secs};
    };
    const auto [gold_mb, gold_s] = repair_kind(".gold.txt");
    const auto [eng_mb, eng_s] = repair_kind(".eng.txt");
    const auto [swe_mb, swe_s] = repair_kind(".swe.txt");
    if (gold_s > 0 && eng_s > 0 && swe_s > 0) {
        rep_.add("repair, real OCR's clean text (tests/data/ocr)",
                 fmt("%.1f MB/s", gold_mb / gold_s));
        rep_.add("repair, tesseract -l eng output (å/ä/ö lost)", fmt("%.2f MB/s", eng_mb / eng_s),
                 fmt("%.0f× the time of its clean text", eng_s / gold_s));
        rep_.add("repair, tesseract -l swe output", fmt("%.2f MB/s", swe_mb / swe_s),
                 fmt("%.0f× the time of its clean text", swe_s / gold_s));
    }
    return true;
}

void Bench::parse_stage() {
    std::size_t paragraphs = 0;
    const auto t = Clock::now();
    for (std::size_t i = 0; i < repaired_.size(); ++i) {
        auto p = segment(repaired_[i], files_[i].path, *grammar_, {});
        if (!p) continue;
        paragraphs += p->paragraphs.size();
        for (auto& para : p->paragraphs) paragraph_texts_.push_back(std::move(para.text));
        if (file_ends_.empty() || file_ends_.back() != paragraph_texts_.size())
            file_ends_.push_back(paragraph_texts_.size());
    }
    const double parse_s = seconds_since(t);
    rep_.add("parse",
             fmt("%.1f MB/s", mb_ / parse_s) + ", " + std::to_string(paragraphs) + " paragraphs");
}

// Bare inserts of the same paragraphs: the limits for the archive.
void Bench::baselines() {
    const double plain = bare_insert_mb_s(paragraph_texts_, o_.work + "/bare-plain.db", false);
    fts_ = bare_insert_mb_s(paragraph_texts_, o_.work + "/bare-fts.db", true);
    fts_per_file_ =
        bare_insert_mb_s(paragraph_texts_, o_.work + "/bare-fts-per-file.db", true, file_ends_);
    paragraph_texts_.clear();
    paragraph_texts_.shrink_to_fit();
    rep_.add("baseline: bare SQLite insert, plain table", fmt("%.1f MB/s", plain));
    rep_.add("baseline: bare FTS5 insert (external content)", fmt("%.1f MB/s", fts_));
    rep_.add("baseline: bare FTS5 insert, one transaction per file",
             fmt("%.1f MB/s", fts_per_file_),
             fmt("%.0f %% of committing every 200 paragraphs", 100 * fts_per_file_ / fts_));
}

// The real import, end to end, on all cores.
bool Bench::import_corpus() {
    db_path_ = o_.work + "/archive.db";
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(db_path_ + ext);
    auto archive = Archive::open(db_path_, Database::Mode::read_write);
    if (!archive) {
        std::cerr << archive.error().str() << '\n';
        return false;
    }
    archive_ = std::move(*archive);
    for (const auto& f : files_) (f.damaged ? damaged_inputs_ : clean_inputs_).push_back(f.path);
    auto t = Clock::now();
    auto r1 = import(clean_inputs_);
    import_clean_s_ = seconds_since(t);
    t = Clock::now();
    auto r2 = import(damaged_inputs_);
    const double import_damaged_s = seconds_since(t);
    if (!r1 || !r2) return false;
    const double clean_rate = clean_mb_ / import_clean_s_;
    rep_.add("import, clean files",
             fmt("%.1f MB/s", clean_rate) +
                 fmt(", %.0f files/s", clean_inputs_.size() / import_clean_s_),
             fmt("%.0f %% of bare FTS5 insert", 100 * clean_rate / fts_) +
                 fmt(", %.0f %% of it one transaction per file", 100 * clean_rate / fts_per_file_));
    rep_.add("import, OCR-damaged files",
             fmt("%.2f MB/s", damaged_mb_ / import_damaged_s) +
                 fmt(", %.0f files/s", damaged_inputs_.size() / import_damaged_s));
    (void)archive_->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::error_code ec;
    const double archive_mb =
        static_cast<double>(fs::file_size(db_path_) + fs::file_size(db_path_ + "-wal", ec)) / 1e6;
    rep_.add("archive size", fmt("%.1f MB", archive_mb), fmt("%.2f× the input", archive_mb / mb_));
    rep_.add("peak memory (RSS) so far", std::to_string(peak_rss_mb()) + " MB");
    return true;
}

std::int64_t Bench::count(const char* sql) {
    auto st = archive_->db().prepare(sql);
    if (!st) return 0;
    auto row = (*st)->step();
    return row && *row ? (*st)->integer(0) : 0;
}

// More copies of the corpus imported until the archive holds `checkpoint` paragraphs.
bool Bench::grow_archive(std::size_t checkpoint) {
    while (static_cast<std::size_t>(count("SELECT count(*) FROM paragraphs")) < checkpoint) {
        ++copy_;
        co_.out_dir = o_.work + "/corpus-" + std::to_string(copy_);
        co_.seed = 42 + copy_;
        co_.bytes = std::min<std::size_t>(o_.size_mb << 20, 64u << 20);
        std::vector<std::string> more;
        for (const auto& f : bench::make_corpus(co_)) {
            more.push_back(f.path);
            corpus_bytes_ += static_cast<double>(fs::file_size(f.path));
        }
        if (!import(more)) return false;
        corpus_dirs_.push_back(co_.out_dir);
    }
    dirs_.clear();
    for (const std::string& d : corpus_dirs_) dirs_ += " " + d;
    return true;
}

double Bench::timed(const SearchQuery& q) {
    const auto t0 = Clock::now();
    (void)search(*archive_, q, *grammar_);
    return seconds_since(t0) * 1e3;
}

// Queries at a size of the archive.
bool Bench::queries(std::size_t checkpoint) {
    if (!grow_archive(checkpoint)) return false;
    // As after `kraft import`, whose connection checkpoints the WAL when it closes: searches
    // read the archive file, not pages through a WAL of up to 64 MB (pipeline/batch.cpp).
    (void)archive_->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const std::int64_t n_par = count("SELECT count(*) FROM paragraphs");
    const std::int64_t n_ent = count("SELECT count(*) FROM entries");
    rep_.add("archive for queries",
             std::to_string(n_par) + " paragraphs, " + std::to_string(n_ent) + " entries");
    word_searches(n_ent);
    query_sets();
    timelines();
    return true;
}

// One word of each frequency class, against grep -ri for it over the same files (warm cache,
// best of two; into a pipe, since grep stops at the first match when its output is /dev/null).
void Bench::word_searches(std::int64_t entries) {
    for (const auto& [cls, words] : words_by_frequency(archive_->db(), entries)) {
        std::vector<double> ms;
        for (int round = 0; round < 3; ++round)
            for (const auto& w : words) ms.push_back(timed(query_of(w)));
        const Percentiles p = percentiles(ms);
        const double grep_ms =
            words.empty()
                ? -1
                : time_command("grep -ri '" + words.front() + "'" + dirs_ + " | cat > /dev/null",
                               2) *
                      1e3;
        rep_.add("search p50/p95, one word, " + cls, fmt("%.1f", p.p50) + fmt(" / %.1f ms", p.p95),
                 grep_ms > 0 ? fmt("grep -ri over %.0f MB: ", corpus_bytes_ / 1e6) +
                                   fmt("%.0f ms", grep_ms) +
                                   fmt(" = %.0f× the p95", grep_ms / std::max(p.p95, 0.01))
                             : "");
    }
}

// A set of queries against grep -ri for what a clerk would grep for instead (the first word of a
// phrase, the stem of a prefix, the word of a filtered search).
void Bench::run_set(const std::string& label, const std::vector<SearchQuery>& qs,
                    const std::string& grep_for) {
    std::vector<double> ms;
    for (int round = 0; round < 5; ++round)
        for (const auto& q : qs) ms.push_back(timed(q));
    const Percentiles p = percentiles(ms);
    const double grep_ms =
        time_command("grep -ri '" + grep_for + "'" + dirs_ + " | cat > /dev/null", 2) * 1e3;
    rep_.add("search p50/p95, " + label, fmt("%.1f", p.p50) + fmt(" / %.1f ms", p.p95),
             "grep -ri '" + grep_for + "': " + fmt("%.0f ms", grep_ms) +
                 fmt(" = %.0f× the p95", grep_ms / std::max(p.p95, 0.01)));
}

void Bench::query_sets() {
    run_set("two words",
            {query_of("kraftsamlande nämnden"), query_of("beslut budget"),
             query_of("särskilt yttrande"), query_of("motion tolkavgift")},
            "kraftsamlande");
    run_set("phrase",
            {query_of("\"särskilt yttrande\""), query_of("\"beslutet skickas till\""),
             query_of("\"kommunfullmäktige beslutade\"")},
            "särskilt yttrande");
    run_set("prefix", {query_of("kraft*"), query_of("nämnd*"), query_of("budg*")}, "nämnd");
    SearchQuery filtered = query_of("beslut");
    filtered.body = "Kommunstyrelsen";
    filtered.from = "2024-01-01";
    SearchQuery party;
    party.party = "SD";
    party.kind = EntryKind::special_statement;
    run_set("with filters (--body --from; --party --kind)", {filtered, party}, "beslut");
}

// Timelines of 40 cases picked evenly over the archive (a fixed hash order, so every run picks
// the same), and separately the case with the most paragraphs.
void Bench::timelines() {
    std::vector<std::string> cases;
    if (auto st = archive_->db().prepare(
            "SELECT key FROM cases ORDER BY (id * 2654435761) % 4294967291 LIMIT 40");
        st)
        (void)(*st)->each_row([&](const SqlStatement& row) { cases.push_back(row.text(0)); });
    std::vector<double> ms;
    for (int round = 0; round < 3; ++round)
        for (const auto& c : cases) {
            const auto t0 = Clock::now();
            (void)timeline(*archive_, c);
            ms.push_back(seconds_since(t0) * 1e3);
        }
    const Percentiles p = percentiles(ms);
    most_handled_case();
    rep_.add("timeline p50/p95", fmt("%.2f", p.p50) + fmt(" / %.2f ms", p.p95));
}

// The corpus's generated case numbers repeat, so its first cases are cited thousands of times.
void Bench::most_handled_case() {
    auto st = archive_->db().prepare(
        "SELECT c.key, count(*) FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
        "GROUP BY pc.case_id ORDER BY count(*) DESC LIMIT 1");
    if (!st || !(*st)->step().value_or(false)) return;
    const std::string key = (*st)->text(0);
    const std::int64_t n = (*st)->integer(1);
    (*st)->reset();
    double best = 1e9;
    std::size_t events = 0;
    for (int round = 0; round < 3; ++round) {
        const auto t0 = Clock::now();
        auto t = timeline(*archive_, key);
        best = std::min(best, seconds_since(t0) * 1e3);
        if (t) events = t->events.size();
    }
    rep_.add("timeline of the most-handled case", fmt("%.0f ms", best) + " (" + std::to_string(n) +
                                                      " paragraphs, " + std::to_string(events) +
                                                      " events)");
}

// A folder that changed: its files replace their earlier versions in the (now largest) archive,
// which deletes their paragraphs, statements and entries first. Against the clean files' first
// import, in files per second.
bool Bench::reimport_changed() {
    const std::size_t n = std::min<std::size_t>(clean_inputs_.size(), 300);
    std::vector<std::string> changed(clean_inputs_.end() - static_cast<long>(n),
                                     clean_inputs_.end());
    for (const std::string& f : changed) std::ofstream(f, std::ios::app) << "\nJusterat.\n";
    const auto t = Clock::now();
    auto r = import(changed);
    const double s = seconds_since(t);
    if (!r || r->imported != n) return false;
    rep_.add("import, changed files replacing their earlier versions",
             fmt("%.0f files/s", static_cast<double>(n) / s),
             fmt("%.0f %% of the clean files' first import",
                 100 * (static_cast<double>(n) / s) / (clean_inputs_.size() / import_clean_s_)));
    rep_.add("peak memory (RSS)", std::to_string(peak_rss_mb()) + " MB");
    for (const std::string& d : corpus_dirs_)
        if (d != o_.work + "/corpus") fs::remove_all(d);
    return true;
}

void Bench::write_results() {
    std::string checkpoint_list;
    for (std::size_t c : o_.checkpoints)
        checkpoint_list += (checkpoint_list.empty() ? "" : ",") + std::to_string(c);
    utsname u{};
    uname(&u);
    std::ostringstream md;
    md << "# kraft benchmark results\n\n";
    md << "Machine: " << u.sysname << ' ' << u.release << ' ' << u.machine << ", "
       << std::thread::hardware_concurrency()
       << " cores. Command: `build/bench/kraft_bench --size-mb " << o_.size_mb
       << (o_.quick ? " --quick" : "")
       << (checkpoint_list.empty() ? "" : " --checkpoints " + checkpoint_list)
       << " --results bench/RESULTS.md` (7-25 minutes, as busy as the machine is). Baselines ran "
          "in the same process, on the same files.\n\n";
    md << "| measure | value | compared with |\n|---|---|---|\n";
    for (const Row& r : rep_.rows)
        md << "| " << r.what << " | " << r.value << " | " << r.ratio << " |\n";
    std::cout << md.str();
    if (!o_.results.empty()) std::ofstream(o_.results) << md.str();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kraft_bench: kraft's stages against their baselines"};
    Options o;
    app.add_option("--size-mb", o.size_mb,
                   "Corpus size in MB (the import corpus; queries grow it to the checkpoints)");
    app.add_flag("--quick", o.quick,
                 "A smoke test: 1 MB, one small archive (for CI; not a measurement)");
    app.add_option("--results", o.results, "Also write the table to this Markdown file");
    app.add_option("--work", o.work, "Scratch folder for the corpus and archives");
    app.add_option("--checkpoints", o.checkpoints,
                   "Archive sizes (paragraphs) at which to measure queries")
        ->delimiter(',');
    CLI11_PARSE(app, argc, argv);
    if (o.quick) {
        o.size_mb = 1;
        o.checkpoints = {500};
    }
    Bench bench(std::move(o));
    if (!bench.load()) return 1;
    bench.make_corpus();
    if (!bench.stages()) return 1;
    bench.baselines();
    if (!bench.import_corpus()) return 1;
    for (std::size_t checkpoint : bench.options().checkpoints)
        if (!bench.queries(checkpoint)) return 1;
    if (!bench.reimport_changed()) return 1;
    bench.write_results();
    return 0;
}
