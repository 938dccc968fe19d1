// Applies replacements to the original text and says where each one landed in the result.
// Pure; the service decides each replacement's text (placeholder, mask, hash, redaction).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace veil::anonymize {

struct Replacement {
  std::size_t start = 0, end = 0;  // bytes of the original, end exclusive, start < end
  std::string text;                // what replaces original[start, end)
};

struct AppliedText {
  std::string text;
  // positions[i] = {start, end} of replacements[i].text inside `text` (same order as input).
  std::vector<std::pair<std::size_t, std::size_t>> positions;
};

// Replacements may come in any order; they must be non-empty ranges inside `original` and
// must not overlap (kInvalidArgument, naming the indices, otherwise).
Result<AppliedText> apply_replacements(std::string_view original,
                                       const std::vector<Replacement>& replacements);

}  // namespace veil::anonymize
