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
            case U'å': case U'ä': case U'ö': case U'Å': case U'Ä': case U'Ö': ++d.diacritics; break;
            default: break;
        }
    }
    return d;
}

void judge(DamageEstimate& d) {
    const double expected = kSwedishDiacriticShare * static_cast<double>(d.letters);
    d.level = expected > 0 ? std::clamp(1.0 - static_cast<double>(d.diacritics) / expected, 0.0, 1.0) : 0.0;
    // Below half the expected count, and further below it than chance explains (3 sigma of a
    // binomial count) so that a short clean note without å/ä/ö is not taken for damage.
    const double sigma = std::sqrt(expected);
    const bool too_few = d.letters >= 40 &&
                         static_cast<double>(d.diacritics) < expected - std::max(3 * sigma, 0.5 * expected);
    const bool many_fixable = d.fixable_unknown >= 3 &&
                              static_cast<double>(d.fixable_unknown) >= 0.02 * static_cast<double>(d.words);
    d.damaged = too_few || (many_fixable && d.level >= 0.25);
}

}  // namespace kraft
