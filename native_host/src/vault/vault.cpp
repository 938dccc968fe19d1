// The encrypted placeholder vault (see vault.h and docs/vault.md).
#include "vault/vault.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace veil::vault {
namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "veilvlt1";
enum SubkeyId : std::uint64_t { kSubkeyEntry = 1, kSubkeyValueHash = 2, kSubkeyScopeHash = 3, kSubkeyCheck = 4, kSubkeyOperatorHash = 5 };
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
// Schema version of the row format (associated data and plaintext layout), stored per row
// and bound into every ciphertext, so a row cannot be replayed under another format.
constexpr int kEntryFormat = 1;

using Bytes = std::vector<unsigned char>;

// Subkeys derived from the master key; wiped on destruction.
struct Subkeys {
  unsigned char entry[32];
  unsigned char value_hash[32];
  unsigned char scope_hash[32];
  unsigned char check[32];
  unsigned char operator_hash[32];
  explicit Subkeys(const MasterKey& master) {
    crypto_kdf_derive_from_key(operator_hash, sizeof operator_hash, kSubkeyOperatorHash, kKdfContext, master.data());
    crypto_kdf_derive_from_key(entry, sizeof entry, kSubkeyEntry, kKdfContext, master.data());
    crypto_kdf_derive_from_key(value_hash, sizeof value_hash, kSubkeyValueHash, kKdfContext, master.data());
    crypto_kdf_derive_from_key(scope_hash, sizeof scope_hash, kSubkeyScopeHash, kKdfContext, master.data());
    crypto_kdf_derive_from_key(check, sizeof check, kSubkeyCheck, kKdfContext, master.data());
  }
  Subkeys(const Subkeys&) = delete;
  Subkeys& operator=(const Subkeys&) = delete;
  ~Subkeys() {
    sodium_memzero(entry, sizeof entry);
    sodium_memzero(value_hash, sizeof value_hash);
    sodium_memzero(scope_hash, sizeof scope_hash);
    sodium_memzero(check, sizeof check);
    sodium_memzero(operator_hash, sizeof operator_hash);
  }
};

void append_u32(Bytes& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}

// Length-prefixed, so ("ab","c") and ("a","bc") never produce the same bytes.
void append_field(Bytes& out, const void* data, std::size_t size) {
  append_u32(out, static_cast<std::uint32_t>(size));
  const auto* p = static_cast<const unsigned char*>(data);
  out.insert(out.end(), p, p + size);
}
void append_field(Bytes& out, const std::string& s) { append_field(out, s.data(), s.size()); }

Bytes keyed_hash(const unsigned char* key, const Bytes& input) {
  Bytes out(kHashBytes);
  crypto_generichash(out.data(), out.size(), input.data(), input.size(), key, 32);
  return out;
}

Bytes entry_ad(const Bytes& scope_hash, const std::string& placeholder, const std::string& entity_label, int fmt) {
  Bytes ad;
  append_field(ad, std::string("veil/entry"));
  append_u32(ad, static_cast<std::uint32_t>(fmt));
  append_field(ad, scope_hash.data(), scope_hash.size());
  append_field(ad, placeholder);
  append_field(ad, entity_label);
  return ad;
}

Bytes scope_ad(const Bytes& scope_hash) {
  Bytes ad;
  append_field(ad, std::string("veil/scope"));
  append_u32(ad, static_cast<std::uint32_t>(kEntryFormat));
  append_field(ad, scope_hash.data(), scope_hash.size());
  return ad;
}

struct Sealed {
  Bytes nonce;
  Bytes ciphertext;
};

Sealed seal(const unsigned char* key, const std::string& plaintext, const Bytes& ad) {
  Sealed s;
  s.nonce.resize(kNonceBytes);
  randombytes_buf(s.nonce.data(), s.nonce.size());
  s.ciphertext.resize(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(s.ciphertext.data(), &clen,
                                             reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                                             ad.data(), ad.size(), nullptr, s.nonce.data(), key);
  s.ciphertext.resize(clen);
  return s;
}

std::optional<std::string> open_sealed(const unsigned char* key, const Bytes& nonce, const Bytes& ciphertext,
                                       const Bytes& ad) {
  if (nonce.size() != kNonceBytes || ciphertext.size() < crypto_aead_xchacha20poly1305_ietf_ABYTES) return std::nullopt;
  std::string plain(ciphertext.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long plen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plen, nullptr,
                                                 ciphertext.data(), ciphertext.size(), ad.data(), ad.size(),
                                                 nonce.data(), key) != 0) {
    return std::nullopt;
  }
  plain.resize(plen);
  return plain;
}

Bytes column_bytes(const SQLite::Column& c) {
  const auto* p = static_cast<const unsigned char*>(c.getBlob());
  return Bytes(p, p + c.getBytes());
}

void bind_bytes(SQLite::Statement& st, int index, const Bytes& b) {
  st.bind(index, static_cast<const void*>(b.data()), static_cast<int>(b.size()));
}

std::string read_boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id.empty() ? "unknown-session" : id;
}

// Migrations from each schema version to the next; index i takes version i to i+1.
// Never edit a released step: append a new one and bump kSchemaVersion.
const std::vector<std::vector<const char*>>& migrations() {
  static const std::vector<std::vector<const char*>> steps = {
      // 0 -> 1: the first release.
      {
          "CREATE TABLE meta(name TEXT PRIMARY KEY, value BLOB NOT NULL)",
          "CREATE TABLE scopes("
          " id INTEGER PRIMARY KEY,"
          " scope_hash BLOB NOT NULL UNIQUE,"
          " name_nonce BLOB NOT NULL,"
          " name_ct BLOB NOT NULL,"
          " created INTEGER NOT NULL,"
          " last_used INTEGER NOT NULL)",
          "CREATE TABLE counters("
          " scope_id INTEGER NOT NULL,"
          " label TEXT NOT NULL,"
          " next INTEGER NOT NULL,"
          " PRIMARY KEY(scope_id, label))",
          "CREATE TABLE entries("
          " id INTEGER PRIMARY KEY,"
          " scope_id INTEGER NOT NULL,"
          " value_hash BLOB NOT NULL,"
          " placeholder TEXT NOT NULL,"
          " entity_label TEXT NOT NULL,"
          " fmt INTEGER NOT NULL,"
          " nonce BLOB NOT NULL,"
          " ciphertext BLOB NOT NULL,"
          " session TEXT NOT NULL,"
          " created INTEGER NOT NULL,"
          " last_used INTEGER NOT NULL,"
          " UNIQUE(scope_id, value_hash),"
          " UNIQUE(scope_id, placeholder))",
          "CREATE INDEX entries_last_used ON entries(last_used)",
          // Counts only (no values, no scopes): how many hits of each label were masked per day.
          "CREATE TABLE stats(day INTEGER NOT NULL, label TEXT NOT NULL, count INTEGER NOT NULL,"
          " PRIMARY KEY(day, label))",
      },
  };
  return steps;
}

}  // namespace

// A prepared statement borrowed from Vault::Impl's cache; reset (and its bindings cleared)
// when the borrower is done, so the next user starts clean and no read stays open.
class PreparedStatement {
 public:
  explicit PreparedStatement(SQLite::Statement& st) : st_(st) {}
  ~PreparedStatement() {
    st_.tryReset();
    try {
      st_.clearBindings();
    } catch (const SQLite::Exception&) {  // nothing to undo; the next bind overwrites anyway
    }
  }
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;
  SQLite::Statement* operator->() const { return &st_; }
  SQLite::Statement& operator*() const { return st_; }

 private:
  SQLite::Statement& st_;
};

struct Vault::Impl {
  std::filesystem::path path;
  std::unique_ptr<SQLite::Database> db;
  // Statements of the per-value paths (assign, lookup), prepared once per connection: parsing
  // the SQL again for every value was two thirds of the vault's time in `anonymize`.
  // Declared after `db`, so they are finalized before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

  PreparedStatement prepared(const char* sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(*db, sql);
    return PreparedStatement(*slot);
  }
  std::unique_ptr<Subkeys> keys;
  std::string key_storage;
  VaultOptions options;
  std::string session_id;
  std::mutex mutex;

  std::int64_t now() const {
    if (options.clock) return options.clock();
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  Error sqlite_error(const SQLite::Exception& e, const char* what) const {
    int code = e.getErrorCode();
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
      return make_error(ErrorCode::kVaultLocked, std::string(what) + ": the vault is locked by another Veil process "
                                                                     "for longer than the timeout; try again");
    }
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return corrupt_error();
    if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_FULL || code == SQLITE_READONLY ||
        code == SQLITE_PERM) {
      return make_error(ErrorCode::kVaultIo, std::string(what) + ": cannot access the vault file " + path.string() +
                                                 " (" + sqlite3_errstr(code) + ")");
    }
    return make_error(ErrorCode::kInternal, std::string(what) + ": vault database error (" + sqlite3_errstr(code) + ")");
  }

  Error corrupt_error() const {
    return make_error(ErrorCode::kVaultCorrupt,
                      "the vault file " + path.string() +
                          " is damaged (not a SQLite database, or malformed). It was left in place: move it aside "
                          "(for example to vault.db.broken) and Veil starts a new, empty vault; placeholders in "
                          "earlier conversations can then no longer be restored");
  }

  Bytes scope_hash(const std::string& scope) const {
    Bytes in;
    append_field(in, scope);
    return keyed_hash(keys->scope_hash, in);
  }

  Bytes value_hash(const Bytes& sh, const std::string& placeholder_label, const std::string& canonical) const {
    Bytes in;
    append_field(in, sh.data(), sh.size());
    append_field(in, placeholder_label);
    append_field(in, canonical);
    return keyed_hash(keys->value_hash, in);
  }

  Bytes key_check() const {
    Bytes in;
    append_field(in, std::string("veil vault key check"));
    return keyed_hash(keys->check, in);
  }

  std::optional<std::int64_t> find_scope_id(const Bytes& sh) {
    auto st = prepared("SELECT id FROM scopes WHERE scope_hash = ?");
    bind_bytes(*st, 1, sh);
    if (st->executeStep()) return st->getColumn(0).getInt64();
    return std::nullopt;
  }

  void checkpoint() {
    SQLite::Statement st(*db, "PRAGMA wal_checkpoint(TRUNCATE)");
    while (st.executeStep()) {
    }
  }

  // Caller holds a write transaction.
  std::int64_t purge_locked(std::int64_t now_s) {
    std::int64_t cutoff = now_s - options.retention_seconds;
    std::int64_t removed = 0;
    {
      auto st = prepared(options.session_only ? "DELETE FROM entries WHERE last_used < ? OR session <> ?"
                                              : "DELETE FROM entries WHERE last_used < ?");
      st->bind(1, cutoff);
      if (options.session_only) st->bind(2, session_id);
      removed = st->exec();
    }
    // A scope goes with its counters once it is empty and idle past the retention.
    std::vector<std::int64_t> ids;
    {
      auto gone = prepared(
          "SELECT id FROM scopes WHERE last_used < ? AND NOT EXISTS "
          "(SELECT 1 FROM entries WHERE entries.scope_id = scopes.id)");
      gone->bind(1, options.session_only ? now_s + 1 : cutoff);
      while (gone->executeStep()) ids.push_back(gone->getColumn(0).getInt64());
    }
    for (auto id : ids) {
      SQLite::Statement dc(*db, "DELETE FROM counters WHERE scope_id = ?");
      dc.bind(1, id);
      dc.exec();
      SQLite::Statement ds(*db, "DELETE FROM scopes WHERE id = ?");
      ds.bind(1, id);
      ds.exec();
    }
    return removed;
  }

  std::int64_t purge_and_maybe_checkpoint() {
    std::int64_t removed = 0;
    {
      SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
      removed = purge_locked(now());
      tx.commit();
    }
    if (removed > 0) checkpoint();
    return removed;
  }
};

namespace {

std::int64_t clamp_retention(std::int64_t seconds) {
  return std::clamp<std::int64_t>(seconds, limits::kRetentionMin.count(), limits::kRetentionMax.count());
}

int read_schema_version(SQLite::Database& db) {
  if (!db.tableExists("schema_version")) return 0;
  SQLite::Statement st(db, "SELECT max(version) FROM schema_version");
  if (st.executeStep() && !st.getColumn(0).isNull()) return st.getColumn(0).getInt();
  return 0;
}

}  // namespace

Status ensure_private_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return Ok{};
  if (!dir.parent_path().empty() && dir.parent_path() != dir) {
    std::filesystem::create_directories(dir.parent_path(), ec);
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return make_error(ErrorCode::kVaultIo, "cannot create the data directory " + dir.string() + ": " +
                                               std::generic_category().message(errno));
  }
  return Ok{};
}

Vault::Vault(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Vault::~Vault() = default;

Result<std::unique_ptr<Vault>> Vault::open(const std::filesystem::path& db_path, std::shared_ptr<KeyProvider> keys,
                                           VaultOptions options) {
  if (sodium_init() < 0) return make_error(ErrorCode::kInternal, "libsodium failed to initialise");
  if (!keys) return make_error(ErrorCode::kInvalidArgument, "no key provider");
  auto impl = std::make_unique<Impl>();
  impl->path = db_path;
  impl->options = std::move(options);
  impl->options.retention_seconds = clamp_retention(impl->options.retention_seconds);
  impl->session_id = impl->options.session_id.empty() ? read_boot_id() : impl->options.session_id;
  impl->key_storage = keys->storage();

  // Pre-create the file 0600 so SQLite (and its -wal/-shm, which copy the mode) never
  // makes it world-readable.
  {
    int fd = ::open(db_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
      ::close(fd);
    } else if (errno != EEXIST) {
      return make_error(ErrorCode::kVaultIo, "cannot create the vault file " + db_path.string() + ": " +
                                                 std::generic_category().message(errno));
    }
  }

  try {
    impl->db = std::make_unique<SQLite::Database>(
        db_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOFOLLOW, impl->options.busy_timeout_ms);
    impl->db->exec("PRAGMA secure_delete=ON");
    // Switching a new file to WAL takes an exclusive lock without going through the busy
    // handler, so several hosts opening a fresh vault at once can get SQLITE_BUSY at once
    // (seen in the concurrent-processes test under load). Retry within the busy timeout.
    for (int waited_ms = 0;; waited_ms += 5) {
      try {
        SQLite::Statement wal(*impl->db, "PRAGMA journal_mode=WAL");
        while (wal.executeStep()) {
        }
        break;
      } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || waited_ms >= impl->options.busy_timeout_ms) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
    impl->db->exec("PRAGMA synchronous=NORMAL");

    SQLite::Transaction tx(*impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    int version = read_schema_version(*impl->db);
    if (version > kSchemaVersion) {
      return make_error(ErrorCode::kUnsupportedVersion,
                        "the vault was written by a newer Veil (schema " + std::to_string(version) +
                            "); update Veil to use it");
    }
    if (version == 0) impl->db->exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
    for (int v = version; v < kSchemaVersion; ++v) {
      for (const char* sql : migrations()[static_cast<std::size_t>(v)]) impl->db->exec(sql);
      SQLite::Statement sv(*impl->db, "INSERT INTO schema_version(version) VALUES (?)");
      sv.bind(1, v + 1);
      sv.exec();
    }

    std::optional<Bytes> stored_check;
    {
      SQLite::Statement st(*impl->db, "SELECT value FROM meta WHERE name = 'key_check'");
      if (st.executeStep()) stored_check = column_bytes(st.getColumn(0));
    }

    Result<MasterKey> master = keys->load();
    if (!master.ok()) {
      if (master.error().code != ErrorCode::kVaultKeyMissing) return master.error();
      if (stored_check) {
        return make_error(ErrorCode::kVaultKeyMissing,
                          "the vault " + db_path.string() + " exists but its key is missing (" +
                              master.error().message +
                              "). Restore the key (e.g. vault.key from a backup), or move the vault file aside to "
                              "start a new, empty vault; without the key its placeholders cannot be restored");
      }
      // A vault with no key check holds nothing encrypted yet: a new key loses nothing.
      master = keys->create();
      if (!master.ok()) return master.error();
    }
    impl->keys = std::make_unique<Subkeys>(*master);
    Bytes check = impl->key_check();
    if (stored_check) {
      if (stored_check->size() != check.size() ||
          sodium_memcmp(stored_check->data(), check.data(), check.size()) != 0) {
        return make_error(ErrorCode::kVaultDecryptFailed,
                          "the vault key does not match the vault " + db_path.string() +
                              " (wrong key); nothing was changed. Use the key this vault was created with");
      }
    } else {
      SQLite::Statement st(*impl->db, "INSERT INTO meta(name, value) VALUES ('key_check', ?)");
      bind_bytes(st, 1, check);
      st.exec();
    }
    impl->purge_locked(impl->now());
    tx.commit();
    impl->checkpoint();
  } catch (const SQLite::Exception& e) {
    return impl->sqlite_error(e, "opening the vault");
  } catch (const std::exception&) {
    return make_error(ErrorCode::kInternal, "opening the vault failed unexpectedly");
  }
  return std::unique_ptr<Vault>(new Vault(std::move(impl)));
}

Result<std::vector<std::string>> Vault::assign(const std::string& scope, const std::vector<AssignItem>& items,
                                               const std::map<std::string, std::set<int>>& reserved,
                                               const PlaceholderFormatter& format) {
  std::lock_guard lock(impl_->mutex);
  auto& db = *impl_->db;
  std::vector<std::string> out;
  out.reserve(items.size());
  std::int64_t purged = 0;
  try {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::int64_t now = impl_->now();
    purged = impl_->purge_locked(now);
    Bytes sh = impl_->scope_hash(scope);
    auto scope_id = impl_->find_scope_id(sh);
    if (!scope_id) {
      Sealed name = seal(impl_->keys->entry, scope, scope_ad(sh));
      SQLite::Statement st(db,
                           "INSERT INTO scopes(scope_hash, name_nonce, name_ct, created, last_used) VALUES (?,?,?,?,?)");
      bind_bytes(st, 1, sh);
      bind_bytes(st, 2, name.nonce);
      bind_bytes(st, 3, name.ciphertext);
      st.bind(4, now);
      st.bind(5, now);
      st.exec();
      scope_id = db.getLastInsertRowid();
    } else {
      auto st = impl_->prepared("UPDATE scopes SET last_used = ? WHERE id = ?");
      st->bind(1, now);
      st->bind(2, *scope_id);
      st->exec();
    }

    for (const auto& item : items) {
      Bytes vh = impl_->value_hash(sh, item.placeholder_label, item.canonical);
      {
        auto st = impl_->prepared("SELECT id, placeholder FROM entries WHERE scope_id = ? AND value_hash = ?");
        st->bind(1, *scope_id);
        bind_bytes(*st, 2, vh);
        if (st->executeStep()) {
          std::int64_t id = st->getColumn(0).getInt64();
          out.push_back(st->getColumn(1).getString());
          auto up = impl_->prepared("UPDATE entries SET last_used = ? WHERE id = ?");
          up->bind(1, now);
          up->bind(2, id);
          up->exec();
          continue;
        }
      }
      std::int64_t next = 1;
      {
        auto st = impl_->prepared("SELECT next FROM counters WHERE scope_id = ? AND label = ?");
        st->bind(1, *scope_id);
        st->bind(2, item.placeholder_label);
        if (st->executeStep()) next = st->getColumn(0).getInt64();
      }
      auto res = reserved.find(item.placeholder_label);
      std::string placeholder;
      for (;; ++next) {
        if (res != reserved.end() && res->second.count(static_cast<int>(next))) continue;
        placeholder = format(item.placeholder_label, static_cast<int>(next));
        auto st = impl_->prepared("SELECT 1 FROM entries WHERE scope_id = ? AND placeholder = ?");
        st->bind(1, *scope_id);
        st->bind(2, placeholder);
        if (!st->executeStep()) break;
      }
      Sealed sealed = seal(impl_->keys->entry, item.value, entry_ad(sh, placeholder, item.entity_label, kEntryFormat));
      {
        auto st = impl_->prepared(
            "INSERT INTO entries(scope_id, value_hash, placeholder, entity_label, fmt, nonce, "
            "ciphertext, session, created, last_used) VALUES (?,?,?,?,?,?,?,?,?,?)");
        st->bind(1, *scope_id);
        bind_bytes(*st, 2, vh);
        st->bind(3, placeholder);
        st->bind(4, item.entity_label);
        st->bind(5, kEntryFormat);
        bind_bytes(*st, 6, sealed.nonce);
        bind_bytes(*st, 7, sealed.ciphertext);
        st->bind(8, impl_->session_id);
        st->bind(9, now);
        st->bind(10, now);
        st->exec();
      }
      {
        auto st = impl_->prepared(
            "INSERT INTO counters(scope_id, label, next) VALUES (?,?,?) "
            "ON CONFLICT(scope_id, label) DO UPDATE SET next = excluded.next");
        st->bind(1, *scope_id);
        st->bind(2, item.placeholder_label);
        st->bind(3, next + 1);
        st->exec();
      }
      out.push_back(placeholder);
    }
    tx.commit();
    if (purged > 0) impl_->checkpoint();
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "storing placeholders");
  } catch (const std::exception&) {
    return make_error(ErrorCode::kInternal, "storing placeholders failed unexpectedly");
  }
  return out;
}

Result<std::optional<LookupHit>> Vault::lookup(const std::string& scope, const std::string& placeholder) {
  std::lock_guard lock(impl_->mutex);
  try {
    Bytes sh = impl_->scope_hash(scope);
    auto st = impl_->prepared(
        "SELECT e.entity_label, e.fmt, e.nonce, e.ciphertext FROM entries e JOIN scopes s ON "
        "s.id = e.scope_id WHERE s.scope_hash = ? AND e.placeholder = ?");
    bind_bytes(*st, 1, sh);
    st->bind(2, placeholder);
    if (!st->executeStep()) return std::optional<LookupHit>();
    std::string label = st->getColumn(0).getString();
    int fmt = st->getColumn(1).getInt();
    auto value = open_sealed(impl_->keys->entry, column_bytes(st->getColumn(2)), column_bytes(st->getColumn(3)),
                             entry_ad(sh, placeholder, label, fmt));
    if (!value) {
      return make_error(ErrorCode::kVaultDecryptFailed,
                        "the vault entry " + placeholder + " could not be decrypted (damaged entry or wrong key)");
    }
    return std::optional<LookupHit>(LookupHit{std::move(*value), std::move(label)});
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "reading the vault");
  } catch (const std::exception&) {
    return make_error(ErrorCode::kInternal, "reading the vault failed unexpectedly");
  }
}

Result<std::vector<Entry>> Vault::entries(const std::string& scope) {
  std::lock_guard lock(impl_->mutex);
  std::vector<Entry> out;
  try {
    Bytes sh = impl_->scope_hash(scope);
    SQLite::Statement st(*impl_->db,
                         "SELECT e.placeholder, e.entity_label, e.fmt, e.nonce, e.ciphertext, e.created, e.last_used "
                         "FROM entries e JOIN scopes s ON s.id = e.scope_id WHERE s.scope_hash = ? ORDER BY e.id");
    bind_bytes(st, 1, sh);
    while (st.executeStep()) {
      Entry e;
      e.placeholder = st.getColumn(0).getString();
      e.entity_label = st.getColumn(1).getString();
      e.value = open_sealed(impl_->keys->entry, column_bytes(st.getColumn(3)), column_bytes(st.getColumn(4)),
                            entry_ad(sh, e.placeholder, e.entity_label, st.getColumn(2).getInt()));
      e.created = st.getColumn(5).getInt64();
      e.last_used = st.getColumn(6).getInt64();
      out.push_back(std::move(e));
    }
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "reading the vault");
  } catch (const std::exception&) {
    return make_error(ErrorCode::kInternal, "reading the vault failed unexpectedly");
  }
  return out;
}

Result<std::vector<ScopeSummary>> Vault::scopes() {
  std::lock_guard lock(impl_->mutex);
  std::vector<ScopeSummary> out;
  try {
    SQLite::Statement st(*impl_->db,
                         "SELECT s.scope_hash, s.name_nonce, s.name_ct, s.created, s.last_used, "
                         "(SELECT count(*) FROM entries e WHERE e.scope_id = s.id) "
                         "FROM scopes s ORDER BY s.last_used DESC, s.id");
    while (st.executeStep()) {
      Bytes sh = column_bytes(st.getColumn(0));
      auto name = open_sealed(impl_->keys->entry, column_bytes(st.getColumn(1)), column_bytes(st.getColumn(2)),
                              scope_ad(sh));
      ScopeSummary s;
      s.scope = name ? *name : "<unreadable>";
      s.created = st.getColumn(3).getInt64();
      s.last_used = st.getColumn(4).getInt64();
      s.entries = st.getColumn(5).getInt64();
      out.push_back(std::move(s));
    }
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "listing scopes");
  } catch (const std::exception&) {
    return make_error(ErrorCode::kInternal, "listing scopes failed unexpectedly");
  }
  return out;
}

Result<VaultCounts> Vault::counts() {
  std::lock_guard lock(impl_->mutex);
  try {
    VaultCounts c;
    c.scopes = impl_->db->execAndGet("SELECT count(*) FROM scopes").getInt64();
    c.entries = impl_->db->execAndGet("SELECT count(*) FROM entries").getInt64();
    return c;
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "counting vault entries");
  }
}

Result<std::int64_t> Vault::forget(const std::string& scope) {
  std::lock_guard lock(impl_->mutex);
  auto& db = *impl_->db;
  std::int64_t removed = 0;
  try {
    {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      impl_->purge_locked(impl_->now());
      if (auto id = impl_->find_scope_id(impl_->scope_hash(scope))) {
        SQLite::Statement de(db, "DELETE FROM entries WHERE scope_id = ?");
        de.bind(1, *id);
        removed = de.exec();
        SQLite::Statement dc(db, "DELETE FROM counters WHERE scope_id = ?");
        dc.bind(1, *id);
        dc.exec();
        SQLite::Statement ds(db, "DELETE FROM scopes WHERE id = ?");
        ds.bind(1, *id);
        ds.exec();
      }
      tx.commit();
    }
    impl_->checkpoint();
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "forgetting a scope");
  }
  return removed;
}

Result<std::int64_t> Vault::forget_all() {
  std::lock_guard lock(impl_->mutex);
  auto& db = *impl_->db;
  std::int64_t removed = 0;
  try {
    {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      removed = db.exec("DELETE FROM entries");
      db.exec("DELETE FROM counters");
      db.exec("DELETE FROM scopes");
      tx.commit();
    }
    impl_->checkpoint();
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "forgetting everything");
  }
  return removed;
}

Result<std::int64_t> Vault::purge_expired() {
  std::lock_guard lock(impl_->mutex);
  try {
    return impl_->purge_and_maybe_checkpoint();
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "purging expired entries");
  }
}

void Vault::set_retention(std::int64_t retention_seconds, bool session_only) {
  std::lock_guard lock(impl_->mutex);
  impl_->options.retention_seconds = clamp_retention(retention_seconds);
  impl_->options.session_only = session_only;
}

Status Vault::record_masked(const std::map<std::string, int>& counts) {
  if (counts.empty()) return Ok{};
  std::lock_guard lock(impl_->mutex);
  auto& db = *impl_->db;
  try {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::int64_t now = impl_->now();
    std::int64_t day = now / 86400;
    for (const auto& [label, n] : counts) {
      auto st = impl_->prepared(
          "INSERT INTO stats(day, label, count) VALUES (?,?,?) "
          "ON CONFLICT(day, label) DO UPDATE SET count = count + excluded.count");
      st->bind(1, day);
      st->bind(2, label);
      st->bind(3, n);
      st->exec();
    }
    // Counts older than the maximum retention serve no one.
    auto old = impl_->prepared("DELETE FROM stats WHERE day < ?");
    old->bind(1, day - limits::kRetentionMax.count() / 86400);
    old->exec();
    tx.commit();
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "recording statistics");
  }
  return Ok{};
}

Result<std::map<std::string, std::int64_t>> Vault::masked_today() {
  std::lock_guard lock(impl_->mutex);
  std::map<std::string, std::int64_t> out;
  try {
    SQLite::Statement st(*impl_->db, "SELECT label, count FROM stats WHERE day = ?");
    st.bind(1, impl_->now() / 86400);
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getInt64();
  } catch (const SQLite::Exception& e) {
    return impl_->sqlite_error(e, "reading statistics");
  }
  return out;
}

std::array<unsigned char, 32> Vault::operator_hash_key() const {
  std::array<unsigned char, 32> out{};
  std::copy(std::begin(impl_->keys->operator_hash), std::end(impl_->keys->operator_hash), out.begin());
  return out;
}

std::string Vault::key_storage() const { return impl_->key_storage; }
const std::filesystem::path& Vault::path() const { return impl_->path; }

}  // namespace veil::vault
