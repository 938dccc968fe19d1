// A light word tokenizer for the name and address recognizers: one linear pass over the
// detection copy, ASCII fast path, ICU character properties for the rest. Words keep
// internal apostrophes and hyphens ("O'Brien", "Jean-Pierre", "Mulder-de"); everything else
// that is not a blank is a one-character punctuation token. No ICU BreakIterator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil::detect::names {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };

struct Token {
  std::uint32_t start = 0;  // bytes
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool upper_initial = false;  // first letter upper or title case
  bool all_upper = false;      // every letter upper (and at least one)
  bool all_lower = false;      // every letter lower
  std::uint16_t letters = 0;   // letters in the word (capped)
  std::uint8_t newlines_before = 0;  // line breaks between the previous token and this one (capped)
  bool space_before = false;         // any blank between the previous token and this one
};

std::vector<Token> tokenize(std::string_view text);

// Lower-case (Unicode simple case folding) key for dictionary lookups.
std::string fold(std::string_view word);

// fold() with Latin diacritics removed and ß -> ss, for matching email local parts.
std::string fold_ascii(std::string_view word);

inline std::string_view token_text(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

}  // namespace veil::detect::names
