// The words of the protocol being repaired, as evidence for its repair: a word the protocol spells
// the same way elsewhere is likelier than one it never writes, and the names it writes (in the
// attendance list, in its reservations) are the only forms a misread name may become.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "repair/confusions.hpp"
#include "util/tokens.hpp"

namespace kraft {

class DocumentWords {
  public:
    DocumentWords(std::string_view text, const std::vector<Token>& tokens);

    // How often the protocol writes this word (any case).
    int count(const std::string& lower) const;

    // The capitalised word the protocol writes at least twice that `token` (written once) most
    // likely is, undoing at most two confusions: "Söderdanhl" -> "Söderdahl". None when no such
    // word, or when two are as likely.
    std::optional<std::string> name_for(const std::string& token,
                                        const ConfusionModel& confusions) const;

  private:
    std::optional<std::string> find_name(const std::string& token,
                                         const ConfusionModel& confusions) const;
    std::unordered_map<std::string, int> lower_;  // lower-case form -> count
    std::unordered_map<std::string, int> names_;  // capitalised form as written -> count
    // name_for's answers: a misread name tends to recur, each time the same.
    mutable std::unordered_map<std::string, std::optional<std::string>> answered_;
};

}  // namespace kraft
