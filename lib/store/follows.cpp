#include "store/follows.hpp"

#include "util/time.hpp"

namespace kraft {

namespace {

std::optional<std::string> kind_name(const std::optional<EntryKind>& k) {
    return k ? std::optional<std::string>(to_string(*k)) : std::nullopt;
}

// The search's columns, in the order of kSearchColumns.
constexpr const char* kSearchColumns =
    "search_text, search_case, search_body, search_from, search_to, search_kind, search_person, "
    "search_party, search_exact";
// The same, matched as the unique index follows_search compares them.
constexpr const char* kSameSearch =
    "search_text = ? AND coalesce(search_case, '') = coalesce(?, '') AND coalesce(search_body, "
    "'') = coalesce(?, '') AND coalesce(search_from, '') = coalesce(?, '') AND "
    "coalesce(search_to, '') = coalesce(?, '') AND coalesce(search_kind, '') = coalesce(?, '') "
    "AND coalesce(search_person, '') = coalesce(?, '') AND coalesce(search_party, '') = "
    "coalesce(?, '') AND search_exact = ?";

void bind_search(SqlStatement& st, const SavedSearch& s, int first) {
    const SearchFilters& f = s.filters;
    st.bind(first, s.text)
        .bind(first + 1, f.case_number)
        .bind(first + 2, f.body)
        .bind(first + 3, f.from)
        .bind(first + 4, f.to)
        .bind(first + 5, kind_name(f.kind))
        .bind(first + 6, f.person)
        .bind(first + 7, f.party)
        .bind(first + 8, s.exact ? 1 : 0);
}

std::optional<std::string> optional_text(const SqlStatement& row, int col) {
    return row.is_null(col) ? std::nullopt : std::optional<std::string>(row.text(col));
}

Result<Follow> follow_of(const SqlStatement& row) {
    Follow f;
    f.id = row.integer(0);
    f.since = row.text(1);
    if (!row.is_null(2)) {
        f.case_key = row.text(2);
        return f;
    }
    SavedSearch s;
    s.text = row.text(3);
    SearchFilters& filters = s.filters;
    filters.case_number = optional_text(row, 4);
    filters.body = optional_text(row, 5);
    filters.from = optional_text(row, 6);
    filters.to = optional_text(row, 7);
    if (!row.is_null(8)) {
        filters.kind = entry_kind_from(row.text(8));
        if (!filters.kind)
            return fail("", 0, "unknown entry kind '" + row.text(8) + "' in a follow");
    }
    filters.person = optional_text(row, 9);
    filters.party = optional_text(row, 10);
    s.exact = row.integer(11) != 0;
    f.search = std::move(s);
    return f;
}

// Whether the statement (ending RETURNING id) changed a row.
Result<bool> added_or_removed(SqlStatement& st) {
    bool changed = false;
    if (auto ok = st.each_row([&](const SqlStatement&) { changed = true; }); !ok)
        return std::unexpected(ok.error());
    return changed;
}

}  // namespace

Result<bool> add_follow(Database& db, const Follow& f) {
    auto st = f.case_key ? db.prepare(
                               "INSERT INTO follows(case_key, created_at) VALUES (?, ?) "
                               "ON CONFLICT DO NOTHING RETURNING id")
                         : db.prepare(std::string("INSERT INTO follows(") + kSearchColumns +
                                      ", created_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
                                      "ON CONFLICT DO NOTHING RETURNING id");
    if (!st) return std::unexpected(st.error());
    const std::string since = f.since.empty() ? now_utc() : f.since;
    if (f.case_key) {
        (*st)->bind(1, *f.case_key).bind(2, since);
    } else {
        bind_search(**st, *f.search, 1);
        (*st)->bind(10, since);
    }
    return added_or_removed(**st);
}

Result<bool> remove_follow(Database& db, const Follow& f) {
    auto st =
        f.case_key
            ? db.prepare("DELETE FROM follows WHERE case_key = ? RETURNING id")
            : db.prepare(std::string("DELETE FROM follows WHERE ") + kSameSearch + " RETURNING id");
    if (!st) return std::unexpected(st.error());
    if (f.case_key)
        (*st)->bind(1, *f.case_key);
    else
        bind_search(**st, *f.search, 1);
    return added_or_removed(**st);
}

Result<std::vector<Follow>> follows(Database& db, int schema) {
    std::vector<Follow> out;
    if (schema < 8) return out;
    auto st = db.prepare(std::string("SELECT id, created_at, case_key, ") + kSearchColumns +
                         " FROM follows ORDER BY case_key IS NULL, case_key, id");
    if (!st) return std::unexpected(st.error());
    auto ok = (*st)->each_row([&](const SqlStatement& row) -> Result<void> {
        auto f = follow_of(row);
        if (!f) return fail(db.path(), 0, f.error().message);
        out.push_back(std::move(*f));
        return {};
    });
    if (!ok) return std::unexpected(ok.error());
    return out;
}

}  // namespace kraft
