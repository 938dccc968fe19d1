// Small ASCII helpers shared by the validator files: digit extraction, character classes,
// and neighbourhood checks on the detection copy. Internal to validators/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "detect/validators/validator.h"

namespace veil::detect::vutil {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_digit(c)) out.push_back(c);
  return out;
}

inline std::size_t count_digits(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if (is_digit(c)) ++n;
  return n;
}

// Letters and digits only, upper-cased (IBAN, NINO, plates).
inline std::string alnum_upper(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_alnum(c)) out.push_back(to_upper(c));
  return out;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

inline bool all_same(std::string_view s) {
  for (char c : s)
    if (c != s.front()) return false;
  return !s.empty();
}

// Longest run of one repeated character.
inline std::size_t longest_run(std::string_view s) {
  std::size_t best = 0, run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    run = (i > 0 && s[i] == s[i - 1]) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

// Saturates at 999,999,999: callers compare against small ranges, and a long digit run from
// arbitrary text must read as "too large", not overflow (found by fuzz_engine_scan).
inline int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (v > 99'999'999) return 999'999'999;
    v = v * 10 + (c - '0');
  }
  return v;
}

// mod 97 of a long decimal string, digit by digit.
inline int mod97(std::string_view digits) {
  int r = 0;
  for (char c : digits) r = (r * 10 + (c - '0')) % 97;
  return r;
}

inline Validation accept(double delta = 0.0, std::string subtype = {}) {
  Validation v;
  v.valid = true;
  v.score_delta = delta;
  v.subtype = std::move(subtype);
  return v;
}

inline Validation reject() { return Validation{}; }

// Narrows the span to [from, to) of the match.
inline Validation trimmed(Validation v, std::size_t from, std::size_t to) {
  v.trim_start = from;
  v.trim_end = to;
  return v;
}

// Punctuation that ends a sentence rather than a value.
inline bool is_trailing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '}' || c == '\'' || c == '"' || c == '>';
}

}  // namespace veil::detect::vutil
