#include "repair/damage.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace kraft {

DamageEstimate count_letters(std::string_view s) {
    DamageEstimate d;
    for (char32_t c : text::to_u32(s)) {
        if (!text::is_alpha(c)) continue;
        ++d.letters;
        switch (c) {
            case U'å':
            case U'ä':
            case U'ö':
            case U'Å':
            case U'Ä':
            case U'Ö':
                ++d.diacritics;
                break;
            default:
                break;
        }
    }
    return d;
}

namespace {
double poisson_cdf(std::size_t k, double lambda) {
    double term = std::exp(-lambda), sum = term;
    for (std::size_t i = 1; i <= k; ++i) {
        term *= lambda / static_cast<double>(i);
        sum += term;
    }
    return sum;
}
}  // namespace

void judge(DamageEstimate& d) {
    const double expected = kSwedishDiacriticShare * static_cast<double>(d.letters);
    d.level = expected > 0
                  ? std::clamp(1.0 - static_cast<double>(d.diacritics) / expected, 0.0, 1.0)
                  : 0.0;
    // Below half the expected count, and further below it than chance explains: a count this low
    // has probability under 1/1000 in clean Swedish text (Poisson), so a short clean note without
    // å/ä/ö ("Beslut om budget 2026.") is not taken for damage.
    const bool too_few = static_cast<double>(d.diacritics) < 0.5 * expected &&
                         poisson_cdf(d.diacritics, expected) < 1e-3;
    const bool many_fixable = d.fixable_unknown >= 3 && static_cast<double>(d.fixable_unknown) >=
                                                            0.02 * static_cast<double>(d.words);
    d.damaged = too_few || (many_fixable && d.level >= 0.25);
}

}  // namespace kraft
