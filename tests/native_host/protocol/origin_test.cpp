// Origin check helpers: the extension ID derived from a manifest key (checked against an ID
// computed independently with Python's hashlib), origin parsing, and the allow-list sources.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>
#include <fstream>

#include "protocol/origin.h"

using namespace veil::protocol;

namespace {

// A freshly generated RSA-2048 public key (base64 DER) and its ID, computed with
// python3 hashlib: sha256(b64decode(key)).hexdigest()[:32] mapped 0-f -> a-p.
constexpr const char* kKey =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqu2ZbqEDOV+xeTRBLIiQbzgFgK0wMlngpwxgAHPjSKzkpHvdqyw3SVyZE+9G3qZ3QJ9M"
    "uEyriQUgIcb08OlUFUpHzUGfzjELvv3KKIOCZyUDrKBlC+p5ChYScequg33nP9mu4pMwO4vUR3m9KI8USIuJDz6azDUyF4Xpyw8uHOgjyh7cIWqx"
    "rAmX7VaZlt05Syto0UvmV9d2BXTo/DEO+BPJ8yMFVKsYJgCD5+pyysqQAknXcWtGMDE415kN5eeSEroZ1h1+XOnEGZ4xg0Qchj4Zjosic4mwLLQT"
    "F/elkplfQeD0T7N4rwTRxrbdf6Zimr10evYEvuL29x0eZuLUCQIDAQAB";
constexpr const char* kKeyId = "dffcemlgppjeagfogefaaaplgiomnblb";

}  // namespace

TEST_CASE("protocol origin: extension ID from a manifest key", "[protocol]") {
  auto id = extension_id_from_key(kKey);
  REQUIRE(id);
  CHECK(*id == kKeyId);
  CHECK_FALSE(extension_id_from_key("not base64 !!"));
  CHECK_FALSE(extension_id_from_key(""));
}

TEST_CASE("protocol origin: chrome-extension origins parse to IDs", "[protocol]") {
  CHECK(extension_id_from_origin("chrome-extension://dffcemlgppjeagfogefaaaplgiomnblb/") == std::string(kKeyId));
  CHECK(extension_id_from_origin("chrome-extension://dffcemlgppjeagfogefaaaplgiomnblb") == std::string(kKeyId));
  CHECK_FALSE(extension_id_from_origin("chrome-extension://dffcemlgppjeagfogefaaaplgiomnbl/"));   // 31 letters
  CHECK_FALSE(extension_id_from_origin("chrome-extension://dffcemlgppjeagfogefaaaplgiomnblz/"));  // z is not a-p
  CHECK_FALSE(extension_id_from_origin("https://dffcemlgppjeagfogefaaaplgiomnblb/"));
  CHECK_FALSE(extension_id_from_origin("chrome-extension:///"));
}

TEST_CASE("protocol origin: IDs from manifests and from the environment", "[protocol]") {
  auto dir = std::filesystem::temp_directory_path() / ("veil-origin-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "with_key.json") << R"({"manifest_version":3,"key":")" << kKey << R"("})";
    std::ofstream(dir / "no_key.json") << R"({"manifest_version":3})";
    std::ofstream(dir / "broken.json") << "{not json";
  }
  auto ids = ids_from_manifests({dir / "missing.json", dir / "no_key.json", dir / "broken.json", dir / "with_key.json"});
  CHECK(ids == std::set<std::string>{kKeyId});
  std::filesystem::remove_all(dir);

  ::setenv("VEIL_ALLOWED_EXTENSION_IDS", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,too-short", 1);
  CHECK(ids_from_environment() ==
        std::set<std::string>{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"});
  ::unsetenv("VEIL_ALLOWED_EXTENSION_IDS");
  CHECK(ids_from_environment().empty());
}

TEST_CASE("protocol origin: the source tree's extension manifest is a candidate", "[protocol]") {
  auto candidates = extension_manifest_candidates();
  REQUIRE_FALSE(candidates.empty());
  CHECK(candidates.back() == std::filesystem::path(VEIL_TEST_DATA_DIR).parent_path() / "extension" / "manifest.json");
}
