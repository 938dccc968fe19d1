// Tests for the detection engine with small inline rule sets: overlap resolution, context,
// boundaries, normalization mapping, dictionaries, the compiled-database cache and errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "detect/engine.h"
#include "rules/loader.h"

namespace fs = std::filesystem;
using namespace veil;

namespace {

fs::path temp_dir(const std::string& name) {
  static std::mt19937_64 rng{std::random_device{}()};
  auto dir = fs::temp_directory_path() / ("veil-engine-test-" + name + "-" + std::to_string(rng()));
  fs::create_directories(dir);
  return dir;
}

detect::RuleSet rules_from(const std::string& json) {
  auto parsed = rules::parse_rules_json(json, fs::temp_directory_path(), "inline.json");
  REQUIRE(parsed.ok());
  detect::RuleSet set;
  set.rules = std::move(*parsed);
  set.version = "test";
  return set;
}

std::unique_ptr<detect::Engine> engine_from(const std::string& json, const fs::path& cache = {}) {
  auto e = detect::Engine::build(rules_from(json), detect::EngineOptions{cache});
  if (!e) FAIL(e.error().message);
  return std::move(*e);
}

std::vector<std::string> found(const detect::Engine& e, const std::string& text, detect::ScanOptions o = {}) {
  auto spans = e.scan(text, o);
  REQUIRE(spans.ok());
  std::vector<std::string> out;
  for (const auto& s : *spans) out.push_back(s.label + ":" + text.substr(s.start, s.end - s.start));
  return out;
}

const char* kOverlapRules = R"({"rules":[
  {"id":"long","label":"ORDER_ID","patterns":["AB[0-9]{6}"],"score":0.9,"priority":1},
  {"id":"inner","label":"PHONE","patterns":["[0-9]{6}"],"score":0.9,"priority":9},
  {"id":"left","label":"CUSTOMER_ID","patterns":["X-[0-9]{3}-Y"],"score":0.9},
  {"id":"right","label":"URL","patterns":["Y-[0-9]{3}-Z"],"score":0.9},
  {"id":"same_low","label":"DATE","patterns":["Q[0-9]{4}"],"score":0.9,"priority":1},
  {"id":"same_high","label":"SECRET","patterns":["Q[0-9]{4}"],"score":0.9,"priority":5}
]})";

}  // namespace

TEST_CASE("nested matches: the outer, longer span wins", "[engine]") {
  auto e = engine_from(kOverlapRules);
  CHECK(found(*e, "ref AB123456 ok") == std::vector<std::string>{"ORDER_ID:AB123456"});
}

TEST_CASE("overlapping matches: the leftmost wins; adjacent matches both stay", "[engine]") {
  auto e = engine_from(kOverlapRules);
  CHECK(found(*e, "see X-123-Y-456-Z now") == std::vector<std::string>{"CUSTOMER_ID:X-123-Y"});
  CHECK(found(*e, "123456 654321") == std::vector<std::string>{"PHONE:123456", "PHONE:654321"});
}

TEST_CASE("equal spans: the higher priority wins", "[engine]") {
  auto e = engine_from(kOverlapRules);
  CHECK(found(*e, "code Q1234.") == std::vector<std::string>{"SECRET:Q1234"});
}

TEST_CASE("word boundaries are Unicode-aware", "[engine]") {
  auto e = engine_from(kOverlapRules);
  CHECK(found(*e, "x123456").empty());
  CHECK(found(*e, "\xC3\xA9" "123456").empty());   // é directly before
  CHECK(found(*e, "123456\xC3\xBC").empty());      // ü directly after
  CHECK(found(*e, "(123456)") == std::vector<std::string>{"PHONE:123456"});
}

TEST_CASE("context: required words, boost, penalty and threshold", "[engine]") {
  auto e = engine_from(R"({"rules":[
    {"id":"bsn","label":"NATIONAL_ID","patterns":["[0-9]{9}"],"score":0.3,
     "context":{"words":{"nl":["bsn"],"en":["ssn"]},"negative_words":{"*":["versie"]},"boost":0.5,"penalty":0.6,"required":true,"before":20,"after":10}},
    {"id":"ord","label":"ORDER_ID","patterns":["B[0-9]{5}"],"score":0.4,
     "context":{"words":{"*":["bestelnummer"]},"boost":0.3}}
  ]})");
  CHECK(found(*e, "Mijn BSN is 123456782") == std::vector<std::string>{"NATIONAL_ID:123456782"});
  CHECK(found(*e, "Bel 123456782 morgen").empty());                         // required word missing
  CHECK(found(*e, "BSN 123456782 versie").empty());                         // penalty below threshold
  CHECK(found(*e, "bsn: and then a long long way on 123456782").empty());   // outside the window
  CHECK(found(*e, "xbsn 123456782").empty());                               // not a whole word
  CHECK(found(*e, "B12345").empty());                                       // 0.4 < 0.5
  CHECK(found(*e, "Bestelnummer B12345") == std::vector<std::string>{"ORDER_ID:B12345"});
  detect::ScanOptions low;
  low.threshold = 0.35;
  CHECK(found(*e, "B12345", low) == std::vector<std::string>{"ORDER_ID:B12345"});
  detect::ScanOptions only;
  only.labels = {"ORDER_ID"};
  CHECK(found(*e, "BSN 123456782, bestelnummer B12345", only) == std::vector<std::string>{"ORDER_ID:B12345"});
  detect::ScanOptions fr;
  fr.lang = "fr";
  CHECK(found(*e, "BSN 123456782", fr).empty());  // Dutch context word, French text
}

TEST_CASE("spans found in the detection copy cover the exact original bytes", "[engine]") {
  auto e = engine_from(R"({"rules":[
    {"id":"email","label":"EMAIL","patterns":["[a-z.]+@[a-z]+\\.[a-z]{2,}"],"caseless":true,"score":0.9}]})");
  const std::string text = "Mail jan\xE2\x80\x8B.vries@ex\xC2\xAD" "ample.nl of \xEF\xBD\x8A" "an@x.org.";
  auto spans = e->scan(text, {});
  REQUIRE(spans.ok());
  REQUIRE(spans->size() == 2);
  CHECK(text.substr((*spans)[0].start, (*spans)[0].end - (*spans)[0].start) ==
        "jan\xE2\x80\x8B.vries@ex\xC2\xAD" "ample.nl");
  CHECK(text.substr((*spans)[1].start, (*spans)[1].end - (*spans)[1].start) == "\xEF\xBD\x8A" "an@x.org");
}

TEST_CASE("emitting dictionaries match whole words only", "[engine]") {
  auto e = engine_from(R"({"rules":[
    {"id":"deny","kind":"dictionary","label":"SECRET","entries":["Projekt Falke","Falke"],"score":0.9}]})");
  CHECK(found(*e, "Das Projekt Falke startet") == std::vector<std::string>{"SECRET:Projekt Falke"});
  CHECK(found(*e, "Falken fliegen").empty());
  CHECK(found(*e, "Ein Falke.") == std::vector<std::string>{"SECRET:Falke"});
}

TEST_CASE("invalid UTF-8 is an error naming the byte, not a crash", "[engine]") {
  auto e = engine_from(kOverlapRules);
  auto r = e->scan("abc\xC3(", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInvalidUtf8);
  CHECK(r.error().message.find("byte 3") != std::string::npos);
}

TEST_CASE("rule errors name the rule", "[engine]") {
  auto bad_pattern = detect::Engine::build(rules_from(R"({"rules":[
    {"id":"fine","label":"EMAIL","patterns":["a@b"]},
    {"id":"broken_one","label":"EMAIL","patterns":["(unclosed"]}]})"), {});
  REQUIRE_FALSE(bad_pattern.ok());
  CHECK(bad_pattern.error().code == ErrorCode::kRuleCompileFailed);
  CHECK(bad_pattern.error().message.find("broken_one") != std::string::npos);

  auto bad_validator = detect::Engine::build(
      rules_from(R"({"rules":[{"id":"v","label":"EMAIL","patterns":["a@b"],"validator":"no_such_validator"}]})"), {});
  REQUIRE_FALSE(bad_validator.ok());
  CHECK(bad_validator.error().code == ErrorCode::kRuleInvalid);

  auto bad_json = rules::parse_rules_json(R"({"rules":[{"id":"x","label":"NOT_A_LABEL","patterns":["a"]}]})", ".", "f.json");
  REQUIRE_FALSE(bad_json.ok());
  CHECK(bad_json.error().message.find("f.json") != std::string::npos);
  CHECK(bad_json.error().message.find("'x'") != std::string::npos);
}

TEST_CASE("compiled databases are cached, and a corrupt cache is recompiled", "[engine][cache]") {
  const fs::path cache = temp_dir("cache");
  {
    auto first = engine_from(kOverlapRules, cache);
    CHECK_FALSE(first->stats().loaded_from_cache);
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(cache)) files.push_back(entry.path());
  REQUIRE(files.size() == 1);
  {
    auto second = engine_from(kOverlapRules, cache);
    CHECK(second->stats().loaded_from_cache);
    CHECK(found(*second, "ref AB123456 ok") == std::vector<std::string>{"ORDER_ID:AB123456"});
  }
  // Flip one byte in the payload: Hyperscan's CRC32C must reject it and the engine must recompile.
  {
    std::fstream f(files[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(files[0]) / 2));
    char c = 0;
    f.seekg(f.tellp());
    f.get(c);
    f.seekp(-1, std::ios::cur);
    f.put(static_cast<char>(c ^ 0x5A));
  }
  {
    auto third = engine_from(kOverlapRules, cache);
    CHECK_FALSE(third->stats().loaded_from_cache);
    CHECK(found(*third, "ref AB123456 ok") == std::vector<std::string>{"ORDER_ID:AB123456"});
  }
  // Truncated file: likewise.
  fs::resize_file(files[0], 10);
  CHECK_FALSE(engine_from(kOverlapRules, cache)->stats().loaded_from_cache);
  // Different rules: a different cache entry, never the old database.
  auto other = engine_from(R"({"rules":[{"id":"long","label":"ORDER_ID","patterns":["CD[0-9]{6}"],"score":0.9}]})", cache);
  CHECK_FALSE(other->stats().loaded_from_cache);
  CHECK(found(*other, "ref AB123456 ok").empty());
  CHECK(found(*other, "ref CD123456 ok") == std::vector<std::string>{"ORDER_ID:CD123456"});
  fs::remove_all(cache);
}

TEST_CASE("a large input scans in one pass and keeps offsets", "[engine]") {
  auto e = engine_from(kOverlapRules);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "filler text AB123456 and more words here.\n";
  auto spans = e->scan(text, {});
  REQUIRE(spans.ok());
  REQUIRE(spans->size() == 20000);
  CHECK(text.substr(spans->back().start, 8) == "AB123456");
}
