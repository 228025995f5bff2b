#include "store/import_batch.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <variant>

#include "decode/decode.hpp"
#include "ingest/input_format.hpp"
#include "segment/segment.hpp"
#include "store/packing.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace kraft {

namespace fs = std::filesystem;

namespace {

std::string source_key(const std::string& input) {
    if (input == "-") return "<stdin>";
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(input, ec), ec);
    return ec ? input : abs.string();
}

struct Unchanged {};
using Outcome = std::variant<PreparedProtocol, Unchanged, Error>;

struct Worker {
    std::shared_ptr<const RepairModel> model;
    std::unique_ptr<Repairer> repairer;
};

Outcome prepare(const std::string& input, const std::optional<std::string>& stored_hash, Worker& w,
                const Grammar& g, const ImportOptions& o, const ImportCallbacks& cb,
                const std::atomic<bool>& stop, std::mutex& callback_mu, std::size_t& bytes) {
    auto data = read_file(input, kMaxDocumentBytes);
    if (!data) return data.error();
    bytes = data->size();
    PreparedProtocol p;
    p.source = source_key(input);
    p.content_hash = content_hash(*data);
    // An unchanged file is not read again: a scanned PDF is not OCR'd a second time.
    if (stored_hash && *stored_hash == p.content_hash) return Unchanged{};
    IngestOptions io = o.ingest;
    io.stop = &stop;
    if (cb.on_ocr_page)
        io.on_ocr_page = [&](std::size_t done, std::size_t total) {
            std::lock_guard lock(callback_mu);
            cb.on_ocr_page(input, done, total);
        };
    static const IngestModel kNoRules;
    auto ingested = ingest(std::move(*data), input, o.ingest_model ? *o.ingest_model : kNoRules, io,
                           [&](const std::string& word) { return w.repairer->known_word(word); });
    if (!ingested) return ingested.error();
    const DecodedText* decoded = &ingested->text;
    p.encoding = std::string(encoding_name(decoded->encoding));
    p.info = ingested->info;
    RepairResult r = w.repairer->repair(decoded->text, ingested->ocr_words);
    SegmentOptions so;
    so.body = o.body;
    so.date = o.date;
    so.date_from_file_name = input != "-";
    auto protocol = segment(r.text, input, g, so);
    if (!protocol) return protocol.error();
    p.protocol = std::move(*protocol);
    p.protocol.source = p.source;
    p.words = r.damage.words;
    p.damage = r.damage.level;
    // The text as received, for `kraft show --original`: what the OCR read, or what repair changed.
    if (!r.edits.empty() || p.info.ocr_pages > 0) p.compressed_original = compress(decoded->text);
    for (const Paragraph& para : p.protocol.paragraphs) {
        PreparedProtocol::CompressedParagraph c{compress(para.text), {}};
        for (const Statement& s : para.statements) c.statements.push_back(compress(s.text));
        p.compressed_paragraphs.push_back(std::move(c));
        // What repair learns from an undamaged protocol: the words of its paragraphs, the text
        // the archive unlearns when a changed file replaces it (the paragraphs' entries).
        if (!r.damage.damaged) count_words(para.text, p.learned_words);
    }
    std::vector<std::size_t> offsets;
    for (const RepairEdit& e : r.edits) offsets.push_back(e.offset);
    const auto positions = decoded->positions_of(offsets);
    for (std::size_t i = 0; i < r.edits.size(); ++i) {
        const RepairEdit& e = r.edits[i];
        p.edits.push_back({e.offset, positions[i].line, positions[i].column, e.from, e.to,
                           e.confidence, e.reason});
    }
    return p;
}

}  // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& paths,
                                        const ImportCallbacks& cb, std::size_t& failures) {
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (p != "-" && fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied,
                                                ec),
                end;
            if (ec) {
                cb.on_error(Error{p, 0, 0, ec.message()});
                ++failures;
                continue;
            }
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    cb.on_error(Error{it->path().string(), 0, 0, ec.message()});
                    ++failures;
                    ec.clear();
                    continue;
                }
                std::error_code fe;
                if (!it->is_directory(fe) && protocol_file_name(it->path()))
                    found.push_back(it->path().string());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);  // files (any extension) and "-" as given; errors surface on reading
        }
    }
    return out;
}

Result<ImportReport> import_inputs(Archive& archive, const std::vector<std::string>& inputs,
                                   std::shared_ptr<const RepairModel> base_model,
                                   const std::string& dictionary, const Grammar& grammar,
                                   const ImportOptions& options, const ImportCallbacks& cb,
                                   const std::atomic<bool>& stop) {
    ImportReport report;
    // The WAL is checkpointed every 64 MB instead of every 4 MB: each checkpoint copies pages
    // (index interiors, the full-text segments' structure) that the next protocols dirty again.
    // A clean 8.6 MB import: 2.85 -> 2.48 s (mean of 3). SQLite checkpoints it all when the last
    // connection closes.
    if (auto ok = archive.db().exec("PRAGMA wal_autocheckpoint = 16384"); !ok)
        return std::unexpected(ok.error());
    ImportProgress progress;
    progress.files_total = inputs.size();
    std::vector<std::size_t> file_sizes(inputs.size(), 0);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        std::error_code ec;
        if (inputs[i] == "-") continue;
        const auto size = fs::file_size(inputs[i], ec);
        file_sizes[i] = ec ? 0 : static_cast<std::size_t>(size);
        progress.bytes_total += file_sizes[i];
    }
    // Repair learns from the clean protocols already in the archive.
    auto learned = archive.learned_frequencies();
    if (!learned) return std::unexpected(learned.error());
    const std::shared_ptr<const RepairModel> model = base_model->with_counts(*learned);
    std::vector<std::optional<std::string>> stored(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
        stored[i] = archive.stored_hash(source_key(inputs[i]));

    // One core is the writer's: on this project's 2-core machine a second worker made a clean
    // 8.6 MB import slower (2.13 -> 2.47 s) and an OCR-damaged one no faster, for 15-45 % more CPU.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned n_threads = options.threads ? options.threads : std::clamp(cores - 1, 1u, 4u);
    n_threads = std::min<unsigned>(n_threads,
                                   static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
    // A scan's pages are read on several threads too: the workers share the cores between them.
    ImportOptions options_used = options;
    if (options_used.ingest.ocr_threads == 0)
        options_used.ingest.ocr_threads = std::max(1u, cores / n_threads);
    // Files prepared ahead of the writer: at most kWindow, and at most kBytesInFlight of input
    // unless it is the only one, so that a folder of large files cannot fill the memory.
    constexpr std::size_t kWindow = 32;
    constexpr std::size_t kBytesInFlight = std::size_t{64} << 20;
    constexpr auto kPoll = std::chrono::milliseconds(50);  // how often waiting threads see `stop`

    std::mutex mu, callback_mu;
    std::condition_variable cv;
    std::vector<std::optional<Outcome>> results(inputs.size());
    std::vector<std::size_t> sizes(inputs.size(), 0);
    std::size_t next = 0, written = 0, bytes_in_flight = 0;
    bool abort_workers = false;
    std::optional<Error> open_error;

    const auto work = [&] {
        Worker w{model, nullptr};
        auto rep = Repairer::open(model, dictionary);
        if (!rep) {
            std::lock_guard lock(mu);
            open_error = rep.error();
            abort_workers = true;
            cv.notify_all();
            return;
        }
        w.repairer = std::move(*rep);
        while (true) {
            std::size_t i;
            {
                std::unique_lock lock(mu);
                // Polled as well as notified: `stop` is set by a signal handler, which cannot
                // notify.
                const auto room = [&] {
                    return next < written + kWindow &&
                           (next == written ||
                            bytes_in_flight + file_sizes[next] <= kBytesInFlight);
                };
                while (!(abort_workers || stop || next >= inputs.size() || room()))
                    cv.wait_for(lock, kPoll);
                if (abort_workers || stop || next >= inputs.size()) {
                    cv.notify_all();
                    return;
                }
                i = next++;
                bytes_in_flight += file_sizes[i];
            }
            std::size_t bytes = 0;
            Outcome o;
            try {
                o = prepare(inputs[i], stored[i], w, grammar, options_used, cb, stop, callback_mu,
                            bytes);
            } catch (
                const std::exception& e) {  // e.g. out of memory: this file fails, not the batch
                o = Error{inputs[i], 0, 0, std::string("internal error: ") + e.what()};
            }
            std::lock_guard lock(mu);
            sizes[i] = bytes;
            results[i] = std::move(o);
            cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < n_threads; ++t) threads.emplace_back(work);

    std::optional<Error> archive_error;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Outcome o;
        {
            std::unique_lock lock(mu);
            while (!(results[i].has_value() || abort_workers || stop)) cv.wait_for(lock, kPoll);
            if (!results[i]) break;  // stopped or no worker could start
            o = std::move(*results[i]);
            results[i].reset();
        }
        if (auto* p = std::get_if<PreparedProtocol>(&o)) {
            if (auto ok = archive.store(*p, grammar); ok) {
                ++report.imported;
                report.paragraphs += p->protocol.paragraphs.size();
            } else {
                // Disk full, read-only archive, ...: this file failed, and likely every next one.
                ++report.failed;
                cb.on_error(Error{inputs[i], 0, 0, "not stored: " + ok.error().message});
                archive_error = ok.error();
            }
        } else if (std::holds_alternative<Unchanged>(o)) {
            ++report.unchanged;
        } else {
            ++report.failed;
            cb.on_error(std::get<Error>(o));
        }
        {
            std::lock_guard lock(mu);
            written = i + 1;
            bytes_in_flight -= file_sizes[i];
            if (archive_error) abort_workers = true;
            cv.notify_all();
        }
        progress.files_done = i + 1;
        progress.bytes_done += sizes[i];
        if (cb.on_progress) cb.on_progress(progress);
        if (archive_error) break;
    }
    {
        std::lock_guard lock(mu);
        abort_workers = true;
        cv.notify_all();
    }
    for (auto& t : threads) t.join();
    if (open_error) return std::unexpected(*open_error);
    report.interrupted = stop.load();
    if (report.imported > 0 && !report.interrupted && !archive_error) {
        if (auto ok = archive.merge_index(stop); !ok) {
            // The protocols are stored and the index is whole, only slower to search.
            cb.on_error(Error{archive.db().path(), 0, 0,
                              "could not merge the full-text index: " + ok.error().message});
            archive_error = ok.error();
        }
    }
    const std::size_t accounted = report.imported + report.unchanged + report.failed;
    if (archive_error) {
        report.failed += inputs.size() - accounted;
        report.archive_failed = true;
    }
    return report;
}

}  // namespace kraft
