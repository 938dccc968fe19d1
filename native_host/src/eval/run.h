// Runs the detection engine over evaluation records and returns its spans in code points,
// the unit of the JSONL files. The engine is given the record's language or "auto".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/error.h"
#include "detect/engine.h"
#include "eval/score.h"

namespace veil::eval {

struct RunOptions {
  bool use_record_lang = true;  // false: scan with lang "auto"
  double threshold = 0.5;
};

// Records whose text is not valid UTF-8 are an error naming the record id.
Result<std::map<std::string, std::vector<LabeledSpan>>> predict(const detect::Engine& engine,
                                                                 const std::vector<Record>& records,
                                                                 const RunOptions& options);

}  // namespace veil::eval
