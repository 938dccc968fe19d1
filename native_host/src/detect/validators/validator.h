// Validators: named checks that a regex candidate really is what its rule claims (checksums,
// ranges, libphonenumber). Rules name them in shared_rules/; the registry maps names to
// functions. Validators are pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detect/rule.h"

namespace veil::detect {

struct ValidatorInput {
  std::string_view match;  // the candidate text (detection copy)
  std::string_view text;   // the whole detection copy, for looking around
  std::size_t start = 0;   // byte offsets of match within text
  std::size_t end = 0;
  std::string_view lang;   // nl | fr | de | en | auto
  // The rule being validated, for validators configured by data (its `lists`); may be null.
  const Rule* rule = nullptr;
};

struct Validation {
  bool valid = false;
  double score_delta = 0.0;  // added to the rule's score (e.g. strong checksum)
  std::string subtype;       // empty = keep the rule's subtype
  // A validator may narrow the span (e.g. drop trailing punctuation): offsets relative
  // to match, [trim_start, trim_end); trim_end == 0 means match.size().
  std::size_t trim_start = 0;
  std::size_t trim_end = 0;
};

using ValidatorFn = Validation (*)(const ValidatorInput& input);

// nullptr when no validator has that name.
ValidatorFn find_validator(std::string_view name);
std::vector<std::string> validator_names();

}  // namespace veil::detect
