// People and parties as protocols write them: "Farishta Sulaiman (M)", "(M+C)", "(SD" at a line
// end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/protocol.hpp"
#include "segment/grammar.hpp"

namespace kraft {

// Every "Name (PARTY)" in s whose party is a known party (after OCR aliases: "(5)" is S) or a
// local party's capital abbreviation; when there is none, every "Name PARTY" with a known party.
std::vector<Person> find_persons(std::string_view s, const Grammar& g);

// Parties named as a group: "Ledamöterna från M, D och SD" -> M, D, SD.
std::vector<std::string> find_party_list(std::string_view s, const Grammar& g);

// Every known party in parentheses: "(M+C) och (V)" -> M, C, V.
std::vector<std::string> find_parties(std::string_view s, const Grammar& g);

// Adds what is not there yet, keeping order.
void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from);
void add_unique(std::vector<Person>& to, const std::vector<Person>& from);

}  // namespace kraft
