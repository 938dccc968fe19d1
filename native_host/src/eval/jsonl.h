// Reads and writes the evaluation JSONL format of ../shared/eval/README.md:
// {"id","lang","text","spans":[{"start","end","label"}]} with code-point offsets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "eval/score.h"

namespace veil::eval {

// One record per non-blank line. Errors name the line number, never the text.
Result<std::vector<Record>> parse_jsonl(std::string_view content);

// One line (with the trailing newline): id, lang, text and spans of `record`.
std::string to_jsonl_line(const Record& record);

}  // namespace veil::eval
