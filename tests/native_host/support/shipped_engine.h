// One engine built from the shipped rules (shared_rules/) per test process, with the compiled
// database cache of VEIL_CACHE_DIR when set, and helpers to scan and pick spans by label.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "detect/engine.h"
#include "rules/loader.h"

namespace veil::test {

inline const detect::Engine& shipped_engine() {
  static std::unique_ptr<detect::Engine> e = [] {
    auto rules = rules::load_rules_dir(std::filesystem::path(VEIL_TEST_DATA_DIR).parent_path() / "shared_rules");
    REQUIRE(rules.ok());
    detect::EngineOptions eo;
    if (const char* cache = std::getenv("VEIL_CACHE_DIR")) eo.cache_dir = cache;
    auto built = detect::Engine::build(std::move(*rules), eo);
    REQUIRE(built.ok());
    return std::move(*built);
  }();
  return *e;
}

inline std::vector<detect::Span> scan_shipped(const std::string& text, const std::string& lang = "auto") {
  detect::ScanOptions o;
  o.lang = lang;
  auto r = shipped_engine().scan(text, o);
  REQUIRE(r.ok());
  return *r;
}

// The text of every span with `label`, in order.
inline std::vector<std::string> label_values(const std::string& text, const std::vector<detect::Span>& spans,
                                             const std::string& label) {
  std::vector<std::string> out;
  for (const auto& s : spans)
    if (s.label == label) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

// The text of every PERSON span, in order.
inline std::vector<std::string> persons(const std::string& text, const std::string& lang = "auto") {
  return label_values(text, scan_shipped(text, lang), "PERSON");
}

inline bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace veil::test
