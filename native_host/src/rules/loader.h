// Loads shared_rules/ (JSON, see shared_rules/schema/rule.schema.json) into a RuleSet, and
// finds the rules directory of an installed or source-tree Veil.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "common/error.h"
#include "detect/rule.h"

namespace veil::rules {

// Reads every entities/*.json file below `dir` (sorted by name), loading the dictionary files
// they name relative to `dir`. Errors name the file and rule id.
Result<detect::RuleSet> load_rules_dir(const std::filesystem::path& dir);

// Parses one rules document (the content of an entities/*.json file); dictionary files are
// resolved against `base_dir`.
Result<std::vector<detect::Rule>> parse_rules_json(std::string_view json_text,
                                                   const std::filesystem::path& base_dir,
                                                   std::string_view source_name);

// $VEIL_RULES_DIR, else <exe>/../lib/veil/rules, else the source tree's shared_rules.
std::filesystem::path default_rules_dir();

}  // namespace veil::rules

namespace veil::detect {
class Engine;
}

namespace veil::rules {

// Loads the rules in `rules_dir` and builds an engine, caching compiled databases in
// `cache_dir` (empty = no cache). The one place the CLI and the service build engines.
Result<std::unique_ptr<detect::Engine>> build_engine(const std::filesystem::path& rules_dir,
                                                     const std::filesystem::path& cache_dir);

}  // namespace veil::rules
