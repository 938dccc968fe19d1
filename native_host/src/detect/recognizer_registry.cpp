// Maps recognizer names used in shared_rules/ to their implementations.
#include "detect/address/street_addresses.h"
#include "detect/names/person_names.h"
#include "detect/recognizer.h"

namespace veil::detect {

Result<std::unique_ptr<Recognizer>> make_recognizer(const RuleSet& rules, std::uint32_t rule_index) {
  const Rule& rule = rules.rules.at(rule_index);
  if (rule.recognizer == "person_names") return names::make_person_names(rules, rule_index);
  if (rule.recognizer == "street_addresses") return address::make_street_addresses(rules, rule_index);
  if (rule.recognizer == "address_city" || rule.recognizer == "address_postal_code" ||
      rule.recognizer == "name_linked_email")
    return address::make_label_only(rules, rule_index);
  return make_error(ErrorCode::kRuleInvalid,
                    rule.source_file + ": rule '" + rule.id + "' names unknown recognizer '" + rule.recognizer + "'");
}

}  // namespace veil::detect
