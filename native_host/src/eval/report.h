// Text rendering of evaluation scores, in the table layout of ../shared/eval/score.py so the
// two can be compared line by line.
#pragma once

#include <string>

#include "eval/score.h"

namespace veil::eval {

// "| label | gold | pred | exact P | ... |" rows, the micro row, and the all-PII line.
std::string format_scores(const std::string& title, const Scores& scores);

// Three decimals, or "-" for a missing value (as score.py's fmt).
std::string fmt3(const std::optional<double>& value);

}  // namespace veil::eval
