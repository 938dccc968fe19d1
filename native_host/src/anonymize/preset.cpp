// Preset parsing, validation (custom regexes compiled with Hyperscan), serialization and the
// built-in default. nlohmann exceptions are caught here; errors name the field, never a value.
#include "anonymize/preset.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "anonymize/canonical.h"
#include "anonymize/placeholder.h"
#include "detect/hyperscan_db.h"

namespace veil::anonymize {
namespace {

using nlohmann::json;

// The built-in preset; shared_rules/presets/default.json holds the same document.
constexpr std::string_view kDefaultPresetJson = R"json({
  "version": 1,
  "name": "default",
  "description": "Every label masked with a numbered placeholder that Veil can restore.",
  "language": "en",
  "threshold": 0.5,
  "default_operator": "replace",
  "labels": {},
  "allow": [],
  "deny": [],
  "custom_rules": []
}
)json";

// Labels the engine may emit besides entity_labels() (DESIGN §9).
const std::set<std::string>& extra_engine_labels() {
  static const std::set<std::string> labels = {"DATE", "ORGANIZATION", "LOCATION"};
  return labels;
}

Error invalid(const std::string& field, const std::string& what) {
  return make_error(ErrorCode::kPresetInvalid, field + ": " + what);
}

// A JSON key quoted in an error only when it is short printable ASCII without quotes;
// otherwise it is described, so a pasted value never ends up in a message.
std::string describe_key(const std::string& key) {
  bool printable = !key.empty() && key.size() <= 40;
  for (char c : key) {
    if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') printable = false;
  }
  return printable ? key : std::string("<unprintable key>");
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

Status check_only_fields(const json& object, const std::string& where,
                         std::initializer_list<std::string_view> allowed) {
  for (const auto& item : object.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || item.key() == a;
    if (!known) {
      std::string expected;
      for (std::string_view a : allowed) {
        if (!expected.empty()) expected += ", ";
        expected += a;
      }
      const std::string prefix = where.empty() ? "" : where + ".";
      return invalid(prefix + describe_key(item.key()), "unknown field (expected one of " + expected + ")");
    }
  }
  return Ok{};
}

Result<double> get_probability(const json& v, const std::string& field) {
  if (!v.is_number()) return invalid(field, "expected a number from 0 to 1");
  const double d = v.get<double>();
  if (!(d >= 0.0 && d <= 1.0)) return invalid(field, "expected a number from 0 to 1");
  return d;
}

Result<std::string> get_string(const json& v, const std::string& field, std::size_t max_bytes,
                               bool allow_empty = false) {
  if (!v.is_string()) return invalid(field, "expected a string");
  std::string s = v.get<std::string>();
  if (s.empty() && !allow_empty) return invalid(field, "expected a non-empty string");
  if (s.size() > max_bytes) {
    return invalid(field, "expected at most " + std::to_string(max_bytes) + " bytes");
  }
  return s;
}

Result<Operator> get_operator(const json& v, const std::string& field) {
  const char* expected = "expected one of \"replace\", \"mask\", \"hash\", \"redact\", \"keep\"";
  if (!v.is_string()) return invalid(field, expected);
  auto op = parse_operator(v.get<std::string>());
  if (!op) return invalid(field, expected);
  return *op;
}

Status check_label(const std::string& label, const std::string& field) {
  if (!is_valid_label(label)) {
    return invalid(field, "expected a label matching [A-Z][A-Z0-9_]{0,31}");
  }
  return Ok{};
}

Result<Preset> parse_document(const json& doc) {
  if (!doc.is_object()) return invalid("(document)", "expected a JSON object");
  if (auto s = check_only_fields(doc, "",
                                 {"version", "name", "description", "language", "threshold",
                                  "default_operator", "labels", "allow", "deny", "custom_rules"});
      !s) {
    return s.error();
  }
  Preset p;
  p.labels.clear();
  if (doc.contains("version")) {
    const json& v = doc["version"];
    if (!v.is_number_integer() || v.get<long long>() != kPresetFormatVersion) {
      return invalid("version", "expected " + std::to_string(kPresetFormatVersion));
    }
  }
  if (!doc.contains("name")) return invalid("name", "missing (expected a name matching [a-z0-9_-]{1,64})");
  if (!doc["name"].is_string() || !is_valid_preset_name(doc["name"].get<std::string>())) {
    return invalid("name", "expected a name matching [a-z0-9_-]{1,64}");
  }
  p.name = doc["name"].get<std::string>();
  if (doc.contains("description")) {
    auto d = get_string(doc["description"], "description", 1024, /*allow_empty=*/true);
    if (!d) return d.error();
    p.description = *d;
  }
  if (doc.contains("language")) {
    const json& v = doc["language"];
    if (!v.is_string() || !is_placeholder_language(v.get<std::string>())) {
      return invalid("language", "expected one of \"en\", \"nl\", \"fr\", \"de\"");
    }
    p.language = v.get<std::string>();
  }
  if (doc.contains("threshold")) {
    auto t = get_probability(doc["threshold"], "threshold");
    if (!t) return t.error();
    p.threshold = *t;
  }
  if (doc.contains("default_operator")) {
    auto op = get_operator(doc["default_operator"], "default_operator");
    if (!op) return op.error();
    p.default_operator = *op;
  }

  if (doc.contains("allow")) {
    const json& list = doc["allow"];
    if (!list.is_array()) return invalid("allow", "expected an array of strings");
    if (list.size() > kMaxPresetListEntries) {
      return invalid("allow", "expected at most " + std::to_string(kMaxPresetListEntries) + " entries");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto s = get_string(list[i], "allow[" + std::to_string(i) + "]", kMaxPresetTermBytes);
      if (!s) return s.error();
      p.allow.push_back(*s);
    }
  }

  if (doc.contains("deny")) {
    const json& list = doc["deny"];
    if (!list.is_array()) return invalid("deny", "expected an array of strings or {term, label} objects");
    if (list.size() > kMaxPresetListEntries) {
      return invalid("deny", "expected at most " + std::to_string(kMaxPresetListEntries) + " entries");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string field = "deny[" + std::to_string(i) + "]";
      DenyTerm term;
      if (list[i].is_string()) {
        auto s = get_string(list[i], field, kMaxPresetTermBytes);
        if (!s) return s.error();
        term.term = *s;
      } else if (list[i].is_object()) {
        if (auto s = check_only_fields(list[i], field, {"term", "label"}); !s) return s.error();
        if (!list[i].contains("term")) return invalid(field + ".term", "missing (expected a string)");
        auto s = get_string(list[i]["term"], field + ".term", kMaxPresetTermBytes);
        if (!s) return s.error();
        term.term = *s;
        if (list[i].contains("label")) {
          if (!list[i]["label"].is_string()) return invalid(field + ".label", "expected a string");
          term.label = list[i]["label"].get<std::string>();
          if (auto c = check_label(term.label, field + ".label"); !c) return c.error();
        }
      } else {
        return invalid(field, "expected a string or an object {term, label}");
      }
      p.deny.push_back(std::move(term));
    }
  }

  if (doc.contains("custom_rules")) {
    const json& list = doc["custom_rules"];
    if (!list.is_array()) return invalid("custom_rules", "expected an array of rule objects");
    if (list.size() > kMaxCustomRules) {
      return invalid("custom_rules", "expected at most " + std::to_string(kMaxCustomRules) + " rules");
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string field = "custom_rules[" + std::to_string(i) + "]";
      const json& r = list[i];
      if (!r.is_object()) return invalid(field, "expected an object {id, label, pattern, score?, caseless?}");
      if (auto s = check_only_fields(r, field, {"id", "label", "pattern", "score", "caseless"}); !s) {
        return s.error();
      }
      CustomRule rule;
      for (const char* required : {"id", "label", "pattern"}) {
        if (!r.contains(required)) return invalid(field + "." + required, "missing (expected a string)");
        if (!r[required].is_string()) return invalid(field + "." + required, "expected a string");
      }
      rule.id = r["id"].get<std::string>();
      if (!is_valid_preset_name(rule.id)) return invalid(field + ".id", "expected an id matching [a-z0-9_-]{1,64}");
      if (!ids.insert(rule.id).second) return invalid(field + ".id", "duplicate rule id \"" + rule.id + "\"");
      rule.label = r["label"].get<std::string>();
      if (auto c = check_label(rule.label, field + ".label"); !c) return c.error();
      auto pattern = get_string(r["pattern"], field + ".pattern", kMaxCustomPatternBytes);
      if (!pattern) return pattern.error();
      rule.pattern = *pattern;
      if (r.contains("score")) {
        auto score = get_probability(r["score"], field + ".score");
        if (!score) return score.error();
        rule.score = *score;
      }
      if (r.contains("caseless")) {
        if (!r["caseless"].is_boolean()) return invalid(field + ".caseless", "expected true or false");
        rule.caseless = r["caseless"].get<bool>();
      }
      if (auto v = validate_custom_rule(rule); !v) {
        return make_error(ErrorCode::kPresetInvalid, field + ".pattern: " + v.error().message);
      }
      p.custom_rules.push_back(std::move(rule));
    }
  }

  if (doc.contains("labels")) {
    const json& labels = doc["labels"];
    if (!labels.is_object()) return invalid("labels", "expected an object keyed by label");
    std::set<std::string> known(entity_labels().begin(), entity_labels().end());
    known.insert(extra_engine_labels().begin(), extra_engine_labels().end());
    for (const auto& rule : p.custom_rules) known.insert(rule.label);
    for (const auto& term : p.deny) known.insert(term.label);
    for (const auto& item : labels.items()) {
      const std::string field = "labels." + describe_key(item.key());
      if (!known.count(item.key())) {
        return invalid(field, "unknown label (expected a built-in label such as PERSON or EMAIL, "
                              "or the label of a custom rule or deny term)");
      }
      const json& entry = item.value();
      if (!entry.is_object()) return invalid(field, "expected an object {enabled?, operator?, threshold?}");
      if (auto s = check_only_fields(entry, field, {"enabled", "operator", "threshold"}); !s) return s.error();
      if (entry.contains("enabled")) {
        if (!entry["enabled"].is_boolean()) return invalid(field + ".enabled", "expected true or false");
        p.labels[item.key()] = entry["enabled"].get<bool>();
      }
      if (entry.contains("operator")) {
        auto op = get_operator(entry["operator"], field + ".operator");
        if (!op) return op.error();
        p.operators[item.key()] = *op;
      }
      if (entry.contains("threshold")) {
        auto t = get_probability(entry["threshold"], field + ".threshold");
        if (!t) return t.error();
        p.thresholds[item.key()] = *t;
      }
    }
  }
  return p;
}

}  // namespace

bool Preset::label_enabled(std::string_view label) const {
  auto it = labels.find(std::string(label));
  return it == labels.end() || it->second;
}

Operator Preset::operator_for(std::string_view label) const {
  auto it = operators.find(std::string(label));
  return it == operators.end() ? default_operator : it->second;
}

double Preset::threshold_for(std::string_view label) const {
  auto it = thresholds.find(std::string(label));
  return it == thresholds.end() ? threshold : it->second;
}

bool is_allowed(const Preset& preset, std::string_view value, std::string_view label,
                std::string_view default_region) {
  if (preset.allow.empty()) return false;
  const std::string key = canonical_value(value, label, default_region);
  for (const auto& entry : preset.allow) {
    if (canonical_value(entry, label, default_region) == key) return true;
  }
  return false;
}

bool is_valid_preset_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool is_valid_label(std::string_view label) {
  if (label.empty() || label.size() > 32 || !is_upper(label[0])) return false;
  for (char c : label) {
    if (!is_upper(c) && !(c >= '0' && c <= '9') && c != '_') return false;
  }
  return true;
}

Status validate_custom_rule(const CustomRule& rule) {
  const std::string name = "custom rule \"" + rule.id + "\"";
  if (rule.pattern.empty()) return make_error(ErrorCode::kRuleInvalid, name + ": empty pattern");
  if (rule.pattern.find('\0') != std::string::npos) {
    return make_error(ErrorCode::kRuleInvalid, name + ": pattern contains a NUL byte");
  }
  unsigned flags = HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST;
  if (rule.caseless) flags |= HS_FLAG_CASELESS;
  // Compiled exactly as the engine will compile it, so a preset that validates also builds.
  auto db = detect::compile_regex_database({detect::HsPattern{rule.pattern, flags, 0}});
  if (!db) {
    std::string why = db.error().message;
    if (auto colon = why.find(": "); why.rfind("pattern #", 0) == 0 && colon != std::string::npos) {
      why.erase(0, colon + 2);  // drop the "pattern #0: " index: there is only one pattern
    }
    return make_error(ErrorCode::kRuleInvalid, name + ": Hyperscan rejected the pattern: " + why);
  }
  return Ok{};
}

Result<Preset> parse_preset(std::string_view text) {
  if (text.size() > kMaxPresetJsonBytes) {
    return invalid("(document)", "larger than " + std::to_string(kMaxPresetJsonBytes) + " bytes");
  }
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // e.what() quotes the input; only the byte position is reported.
    return invalid("(document)", "not valid JSON (error near byte " + std::to_string(e.byte) + ")");
  } catch (const std::exception&) {
    return invalid("(document)", "not valid JSON");
  }
  try {
    return parse_document(doc);
  } catch (const std::exception&) {
    return make_error(ErrorCode::kPresetInvalid, "(document): unexpected structure");
  }
}

std::string serialize_preset(const Preset& p) {
  using ojson = nlohmann::ordered_json;
  ojson doc;
  doc["version"] = kPresetFormatVersion;
  doc["name"] = p.name;
  doc["description"] = p.description;
  doc["language"] = p.language;
  doc["threshold"] = p.threshold;
  doc["default_operator"] = std::string(operator_name(p.default_operator));
  ojson labels = ojson::object();
  std::set<std::string> keys;
  for (const auto& [k, v] : p.labels) keys.insert(k);
  for (const auto& [k, v] : p.operators) keys.insert(k);
  for (const auto& [k, v] : p.thresholds) keys.insert(k);
  for (const auto& k : keys) {
    ojson entry = ojson::object();
    if (auto it = p.labels.find(k); it != p.labels.end()) entry["enabled"] = it->second;
    if (auto it = p.operators.find(k); it != p.operators.end()) entry["operator"] = std::string(operator_name(it->second));
    if (auto it = p.thresholds.find(k); it != p.thresholds.end()) entry["threshold"] = it->second;
    labels[k] = entry;
  }
  doc["labels"] = labels;
  doc["allow"] = p.allow;
  ojson deny = ojson::array();
  for (const auto& t : p.deny) deny.push_back({{"term", t.term}, {"label", t.label}});
  doc["deny"] = deny;
  ojson rules = ojson::array();
  for (const auto& r : p.custom_rules) {
    ojson rule = {{"id", r.id}, {"label", r.label}, {"pattern", r.pattern}};
    if (r.score) rule["score"] = *r.score;
    rule["caseless"] = r.caseless;
    rules.push_back(rule);
  }
  doc["custom_rules"] = rules;
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string_view default_preset_json() { return kDefaultPresetJson; }

Preset default_preset() {
  static const Preset preset = [] {
    auto parsed = parse_preset(kDefaultPresetJson);
    return parsed ? *parsed : Preset{};
  }();
  return preset;
}

}  // namespace veil::anonymize
