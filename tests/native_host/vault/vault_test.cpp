// Vault tests on real SQLite files in a temp directory with real libsodium: stable
// placeholders, nothing in clear on disk, damaged rows, wrong/missing keys, retention,
// corrupt files, numbering that skips literal placeholders, concurrent writers.
#include <sodium.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include "../support/temp_files.h"
#include "vault/key_provider.h"
#include "vault/vault.h"

namespace fs = std::filesystem;
using namespace veil;
using namespace veil::vault;

namespace {

using veil::test::slurp;

// A TempDir named after this suite, so leftovers are easy to attribute.
struct TempDir : veil::test::TempDir {
  TempDir() : veil::test::TempDir("veil-vault") {}
};

bool file_contains(const fs::path& p, const std::string& needle) {
  std::error_code ec;
  if (!fs::exists(p, ec)) return false;
  return slurp(p).find(needle) != std::string::npos;
}

std::string fmt_ph(const std::string& label, int n) { return "[" + label + "_" + std::to_string(n) + "]"; }

MasterKey fixed_key(unsigned char seed) {
  std::array<unsigned char, kMasterKeyBytes> b{};
  for (std::size_t i = 0; i < b.size(); ++i) b[i] = static_cast<unsigned char>(seed + i);
  return MasterKey(b);
}

AssignItem item(const std::string& label, const std::string& ph_label, const std::string& value) {
  return AssignItem{label, ph_label, value, value};
}

std::unique_ptr<Vault> must_open(const fs::path& db, std::shared_ptr<KeyProvider> keys, VaultOptions opt = {}) {
  auto v = Vault::open(db, std::move(keys), std::move(opt));
  INFO((v.ok() ? std::string() : v.error().message));
  REQUIRE(v.ok());
  return std::move(v).value();
}

std::vector<std::string> must_assign(Vault& v, const std::string& scope, const std::vector<AssignItem>& items,
                                     const std::map<std::string, std::set<int>>& reserved = {}) {
  auto r = v.assign(scope, items, reserved, fmt_ph);
  INFO((r.ok() ? std::string() : r.error().message));
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("same value gets the same placeholder across calls and instances", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(1));
  {
    auto v = must_open(db, keys);
    auto a = must_assign(*v, "chat/1", {item("PERSON", "NAME", "Jan de Vries"), item("EMAIL", "EMAIL", "jan@example.nl"),
                                        item("PERSON", "NAME", "Marie Dubois")});
    REQUIRE(a == std::vector<std::string>{"[NAME_1]", "[EMAIL_1]", "[NAME_2]"});
    auto b = must_assign(*v, "chat/1", {item("PERSON", "NAME", "Marie Dubois"), item("PERSON", "NAME", "Jan de Vries")});
    REQUIRE(b == std::vector<std::string>{"[NAME_2]", "[NAME_1]"});
    // Another scope numbers from 1 on its own.
    auto c = must_assign(*v, "chat/2", {item("PERSON", "NAME", "Marie Dubois")});
    REQUIRE(c == std::vector<std::string>{"[NAME_1]"});
  }
  auto v2 = must_open(db, keys);
  auto d = must_assign(*v2, "chat/1", {item("PERSON", "NAME", "Jan de Vries"), item("PERSON", "NAME", "Piet Jansen")});
  REQUIRE(d == std::vector<std::string>{"[NAME_1]", "[NAME_3]"});
  auto hit = v2->lookup("chat/1", "[NAME_2]");
  REQUIRE(hit.ok());
  REQUIRE(hit->has_value());
  CHECK((*hit)->value == "Marie Dubois");
  CHECK((*hit)->entity_label == "PERSON");
  auto miss = v2->lookup("chat/1", "[NAME_9]");
  REQUIRE(miss.ok());
  CHECK_FALSE(miss->has_value());
  auto other = v2->lookup("chat/3", "[NAME_1]");
  REQUIRE(other.ok());
  CHECK_FALSE(other->has_value());
}

TEST_CASE("canonical form decides sameness; the stored value is the original", "[vault]") {
  TempDir dir;
  auto v = must_open(dir.path / "vault.db", std::make_shared<StaticKeyProvider>(fixed_key(2)));
  auto a = must_assign(*v, "s", {AssignItem{"EMAIL", "EMAIL", "jan@example.nl", "Jan@Example.NL"},
                                 AssignItem{"EMAIL", "EMAIL", "jan@example.nl", "jan@example.nl"}});
  REQUIRE(a == std::vector<std::string>{"[EMAIL_1]", "[EMAIL_1]"});
  auto hit = v->lookup("s", "[EMAIL_1]");
  REQUIRE(hit.ok());
  CHECK((*hit)->value == "Jan@Example.NL");
}

TEST_CASE("numbering skips literal placeholders in the input and never reuses a number", "[vault]") {
  TempDir dir;
  auto v = must_open(dir.path / "vault.db", std::make_shared<StaticKeyProvider>(fixed_key(3)));
  auto a = must_assign(*v, "s", {item("PERSON", "NAME", "Anna"), item("PERSON", "NAME", "Bert")},
                       {{"NAME", {1, 3}}});
  REQUIRE(a == std::vector<std::string>{"[NAME_2]", "[NAME_4]"});
  auto b = must_assign(*v, "s", {item("PERSON", "NAME", "Carla")});
  CHECK(b == std::vector<std::string>{"[NAME_5]"});
  // After forgetting the scope, nothing is known; numbering restarts with the scope.
  REQUIRE(v->forget("s").ok());
  auto c = must_assign(*v, "s", {item("PERSON", "NAME", "Dirk")});
  CHECK(c == std::vector<std::string>{"[NAME_1]"});
}

TEST_CASE("no original value or scope name appears in the db file or its WAL", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  const std::string secret_name = "Zebediah Quackenbush";
  const std::string secret_email = "zebediah.quackenbush@example.org";
  const std::string secret_scope = "chatgpt.com/c/very-private-scope";
  auto v = must_open(db, std::make_shared<StaticKeyProvider>(fixed_key(4)));
  must_assign(*v, secret_scope, {item("PERSON", "NAME", secret_name), item("EMAIL", "EMAIL", secret_email)});
  for (const auto& f : {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm")}) {
    CHECK_FALSE(file_contains(f, secret_name));
    CHECK_FALSE(file_contains(f, secret_email));
    CHECK_FALSE(file_contains(f, secret_scope));
    CHECK_FALSE(file_contains(f, "Quackenbush"));
  }
  // Files are private.
  struct stat st {};
  REQUIRE(::stat(db.c_str(), &st) == 0);
  CHECK((st.st_mode & 0077) == 0);
}

TEST_CASE("after forget no ciphertext remains in the db file or the WAL", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(5));
  auto v = must_open(db, keys);
  must_assign(*v, "keep", {item("PERSON", "NAME", "Kept Person")});
  must_assign(*v, "gone", {item("PERSON", "NAME", "A value long enough to have a distinctive ciphertext")});
  std::string ciphertext, nonce;
  {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT nonce, ciphertext FROM entries ORDER BY id DESC LIMIT 1");
    REQUIRE(st.executeStep());
    nonce.assign(static_cast<const char*>(st.getColumn(0).getBlob()), st.getColumn(0).getBytes());
    ciphertext.assign(static_cast<const char*>(st.getColumn(1).getBlob()), st.getColumn(1).getBytes());
  }
  REQUIRE(ciphertext.size() > 40);
  auto wal = fs::path(db.string() + "-wal");
  REQUIRE((file_contains(db, ciphertext) || file_contains(wal, ciphertext)));
  auto removed = v->forget("gone");
  REQUIRE(removed.ok());
  CHECK(*removed == 1);
  CHECK_FALSE(file_contains(db, ciphertext));
  CHECK_FALSE(file_contains(wal, ciphertext));
  CHECK_FALSE(file_contains(db, nonce));
  CHECK_FALSE(file_contains(wal, nonce));
  std::error_code ec;
  CHECK(fs::file_size(wal, ec) == 0);
  // The other scope is intact.
  auto hit = v->lookup("keep", "[NAME_1]");
  REQUIRE(hit.ok());
  REQUIRE(hit->has_value());
  CHECK((*hit)->value == "Kept Person");

  auto all = v->forget_all();
  REQUIRE(all.ok());
  CHECK(*all == 1);
  auto scopes = v->scopes();
  REQUIRE(scopes.ok());
  CHECK(scopes->empty());
}

TEST_CASE("a flipped ciphertext byte fails that entry only", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(6));
  {
    auto v = must_open(db, keys);
    must_assign(*v, "s", {item("PERSON", "NAME", "Alice"), item("PERSON", "NAME", "Bob")});
  }
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE entries SET ciphertext = "
             "substr(ciphertext, 1, 2) || (CASE WHEN substr(ciphertext,3,1) = x'00' THEN x'01' ELSE x'00' END) || "
             "substr(ciphertext, 4) WHERE placeholder = '[NAME_1]'");
  }
  auto v = must_open(db, keys);
  auto bad = v->lookup("s", "[NAME_1]");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kVaultDecryptFailed);
  CHECK(bad.error().message.find("Alice") == std::string::npos);
  auto good = v->lookup("s", "[NAME_2]");
  REQUIRE(good.ok());
  CHECK((*good)->value == "Bob");
  auto all = v->entries("s");
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK_FALSE((*all)[0].value.has_value());
  CHECK((*all)[1].value == std::optional<std::string>("Bob"));
  // The damaged row keeps its number: the same value is not silently given a new one.
  CHECK(must_assign(*v, "s", {item("PERSON", "NAME", "Alice")}) == std::vector<std::string>{"[NAME_1]"});
}

TEST_CASE("a row moved to another placeholder does not decrypt (associated data)", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(7));
  {
    auto v = must_open(db, keys);
    must_assign(*v, "s", {item("PERSON", "NAME", "Alice"), item("EMAIL", "EMAIL", "a@example.org")});
  }
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE entries SET entity_label = 'EMAIL' WHERE placeholder = '[NAME_1]'");
  }
  auto v = must_open(db, keys);
  auto r = v->lookup("s", "[NAME_1]");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kVaultDecryptFailed);
  CHECK(v->lookup("s", "[EMAIL_1]").ok());
}

TEST_CASE("a wrong key is refused clearly and changes nothing", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  {
    auto v = must_open(db, std::make_shared<StaticKeyProvider>(fixed_key(8)));
    must_assign(*v, "s", {item("PERSON", "NAME", "Alice")});
  }
  auto wrong = Vault::open(db, std::make_shared<StaticKeyProvider>(fixed_key(9)));
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == ErrorCode::kVaultDecryptFailed);
  CHECK(wrong.error().message.find("wrong key") != std::string::npos);
  auto v = must_open(db, std::make_shared<StaticKeyProvider>(fixed_key(8)));
  auto hit = v->lookup("s", "[NAME_1]");
  REQUIRE(hit.ok());
  CHECK((*hit)->value == "Alice");
}

TEST_CASE("a missing key for an existing vault is an error, never a silent new key", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto key_path = dir.path / "vault.key";
  {
    auto v = must_open(db, std::make_shared<KeyFileProvider>(key_path));
    must_assign(*v, "s", {item("PERSON", "NAME", "Alice")});
  }
  struct stat st {};
  REQUIRE(::stat(key_path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(st.st_size == 32);
  auto saved = slurp(key_path);
  fs::remove(key_path);

  auto missing = Vault::open(db, std::make_shared<KeyFileProvider>(key_path));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::kVaultKeyMissing);
  CHECK_FALSE(fs::exists(key_path));  // no replacement key was made

  auto empty_provider = Vault::open(db, std::make_shared<StaticKeyProvider>());
  REQUIRE_FALSE(empty_provider.ok());
  CHECK(empty_provider.error().code == ErrorCode::kVaultKeyMissing);

  // Putting the key back brings everything back.
  {
    std::ofstream out(key_path, std::ios::binary);
    out << saved;
  }
  auto v = must_open(db, std::make_shared<KeyFileProvider>(key_path));
  auto hit = v->lookup("s", "[NAME_1]");
  REQUIRE(hit.ok());
  CHECK((*hit)->value == "Alice");
}

TEST_CASE("key file creation refuses symlinks and keeps the first key on a race", "[vault]") {
  TempDir dir;
  auto key_path = dir.path / "vault.key";
  KeyFileProvider a(key_path), b(key_path);
  auto ka = a.create();
  REQUIRE(ka.ok());
  auto kb = b.create();  // already exists: the existing key is returned
  REQUIRE(kb.ok());
  CHECK(sodium_memcmp(ka->data(), kb->data(), kMasterKeyBytes) == 0);

  auto link_path = dir.path / "link.key";
  fs::create_symlink(dir.path / "target", link_path);
  KeyFileProvider c(link_path);
  auto kc = c.load();
  REQUIRE_FALSE(kc.ok());
  CHECK_FALSE(fs::exists(dir.path / "target"));
}

TEST_CASE("retention purges entries unused for longer than the configured age", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(10));
  auto now = std::make_shared<std::int64_t>(1'700'000'000);
  VaultOptions opt;
  opt.clock = [now] { return *now; };
  opt.retention_seconds = 3600;
  auto v = must_open(db, keys, opt);
  must_assign(*v, "old", {item("PERSON", "NAME", "Old Value")});
  must_assign(*v, "busy", {item("PERSON", "NAME", "First"), item("PERSON", "NAME", "Second")});
  *now += 3000;
  must_assign(*v, "busy", {item("PERSON", "NAME", "Second")});  // touches Second only
  *now += 1000;                                                   // 4000 s after the start
  auto purged = v->purge_expired();
  REQUIRE(purged.ok());
  CHECK(*purged == 2);  // Old Value and First
  CHECK_FALSE(v->lookup("old", "[NAME_1]")->has_value());
  CHECK_FALSE(v->lookup("busy", "[NAME_1]")->has_value());
  CHECK(v->lookup("busy", "[NAME_2]")->has_value());
  auto scopes = v->scopes();
  REQUIRE(scopes.ok());
  REQUIRE(scopes->size() == 1);
  CHECK((*scopes)[0].scope == "busy");
  CHECK((*scopes)[0].entries == 1);
  // Numbers are not reused inside a living scope even after its entries expired.
  CHECK(must_assign(*v, "busy", {item("PERSON", "NAME", "Third")}) == std::vector<std::string>{"[NAME_3]"});

  // Purge at start-up too: a new instance a day later finds nothing.
  *now += 86400;
  auto v2 = must_open(db, keys, opt);
  auto counts = v2->counts();
  REQUIRE(counts.ok());
  CHECK(counts->entries == 0);
  CHECK(counts->scopes == 0);
}

TEST_CASE("retention is clamped to its limits and session-only drops other sessions", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(11));
  auto now = std::make_shared<std::int64_t>(1'700'000'000);
  VaultOptions opt;
  opt.clock = [now] { return *now; };
  opt.retention_seconds = 1;  // clamped up to one hour
  opt.session_id = "boot-a";
  {
    auto v = must_open(db, keys, opt);
    must_assign(*v, "s", {item("PERSON", "NAME", "A")});
    *now += 600;
    REQUIRE(v->purge_expired().ok());
    CHECK(v->counts()->entries == 1);
  }
  opt.session_id = "boot-b";
  {
    auto v = must_open(db, keys, opt);  // not session-only: other sessions stay
    CHECK(v->counts()->entries == 1);
  }
  opt.session_only = true;
  auto v = must_open(db, keys, opt);
  CHECK(v->counts()->entries == 0);
}

TEST_CASE("a corrupt vault file gives kVaultCorrupt and is not deleted", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  {
    std::ofstream out(db, std::ios::binary);
    for (int i = 0; i < 4096; ++i) out.put(static_cast<char>('x' + (i % 3)));
  }
  auto before = slurp(db);
  auto r = Vault::open(db, std::make_shared<StaticKeyProvider>(fixed_key(12)));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kVaultCorrupt);
  CHECK(r.error().message.find("move it aside") != std::string::npos);
  REQUIRE(fs::exists(db));
  CHECK(slurp(db) == before);
}

TEST_CASE("a malformed database (damaged pages) gives kVaultCorrupt", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(13));
  {
    auto v = must_open(db, keys);
    std::vector<AssignItem> items;
    for (int i = 0; i < 200; ++i) items.push_back(item("PERSON", "NAME", "Person number " + std::to_string(i)));
    must_assign(*v, "s", items);
  }
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    raw.exec("PRAGMA journal_mode=DELETE");
  }
  // Overwrite every page after the first with garbage, keeping the header valid.
  {
    std::fstream f(db, std::ios::binary | std::ios::in | std::ios::out);
    auto size = fs::file_size(db);
    REQUIRE(size > 8192);
    f.seekp(4096);
    for (std::uintmax_t i = 4096; i < size; ++i) f.put(static_cast<char>(0xA5));
  }
  auto r = Vault::open(db, keys);
  if (r.ok()) {
    auto e = (*r)->entries("s");
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == ErrorCode::kVaultCorrupt);
  } else {
    CHECK(r.error().code == ErrorCode::kVaultCorrupt);
  }
  CHECK(fs::exists(db));
}

TEST_CASE("a vault from a newer schema is refused, an older one migrates", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto keys = std::make_shared<StaticKeyProvider>(fixed_key(14));
  { must_open(db, keys); }
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    CHECK(raw.execAndGet("SELECT max(version) FROM schema_version").getInt() == kSchemaVersion);
    raw.exec("INSERT INTO schema_version(version) VALUES (999)");
  }
  auto r = Vault::open(db, keys);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kUnsupportedVersion);
}

TEST_CASE("scope names are listed decrypted with counts", "[vault]") {
  TempDir dir;
  auto v = must_open(dir.path / "vault.db", std::make_shared<StaticKeyProvider>(fixed_key(15)));
  must_assign(*v, "claude.ai/chat/1", {item("PERSON", "NAME", "A"), item("PHONE", "PHONE", "+31612345678")});
  auto s = v->scopes();
  REQUIRE(s.ok());
  REQUIRE(s->size() == 1);
  CHECK((*s)[0].scope == "claude.ai/chat/1");
  CHECK((*s)[0].entries == 2);
  CHECK((*s)[0].created > 0);
}

TEST_CASE("two processes writing the same values concurrently get one placeholder each", "[vault]") {
  TempDir dir;
  auto db = dir.path / "vault.db";
  auto key_path = dir.path / "vault.key";
  constexpr int kProcs = 4;
  constexpr int kRounds = 30;
  std::vector<pid_t> pids;
  for (int p = 0; p < kProcs; ++p) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // Child: no Catch2 assertions; the exit code reports.
      int rc = 0;
      auto v = Vault::open(db, std::make_shared<KeyFileProvider>(key_path));
      if (!v.ok()) ::_exit(10 + static_cast<int>(v.error().code) % 100);
      for (int r = 0; r < kRounds && rc == 0; ++r) {
        std::vector<AssignItem> items;
        for (int k = 0; k < 5; ++k) {
          int which = (r * 7 + k * 3 + p) % 12;
          items.push_back(item("PERSON", "NAME", "Shared Person " + std::to_string(which)));
        }
        auto a = (*v)->assign("shared-scope", items, {}, fmt_ph);
        if (!a.ok()) rc = 50 + static_cast<int>(a.error().code) % 100;
      }
      ::_exit(rc);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  auto v = must_open(db, std::make_shared<KeyFileProvider>(key_path));
  auto entries = v->entries("shared-scope");
  REQUIRE(entries.ok());
  CHECK(entries->size() == 12);
  std::set<std::string> values, placeholders;
  for (const auto& e : *entries) {
    REQUIRE(e.value.has_value());
    values.insert(*e.value);
    placeholders.insert(e.placeholder);
  }
  CHECK(values.size() == 12);
  CHECK(placeholders.size() == 12);
  CHECK(placeholders.count("[NAME_12]") == 1);
  CHECK(placeholders.count("[NAME_13]") == 0);
}
