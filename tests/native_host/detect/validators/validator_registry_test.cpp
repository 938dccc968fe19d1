// The validator registry: every name resolves, unknown names do not.
#include <catch2/catch.hpp>

#include "detect/validators/validator.h"

TEST_CASE("every registered name resolves to a function", "[registry]") {
  const auto names = veil::detect::validator_names();
  CHECK(names.size() >= 30);
  for (const auto& n : names) CHECK(veil::detect::find_validator(n) != nullptr);
  CHECK(veil::detect::find_validator("luhn") != nullptr);
  CHECK(veil::detect::find_validator("phone") != nullptr);
  CHECK(veil::detect::find_validator("no_such_validator") == nullptr);
  CHECK(veil::detect::find_validator("") == nullptr);
}
