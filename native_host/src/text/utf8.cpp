// UTF-8 validation and offset conversion (see utf8.h).
#include "text/utf8.h"

#include <algorithm>

namespace veil::text {

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t block = 0;
      for (int k = 0; k < 8; ++k) block |= static_cast<std::uint64_t>(s[i + k]) << (8 * k);
      if (block & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

OffsetConverter::OffsetConverter(std::string_view utf8) {
  cp_byte_starts_.reserve(utf8.size() + 1);
  cp_utf16_starts_.reserve(utf8.size() + 1);
  std::uint32_t u16 = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    cp_byte_starts_.push_back(static_cast<std::uint32_t>(i));
    cp_utf16_starts_.push_back(u16);
    u16 += (c >= 0xF0) ? 2 : 1;  // four-byte sequences are surrogate pairs in UTF-16
  }
  cp_byte_starts_.push_back(static_cast<std::uint32_t>(utf8.size()));
  cp_utf16_starts_.push_back(u16);
}

namespace {
// Index of the code point that starts at or before `value` in a sorted table.
std::size_t floor_index(const std::vector<std::uint32_t>& table, std::size_t value) {
  auto it = std::upper_bound(table.begin(), table.end(), static_cast<std::uint32_t>(std::min<std::size_t>(value, UINT32_MAX)));
  return it == table.begin() ? 0 : static_cast<std::size_t>(it - table.begin()) - 1;
}
}  // namespace

std::size_t OffsetConverter::byte_to_codepoint(std::size_t byte_offset) const {
  return floor_index(cp_byte_starts_, byte_offset);
}

std::size_t OffsetConverter::byte_to_utf16(std::size_t byte_offset) const {
  return cp_utf16_starts_[floor_index(cp_byte_starts_, byte_offset)];
}

std::size_t OffsetConverter::codepoint_to_byte(std::size_t cp_offset) const {
  return cp_byte_starts_[std::min(cp_offset, cp_byte_starts_.size() - 1)];
}

std::size_t OffsetConverter::utf16_to_byte(std::size_t u16_offset) const {
  return cp_byte_starts_[floor_index(cp_utf16_starts_, u16_offset)];
}

}  // namespace veil::text
