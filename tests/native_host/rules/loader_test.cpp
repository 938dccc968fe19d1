// Tests for loading shared_rules/: the shipped rules load and compile, dictionaries are read
// from files, duplicates and bad documents are refused with the file named.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "detect/engine.h"
#include "rules/loader.h"

namespace fs = std::filesystem;
using namespace veil;

TEST_CASE("the shipped rules load and compile", "[rules]") {
  auto set = rules::load_rules_dir(VEIL_RULES_SOURCE_DIR);
  REQUIRE(set.ok());
  CHECK(set->rules.size() > 10);
  CHECK_FALSE(set->version.empty());
  auto engine = detect::Engine::build(std::move(*set), {});
  if (!engine) FAIL(engine.error().message);
}

TEST_CASE("dictionary files are read relative to the rules folder, comments skipped", "[rules]") {
  const fs::path dir = fs::temp_directory_path() / "veil-loader-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "entities");
  fs::create_directories(dir / "dictionaries");
  std::ofstream(dir / "dictionaries" / "words.txt") << "# a comment\nalpha\n\n  beta  \r\n";
  std::ofstream(dir / "entities" / "a.json")
      << R"({"rules":[{"id":"d","kind":"dictionary","label":"SECRET","files":["dictionaries/words.txt"],"entries":["gamma"]}]})";
  auto set = rules::load_rules_dir(dir);
  REQUIRE(set.ok());
  REQUIRE(set->rules.size() == 1);
  CHECK(set->rules[0].patterns == std::vector<std::string>{"gamma", "alpha", "beta"});

  std::ofstream(dir / "entities" / "b.json") << R"({"rules":[{"id":"d","label":"SECRET","patterns":["x"]}]})";
  auto dup = rules::load_rules_dir(dir);
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.error().message.find("duplicate rule id 'd'") != std::string::npos);

  std::ofstream(dir / "entities" / "b.json") << "{not json";
  auto broken = rules::load_rules_dir(dir);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message.find("b.json") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a missing rules folder says how to fix it", "[rules]") {
  auto set = rules::load_rules_dir("/nonexistent/veil-rules");
  REQUIRE_FALSE(set.ok());
  CHECK(set.error().code == ErrorCode::kNotFound);
  CHECK(set.error().message.find("VEIL_RULES_DIR") != std::string::npos);
}

TEST_CASE("unknown keys are refused so typos cannot silently disable a check", "[rules]") {
  auto typo = rules::parse_rules_json(
      R"({"rules":[{"id":"x","label":"EMAIL","patterns":["a"],"context":{"words":{"*":["mail"]},"requried":true}}]})",
      ".", "t.json");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.error().message.find("requried") != std::string::npos);
  auto top = rules::parse_rules_json(R"({"rulez":[]})", ".", "t.json");
  CHECK_FALSE(top.ok());
}
