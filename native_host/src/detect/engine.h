// The detection engine: compiles a RuleSet once into Hyperscan databases and scans many
// texts. Pipeline per scan: UTF-8 check, detection copy (normalize.h), regex and literal
// databases, validators, context scoring, recognizers (names, addresses), threshold,
// leftmost-longest overlap resolution, map back to original offsets.
// Does no I/O except the compiled-database cache; includes no JSON or SQLite.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "detect/rule.h"
#include "detect/span.h"

namespace veil::detect {

struct EngineOptions {
  // Where serialized Hyperscan databases are cached; empty = no cache.
  std::filesystem::path cache_dir;
};

struct ScanOptions {
  std::string lang = "auto";  // auto | nl | fr | de | en
  double threshold = 0.5;     // hits scoring below are dropped
  // Labels to report; empty = all.
  std::set<std::string> labels;
};

struct EngineStats {
  bool loaded_from_cache = false;
  double compile_ms = 0.0;
  std::size_t regex_patterns = 0;
  std::size_t dictionary_entries = 0;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> build(RuleSet rules, const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Thread-safe. `text` must be valid UTF-8 (callers check with text::find_invalid_utf8;
  // invalid input gets kInvalidUtf8). Spans are sorted, non-overlapping, in original bytes.
  Result<std::vector<Span>> scan(std::string_view text, const ScanOptions& options) const;

  const RuleSet& rules() const;
  const EngineStats& stats() const;

  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace veil::detect
