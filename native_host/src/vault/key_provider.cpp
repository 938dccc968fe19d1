// Master-key storage: key file, Secret Service (when built with libsecret) and injected keys.
#include "vault/key_provider.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

#ifdef VEIL_HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

namespace veil::vault {

MasterKey::MasterKey() = default;
MasterKey::MasterKey(const std::array<unsigned char, kMasterKeyBytes>& bytes) : bytes_(bytes) {}
MasterKey::MasterKey(const MasterKey& other) : bytes_(other.bytes_) {}
MasterKey& MasterKey::operator=(const MasterKey& other) {
  bytes_ = other.bytes_;
  return *this;
}
MasterKey::~MasterKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

MasterKey MasterKey::random() {
  if (sodium_init() < 0) std::abort();  // no usable randomness: nothing safe to do
  MasterKey key;
  randombytes_buf(key.bytes_.data(), key.bytes_.size());
  return key;
}

// ---- StaticKeyProvider ----------------------------------------------------------------

Result<MasterKey> StaticKeyProvider::load() {
  if (!has_key_) return make_error(ErrorCode::kVaultKeyMissing, "no vault key was provided");
  return key_;
}

Result<MasterKey> StaticKeyProvider::create() {
  if (!has_key_) {
    key_ = MasterKey::random();
    has_key_ = true;
  }
  return key_;
}

Status StaticKeyProvider::destroy() {
  key_ = MasterKey();
  has_key_ = false;
  return Ok{};
}

// ---- KeyFileProvider ------------------------------------------------------------------

namespace {

// Closes a file descriptor on scope exit.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string errno_text(int err) { return std::generic_category().message(err); }

bool read_exact(int fd, unsigned char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, out + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    got += static_cast<std::size_t>(r);
  }
  return true;
}

bool write_exact(int fd, const unsigned char* in, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    ssize_t w = ::write(fd, in + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<std::size_t>(w);
  }
  return true;
}

}  // namespace

Result<MasterKey> KeyFileProvider::load() {
  Fd f(::open(path_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (f.fd < 0) {
    if (errno == ENOENT) {
      return make_error(ErrorCode::kVaultKeyMissing, "the vault key file " + path_.string() + " does not exist");
    }
    return make_error(ErrorCode::kVaultIo, "cannot open the vault key file " + path_.string() + ": " + errno_text(errno));
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return make_error(ErrorCode::kVaultIo, "the vault key file " + path_.string() + " is not a regular file");
  }
  if (st.st_size != static_cast<off_t>(kMasterKeyBytes)) {
    return make_error(ErrorCode::kVaultKeyMissing,
                      "the vault key file " + path_.string() + " has the wrong size (expected 32 bytes)");
  }
  MasterKey key;
  if (!read_exact(f.fd, key.data(), key.size())) {
    return make_error(ErrorCode::kVaultIo, "cannot read the vault key file " + path_.string());
  }
  return key;
}

Result<MasterKey> KeyFileProvider::create() {
  // Written under a unique temporary name, then published with link(2): link fails with
  // EEXIST when another process won the race, and that process's key is used instead.
  std::string tmp = path_.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(randombytes_random());
  MasterKey key = MasterKey::random();
  {
    Fd f(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (f.fd < 0) {
      return make_error(ErrorCode::kVaultIo, "cannot create the vault key file " + path_.string() + ": " + errno_text(errno));
    }
    if (!write_exact(f.fd, key.data(), key.size()) || ::fsync(f.fd) != 0) {
      int err = errno;
      ::unlink(tmp.c_str());
      return make_error(ErrorCode::kVaultIo, "cannot write the vault key file " + path_.string() + ": " + errno_text(err));
    }
  }
  int rc = ::link(tmp.c_str(), path_.c_str());
  int err = errno;
  ::unlink(tmp.c_str());
  if (rc != 0) {
    if (err == EEXIST) return load();
    return make_error(ErrorCode::kVaultIo, "cannot create the vault key file " + path_.string() + ": " + errno_text(err));
  }
  return key;
}

Status KeyFileProvider::destroy() {
  // Overwrite before unlinking: on most filesystems this is best effort only.
  {
    Fd f(::open(path_.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC));
    if (f.fd >= 0) {
      unsigned char zeros[kMasterKeyBytes] = {};
      (void)write_exact(f.fd, zeros, sizeof zeros);
      (void)::fsync(f.fd);
    }
  }
  if (::unlink(path_.c_str()) != 0 && errno != ENOENT) {
    return make_error(ErrorCode::kVaultIo, "cannot delete the vault key file " + path_.string() + ": " + errno_text(errno));
  }
  return Ok{};
}

// ---- SecretServiceProvider ------------------------------------------------------------

namespace {

[[maybe_unused]] bool session_bus_configured() {
  const char* no = std::getenv("VEIL_NO_KEYRING");
  if (no && *no && std::strcmp(no, "0") != 0) return false;
  const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
  if (bus && *bus) return true;
  // systemd user sessions expose the bus at $XDG_RUNTIME_DIR/bus without the variable.
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (!runtime || !*runtime) return false;
  struct stat st {};
  return ::stat((std::string(runtime) + "/bus").c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

}  // namespace

#ifdef VEIL_HAVE_LIBSECRET
namespace {

const SecretSchema* veil_schema() {
  static const SecretSchema schema = [] {
    SecretSchema s{};
    s.name = "org.veil.VaultKey";
    s.flags = SECRET_SCHEMA_NONE;
    s.attributes[0] = {"data_dir", SECRET_SCHEMA_ATTRIBUTE_STRING};
    s.attributes[1] = {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING};
    return s;
  }();
  return &schema;
}

std::string take_gerror(GError* error) {
  std::string msg = error && error->message ? error->message : "unknown error";
  if (error) g_error_free(error);
  return msg;
}

}  // namespace

bool SecretServiceProvider::available() {
  if (!session_bus_configured()) return false;
  GError* error = nullptr;
  // OPEN_SESSION makes a real call, so a bus without a Secret Service fails here.
  SecretService* service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION, nullptr, &error);
  if (!service) {
    if (error) g_error_free(error);
    return false;
  }
  g_object_unref(service);
  return true;
}

Result<MasterKey> SecretServiceProvider::load() {
  GError* error = nullptr;
  gchar* secret = secret_password_lookup_sync(veil_schema(), nullptr, &error, "data_dir", data_dir_.c_str(), nullptr);
  if (error) {
    return make_error(ErrorCode::kVaultIo, "the keyring (Secret Service) did not answer: " + take_gerror(error));
  }
  if (!secret) {
    return make_error(ErrorCode::kVaultKeyMissing, "the keyring holds no Veil vault key for " + data_dir_.string());
  }
  MasterKey key;
  std::size_t len = 0;
  int rc = sodium_base642bin(key.data(), key.size(), secret, std::strlen(secret), nullptr, &len, nullptr,
                             sodium_base64_VARIANT_ORIGINAL);
  secret_password_free(secret);
  if (rc != 0 || len != key.size()) {
    return make_error(ErrorCode::kVaultKeyMissing, "the Veil vault key in the keyring is malformed");
  }
  return key;
}

Result<MasterKey> SecretServiceProvider::create() {
  if (auto existing = load(); existing.ok() || existing.error().code != ErrorCode::kVaultKeyMissing) return existing;
  MasterKey key = MasterKey::random();
  char encoded[sodium_base64_ENCODED_LEN(kMasterKeyBytes, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(encoded, sizeof encoded, key.data(), key.size(), sodium_base64_VARIANT_ORIGINAL);
  GError* error = nullptr;
  gboolean ok = secret_password_store_sync(veil_schema(), SECRET_COLLECTION_DEFAULT, "Veil vault key", encoded,
                                           nullptr, &error, "data_dir", data_dir_.c_str(), nullptr);
  sodium_memzero(encoded, sizeof encoded);
  if (!ok) return make_error(ErrorCode::kVaultIo, "cannot store the vault key in the keyring: " + take_gerror(error));
  return key;
}

Status SecretServiceProvider::destroy() {
  GError* error = nullptr;
  secret_password_clear_sync(veil_schema(), nullptr, &error, "data_dir", data_dir_.c_str(), nullptr);
  if (error) return make_error(ErrorCode::kVaultIo, "cannot remove the vault key from the keyring: " + take_gerror(error));
  return Ok{};
}

#else

bool SecretServiceProvider::available() { return false; }

Result<MasterKey> SecretServiceProvider::load() {
  return make_error(ErrorCode::kVaultKeyMissing, "this build of Veil has no Secret Service support");
}
Result<MasterKey> SecretServiceProvider::create() {
  return make_error(ErrorCode::kVaultIo, "this build of Veil has no Secret Service support");
}
Status SecretServiceProvider::destroy() { return Ok{}; }

#endif

namespace {

// Marks that the key lives in the keyring, so a later run without a reachable keyring
// reports the missing key instead of quietly starting a key file.
constexpr const char* kKeyringMarker = "vault.key.keyring";

// Wraps the Secret Service provider to drop the marker file once a key is stored there.
class MarkedSecretServiceProvider : public SecretServiceProvider {
 public:
  explicit MarkedSecretServiceProvider(std::filesystem::path data_dir)
      : SecretServiceProvider(data_dir), marker_(data_dir / kKeyringMarker) {}
  Result<MasterKey> create() override {
    auto key = SecretServiceProvider::create();
    if (key.ok()) {
      Fd f(::open(marker_.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
    }
    return key;
  }

 private:
  std::filesystem::path marker_;
};

}  // namespace

std::shared_ptr<KeyProvider> default_key_provider(const std::filesystem::path& data_dir) {
  std::error_code ec;
  auto key_file = data_dir / kKeyFileName;
  if (std::filesystem::exists(key_file, ec)) return std::make_shared<KeyFileProvider>(key_file);
  if (std::filesystem::exists(data_dir / kKeyringMarker, ec) || SecretServiceProvider::available()) {
    return std::make_shared<MarkedSecretServiceProvider>(data_dir);
  }
  return std::make_shared<KeyFileProvider>(key_file);
}

}  // namespace veil::vault
