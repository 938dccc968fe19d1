// Reads shared_rules/ JSON into detect::RuleSet (see loader.h and
// shared_rules/schema/rules.schema.json). Every error names the file and the rule.
#include "rules/loader.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/paths.h"

namespace veil::rules {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::set<std::string>& known_labels() {
  static const std::set<std::string> labels = {
      "PERSON",  "EMAIL",         "PHONE",      "IBAN",     "CREDIT_CARD", "ADDRESS", "POSTAL_CODE",
      "CITY",    "ORDER_ID",      "CUSTOMER_ID", "NATIONAL_ID", "DATE_OF_BIRTH", "IP_ADDRESS",
      "URL",     "LICENSE_PLATE", "SECRET",     "ORGANIZATION", "LOCATION", "DATE"};
  return labels;
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Dictionary file: one entry per line; '#' starts a comment line; blank lines skipped.
Status read_dictionary(const fs::path& path, std::vector<std::string>& out) {
  auto content = read_file(path);
  if (!content) return content.error();
  // Split in place (no stream per line): the shipped lists are ~55,000 lines read at every
  // host start.
  const std::string_view text(*content);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const auto last = line.find_last_not_of(" \t");
    out.emplace_back(line.substr(first, last - first + 1));
  }
  return Ok{};
}

std::map<std::string, std::vector<std::string>> string_lists(const json& j) {
  std::map<std::string, std::vector<std::string>> out;
  for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = it.value().get<std::vector<std::string>>();
  return out;
}

// Unknown keys are refused so a typo ("requried") fails loudly instead of being ignored;
// the sets mirror shared_rules/schema/rules.schema.json.
void check_keys(const json& j, const std::set<std::string>& allowed, const char* where) {
  if (!j.is_object()) throw std::invalid_argument(std::string(where) + " must be an object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!allowed.count(it.key())) throw std::invalid_argument(std::string("unknown key '") + it.key() + "' in " + where);
  }
}

detect::Rule parse_rule(const json& j, const fs::path& base_dir, std::string_view source) {
  check_keys(j,
             {"id", "description", "kind", "label", "subtype", "languages", "countries", "patterns", "entries", "files",
              "caseless", "word_boundary", "validator", "score", "priority", "emit", "recognizer", "lists", "params",
              "context", "examples"},
             "rule");
  detect::Rule r;
  r.source_file = std::string(source);
  r.id = j.at("id").get<std::string>();
  const std::string kind = j.value("kind", "regex");
  if (kind == "regex") {
    r.kind = detect::RuleKind::kRegex;
  } else if (kind == "dictionary") {
    r.kind = detect::RuleKind::kDictionary;
  } else if (kind == "recognizer") {
    r.kind = detect::RuleKind::kRecognizer;
  } else {
    throw std::invalid_argument("unknown kind '" + kind + "'");
  }
  r.label = j.at("label").get<std::string>();
  if (!known_labels().count(r.label)) throw std::invalid_argument("unknown label '" + r.label + "'");
  r.subtype = j.value("subtype", r.label);
  r.languages = j.value("languages", std::vector<std::string>{});
  r.countries = j.value("countries", std::vector<std::string>{});
  r.patterns = j.value("patterns", std::vector<std::string>{});
  if (j.contains("entries")) {
    auto entries = j.at("entries").get<std::vector<std::string>>();
    r.patterns.insert(r.patterns.end(), entries.begin(), entries.end());
  }
  for (const auto& file : j.value("files", std::vector<std::string>{})) {
    auto st = read_dictionary(base_dir / file, r.patterns);
    if (!st) throw std::invalid_argument(st.error().message);
  }
  r.caseless = j.value("caseless", false);
  r.word_boundary = j.value("word_boundary", true);
  r.validator = j.value("validator", "");
  r.score = j.value("score", 0.5);
  r.priority = j.value("priority", 0);
  r.emit = j.value("emit", true);
  r.recognizer = j.value("recognizer", "");
  if (j.contains("lists")) r.lists = string_lists(j.at("lists"));
  if (j.contains("params")) r.params = j.at("params").get<std::map<std::string, double>>();
  if (j.contains("context")) {
    const json& c = j.at("context");
    check_keys(c, {"words", "negative_words", "before", "after", "boost", "penalty", "required"}, "context");
    if (c.contains("words")) r.context.words = string_lists(c.at("words"));
    if (c.contains("negative_words")) r.context.negative_words = string_lists(c.at("negative_words"));
    r.context.window_before = c.value("before", std::size_t{0});
    r.context.window_after = c.value("after", std::size_t{0});
    r.context.boost = c.value("boost", 0.0);
    r.context.penalty = c.value("penalty", 0.0);
    r.context.required = c.value("required", false);
  }
  if (j.contains("examples")) {
    const json& e = j.at("examples");
    check_keys(e, {"positive", "negative"}, "examples");
    for (const auto& p : e.value("positive", json::array())) {
      r.positive_examples.push_back({p.at("text").get<std::string>(), p.value("expect", std::vector<std::string>{})});
    }
    r.negative_examples = e.value("negative", std::vector<std::string>{});
  }
  if (r.kind == detect::RuleKind::kRegex && r.patterns.empty()) throw std::invalid_argument("regex rule has no patterns");
  if (r.kind == detect::RuleKind::kRecognizer && r.recognizer.empty()) {
    throw std::invalid_argument("recognizer rule names no recognizer");
  }
  if (r.score < 0.0 || r.score > 1.0) throw std::invalid_argument("score must be within 0..1");
  return r;
}

}  // namespace

Result<std::vector<detect::Rule>> parse_rules_json(std::string_view json_text, const fs::path& base_dir,
                                                   std::string_view source_name) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return make_error(ErrorCode::kRuleInvalid, std::string(source_name) + ": invalid JSON: " + e.what());
  }
  if (!doc.is_object() || !doc.contains("rules") || !doc.at("rules").is_array()) {
    return make_error(ErrorCode::kRuleInvalid, std::string(source_name) + ": expected an object with a \"rules\" array");
  }
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (it.key() != "rules" && it.key() != "$schema" && it.key() != "description") {
      return make_error(ErrorCode::kRuleInvalid, std::string(source_name) + ": unknown top-level key '" + it.key() + "'");
    }
  }
  std::vector<detect::Rule> out;
  std::size_t index = 0;
  for (const auto& jr : doc.at("rules")) {
    // Built in two steps: GCC 12 reports a false -Wrestrict on `"#" + std::to_string(i)` here.
    std::string id = "#";
    if (jr.is_object() && jr.contains("id") && jr.at("id").is_string()) {
      id = jr.at("id").get<std::string>();
    } else {
      id += std::to_string(index);
    }
    try {
      out.push_back(parse_rule(jr, base_dir, source_name));
    } catch (const std::exception& e) {
      return make_error(ErrorCode::kRuleInvalid, std::string(source_name) + ": rule '" + id + "': " + e.what());
    }
    ++index;
  }
  return out;
}

Result<detect::RuleSet> load_rules_dir(const fs::path& dir) {
  std::error_code ec;
  const fs::path entities = dir / "entities";
  if (!fs::is_directory(entities, ec)) {
    return make_error(ErrorCode::kNotFound, "rules folder not found: " + entities.string() +
                                                " (set VEIL_RULES_DIR or reinstall with ./installer/install.sh)");
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(entities, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  detect::RuleSet set;
  if (auto v = read_file(dir / "VERSION"); v) {
    set.version = *v;
    while (!set.version.empty() && (set.version.back() == '\n' || set.version.back() == ' ')) set.version.pop_back();
  }
  std::set<std::string> ids;
  for (const auto& f : files) {
    auto content = read_file(f);
    if (!content) return content.error();
    auto parsed = parse_rules_json(*content, dir, f.filename().string());
    if (!parsed) return parsed.error();
    for (auto& r : *parsed) {
      if (!ids.insert(r.id).second) {
        return make_error(ErrorCode::kRuleInvalid, f.filename().string() + ": duplicate rule id '" + r.id + "'");
      }
      set.rules.push_back(std::move(r));
    }
  }
  return set;
}

fs::path default_rules_dir() {
  if (const char* env = std::getenv("VEIL_RULES_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = paths::executable_path();
  if (!exe.empty()) {
    const fs::path installed = exe.parent_path().parent_path() / "lib" / "veil" / "rules";
    if (fs::is_directory(installed / "entities", ec)) return installed;
  }
  return fs::path(VEIL_RULES_SOURCE_DIR);
}

}  // namespace veil::rules

#include "detect/engine.h"

namespace veil::rules {

Result<std::unique_ptr<detect::Engine>> build_engine(const std::filesystem::path& rules_dir,
                                                     const std::filesystem::path& cache_dir) {
  auto set = load_rules_dir(rules_dir);
  if (!set) return set.error();
  return detect::Engine::build(std::move(*set), detect::EngineOptions{cache_dir});
}

}  // namespace veil::rules
