// Tests for UTF-8 validation and byte / UTF-16 / code-point offset conversion.
#include <catch2/catch.hpp>

#include "text/utf8.h"

using veil::text::find_invalid_utf8;
using veil::text::OffsetConverter;

TEST_CASE("valid UTF-8 passes, including 4-byte sequences and combining marks", "[utf8]") {
  CHECK_FALSE(find_invalid_utf8("plain ascii text that is longer than eight bytes").has_value());
  CHECK_FALSE(find_invalid_utf8("Jos\xC3\xA9 \xF0\x9F\x98\x80 e\xCC\x81").has_value());  // é, 😀, e + U+0301
  CHECK_FALSE(find_invalid_utf8("").has_value());
}

TEST_CASE("invalid UTF-8 is reported at the first bad byte", "[utf8]") {
  CHECK(find_invalid_utf8("abc\xFF").value() == 3);
  CHECK(find_invalid_utf8("abcdefghij\xC3").value() == 10);            // truncated sequence at end
  CHECK(find_invalid_utf8("ab\xC0\xAF").value() == 2);                 // overlong '/'
  CHECK(find_invalid_utf8("ab\xED\xA0\x80").value() == 2);             // UTF-16 surrogate U+D800
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80").value() == 0);           // above U+10FFFF
  CHECK(find_invalid_utf8("ok \xE2\x82").value() == 3);                // cut 3-byte sequence
  CHECK(find_invalid_utf8("0123456789abcdef\x80xyz").value() == 16);   // stray continuation after fast path
}

TEST_CASE("offsets convert between bytes, code points and UTF-16", "[utf8]") {
  // "a😀é" + "e\u0301" : bytes a(1) 😀(4) é(2) e(1) U+0301(2)
  const std::string s = "a\xF0\x9F\x98\x80\xC3\xA9" "e\xCC\x81";
  OffsetConverter conv(s);
  CHECK(conv.byte_to_codepoint(0) == 0);
  CHECK(conv.byte_to_codepoint(1) == 1);
  CHECK(conv.byte_to_codepoint(5) == 2);
  CHECK(conv.byte_to_codepoint(7) == 3);
  CHECK(conv.byte_to_codepoint(8) == 4);
  CHECK(conv.byte_to_codepoint(s.size()) == 5);
  CHECK(conv.byte_to_utf16(1) == 1);
  CHECK(conv.byte_to_utf16(5) == 3);  // the emoji is a surrogate pair
  CHECK(conv.byte_to_utf16(s.size()) == 6);
  CHECK(conv.codepoint_to_byte(2) == 5);
  CHECK(conv.utf16_to_byte(3) == 5);
  CHECK(conv.utf16_to_byte(6) == s.size());
  for (std::size_t cp = 0; cp <= 5; ++cp) CHECK(conv.byte_to_codepoint(conv.codepoint_to_byte(cp)) == cp);
}
