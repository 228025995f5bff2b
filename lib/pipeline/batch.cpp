#include "pipeline/batch.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <variant>

#include "util/file.hpp"

namespace kraft {

namespace {

struct Unchanged {};
using Outcome = std::variant<PreparedProtocol, Unchanged, Error>;

// Files prepared ahead of the writer: at most kWindow, and at most kBytesInFlight of input unless
// it is the only one, so that a folder of large files cannot fill the memory.
constexpr std::size_t kWindow = 32;
constexpr std::size_t kBytesInFlight = std::size_t{64} << 20;
constexpr auto kPoll = std::chrono::milliseconds(50);  // how often waiting threads see `stop`

class ImportBatch {
  public:
    ImportBatch(ProtocolSink& sink, const std::vector<std::string>& inputs,
                const Pipeline& pipeline, const ImportOptions& options,
                const ImportCallbacks& callbacks, const std::atomic<bool>& stop)
        : sink_(sink),
          inputs_(inputs),
          pipeline_(pipeline),
          options_(options),
          cb_(callbacks),
          stop_(stop),
          file_sizes_(inputs.size(), 0),
          stored_(inputs.size()),
          results_(inputs.size()),
          read_bytes_(inputs.size(), 0) {}

    Result<ImportReport> run(std::shared_ptr<const RepairModel> base_model,
                             const std::string& dictionary);

  private:
    Result<void> plan(const std::shared_ptr<const RepairModel>& base_model);
    unsigned worker_count();
    void work(const std::string& dictionary);
    std::optional<std::size_t> claim();
    Outcome prepare(std::size_t i, Repairer& repairer);
    std::optional<Outcome> wait_for(std::size_t i);
    void write(std::size_t i, Outcome outcome);
    void release(std::size_t i);
    void stop_workers();
    void finish();
    void error(const Error& e) {
        if (cb_.on_error) cb_.on_error(e);
    }

    ProtocolSink& sink_;
    const std::vector<std::string>& inputs_;
    const Pipeline& pipeline_;
    ImportOptions options_;
    const ImportCallbacks& cb_;
    const std::atomic<bool>& stop_;
    std::shared_ptr<const RepairModel> model_;  // the base model with what the sink learned

    std::vector<std::size_t> file_sizes_;
    std::vector<std::optional<std::string>> stored_;  // each input's stored content hash
    ImportReport report_;
    ImportProgress progress_;
    std::optional<Error> sink_error_;

    // Shared between the workers and the writer, under mu_.
    std::mutex mu_, callback_mu_;
    std::condition_variable cv_;
    std::vector<std::optional<Outcome>> results_;
    std::vector<std::size_t> read_bytes_;
    std::size_t next_ = 0, written_ = 0, bytes_in_flight_ = 0;
    bool abort_workers_ = false;
    std::optional<Error> open_error_;
};

Result<ImportReport> ImportBatch::run(std::shared_ptr<const RepairModel> base_model,
                                      const std::string& dictionary) {
    if (auto ok = plan(base_model); !ok) return std::unexpected(ok.error());
    std::vector<std::thread> threads;
    const unsigned workers = worker_count();
    for (unsigned t = 0; t < workers; ++t) threads.emplace_back([&] { work(dictionary); });
    for (std::size_t i = 0; i < inputs_.size() && !stop_; ++i) {
        auto outcome = wait_for(i);
        if (!outcome) break;  // stopped, or no worker could start
        write(i, std::move(*outcome));
        release(i);
        if (sink_error_) break;
    }
    stop_workers();
    for (auto& t : threads) t.join();
    if (open_error_) return std::unexpected(*open_error_);
    finish();
    return report_;
}

// Sizes for the progress and the memory bound, what the sink learned, and what it holds.
Result<void> ImportBatch::plan(const std::shared_ptr<const RepairModel>& base_model) {
    if (auto ok = sink_.begin_batch(); !ok) return ok;
    progress_.files_total = inputs_.size();
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        std::error_code ec;
        if (inputs_[i] == "-") continue;
        const auto size = std::filesystem::file_size(inputs_[i], ec);
        file_sizes_[i] = ec ? 0 : static_cast<std::size_t>(size);
        progress_.bytes_total += file_sizes_[i];
    }
    auto learned = sink_.learned_frequencies();
    if (!learned) return std::unexpected(learned.error());
    model_ = base_model->with_counts(*learned);
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        auto hash = sink_.stored_hash(source_key(inputs_[i]));
        if (!hash) return std::unexpected(hash.error());
        stored_[i] = std::move(*hash);
    }
    return {};
}

// One core is the writer's: on this project's 2-core machine a second worker made a clean 8.6 MB
// import slower (2.13 -> 2.47 s) and an OCR-damaged one no faster, for 15-45 % more CPU. A scan's
// pages are read on several threads too: the workers share the cores between them.
unsigned ImportBatch::worker_count() {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned n = options_.threads ? options_.threads : std::clamp(cores - 1, 1u, 4u);
    n = std::min<unsigned>(n, static_cast<unsigned>(std::max<std::size_t>(1, inputs_.size())));
    if (options_.ingest.ocr_threads == 0) options_.ingest.ocr_threads = std::max(1u, cores / n);
    return n;
}

void ImportBatch::work(const std::string& dictionary) {
    auto repairer = Repairer::open(model_, dictionary);
    if (!repairer) {
        std::lock_guard lock(mu_);
        open_error_ = repairer.error();
        abort_workers_ = true;
        cv_.notify_all();
        return;
    }
    while (const auto i = claim()) {
        Outcome o;
        try {
            o = prepare(*i, **repairer);
        } catch (const std::exception& e) {  // e.g. out of memory: this file fails, not the batch
            o = Error{inputs_[*i], 0, 0, std::string("internal error: ") + e.what()};
        }
        std::lock_guard lock(mu_);
        results_[*i] = std::move(o);
        cv_.notify_all();
    }
}

// The next input to prepare, when the window has room for it; nullopt when the batch is over.
std::optional<std::size_t> ImportBatch::claim() {
    std::unique_lock lock(mu_);
    // Polled as well as notified: `stop` is set by a signal handler, which cannot notify.
    const auto room = [&] {
        return next_ < written_ + kWindow &&
               (next_ == written_ || bytes_in_flight_ + file_sizes_[next_] <= kBytesInFlight);
    };
    while (!(abort_workers_ || stop_ || next_ >= inputs_.size() || room()))
        cv_.wait_for(lock, kPoll);
    if (abort_workers_ || stop_ || next_ >= inputs_.size()) {
        cv_.notify_all();
        return std::nullopt;
    }
    bytes_in_flight_ += file_sizes_[next_];
    return next_++;
}

Outcome ImportBatch::prepare(std::size_t i, Repairer& repairer) {
    const std::string& input = inputs_[i];
    auto data = read_file(input, kMaxDocumentBytes);
    if (!data) return data.error();
    {
        std::lock_guard lock(mu_);
        read_bytes_[i] = data->size();
    }
    // An unchanged file is not read again: a scanned PDF is not OCR'd a second time.
    std::string hash = content_hash(*data);
    if (stored_[i] && *stored_[i] == hash) return Unchanged{};
    PrepareOptions o{options_.body, options_.date, true, options_.ingest};
    o.ingest.stop = &stop_;
    if (cb_.on_ocr_page)
        o.ingest.on_ocr_page = [&](std::size_t done, std::size_t total) {
            std::lock_guard lock(callback_mu_);
            cb_.on_ocr_page(input, done, total);
        };
    auto p = prepare_protocol(std::move(*data), input, pipeline_, repairer, o);
    if (!p) return p.error();
    p->content_hash = std::move(hash);
    return std::move(*p);
}

// Input i's outcome, once a worker has it; nullopt when the batch stopped first.
std::optional<Outcome> ImportBatch::wait_for(std::size_t i) {
    std::unique_lock lock(mu_);
    while (!(results_[i].has_value() || abort_workers_ || stop_)) cv_.wait_for(lock, kPoll);
    if (!results_[i]) return std::nullopt;
    std::optional<Outcome> o = std::move(results_[i]);
    results_[i].reset();
    return o;
}

void ImportBatch::write(std::size_t i, Outcome outcome) {
    if (auto* p = std::get_if<PreparedProtocol>(&outcome)) {
        if (auto ok = sink_.store(*p); ok && *ok == Stored::already_kept) {
            ++report_.unchanged;
        } else if (ok) {
            ++report_.imported;
            report_.paragraphs += p->protocol.paragraphs.size();
        } else {
            // Disk full, read-only archive, ...: this file failed, and likely every next one.
            ++report_.failed;
            error(Error{inputs_[i], 0, 0, "not stored: " + ok.error().message});
            sink_error_ = ok.error();
        }
    } else if (std::holds_alternative<Unchanged>(outcome)) {
        ++report_.unchanged;
    } else {
        ++report_.failed;
        error(std::get<Error>(outcome));
    }
}

// Input i is written: its memory leaves the window, and the progress moves on.
void ImportBatch::release(std::size_t i) {
    {
        std::lock_guard lock(mu_);
        written_ = i + 1;
        bytes_in_flight_ -= file_sizes_[i];
        progress_.bytes_done += read_bytes_[i];
        if (sink_error_) abort_workers_ = true;
        cv_.notify_all();
    }
    progress_.files_done = i + 1;
    if (cb_.on_progress) cb_.on_progress(progress_);
}

void ImportBatch::stop_workers() {
    std::lock_guard lock(mu_);
    abort_workers_ = true;
    cv_.notify_all();
}

void ImportBatch::finish() {
    report_.interrupted = stop_.load();
    if (report_.imported > 0 && !report_.interrupted && !sink_error_) {
        if (auto ok = sink_.finish_batch(stop_); !ok) {
            // The protocols are stored and the index is whole, only slower to search.
            error(Error{sink_.name(), 0, 0,
                        "could not merge the full-text index: " + ok.error().message});
            sink_error_ = ok.error();
        }
    }
    if (sink_error_) {
        report_.failed += inputs_.size() - (report_.imported + report_.unchanged + report_.failed);
        report_.archive_failed = true;
    }
}

}  // namespace

Result<ImportReport> import_inputs(ProtocolSink& sink, const std::vector<std::string>& inputs,
                                   std::shared_ptr<const RepairModel> repair_model,
                                   const std::string& dictionary, const Pipeline& pipeline,
                                   const ImportOptions& options, const ImportCallbacks& callbacks,
                                   const std::atomic<bool>& stop) {
    ImportBatch batch(sink, inputs, pipeline, options, callbacks, stop);
    return batch.run(std::move(repair_model), dictionary);
}

}  // namespace kraft
