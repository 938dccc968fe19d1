// Service tests with the real engine, real rules, a real vault file and real libsodium:
// anonymize -> restore round trip on multilingual text, stable placeholders across
// instances, literal placeholders skipped, presets (deny terms, custom rules, allow list).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "../support/temp_files.h"
#include "service/service.h"
#include "vault/key_provider.h"

namespace fs = std::filesystem;
using namespace veil;

namespace {

// A TempDir named after this suite, so leftovers are easy to attribute.
struct TempDir : veil::test::TempDir {
  TempDir() : veil::test::TempDir("veil-service") {}
};

service::ServiceOptions options_for(const fs::path& dir, std::shared_ptr<vault::KeyProvider> keys) {
  service::ServiceOptions o;
  o.data_dir = dir / "data";
  o.cache_dir = dir / "cache";
  o.rules_dir = fs::path(VEIL_TEST_DATA_DIR).parent_path() / "shared_rules";
  o.key_provider = std::move(keys);
  return o;
}

std::unique_ptr<service::Service> must_open(const service::ServiceOptions& o) {
  auto s = service::Service::open(o);
  INFO((s.ok() ? std::string() : s.error().message));
  REQUIRE(s.ok());
  return std::move(s).value();
}

const char* kPreset = R"({
  "name": "acme",
  "deny": [{"term": "Projekt Zébulon", "label": "SECRET"}],
  "custom_rules": [{"id": "ticket", "label": "TICKET_ID", "pattern": "TCK-[0-9]{6}"}]
})";

}  // namespace

TEST_CASE("anonymize then restore gives back the exact original", "[service]") {
  TempDir dir;
  auto keys = std::make_shared<vault::StaticKeyProvider>(vault::MasterKey::random());
  auto o = options_for(dir.path, keys);
  auto svc = must_open(o);
  auto put = svc->put_preset("acme", kPreset);
  INFO((put.ok() ? std::string() : put.error().message));
  REQUIRE(put.ok());

  // Emoji, combining marks (e + U+0301), CJK, and a literal placeholder the user pasted.
  const std::string text =
      "Bonjour 👋🏽, re\u0301ponse au ticket TCK-123456 (Projekt Zébulon) — 東京 [TICKETID_1] "
      "écrire à marie.dubois@example.fr, merci 🙏. Und TCK-123456 nochmal.";
  service::AnonymizeRequest req;
  req.text = text;
  req.scope = "chatgpt.com/c/test";
  req.preset = "acme";
  auto a = svc->anonymize(req);
  INFO((a.ok() ? std::string() : a.error().message));
  REQUIRE(a.ok());
  CHECK(a->text.find("TCK-123456") == std::string::npos);
  CHECK(a->text.find("Projekt Zébulon") == std::string::npos);
  CHECK(a->text.find("marie.dubois@example.fr") == std::string::npos);
  // The pasted [TICKETID_1] is kept, and the real ticket gets the next free number.
  CHECK(a->text.find("[TICKETID_1]") != std::string::npos);
  CHECK(a->text.find("[TICKETID_2]") != std::string::npos);
  CHECK(a->text.find("👋🏽") != std::string::npos);
  for (const auto& e : a->entities) {
    CHECK(e.end > e.start);
    CHECK(a->text.substr(e.masked_start, e.masked_end - e.masked_start) == e.placeholder);
  }

  // Restore: the pasted literal placeholder is not in the vault and stays as it is.
  auto r = svc->restore(a->text, req.scope);
  REQUIRE(r.ok());
  CHECK(r->text == text);

  // A second instance (another process would see the same) gives the same placeholders.
  svc.reset();
  auto svc2 = must_open(o);
  auto b = svc2->anonymize(req);
  REQUIRE(b.ok());
  CHECK(b->text == a->text);

  // Another scope does not restore this one's values.
  auto other = svc2->restore(a->text, "elsewhere");
  REQUIRE(other.ok());
  CHECK(other->text == a->text);

  auto scopes = svc2->scopes();
  REQUIRE(scopes.ok());
  REQUIRE(scopes->size() == 1);
  CHECK((*scopes)[0].scope == "chatgpt.com/c/test");
  auto stats = svc2->stats();
  REQUIRE(stats.ok());
  CHECK(stats->entries == scopes->front().entries);

  auto forgot = svc2->forget(req.scope);
  REQUIRE(forgot.ok());
  CHECK(*forgot >= 3);
  auto after = svc2->restore(a->text, req.scope);
  REQUIRE(after.ok());
  CHECK(after->text == a->text);
}

TEST_CASE("invalid input and presets are refused with clear errors", "[service]") {
  TempDir dir;
  auto svc = must_open(options_for(dir.path, std::make_shared<vault::StaticKeyProvider>(vault::MasterKey::random())));
  service::AnonymizeRequest req;
  req.text = std::string("ok \xC3\x28 bad");
  req.scope = "s";
  auto bad = svc->anonymize(req);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kInvalidUtf8);
  CHECK(bad.error().message.find("byte 3") != std::string::npos);

  req.text = "hello";
  req.scope = "";
  auto noscope = svc->anonymize(req);
  REQUIRE_FALSE(noscope.ok());
  CHECK(noscope.error().code == ErrorCode::kInvalidArgument);

  REQUIRE(svc->put_preset("acme", kPreset).ok());
  auto broken = svc->put_preset("acme", R"({"name":"acme","custom_rules":[{"id":"x","label":"X","pattern":"(["}]})");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().code == ErrorCode::kPresetInvalid);
  // The previous preset keeps working.
  auto kept = svc->get_preset("acme");
  REQUIRE(kept.ok());
  CHECK(kept->find("TCK-") != std::string::npos);
  auto missing = svc->get_preset("nope");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::kPresetNotFound);
  auto names = svc->list_presets();
  REQUIRE(names.ok());
  CHECK(*names == std::vector<std::string>{"acme", "default"});
  CHECK_FALSE(svc->put_preset("default", kPreset).ok());
}
