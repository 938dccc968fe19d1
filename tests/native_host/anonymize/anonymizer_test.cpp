// Applying replacements and reporting where each landed.
#include "anonymize/anonymizer.h"

#include <catch2/catch.hpp>

using namespace veil::anonymize;

TEST_CASE("anonymizer: replacements in any order land where reported", "[anonymizer]") {
  const std::string original = "Jan Jansen mailed jan@example.nl today";
  const std::vector<Replacement> replacements = {{18, 32, "[EMAIL_1]"}, {0, 10, "[NAME_1]"}};
  auto result = apply_replacements(original, replacements);
  REQUIRE(result.ok());
  CHECK(result->text == "[NAME_1] mailed [EMAIL_1] today");
  REQUIRE(result->positions.size() == 2);
  CHECK(result->positions[0] == std::pair<std::size_t, std::size_t>{16, 25});
  CHECK(result->positions[1] == std::pair<std::size_t, std::size_t>{0, 8});
  CHECK(result->text.substr(16, 9) == "[EMAIL_1]");
}

TEST_CASE("anonymizer: adjacent replacements, none, and errors", "[anonymizer]") {
  auto adjacent = apply_replacements("abcdef", {{0, 2, "X"}, {2, 6, "YY"}});
  REQUIRE(adjacent.ok());
  CHECK(adjacent->text == "XYY");
  CHECK(adjacent->positions[1] == std::pair<std::size_t, std::size_t>{1, 3});

  auto none = apply_replacements("abc", {});
  REQUIRE(none.ok());
  CHECK(none->text == "abc");

  auto overlap = apply_replacements("abcdef", {{0, 3, "X"}, {2, 4, "Y"}});
  REQUIRE_FALSE(overlap.ok());
  CHECK(overlap.error().code == veil::ErrorCode::kInvalidArgument);
  CHECK(overlap.error().message.find("overlap") != std::string::npos);

  CHECK_FALSE(apply_replacements("abc", {{1, 1, "X"}}).ok());
  CHECK_FALSE(apply_replacements("abc", {{2, 4, "X"}}).ok());
}
