// Compiles every regex pattern of shared_rules/entities/*.json with Hyperscan, exactly as the
// engine does (UTF8 | SOM_LEFTMOST, plus CASELESS when the rule says so), and checks the
// rule fields this suite relies on, so a bad pattern or a misnamed validator fails here even
// before the engine runs.
#include <hs/hs.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "detect/validators/validator.h"

namespace fs = std::filesystem;

namespace {

fs::path entities_dir() { return fs::path(VEIL_TEST_DATA_DIR).parent_path() / "shared_rules" / "entities"; }

nlohmann::json load(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str());
}

// Empty on success, else Hyperscan's message.
std::string compile_error(const std::string& pattern, bool caseless) {
  unsigned flags = HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST;
  if (caseless) flags |= HS_FLAG_CASELESS;
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile(pattern.c_str(), flags, HS_MODE_BLOCK, nullptr, &db, &err) ==
      HS_SUCCESS) {
    hs_free_database(db);
    return {};
  }
  std::string msg = err && err->message ? err->message : "unknown error";
  hs_free_compile_error(err);
  return msg;
}

}  // namespace

TEST_CASE("every entity regex compiles with Hyperscan", "[rule_patterns]") {
  std::set<std::string> ids;
  std::size_t patterns = 0;
  REQUIRE(fs::is_directory(entities_dir()));
  for (const auto& entry : fs::directory_iterator(entities_dir())) {
    if (entry.path().extension() != ".json") continue;
    const nlohmann::json doc = load(entry.path());
    REQUIRE(doc.contains("rules"));
    for (const auto& r : doc.at("rules")) {
      const std::string id = r.at("id").get<std::string>();
      INFO(entry.path().filename().string() << " rule " << id);
      CHECK(ids.insert(id).second);  // ids are unique across files
      if (r.value("kind", "regex") != "regex") continue;
      const bool caseless = r.value("caseless", false);
      for (const auto& p : r.at("patterns")) {
        const std::string pattern = p.get<std::string>();
        INFO("pattern " << pattern);
        CHECK(compile_error(pattern, caseless) == "");
        ++patterns;
      }
    }
  }
  CHECK(patterns > 0);
}

TEST_CASE("entity rules name known validators and carry examples", "[rule_patterns]") {
  for (const auto& entry : fs::directory_iterator(entities_dir())) {
    if (entry.path().extension() != ".json") continue;
    const nlohmann::json doc = load(entry.path());
    for (const auto& r : doc.at("rules")) {
      if (r.value("kind", "regex") != "regex") continue;
      const std::string id = r.at("id").get<std::string>();
      INFO(entry.path().filename().string() << " rule " << id);
      const std::string validator = r.value("validator", "");
      if (!validator.empty()) CHECK(veil::detect::find_validator(validator) != nullptr);
      const double score = r.value("score", 0.5);
      CHECK(score >= 0.0);
      CHECK(score <= 1.0);
      REQUIRE(r.contains("examples"));
      CHECK(r.at("examples").value("positive", nlohmann::json::array()).size() >= 2);
      CHECK(r.at("examples").value("negative", nlohmann::json::array()).size() >= 2);
    }
  }
}
