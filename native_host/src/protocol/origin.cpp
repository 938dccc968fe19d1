// Origin check helpers (see origin.h).
#include "protocol/origin.h"

#include <sodium.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/paths.h"
#include "protocol/message.h"

namespace veil::protocol {
namespace {

constexpr std::string_view kScheme = "chrome-extension://";
constexpr std::size_t kIdLength = 32;

bool is_extension_id(std::string_view id) {
  if (id.size() != kIdLength) return false;
  for (char c : id)
    if (c < 'a' || c > 'p') return false;
  return true;
}

}  // namespace

std::optional<std::string> extension_id_from_origin(std::string_view origin) {
  if (origin.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  std::string_view id = origin.substr(kScheme.size());
  if (!id.empty() && id.back() == '/') id.remove_suffix(1);
  if (!is_extension_id(id)) return std::nullopt;
  return std::string(id);
}

Result<std::string> extension_id_from_key(std::string_view base64_der) {
  if (sodium_init() < 0) return make_error(ErrorCode::kInternal, "libsodium failed to initialise");
  std::string clean;
  for (char c : base64_der)
    if (c != '\n' && c != '\r' && c != ' ') clean.push_back(c);
  std::vector<unsigned char> der(clean.size());
  std::size_t der_len = 0;
  if (clean.empty() || sodium_base642bin(der.data(), der.size(), clean.data(), clean.size(), nullptr, &der_len,
                                         nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return make_error(ErrorCode::kInvalidArgument, "extension key is not valid base64");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, der.data(), der_len);
  std::string id;
  for (std::size_t i = 0; i < kIdLength / 2; ++i) {
    id.push_back(static_cast<char>('a' + (digest[i] >> 4)));
    id.push_back(static_cast<char>('a' + (digest[i] & 0x0f)));
  }
  return id;
}

std::vector<std::filesystem::path> extension_manifest_candidates() {
  std::vector<std::filesystem::path> out;
  auto exe = paths::executable_path();
  if (!exe.empty()) {
    auto dir = exe.parent_path();
    out.push_back(dir / ".." / "share" / "veil" / "extension" / "manifest.json");
    out.push_back(dir / ".." / "lib" / "veil" / "extension" / "manifest.json");
    out.push_back(dir / "extension" / "manifest.json");
  }
  out.push_back(std::filesystem::path(VEIL_RULES_SOURCE_DIR).parent_path() / "extension" / "manifest.json");
  return out;
}

std::set<std::string> ids_from_manifests(const std::vector<std::filesystem::path>& manifests) {
  std::set<std::string> ids;
  for (const auto& path : manifests) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto manifest = parse_json(buffer.str());
    if (!manifest || !manifest->is_object()) continue;
    auto key = manifest->find("key");
    if (key == manifest->end() || !key->is_string()) continue;
    if (auto id = extension_id_from_key(key->get<std::string>())) ids.insert(*id);
  }
  return ids;
}

std::set<std::string> ids_from_environment() {
  std::set<std::string> ids;
  const char* value = std::getenv("VEIL_ALLOWED_EXTENSION_IDS");
  if (!value) return ids;
  std::string current;
  for (const char* p = value;; ++p) {
    if (*p == '\0' || *p == ',' || *p == ' ' || *p == '\t' || *p == '\n') {
      if (is_extension_id(current)) ids.insert(current);
      current.clear();
      if (*p == '\0') break;
    } else {
      current.push_back(*p);
    }
  }
  return ids;
}

}  // namespace veil::protocol
