// Maps recognizer names used in shared_rules/ to their implementations.
#include "detect/recognizer.h"

namespace veil::detect {

Result<std::unique_ptr<Recognizer>> make_recognizer(const RuleSet& rules, std::uint32_t rule_index) {
  const Rule& rule = rules.rules.at(rule_index);
  return make_error(ErrorCode::kRuleInvalid,
                    rule.source_file + ": rule '" + rule.id + "' names unknown recognizer '" + rule.recognizer + "'");
}

}  // namespace veil::detect
