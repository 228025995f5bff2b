#include "repair/confusions.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "util/text.hpp"

namespace kraft {

namespace {
bool parse_place(const std::string& s, Place& out) {
    static const std::map<std::string, Place> places{{"start", Place::start},
                                                     {"inside", Place::inside},
                                                     {"end", Place::end},
                                                     {"any", Place::any},
                                                     {"before-digit", Place::before_digit}};
    const auto it = places.find(s);
    if (it == places.end()) return false;
    out = it->second;
    return true;
}
bool parse_positive(const std::string& f, double& out) {
    const auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), out);
    return ec == std::errc{} && p == f.data() + f.size() && out > 0;
}
}  // namespace

Result<ConfusionModel> ConfusionModel::from_table(const TableFile& table) {
    struct Row {
        Confusion c;
        double count;
    };
    std::vector<Row> rows;
    std::map<std::pair<std::u32string, int>, double> totals;  // (original, place) -> sum
    for (const TableRow& r : table.rows) {
        if (r.fields.size() != 4 && r.fields.size() != 5)
            return std::unexpected(table.error_at(r,
                                                  "expected 4 or 5 tab-separated fields (reading, "
                                                  "original, place, count[, out of]), got " +
                                                      std::to_string(r.fields.size())));
        Confusion c;
        c.reading = text::to_u32(r.fields[0]);
        c.original = text::to_u32(r.fields[1]);
        if (c.reading.empty() || c.original.empty())
            return std::unexpected(table.error_at(r, "empty reading or original"));
        if (!parse_place(r.fields[2], c.place))
            return std::unexpected(table.error_at(
                r, "unknown place '" + r.fields[2] + "' (start, inside, end, any, before-digit)"));
        double count = 0, out_of = 0;
        if (!parse_positive(r.fields[3], count))
            return std::unexpected(
                table.error_at(r, "count '" + r.fields[3] + "' is not a positive number"));
        if (r.fields.size() == 5 && (!parse_positive(r.fields[4], out_of) || out_of < count))
            return std::unexpected(
                table.error_at(r, "'out of' '" + r.fields[4] + "' is not a number >= count"));
        // A slip misreads plain letters (a dropped or doubled one included), not a lost å/ä/ö.
        c.slip = std::all_of(c.original.begin(), c.original.end(),
                             [](char32_t ch) { return ch < 0x80; });
        if (out_of > 0) {
            c.probability = count / out_of;
        } else {
            totals[{c.original, static_cast<int>(c.place)}] += count;
        }
        rows.push_back({std::move(c), out_of > 0 ? 0 : count});
    }
    ConfusionModel model;
    for (Row& row : rows) {
        // Rows with an "out of" column carry their own rate; the others share their original's
        // total.
        if (row.count > 0)
            row.c.probability = row.count / totals[{row.c.original, static_cast<int>(row.c.place)}];
        (row.c.place == Place::before_digit ? model.symbols : model.letters)
            .push_back(std::move(row.c));
    }
    model.index();
    return model;
}

void ConfusionModel::merge(const ConfusionModel& other) {
    const auto add = [](std::vector<Confusion>& into, const std::vector<Confusion>& from) {
        for (const Confusion& c : from) {
            const auto same = std::find_if(into.begin(), into.end(), [&](const Confusion& x) {
                return x.reading == c.reading && x.original == c.original && x.place == c.place;
            });
            if (same == into.end())
                into.push_back(c);
            else
                same->probability = std::max(same->probability, c.probability);
        }
    };
    add(letters, other.letters);
    add(symbols, other.symbols);
    index();
}

void ConfusionModel::index() {
    letters_by_first.clear();
    for (Confusion& c : letters) c.log_probability = std::log(c.probability);
    for (std::size_t i = 0; i < letters.size(); ++i)
        letters_by_first[letters[i].reading[0]].push_back(i);
}

}  // namespace kraft
