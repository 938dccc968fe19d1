// Recognizers: detectors that need more than one regex, such as person names (dictionaries,
// capitalisation, greetings, titles) and street addresses. The engine runs them after the
// Hyperscan pass and hands them the validated regex hits; they read dictionaries (kDictionary
// rules with emit = false) from the RuleSet and look words up per token.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "detect/names/tokens.h"
#include "detect/rule.h"

namespace veil::detect {

// A hit before overlap resolution. Offsets are bytes of the detection copy.
struct Candidate {
  std::size_t start = 0;
  std::size_t end = 0;
  std::uint32_t rule_index = 0;  // into RuleSet::rules; gives label, priority, default subtype
  double score = 0.0;
  std::string subtype;           // empty = the rule's subtype
  int entity_group = -1;         // see Span::entity_group
};

struct RecognizerInput {
  std::string_view text;  // the detection copy (NFKC, ignorables removed, case kept)
  std::string_view lang;  // nl | fr | de | en, or "auto" when unknown
  const RuleSet& rules;
  const std::vector<Candidate>& regex_candidates;     // validated and scored, sorted by start
  const std::vector<names::Token>& tokens;            // names::tokenize(text), made once per scan
};

class Recognizer {
 public:
  virtual ~Recognizer() = default;
  // Appends candidates; must be thread-safe (const) and linear-ish in the text size.
  virtual void recognize(const RecognizerInput& input, std::vector<Candidate>& out) const = 0;
};

// Builds the recognizer a kRecognizer rule names (Rule::recognizer), configured from the
// rule's lists and params. Unknown names are a kRuleInvalid error.
Result<std::unique_ptr<Recognizer>> make_recognizer(const RuleSet& rules, std::uint32_t rule_index);

}  // namespace veil::detect
