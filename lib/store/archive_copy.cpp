#include "store/archive_copy.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "store/follows.hpp"
#include "store/protocol_reader.hpp"

namespace kraft {

namespace {

// Both name one archive: the same server URI, or the same file however its path is written.
bool same_archive(Archive& a, Archive& b) {
    if (a.name() == b.name()) return true;
    if (a.db().engine() != SqlEngine::sqlite || b.db().engine() != SqlEngine::sqlite) return false;
    std::error_code ec;
    return std::filesystem::equivalent(a.name(), b.name(), ec) && !ec;
}

// An error after the copy began: what was copied stays, and a second run goes on from there.
Error resumable(Error e) {
    e.message += " (the protocols copied so far are complete: run the copy again to finish)";
    return e;
}

struct KeptVersion {
    std::string content_hash, imported_at;
};

class ArchiveCopy {
  public:
    ArchiveCopy(Archive& from, Archive& to, const CopyCallbacks& cb)
        : from_(from),
          to_(to),
          cb_(cb),
          reader_(StoredProtocolReader::open(from)),
          to_statements_(to.db()) {}

    Result<CopyResult> run(const std::atomic<bool>& stop) {
        auto versions = reader_->versions();
        if (!versions) return std::unexpected(versions.error());
        if (auto ok = to_.begin_batch(); !ok) return std::unexpected(ok.error());
        CopyProgress progress{0, versions->size()};
        for (const StoredVersion& v : *versions) {
            if (stop) {
                result_.interrupted = true;
                break;
            }
            if (auto ok = copy(v); !ok) return std::unexpected(resumable(ok.error()));
            ++progress.done;
            if (cb_.on_progress) cb_.on_progress(progress);
        }
        if (result_.interrupted) return result_;
        if (auto ok = copy_follows(); !ok) return std::unexpected(resumable(ok.error()));
        if (auto ok = to_.finish_batch(stop); !ok) return std::unexpected(resumable(ok.error()));
        return result_;
    }

  private:
    Result<void> copy(const StoredVersion& v) {
        auto kept = kept_version(v.source);
        if (!kept) return std::unexpected(kept.error());
        if (*kept && (*kept)->content_hash == v.content_hash) {
            ++result_.unchanged;
            return {};
        }
        // ISO 8601 UTC times compare as text.
        if (*kept && (*kept)->imported_at >= v.imported_at) {
            ++result_.kept_newer;
            return {};
        }
        auto p = reader_->read(v.id, to_.db().engine() == SqlEngine::sqlite);
        if (!p) {
            ++result_.failed;
            if (cb_.on_error) cb_.on_error(p.error());
            return {};
        }
        if (!*p) return {};  // replaced in the source since the list was read: not there now
        auto stored = to_.store(**p);
        if (!stored) return std::unexpected(stored.error());
        if (*stored == Stored::already_kept) {
            ++result_.unchanged;
            return {};
        }
        ++(*kept ? result_.replaced : result_.copied);
        result_.paragraphs += static_cast<std::int64_t>((*p)->protocol.paragraphs.size());
        return {};
    }

    Result<std::optional<KeptVersion>> kept_version(const std::string& source) {
        auto st =
            to_statements_.get("SELECT content_hash, imported_at FROM protocols WHERE source = ?");
        if (!st) return std::unexpected(st.error());
        std::optional<KeptVersion> kept;
        auto ok = (*st)->bind(1, source).each_row([&](const SqlStatement& row) {
            kept = KeptVersion{row.text(0), row.text(1)};
        });
        (*st)->reset();
        if (!ok) return std::unexpected(ok.error());
        return kept;
    }

    Result<void> copy_follows() {
        auto all = follows(from_.db(), from_.schema());
        if (!all) return std::unexpected(all.error());
        for (const Follow& f : *all) {
            auto added = add_follow(to_.db(), f);
            if (!added) return std::unexpected(added.error());
            if (*added) ++result_.follows;
        }
        return {};
    }

    Archive& from_;
    Archive& to_;
    const CopyCallbacks& cb_;
    std::unique_ptr<StoredProtocolReader> reader_;
    StatementCache to_statements_;
    CopyResult result_;
};

}  // namespace

Result<CopyResult> copy_archive(Archive& from, Archive& to, const CopyCallbacks& cb,
                                const std::atomic<bool>& stop) {
    if (same_archive(from, to)) return fail(to.name(), 0, "cannot copy an archive into itself");
    return ArchiveCopy(from, to, cb).run(stop);
}

}  // namespace kraft
