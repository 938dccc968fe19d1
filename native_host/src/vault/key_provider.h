// Where the vault's 32-byte master key comes from: the Secret Service (libsecret) when a
// keyring is reachable, else a key file in the 0700 data directory; tests inject keys.
// A provider never invents a replacement key on its own: load() reports kVaultKeyMissing
// and the vault decides (only an empty, new vault may create a key).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "common/error.h"

namespace veil::vault {

inline constexpr std::size_t kMasterKeyBytes = 32;

// A key that wipes itself (sodium_memzero) when it goes away.
class MasterKey {
 public:
  MasterKey();
  explicit MasterKey(const std::array<unsigned char, kMasterKeyBytes>& bytes);
  MasterKey(const MasterKey& other);
  MasterKey& operator=(const MasterKey& other);
  ~MasterKey();

  static MasterKey random();
  const unsigned char* data() const { return bytes_.data(); }
  unsigned char* data() { return bytes_.data(); }
  static constexpr std::size_t size() { return kMasterKeyBytes; }

 private:
  std::array<unsigned char, kMasterKeyBytes> bytes_{};
};

class KeyProvider {
 public:
  virtual ~KeyProvider() = default;
  // The existing key; kVaultKeyMissing when there is none, kVaultIo when storage failed.
  virtual Result<MasterKey> load() = 0;
  // Creates and stores a new key. When another process created one first, returns that one.
  virtual Result<MasterKey> create() = 0;
  // Destroys the stored key (crypto-shredding). Missing key is not an error.
  virtual Status destroy() = 0;
  // "secret_service" | "key_file" | "injected"
  virtual std::string storage() const = 0;
};

// Fixed key for tests and embedders; create() returns the same key, destroy() forgets it.
class StaticKeyProvider : public KeyProvider {
 public:
  explicit StaticKeyProvider(MasterKey key) : key_(std::move(key)) {}
  // A provider that has no key (load() fails with kVaultKeyMissing) until create().
  StaticKeyProvider() : has_key_(false) {}
  Result<MasterKey> load() override;
  Result<MasterKey> create() override;
  Status destroy() override;
  std::string storage() const override { return "injected"; }

 private:
  MasterKey key_;
  bool has_key_ = true;
};

// A raw 32-byte file, created O_CREAT|O_EXCL|O_NOFOLLOW mode 0600 under a temporary name and
// published with link(2), so a concurrent reader never sees a partly written key.
class KeyFileProvider : public KeyProvider {
 public:
  explicit KeyFileProvider(std::filesystem::path path) : path_(std::move(path)) {}
  Result<MasterKey> load() override;
  Result<MasterKey> create() override;
  Status destroy() override;
  std::string storage() const override { return "key_file"; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Secret Service through libsecret (GNOME Keyring, KWallet's bridge, KeePassXC). The item is
// keyed by the data directory so several VEIL_HOMEs never share a key.
class SecretServiceProvider : public KeyProvider {
 public:
  explicit SecretServiceProvider(std::filesystem::path data_dir) : data_dir_(std::move(data_dir)) {}
  // Whether a Secret Service answers right now. Cheap when no session bus is configured.
  static bool available();
  Result<MasterKey> load() override;
  Result<MasterKey> create() override;
  Status destroy() override;
  std::string storage() const override { return "secret_service"; }

 private:
  std::filesystem::path data_dir_;
};

// The key file name inside the data directory.
inline constexpr const char* kKeyFileName = "vault.key";

// The default: an existing key file wins (never switch storage under an existing vault);
// else the Secret Service when reachable (and VEIL_NO_KEYRING is unset); else a key file.
std::shared_ptr<KeyProvider> default_key_provider(const std::filesystem::path& data_dir);

}  // namespace veil::vault
