// Presets: parsing with precise errors, Hyperscan validation of custom rules, round trip,
// the shipped default, and the whole-value allow list.
#include "anonymize/preset.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace veil::anonymize;

namespace {

std::string error_of(const std::string& json) {
  auto result = parse_preset(json);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == veil::ErrorCode::kPresetInvalid);
  return result.error().message;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("preset: a full preset parses", "[preset]") {
  const std::string json = R"({
    "version": 1,
    "name": "support-nl",
    "description": "Dutch support desk",
    "language": "nl",
    "threshold": 0.6,
    "default_operator": "replace",
    "labels": {
      "EMAIL": {"operator": "mask", "threshold": 0.3},
      "URL": {"enabled": false},
      "TICKET": {"operator": "hash"}
    },
    "allow": ["support@shop.nl"],
    "deny": ["Project Falcon", {"term": "Hotel Zilver", "label": "ADDRESS"}],
    "custom_rules": [{"id": "ticket", "label": "TICKET", "pattern": "TCK-[0-9]{6}", "score": 0.9, "caseless": true}]
  })";
  auto parsed = parse_preset(json);
  REQUIRE(parsed.ok());
  const Preset& p = *parsed;
  CHECK(p.name == "support-nl");
  CHECK(p.language == "nl");
  CHECK(p.threshold == 0.6);
  CHECK(p.threshold_for("EMAIL") == 0.3);
  CHECK(p.threshold_for("PERSON") == 0.6);
  CHECK(p.operator_for("EMAIL") == Operator::kMask);
  CHECK(p.operator_for("TICKET") == Operator::kHash);
  CHECK(p.operator_for("PERSON") == Operator::kReplace);
  CHECK_FALSE(p.label_enabled("URL"));
  CHECK(p.label_enabled("PERSON"));
  REQUIRE(p.deny.size() == 2);
  CHECK(p.deny[0].label == "SECRET");
  CHECK(p.deny[1].label == "ADDRESS");
  REQUIRE(p.custom_rules.size() == 1);
  CHECK(p.custom_rules[0].score == 0.9);
  CHECK(p.custom_rules[0].caseless);

  // Round trip: serialize, parse, serialize again gives the same document.
  const std::string once = serialize_preset(p);
  auto again = parse_preset(once);
  REQUIRE(again.ok());
  CHECK(serialize_preset(*again) == once);
}

TEST_CASE("preset: errors name the field and what was expected", "[preset]") {
  CHECK(starts_with(error_of("{"), "(document): not valid JSON"));
  CHECK(starts_with(error_of("[]"), "(document): expected a JSON object"));
  CHECK(starts_with(error_of(R"({})"), "name: missing"));
  CHECK(error_of(R"({"name": "Bad Name"})") == "name: expected a name matching [a-z0-9_-]{1,64}");
  CHECK(error_of(R"({"name": "p", "version": 2})") == "version: expected 1");
  CHECK(error_of(R"({"name": "p", "language": "es"})") ==
        "language: expected one of \"en\", \"nl\", \"fr\", \"de\"");
  CHECK(error_of(R"({"name": "p", "threshold": 1.5})") == "threshold: expected a number from 0 to 1");
  CHECK(error_of(R"({"name": "p", "threshold": "high"})") == "threshold: expected a number from 0 to 1");
  CHECK(starts_with(error_of(R"({"name": "p", "default_operator": "blur"})"), "default_operator: expected one of"));
  CHECK(starts_with(error_of(R"({"name": "p", "lables": {}})"), "lables: unknown field"));
  CHECK(error_of(R"({"name": "p", "labels": {"EMAIL": {"threshold": -1}}})") ==
        "labels.EMAIL.threshold: expected a number from 0 to 1");
  CHECK(starts_with(error_of(R"({"name": "p", "labels": {"EMAIL": {"operator": "x"}}})"),
                    "labels.EMAIL.operator: expected one of"));
  CHECK(error_of(R"({"name": "p", "labels": {"EMAIL": {"enabled": "yes"}}})") ==
        "labels.EMAIL.enabled: expected true or false");
  CHECK(starts_with(error_of(R"({"name": "p", "labels": {"EMIAL": {}}})"), "labels.EMIAL: unknown label"));
  CHECK(starts_with(error_of(R"({"name": "p", "labels": {"EMAIL": {"enable": true}}})"),
                    "labels.EMAIL.enable: unknown field"));
  CHECK(error_of(R"({"name": "p", "allow": ["ok", 3]})") == "allow[1]: expected a string");
  CHECK(error_of(R"({"name": "p", "allow": [""]})") == "allow[0]: expected a non-empty string");
  CHECK(error_of(R"({"name": "p", "deny": [{"term": "x", "label": "secret"}]})") ==
        "deny[0].label: expected a label matching [A-Z][A-Z0-9_]{0,31}");
  CHECK(error_of(R"({"name": "p", "deny": [{"label": "SECRET"}]})") == "deny[0].term: missing (expected a string)");
  CHECK(error_of(R"({"name": "p", "custom_rules": [{"id": "a", "label": "X"}]})") ==
        "custom_rules[0].pattern: missing (expected a string)");
  CHECK(error_of(R"({"name": "p", "custom_rules": [{"id": "a", "label": "X", "pattern": "a", "score": 2}]})") ==
        "custom_rules[0].score: expected a number from 0 to 1");
  CHECK(error_of(R"({"name": "p", "custom_rules": [{"id": "a", "label": "X", "pattern": "a"},
                                                   {"id": "a", "label": "X", "pattern": "b"}]})") ==
        "custom_rules[1].id: duplicate rule id \"a\"");
}

TEST_CASE("preset: error messages never quote values", "[preset]") {
  const std::string secret = "Jan Jansen 0612345678";
  CHECK(error_of(R"({"name": "p", "allow": [")" + secret + R"(", 4]})").find("Jansen") == std::string::npos);
  CHECK(error_of(R"({"name": "p", "deny": [")" + secret + R"(" )").find("Jansen") == std::string::npos);
  CHECK(error_of(R"({"name": "p", ")" + secret + R"(": 1})").find("Jansen") == std::string::npos);
}

TEST_CASE("preset: a bad custom regex is rejected naming the rule and Hyperscan's reason", "[preset]") {
  const std::string message = error_of(R"({"name": "p", "custom_rules": [
      {"id": "good", "label": "TICKET", "pattern": "TCK-[0-9]{6}"},
      {"id": "broken-one", "label": "TICKET", "pattern": "TCK-([0-9]{6}"}]})");
  CHECK(starts_with(message, "custom_rules[1].pattern: custom rule \"broken-one\": Hyperscan rejected the pattern: "));
  CHECK(message.size() > std::string("custom_rules[1].pattern: custom rule \"broken-one\": Hyperscan rejected the pattern: ").size());

  CustomRule rule{"lookbehind", "X", "(?<=a)b", std::nullopt, false};
  auto status = validate_custom_rule(rule);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == veil::ErrorCode::kRuleInvalid);
  CHECK(status.error().message.find("\"lookbehind\"") != std::string::npos);
  CHECK(validate_custom_rule({"ok", "X", "[A-Z]{2}-\\d{4}", 0.5, true}).ok());
}

TEST_CASE("preset: the built-in default matches shared_rules/presets/default.json", "[preset]") {
  const Preset p = default_preset();
  CHECK(p.name == "default");
  CHECK(p.language == "en");
  CHECK(p.threshold == 0.5);
  CHECK(p.default_operator == Operator::kReplace);
  CHECK(p.labels.empty());
  CHECK(p.allow.empty());
  CHECK(p.deny.empty());
  CHECK(p.custom_rules.empty());
  REQUIRE(parse_preset(default_preset_json()).ok());

  std::ifstream file(std::string(VEIL_TEST_DATA_DIR) + "/../shared_rules/presets/default.json");
  REQUIRE(file.good());
  std::stringstream content;
  content << file.rdbuf();
  auto shipped = parse_preset(content.str());
  REQUIRE(shipped.ok());
  CHECK(serialize_preset(*shipped) == serialize_preset(p));
}

TEST_CASE("preset: names and labels", "[preset]") {
  CHECK(is_valid_preset_name("support-nl_2"));
  CHECK(is_valid_preset_name(std::string(64, 'a')));
  CHECK_FALSE(is_valid_preset_name(std::string(65, 'a')));
  CHECK_FALSE(is_valid_preset_name(""));
  CHECK_FALSE(is_valid_preset_name("Support"));
  CHECK_FALSE(is_valid_preset_name("a/b"));
  CHECK(is_valid_label("TICKET_ID2"));
  CHECK_FALSE(is_valid_label("2FA"));
  CHECK_FALSE(is_valid_label("ticket"));
}

TEST_CASE("preset: the allow list matches whole values only", "[preset]") {
  Preset p = default_preset();
  p.allow = {"Jan", "support@shop.nl", "020 123 4567"};
  CHECK(is_allowed(p, "jan", "PERSON"));
  CHECK(is_allowed(p, "JAN", "PERSON"));
  CHECK_FALSE(is_allowed(p, "Jan Jansen", "PERSON"));  // an entry never unmasks a larger hit
  CHECK(is_allowed(p, "Support@Shop.NL", "EMAIL"));
  CHECK_FALSE(is_allowed(p, "jan.support@shop.nl", "EMAIL"));
  CHECK(is_allowed(p, "+31201234567", "PHONE"));  // compared in canonical form
  CHECK_FALSE(is_allowed(p, "+31201234568", "PHONE"));
  CHECK_FALSE(is_allowed(default_preset(), "jan", "PERSON"));
}
