// The data the name and address recognizers consult, built once from the RuleSet: name and
// city dictionaries (kDictionary rules by subtype), counter-evidence word lists per language,
// and the recognizer rule's cue lists. Keys are fold()ed. Immutable after construction, so
// it is shared by concurrent scans.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "detect/rule.h"

namespace veil::detect::names {

// Transparent hashing: lookups with a std::string_view (a token, a suffix of a line, the part
// of a hyphenated name) do not build a temporary std::string. Use find()/contains().
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct Lexicon {
  WordSet first_names;
  WordSet last_names;
  WordSet cities;  // single-word keys; multi-word city names are in city_phrases
  WordSet city_phrases;
  WordSet places;  // countries, regions, world cities (subtype PLACE): counter-evidence only
  std::map<std::string, WordSet, std::less<>> common;  // language -> ordinary words that are also names

  // Which lists from_rules fills; a recognizer that needs only cities does not pay for the
  // name lists.
  enum Parts : unsigned { kNames = 1, kCities = 2, kPlaces = 4, kCommon = 8, kAll = 15 };

  // Dictionary rules: subtype FIRST_NAME, LAST_NAME, COMMON_WORD (languages = the word
  // list's language), CITY, PLACE (single-word keys only).
  static Lexicon from_rules(const RuleSet& rules, unsigned parts = kAll);

  bool is_common(std::string_view key, std::string_view lang) const;
};

// Folded phrases of one or more lists of a recognizer rule. A key "greeting" collects
// "greeting", "greeting.nl", "greeting.fr", ... (every language: cue words rarely collide).
WordSet phrase_set(const Rule& rule, const std::string& key);

// True if `before` (already folded, trailing blanks removed) ends with one of `phrases` on a
// word boundary.
bool ends_with_phrase(std::string_view before, const WordSet& phrases, std::size_t max_phrase_len);

std::size_t max_length(const WordSet& set);

}  // namespace veil::detect::names
