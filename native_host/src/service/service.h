// The service layer: what the CLI and the native-messaging protocol both call. It composes
// the detection engine, presets, the anonymizer and the encrypted vault. Offsets here are
// bytes of UTF-8; callers convert (protocol: UTF-16, CLI JSON: code points) with
// text::OffsetConverter. Never logs user text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "detect/span.h"

namespace veil::vault {
class KeyProvider;
}

namespace veil::service {

// Injected outside world, so tests need no keyring and can move time.
struct ServiceOptions {
  std::filesystem::path data_dir;   // vault.db, presets/, settings.json (created 0700)
  std::filesystem::path cache_dir;  // compiled rule databases
  std::filesystem::path rules_dir;  // shared_rules
  std::shared_ptr<vault::KeyProvider> key_provider;  // null = default (Secret Service, else key file)
  std::function<std::int64_t()> clock;               // unix seconds; null = system clock
};

struct ScanRequest {
  std::string text;
  std::string lang = "auto";
  std::string preset;  // empty = default preset
};

struct AnonymizeRequest {
  std::string text;
  std::string scope;   // conversation key from the extension, e.g. "chatgpt.com/c/abc"
  std::string preset;  // empty = default preset
  std::string site;    // informational (stats), e.g. "chatgpt.com"
  std::string lang = "auto";
};

struct EntityReport {
  std::string placeholder;  // "[NAME_1]", or what the operator produced (mask, hash, [REDACTED])
  std::string label;        // detection label, e.g. PERSON
  std::size_t start = 0, end = 0;                // bytes in the original text
  std::size_t masked_start = 0, masked_end = 0;  // bytes in the masked text
};

struct AnonymizeResponse {
  std::string text;
  std::vector<EntityReport> entities;
  std::map<std::string, int> counts;  // by label
};

enum class PlaceholderStatus { kRestored, kUnknown, kAmbiguous };

struct PlaceholderReport {
  std::string placeholder;  // canonical form, e.g. "[NAME_1]"
  std::string found;        // the text as it appeared, e.g. "NAME 1"
  std::string label;        // detection label when known
  PlaceholderStatus status = PlaceholderStatus::kUnknown;
  std::size_t start = 0, end = 0;                    // bytes in the input
  std::size_t restored_start = 0, restored_end = 0;  // bytes in the output
};

struct RestoreResponse {
  std::string text;
  std::vector<PlaceholderReport> placeholders;
};

struct ScopeInfo {
  std::string scope;
  std::int64_t entries = 0;
  std::int64_t created = 0;    // unix seconds
  std::int64_t last_used = 0;
};

struct EntryView {
  std::string placeholder;
  std::string label;
  std::string value;  // decrypted original; only for the user's own UI and export
  bool damaged = false;  // the entry failed to decrypt (kVaultDecryptFailed); value is empty
};

struct Settings {
  std::int64_t retention_seconds = 7LL * 24 * 3600;
  bool session_only = false;
  std::string default_preset = "default";
  std::string fail_mode = "closed";  // closed | open
  std::vector<std::string> extra_extension_ids;
};

struct HelloInfo {
  std::string version;
  std::string rules_version;
  std::vector<std::string> capabilities;
  std::string vault_state;  // ok | locked | corrupt | key_missing | error
  std::string key_storage;  // secret_service | key_file | injected
};

struct Stats {
  std::int64_t scopes = 0;
  std::int64_t entries = 0;
  std::map<std::string, std::int64_t> masked_today;  // by label
};

class Service {
 public:
  // Opens lazily what it can: the engine is built at once (from cache when possible); the
  // vault is opened on first use, so `hello` works even when the vault is broken.
  static Result<std::unique_ptr<Service>> open(ServiceOptions options);
  ~Service();

  HelloInfo hello();
  Result<std::vector<detect::Span>> scan(const ScanRequest& request);
  Result<AnonymizeResponse> anonymize(const AnonymizeRequest& request);
  Result<RestoreResponse> restore(const std::string& text, const std::string& scope);
  Result<std::int64_t> forget(const std::string& scope);
  Result<std::int64_t> forget_all();
  Result<std::vector<ScopeInfo>> scopes();
  Result<std::vector<EntryView>> entries(const std::string& scope);

  // Presets are JSON documents (see docs/presets.md); stored in data_dir/presets/.
  Result<std::vector<std::string>> list_presets();
  Result<std::string> get_preset(const std::string& name);
  Status put_preset(const std::string& name, const std::string& json);  // validated first
  Status delete_preset(const std::string& name);

  Result<Settings> get_settings();
  Status put_settings(const Settings& settings);
  Result<Stats> stats();

  struct Impl;

 private:
  explicit Service(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace veil::service
