// Fuzzes the detection engine's entry point: arbitrary bytes that pass the UTF-8 check are
// scanned with the shipped rules (compiled once). Checks Engine::scan's promises: spans are
// sorted, non-overlapping, inside the text and on character boundaries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <string_view>

#include "detect/engine.h"
#include "rules/loader.h"
#include "text/utf8.h"

using namespace veil;

namespace {

std::unique_ptr<detect::Engine>& engine() {
  static std::unique_ptr<detect::Engine> instance;
  return instance;
}

bool is_boundary(std::string_view text, std::size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto rules = rules::load_rules_dir(VEIL_RULES_SOURCE_DIR);
  if (!rules) {
    std::fprintf(stderr, "fuzz_engine_scan: cannot load rules: %s\n", rules.error().message.c_str());
    std::abort();
  }
  // run.sh points VEIL_CACHE_DIR at a cache inside build-fuzz/, so only the first run pays
  // for compiling the databases (tens of seconds under the sanitizers).
  detect::EngineOptions options;
  if (const char* cache = std::getenv("VEIL_CACHE_DIR")) options.cache_dir = cache;
  auto built = detect::Engine::build(std::move(*rules), options);
  if (!built) {
    std::fprintf(stderr, "fuzz_engine_scan: cannot build the engine: %s\n", built.error().message.c_str());
    std::abort();
  }
  engine() = std::move(*built);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text::find_invalid_utf8(text)) return 0;
  auto spans = engine()->scan(text, detect::ScanOptions{});
  if (!spans) return 0;
  std::size_t previous_end = 0;
  for (const auto& s : *spans) {
    if (s.start >= s.end || s.end > text.size() || s.start < previous_end) std::abort();
    if (!is_boundary(text, s.start) || !is_boundary(text, s.end)) std::abort();
    if (s.label.empty()) std::abort();
    previous_end = s.end;
  }
  return 0;
}
