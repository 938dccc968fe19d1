// Tests for the detection copy: ignorables removed, NFKC applied, offsets mapped back exactly.
#include <catch2/catch.hpp>

#include "text/normalize.h"

using veil::text::DetectionCopy;

namespace {
// Maps a range of the copy back and returns the original text it covers.
std::string original_of(const DetectionCopy& dc, std::string_view original, std::string_view needle) {
  const auto pos = dc.text().find(needle);
  REQUIRE(pos != std::string_view::npos);
  const auto s = dc.to_original_start(pos), e = dc.to_original_end(pos + needle.size());
  return std::string(original.substr(s, e - s));
}
}  // namespace

TEST_CASE("ASCII text is its own detection copy", "[normalize]") {
  const std::string text = "Mail jan@example.nl about order 12345.";
  auto dc = DetectionCopy::make(text);
  CHECK(dc.is_identity());
  CHECK(dc.text() == text);
  CHECK(dc.to_original_start(5) == 5);
}

TEST_CASE("accented text that is already NFKC stays an identity copy", "[normalize]") {
  const std::string text = "Cher Monsieur Lefèvre, Grüße aus Köln";
  auto dc = DetectionCopy::make(text);
  CHECK(dc.is_identity());
}

TEST_CASE("zero-width characters inside an email are removed and mapped back", "[normalize]") {
  const std::string text = "Mail: jan\xE2\x80\x8B.de\xC2\xADvries@exa\xE2\x80\x8Dmple.nl!";  // ZWSP, soft hyphen, ZWJ
  auto dc = DetectionCopy::make(text);
  CHECK_FALSE(dc.is_identity());
  CHECK(dc.text() == "Mail: jan.devries@example.nl!");
  CHECK(original_of(dc, text, "jan.devries@example.nl") == "jan\xE2\x80\x8B.de\xC2\xADvries@exa\xE2\x80\x8Dmple.nl");
}

TEST_CASE("fullwidth digits and NBSP become ASCII; spans map to the fullwidth original", "[normalize]") {
  const std::string text = "IBAN\xC2\xA0NL91\xEF\xBC\xA1" "BNA 0417 1643 00 end";  // NBSP, fullwidth A
  auto dc = DetectionCopy::make(text);
  CHECK(dc.text() == "IBAN NL91ABNA 0417 1643 00 end");
  CHECK(original_of(dc, text, "NL91ABNA 0417 1643 00") == "NL91\xEF\xBC\xA1" "BNA 0417 1643 00");
  CHECK(original_of(dc, text, "IBAN") == "IBAN");
  CHECK(original_of(dc, text, "end") == "end");
  const std::string digits = "Tel \xEF\xBC\x90\xEF\xBC\x96\xEF\xBC\x91\xEF\xBC\x92";  // ０６１２
  auto dd = DetectionCopy::make(digits);
  CHECK(dd.text() == "Tel 0612");
  CHECK(original_of(dd, digits, "0612") == digits.substr(4));
  CHECK(original_of(dd, digits, "61") == "\xEF\xBC\x96\xEF\xBC\x91");
}

TEST_CASE("combining marks compose and map back to the whole unit", "[normalize]") {
  const std::string text = "Jose\xCC\x81 Garci\xCC\x81" "a";  // e + U+0301, i + U+0301
  auto dc = DetectionCopy::make(text);
  CHECK(dc.text() == "Jos\xC3\xA9 Garc\xC3\xAD" "a");
  CHECK(original_of(dc, text, "Jos\xC3\xA9") == "Jose\xCC\x81");
  CHECK(original_of(dc, text, "Garc\xC3\xAD" "a") == "Garci\xCC\x81" "a");
}

TEST_CASE("emoji with variation selectors keep neighbouring offsets exact", "[normalize]") {
  const std::string text = "\xE2\x9D\xA4\xEF\xB8\x8F Piet \xF0\x9F\x91\x8D";  // ❤️ (with VS16) Piet 👍
  auto dc = DetectionCopy::make(text);
  CHECK(original_of(dc, text, "Piet") == "Piet");
}
