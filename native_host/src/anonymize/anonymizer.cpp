// Splices replacement texts into the original and records where each landed.
#include "anonymize/anonymizer.h"

#include <algorithm>
#include <numeric>

namespace veil::anonymize {

Result<AppliedText> apply_replacements(std::string_view original,
                                       const std::vector<Replacement>& replacements) {
  std::vector<std::size_t> order(replacements.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return replacements[a].start < replacements[b].start;
  });

  std::size_t out_size = original.size();
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Replacement& r = replacements[order[k]];
    if (r.start >= r.end || r.end > original.size()) {
      return make_error(ErrorCode::kInvalidArgument,
                        "replacement " + std::to_string(order[k]) + " has an empty or out-of-range span");
    }
    if (k > 0 && replacements[order[k - 1]].end > r.start) {
      return make_error(ErrorCode::kInvalidArgument,
                        "replacements " + std::to_string(order[k - 1]) + " and " +
                            std::to_string(order[k]) + " overlap");
    }
    out_size = out_size - (r.end - r.start) + r.text.size();
  }

  AppliedText result;
  result.text.reserve(out_size);
  result.positions.resize(replacements.size());
  std::size_t cursor = 0;
  for (std::size_t index : order) {
    const Replacement& r = replacements[index];
    result.text.append(original.substr(cursor, r.start - cursor));
    const std::size_t at = result.text.size();
    result.text += r.text;
    result.positions[index] = {at, result.text.size()};
    cursor = r.end;
  }
  result.text.append(original.substr(cursor));
  return result;
}

}  // namespace veil::anonymize
