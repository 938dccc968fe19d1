// The encrypted placeholder vault: one SQLite file mapping (scope, placeholder) to the original
// value, encrypted with XChaCha20-Poly1305 under a subkey of the master key. Scope names and
// values are never stored in clear; lookups go through keyed BLAKE2b hashes. Safe to use from
// several processes at once (WAL, BEGIN IMMEDIATE, busy timeout). See docs/vault.md.
// Errors carry no user text: not values, not scope names.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/limits.h"
#include "vault/key_provider.h"

namespace veil::vault {

// Current schema version; migrations run from every earlier one (see vault.cpp).
inline constexpr int kSchemaVersion = 1;

struct VaultOptions {
  // Entries unused for longer are purged (at open and on every write). Clamped to
  // limits::kRetentionMin..kRetentionMax.
  std::int64_t retention_seconds = limits::kRetentionDefault.count();
  // Session-only: entries written in another session (boot) are purged as well.
  bool session_only = false;
  std::string session_id;                  // empty = this boot (/proc/sys/kernel/random/boot_id)
  std::function<std::int64_t()> clock;     // unix seconds; null = system clock
  int busy_timeout_ms = limits::kVaultBusyTimeoutMs;
};

// One value to put in the vault.
struct AssignItem {
  std::string entity_label;       // detection label, e.g. PERSON
  std::string placeholder_label;  // e.g. NAME
  std::string canonical;          // what makes two values "the same" (canonical_value)
  std::string value;              // the original text, stored encrypted
};

// Formats a placeholder from its label and number, e.g. ("NAME", 1) -> "[NAME_1]".
using PlaceholderFormatter = std::function<std::string(const std::string& label, int number)>;

struct Entry {
  std::string placeholder;
  std::string entity_label;
  std::optional<std::string> value;  // nullopt: this entry failed to decrypt
  std::int64_t created = 0;
  std::int64_t last_used = 0;
};

struct ScopeSummary {
  std::string scope;  // decrypted name; "<unreadable>" when its ciphertext fails
  std::int64_t entries = 0;
  std::int64_t created = 0;
  std::int64_t last_used = 0;
};

struct LookupHit {
  std::string value;
  std::string entity_label;
};

struct VaultCounts {
  std::int64_t scopes = 0;
  std::int64_t entries = 0;
};

class Vault {
 public:
  // Opens (creating when absent) the vault at `db_path`; the parent directory must exist.
  // A new vault gets a key from `keys` (created when the provider has none); an existing
  // vault whose key is missing fails with kVaultKeyMissing, a different key with
  // kVaultDecryptFailed, a damaged file with kVaultCorrupt (the file is left in place).
  static Result<std::unique_ptr<Vault>> open(const std::filesystem::path& db_path, std::shared_ptr<KeyProvider> keys,
                                             VaultOptions options = {});
  ~Vault();
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;

  // Returns one placeholder per item, in order: the existing one when the same
  // (placeholder_label, canonical) is already in the scope, else the next unused number of
  // that label, skipping the numbers in `reserved` (label -> numbers that appear literally
  // in the input). Numbers are never reused within a scope. One transaction.
  Result<std::vector<std::string>> assign(const std::string& scope, const std::vector<AssignItem>& items,
                                          const std::map<std::string, std::set<int>>& reserved,
                                          const PlaceholderFormatter& format);

  // The value of one placeholder (exact, canonical form); nullopt when unknown.
  // kVaultDecryptFailed when that entry is damaged; other entries are unaffected.
  Result<std::optional<LookupHit>> lookup(const std::string& scope, const std::string& placeholder);

  // Every entry of a scope, oldest first; damaged ones have no value.
  Result<std::vector<Entry>> entries(const std::string& scope);
  Result<std::vector<ScopeSummary>> scopes();
  Result<VaultCounts> counts();

  // Erase a scope (or everything), then checkpoint the WAL so no deleted bytes remain there.
  // Return the number of entries removed.
  Result<std::int64_t> forget(const std::string& scope);
  Result<std::int64_t> forget_all();

  // Applies the retention policy now; returns the number of entries purged.
  Result<std::int64_t> purge_expired();
  void set_retention(std::int64_t retention_seconds, bool session_only);

  // Per-day counts of masked hits by label (no values, no scopes), for the popup's stats.
  Status record_masked(const std::map<std::string, int>& counts);
  Result<std::map<std::string, std::int64_t>> masked_today();

  // Key for the hash operator (anonymize::hash_value), derived from the master key.
  std::array<unsigned char, 32> operator_hash_key() const;

  std::string key_storage() const;
  const std::filesystem::path& path() const;

  struct Impl;

 private:
  explicit Vault(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Creates `dir` (and parents) with mode 0700 when missing.
Status ensure_private_dir(const std::filesystem::path& dir);

}  // namespace veil::vault
