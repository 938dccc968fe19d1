// Helpers for the validator tests: run a named validator on a match alone or inside a text.
#pragma once

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "detect/validators/validator.h"

namespace veil::detect::test {

inline Validation run(std::string_view validator, std::string_view match,
                      std::string_view lang = "auto") {
  ValidatorFn fn = find_validator(validator);
  REQUIRE(fn != nullptr);
  ValidatorInput in;
  in.match = match;
  in.text = match;
  in.start = 0;
  in.end = match.size();
  in.lang = lang;
  return fn(in);
}

// Runs the validator on `match`, found (first occurrence) inside `text`.
inline Validation run_in(std::string_view validator, std::string_view text,
                         std::string_view match, std::string_view lang = "auto") {
  ValidatorFn fn = find_validator(validator);
  REQUIRE(fn != nullptr);
  const std::size_t pos = text.find(match);
  REQUIRE(pos != std::string_view::npos);
  ValidatorInput in;
  in.text = text;
  in.match = text.substr(pos, match.size());
  in.start = pos;
  in.end = pos + match.size();
  in.lang = lang;
  return fn(in);
}

inline bool valid(std::string_view validator, std::string_view match,
                  std::string_view lang = "auto") {
  return run(validator, match, lang).valid;
}

// The part of `match` a validation keeps.
inline std::string kept(const Validation& v, std::string_view match) {
  const std::size_t end = v.trim_end == 0 ? match.size() : v.trim_end;
  return std::string(match.substr(v.trim_start, end - v.trim_start));
}

}  // namespace veil::detect::test
