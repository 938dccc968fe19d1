// Presets: which labels to mask, with which operator and threshold, in which placeholder
// language, plus allow/deny lists and custom regex rules. JSON in, JSON out (service side:
// nlohmann/json is used here, never in the engine). Format: docs/presets.md.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anonymize/operators.h"
#include "common/error.h"

namespace veil::anonymize {

inline constexpr int kPresetFormatVersion = 1;

// Explicit limits of a preset document (kept here next to the format they bound).
inline constexpr std::size_t kMaxPresetJsonBytes = 1024 * 1024;
inline constexpr std::size_t kMaxPresetListEntries = 10000;   // allow, deny
inline constexpr std::size_t kMaxPresetTermBytes = 256;       // one allow/deny entry
inline constexpr std::size_t kMaxCustomRules = 200;
inline constexpr std::size_t kMaxCustomPatternBytes = 1024;

// A term that is always masked wherever it occurs, under `label`.
struct DenyTerm {
  std::string term;
  std::string label = "SECRET";
};

// A user's regex rule (Hyperscan syntax, UTF-8, compiled with HS_FLAG_UTF8 |
// HS_FLAG_SOM_LEFTMOST, plus HS_FLAG_CASELESS when `caseless`).
struct CustomRule {
  std::string id;       // [a-z0-9_-]{1,64}, unique in the preset
  std::string label;    // [A-Z][A-Z0-9_]{0,31}
  std::string pattern;
  std::optional<double> score;  // 0..1; nullopt = the engine's default for custom rules
  bool caseless = false;
};

struct Preset {
  std::string name = "default";  // [a-z0-9_-]{1,64}
  std::string description;
  // Labels switched on or off; a label not in the map is on.
  std::map<std::string, bool> labels;
  // Operator per label; a label not in the map gets `default_operator`.
  std::map<std::string, Operator> operators;
  Operator default_operator = Operator::kReplace;
  // Hits scoring below the threshold are not masked. Per-label values override the global.
  double threshold = 0.5;
  std::map<std::string, double> thresholds;
  std::string language = "en";  // placeholder language: en | nl | fr | de
  // Allow list: values that are never masked. WHOLE-VALUE semantics: a hit is spared only
  // when the entire hit equals an allow entry after both are put in canonical form for the
  // hit's label (canonical.h). An entry can therefore never unmask a larger hit that merely
  // contains it: allowing "Jan" spares a hit "jan" but not "Jan Jansen". Apply it with
  // is_allowed() below, after detection and before operators.
  std::vector<std::string> allow;
  // Deny list: terms always masked (as `label`), whether or not detection finds them.
  std::vector<DenyTerm> deny;
  std::vector<CustomRule> custom_rules;

  bool label_enabled(std::string_view label) const;
  Operator operator_for(std::string_view label) const;
  double threshold_for(std::string_view label) const;
};

// True when the whole `value` of a hit with detection `label` equals an allow entry
// (canonical forms compared; see Preset::allow).
bool is_allowed(const Preset& preset, std::string_view value, std::string_view label,
                std::string_view default_region = "NL");

// [a-z0-9_-]{1,64}
bool is_valid_preset_name(std::string_view name);
// [A-Z][A-Z0-9_]{0,31}
bool is_valid_label(std::string_view label);

// Compiles the rule's pattern with Hyperscan to prove it is usable. kRuleInvalid naming the
// rule id and carrying Hyperscan's message (the pattern is the user's own config, not
// personal data, but only the rule id and Hyperscan's message are reported).
Status validate_custom_rule(const CustomRule& rule);

// Parses and fully validates a preset document. kPresetInvalid with a message naming the
// field (e.g. `labels.EMAIL.threshold: expected a number from 0 to 1`); unknown fields are
// errors too, so typos do not silently do nothing. A bad custom regex gives kPresetInvalid
// naming the rule id and Hyperscan's message.
Result<Preset> parse_preset(std::string_view json);

// The canonical JSON of a preset (every field written; parse_preset(serialize_preset(p))
// gives p back).
std::string serialize_preset(const Preset& preset);

// The built-in default preset: every label on, replace, threshold 0.5, language en, empty
// lists. The same document is shipped as shared_rules/presets/default.json (a test checks
// that the two agree); the code embeds it, so the host needs no file to start.
Preset default_preset();
std::string_view default_preset_json();

}  // namespace veil::anonymize
