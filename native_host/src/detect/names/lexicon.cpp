// Implements lexicon.h.
#include "detect/names/lexicon.h"

#include <algorithm>

#include "detect/names/tokens.h"

namespace veil::detect::names {

Lexicon Lexicon::from_rules(const RuleSet& rules, unsigned parts) {
  Lexicon lx;
  // Sized once: start-up time is part of the first paste, and rehashing the 50,000-word
  // name lists as they grow was a visible share of it.
  std::size_t names = 0, cities = 0;
  for (const auto& r : rules.rules) {
    if (r.kind != RuleKind::kDictionary) continue;
    if (r.subtype == "FIRST_NAME" || r.subtype == "LAST_NAME") names += r.patterns.size();
    if (r.subtype == "CITY") cities += r.patterns.size();
  }
  if (parts & kNames) {
    lx.first_names.reserve(names);
    lx.last_names.reserve(names);
  }
  if (parts & kCities) lx.cities.reserve(cities);
  for (const auto& r : rules.rules) {
    if (r.kind != RuleKind::kDictionary) continue;
    WordSet* target = nullptr;
    if (r.subtype == "FIRST_NAME" && (parts & kNames)) target = &lx.first_names;
    if (r.subtype == "LAST_NAME" && (parts & kNames)) target = &lx.last_names;
    if (r.subtype == "COMMON_WORD" && (parts & kCommon)) {
      const std::string lang = r.languages.empty() ? "*" : r.languages.front();
      target = &lx.common[lang];
    }
    if (r.subtype == "PLACE") {
      if (!(parts & kPlaces)) continue;
      for (const auto& e : r.patterns) {
        std::string k = fold(e);
        if (k.find(' ') == std::string::npos) lx.places.insert(std::move(k));
      }
      continue;
    }
    if (r.subtype == "CITY") {
      if (!(parts & kCities)) continue;
      for (const auto& e : r.patterns) {
        std::string k = fold(e);
        (k.find(' ') == std::string::npos ? lx.cities : lx.city_phrases).insert(std::move(k));
      }
      continue;
    }
    if (!target) continue;
    for (const auto& e : r.patterns) target->insert(fold(e));
  }
  return lx;
}

bool Lexicon::is_common(std::string_view key, std::string_view lang) const {
  if (lang == "auto" || lang.empty()) {
    for (const auto& [l, set] : common)
      if (set.contains(key)) return true;
    return false;
  }
  auto it = common.find(lang);
  if (it != common.end() && it->second.contains(key)) return true;
  auto any = common.find(std::string_view("*"));
  return any != common.end() && any->second.contains(key);
}

WordSet phrase_set(const Rule& rule, const std::string& key) {
  WordSet out;
  for (const auto& [name, list] : rule.lists) {
    if (name == key || name.rfind(key + ".", 0) == 0) {
      for (const auto& p : list) out.insert(fold(p));
    }
  }
  return out;
}

std::size_t max_length(const WordSet& set) {
  std::size_t m = 0;
  for (const auto& s : set) m = std::max(m, s.size());
  return m;
}

bool ends_with_phrase(std::string_view before, const WordSet& phrases, std::size_t max_phrase_len) {
  // Try every suffix that starts on a word boundary, up to the longest phrase.
  const std::size_t n = before.size();
  for (std::size_t len = 1; len <= std::min(n, max_phrase_len); ++len) {
    const std::size_t at = n - len;
    const unsigned char c = static_cast<unsigned char>(before[at]);
    if ((c & 0xC0) == 0x80) continue;  // not a code point start
    if (at > 0) {
      const unsigned char p = static_cast<unsigned char>(before[at - 1]);
      const bool prev_alnum = (p >= 'a' && p <= 'z') || (p >= '0' && p <= '9') || p >= 0x80;
      const bool cur_alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
      if (prev_alnum && cur_alnum) continue;
    }
    if (phrases.contains(before.substr(at))) return true;
  }
  return false;
}

}  // namespace veil::detect::names
