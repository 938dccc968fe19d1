// UTF-8 validation and offset conversion between byte, UTF-16 and code-point offsets.
// Offsets cross module boundaries only through these helpers, so each unit is converted once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::text {

// Byte position of the first invalid UTF-8 sequence (overlongs, surrogates and code points
// above U+10FFFF are invalid), or nullopt when the whole input is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// Converts byte offsets of one UTF-8 string (that must be valid) to code-point or UTF-16
// offsets and back. Building it is O(n); each lookup is O(log n).
class OffsetConverter {
 public:
  explicit OffsetConverter(std::string_view utf8);
  std::size_t byte_to_codepoint(std::size_t byte_offset) const;
  std::size_t byte_to_utf16(std::size_t byte_offset) const;
  std::size_t codepoint_to_byte(std::size_t cp_offset) const;
  std::size_t utf16_to_byte(std::size_t u16_offset) const;

 private:
  // Byte offset of every code point start, plus one entry for the end.
  std::vector<std::uint32_t> cp_byte_starts_;
  // UTF-16 offset of every code point start, plus one entry for the end.
  std::vector<std::uint32_t> cp_utf16_starts_;
};

}  // namespace veil::text
