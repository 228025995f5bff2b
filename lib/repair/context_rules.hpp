// Context rules for real-word OCR errors (grammars/repair-context.tsv), e.g. "18 ar" -> "18 år".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"
#include "util/table_file.hpp"

namespace kraft {

// What a rule may look at: the token's neighbours across whitespace (empty when punctuation or
// nothing is in between).
struct Neighbours {
    std::string_view prev, next;
};

class ContextRules {
  public:
    // Errors: wrong field count or unknown condition, with the file and line.
    static Result<ContextRules> from_table(const TableFile& table);

    // The replacement for a reading (matched in lower case), or nullopt when no rule applies.
    // The caller carries the token's capitalisation over.
    std::optional<std::string> apply(std::string_view lower_reading, const Neighbours& n) const;

  private:
    struct Condition {
        enum Kind {
            prev_number,
            next_number,
            next_year,
            prev_word,
            next_word,
            next_lower,
            prev_is,
            next_is,
            always
        } kind;
        std::string word;  // for prev_is / next_is, folded
    };
    struct Rule {
        std::string reading, replacement;
        std::vector<Condition> conditions;
    };
    std::vector<Rule> rules_;
};

}  // namespace kraft
