// Process-level tests of host mode: the real `veil` binary (VEIL_BINARY_PATH) in a temporary
// VEIL_HOME, spoken to over real pipes with native-messaging frames. Covers every op, every
// kind of bad input, chunked replies, two hosts on one scope, service errors (corrupt, locked,
// missing key) and the origin check. A host that leaks exits non-zero under ASan, so each
// clean-exit assertion also checks for leaks in sanitizer builds.
#include <SQLiteCpp/SQLiteCpp.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/error.h"
#include "common/limits.h"
#include "host_process.h"

using veil::ErrorCode;
using veil::test::HostProcess;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A fresh data directory per test, removed afterwards.
struct TempHome {
  fs::path dir;
  TempHome() {
    std::string tmpl = (fs::temp_directory_path() / "veil-host-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir = tmpl;
  }
  ~TempHome() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::map<std::string, std::optional<std::string>> env() const {
    const char* cache = std::getenv("VEIL_CACHE_DIR");
    return {{"VEIL_HOME", (dir / "home").string()},
            {"VEIL_CACHE_DIR", cache && *cache ? std::string(cache) : (dir / "cache").string()},
            {"VEIL_NO_KEYRING", "1"},
            {"DBUS_SESSION_BUS_ADDRESS", std::nullopt},
            {"VEIL_ALLOWED_EXTENSION_IDS", std::nullopt}};
  }
  fs::path home() const { return dir / "home"; }
};

json req(const json& id, const std::string& op, json fields = json::object()) {
  fields["v"] = 1;
  fields["id"] = id;
  fields["op"] = op;
  return fields;
}

int error_code(const json& reply) { return reply.at("error").at("code").get<int>(); }
int code(ErrorCode c) { return static_cast<int>(c); }

// Closes stdin and expects a clean exit without sanitizer reports.
void expect_clean_exit(HostProcess& host) {
  host.close_stdin();
  int rc = host.wait();
  INFO("stderr: " << host.stderr_text());
  CHECK(rc == 0);
  CHECK(host.stderr_text().find("Sanitizer") == std::string::npos);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kEmail = "anna.keller@example.com";

}  // namespace

TEST_CASE("host process: hello answers and EOF exits cleanly", "[protocol]") {
  TempHome home;
  HostProcess host({"host"}, home.env());
  auto reply = host.request(req(1, "hello"));
  REQUIRE(reply);
  CHECK((*reply)["v"] == 1);
  CHECK((*reply)["id"] == 1);
  REQUIRE((*reply)["ok"] == true);
  const json& r = (*reply)["result"];
  CHECK(r["protocol"] == 1);
  CHECK(r["version"].is_string());
  CHECK(r["vault"]["state"].is_string());
  CHECK(r["limits"]["max_text_bytes"] == veil::limits::kMaxTextBytes);
  expect_clean_exit(host);
}

TEST_CASE("host process: protocol-level bad input gets documented errors and the host goes on", "[protocol]") {
  TempHome home;
  HostProcess host({"host"}, home.env());
  auto expect_error = [&](const std::string& payload, ErrorCode expected, const json& id) {
    INFO("payload: " << payload.substr(0, 120));
    REQUIRE(host.send_payload(payload));
    auto reply = host.read_reply();
    REQUIRE(reply);
    CHECK((*reply)["ok"] == false);
    CHECK(error_code(*reply) == code(expected));
    CHECK((*reply)["error"]["name"] == veil::error_code_name(expected));
    CHECK((*reply)["id"] == id);
  };
  expect_error(R"({"v":1,"id":1,"op":"hello")", ErrorCode::kMalformedJson, nullptr);
  expect_error("\x01\x02garbage", ErrorCode::kMalformedJson, nullptr);
  expect_error(R"([1,2])", ErrorCode::kWrongType, nullptr);
  expect_error(R"({"v":1,"id":2.5,"op":"hello"})", ErrorCode::kWrongType, nullptr);
  expect_error(R"({"v":1,"op":"hello"})", ErrorCode::kMissingField, nullptr);
  expect_error(R"({"v":1,"id":3})", ErrorCode::kMissingField, 3);
  expect_error(R"({"v":9,"id":4,"op":"hello"})", ErrorCode::kUnsupportedVersion, 4);
  expect_error(R"({"v":1,"id":5,"op":"launch_rockets"})", ErrorCode::kUnknownOp, 5);
  expect_error("{\"v\":1,\"id\":6,\"op\":\"scan\",\"text\":\"\xff\xfe\"}", ErrorCode::kInvalidUtf8, nullptr);
  expect_error(R"({"v":1,"id":"sur","op":"scan","text":"a\ud800b"})", ErrorCode::kInvalidUtf8, "sur");
  // Field checks that come before the service is touched.
  expect_error(R"({"v":1,"id":7,"op":"scan","text":42})", ErrorCode::kWrongType, 7);
  expect_error(R"({"v":1,"id":8,"op":"anonymize","text":"x"})", ErrorCode::kMissingField, 8);
  expect_error(R"({"v":1,"id":9,"op":"restore","scope":"s"})", ErrorCode::kMissingField, 9);
  expect_error(R"({"v":1,"id":10,"op":"presets","action":"rename","name":"x"})", ErrorCode::kInvalidArgument, 10);
  expect_error(R"({"v":1,"id":11,"op":"settings"})", ErrorCode::kMissingField, 11);
  expect_error(R"({"v":1,"id":12,"op":"forget","all":"yes"})", ErrorCode::kWrongType, 12);

  // Zero-length frame: error, stream stays in sync.
  REQUIRE(host.write_raw(HostProcess::header(0)));
  auto empty = host.read_reply();
  REQUIRE(empty);
  CHECK(error_code(*empty) == code(ErrorCode::kMalformedFrame));
  CHECK((*empty)["id"].is_null());

  auto after = host.request(req("still-alive", "hello"));
  REQUIRE(after);
  CHECK((*after)["ok"] == true);
  expect_clean_exit(host);
}

TEST_CASE("host process: a text over the size limit is refused", "[protocol]") {
  TempHome home;
  HostProcess host({"host"}, home.env());
  std::string text(veil::limits::kMaxTextBytes + 1, 'a');
  auto reply = host.request(req("big", "scan", {{"text", text}}));
  REQUIRE(reply);
  CHECK(error_code(*reply) == code(ErrorCode::kTextTooLarge));
  CHECK((*reply)["id"] == "big");
  CHECK((*reply)["error"]["message"].get<std::string>().find("aaaa") == std::string::npos);
  expect_clean_exit(host);
}

TEST_CASE("host process: a frame over the limit is read, discarded and answered", "[protocol]") {
  TempHome home;
  HostProcess host({"host"}, home.env());
  std::string payload(veil::limits::kMaxInboundFrameBytes + 1, ' ');
  REQUIRE(host.send_payload(payload));
  auto reply = host.read_reply();
  REQUIRE(reply);
  CHECK(error_code(*reply) == code(ErrorCode::kFrameTooLarge));
  CHECK((*reply)["id"].is_null());
  auto after = host.request(req(2, "hello"));
  REQUIRE(after);
  CHECK((*after)["ok"] == true);
  expect_clean_exit(host);
}

TEST_CASE("host process: input ending inside a frame is a clean exit", "[protocol]") {
  TempHome home;
  SECTION("inside the payload") {
    HostProcess host({"host"}, home.env());
    std::string payload = req(1, "hello").dump();
    REQUIRE(host.write_raw(HostProcess::header(static_cast<std::uint32_t>(payload.size())) + payload.substr(0, 5)));
    expect_clean_exit(host);
  }
  SECTION("inside the header") {
    HostProcess host({"host"}, home.env());
    REQUIRE(host.write_raw(std::string("\x10\x00", 2)));
    expect_clean_exit(host);
  }
  SECTION("an announced oversized frame that never comes") {
    HostProcess host({"host"}, home.env());
    REQUIRE(host.write_raw(HostProcess::header(0xFFFFFFFFu) + "xyz"));
    expect_clean_exit(host);
  }
}

TEST_CASE("host process: every op over real pipes, offsets in UTF-16", "[protocol]") {
  TempHome home;
  HostProcess host({"host"}, home.env());
  // U+1F600 is two UTF-16 units and four bytes, so byte offsets would differ.
  const std::string text = "\xF0\x9F\x98\x80 caf\xC3\xA9: " + kEmail + " thanks";
  const std::size_t u16_start = 2 + 1 + 4 + 2;
  const std::size_t u16_end = u16_start + kEmail.size();

  auto scan = host.request(req("scan", "scan", {{"text", text}}));
  REQUIRE(scan);
  INFO(scan->dump());
  REQUIRE((*scan)["ok"] == true);
  bool found = false;
  for (const auto& hit : (*scan)["result"]["hits"])
    if (hit["label"] == "EMAIL" && hit["start"] == u16_start && hit["end"] == u16_end) found = true;
  CHECK(found);

  auto anon = host.request(req("anon", "anonymize", {{"text", text}, {"scope", "chatgpt.com/c/1"}, {"site", "chatgpt.com"}}));
  REQUIRE(anon);
  INFO(anon->dump());
  REQUIRE((*anon)["ok"] == true);
  const json& ar = (*anon)["result"];
  std::string masked = ar["text"];
  CHECK(masked.find(kEmail) == std::string::npos);
  json email_entity;
  for (const auto& e : ar["entities"])
    if (e["label"] == "EMAIL") email_entity = e;
  REQUIRE(email_entity.is_object());
  std::string placeholder = email_entity["placeholder"];
  CHECK(email_entity["start"] == u16_start);
  CHECK(email_entity["end"] == u16_end);
  CHECK(email_entity["masked_start"] == u16_start);
  CHECK(email_entity["masked_end"] == u16_start + placeholder.size());
  CHECK(masked == "\xF0\x9F\x98\x80 caf\xC3\xA9: " + placeholder + " thanks");
  CHECK(ar["counts"]["EMAIL"] == 1);

  const std::string answer = "We wrote to " + placeholder + " today.";
  auto restored = host.request(req("rest", "restore", {{"text", answer}, {"scope", "chatgpt.com/c/1"}}));
  REQUIRE(restored);
  INFO(restored->dump());
  REQUIRE((*restored)["ok"] == true);
  CHECK((*restored)["result"]["text"] == "We wrote to " + kEmail + " today.");
  const json& p0 = (*restored)["result"]["placeholders"].at(0);
  CHECK(p0["status"] == "restored");
  CHECK(p0["start"] == 12);
  CHECK(p0["end"] == 12 + placeholder.size());
  CHECK(p0["restored_start"] == 12);
  CHECK(p0["restored_end"] == 12 + kEmail.size());

  auto unknown = host.request(req("unk", "restore", {{"text", "Dear [NAME_77]"}, {"scope", "chatgpt.com/c/1"}}));
  REQUIRE(unknown);
  REQUIRE((*unknown)["ok"] == true);
  CHECK((*unknown)["result"]["text"] == "Dear [NAME_77]");

  auto scopes = host.request(req("scopes", "scopes"));
  REQUIRE(scopes);
  REQUIRE((*scopes)["ok"] == true);
  REQUIRE((*scopes)["result"]["scopes"].size() == 1);
  CHECK((*scopes)["result"]["scopes"][0]["scope"] == "chatgpt.com/c/1");
  CHECK((*scopes)["result"]["scopes"][0]["entries"].get<int>() >= 1);
  CHECK(scopes->dump().find(kEmail) == std::string::npos);

  auto entries = host.request(req("entries", "entries", {{"scope", "chatgpt.com/c/1"}}));
  REQUIRE(entries);
  REQUIRE((*entries)["ok"] == true);
  bool has_value = false;
  for (const auto& e : (*entries)["result"]["entries"])
    if (e["placeholder"] == placeholder && e["value"] == kEmail && e["label"] == "EMAIL") has_value = true;
  CHECK(has_value);

  auto stats = host.request(req("stats", "stats"));
  REQUIRE(stats);
  REQUIRE((*stats)["ok"] == true);
  CHECK((*stats)["result"]["scopes"] == 1);
  CHECK((*stats)["result"]["entries"].get<int>() >= 1);
  CHECK((*stats)["result"]["masked_today"].is_object());

  auto settings = host.request(req("sg", "settings", {{"action", "get"}}));
  REQUIRE(settings);
  REQUIRE((*settings)["ok"] == true);
  CHECK((*settings)["result"]["settings"]["fail_mode"].is_string());
  auto put = host.request(req("sp", "settings", {{"action", "put"}, {"settings", {{"retention_seconds", 7200}, {"session_only", true}}}}));
  REQUIRE(put);
  INFO(put->dump());
  REQUIRE((*put)["ok"] == true);
  CHECK((*put)["result"]["settings"]["retention_seconds"] == 7200);
  CHECK((*put)["result"]["settings"]["session_only"] == true);
  auto bad_put = host.request(req("sb", "settings", {{"action", "put"}, {"settings", {{"retention_secs", 1}}}}));
  REQUIRE(bad_put);
  CHECK(error_code(*bad_put) == code(ErrorCode::kInvalidArgument));
  auto bad_type = host.request(req("st", "settings", {{"action", "put"}, {"settings", {{"session_only", "no"}}}}));
  REQUIRE(bad_type);
  CHECK(error_code(*bad_type) == code(ErrorCode::kWrongType));

  auto list = host.request(req("pl", "presets", {{"action", "list"}}));
  REQUIRE(list);
  REQUIRE((*list)["ok"] == true);
  CHECK((*list)["result"]["presets"].is_array());
  auto missing = host.request(req("pm", "presets", {{"action", "get"}, {"name", "no-such-preset"}}));
  REQUIRE(missing);
  CHECK(error_code(*missing) == code(ErrorCode::kPresetNotFound));
  auto bad_preset = host.request(req("pb", "presets", {{"action", "put"}, {"name", "x"}, {"preset", "not an object"}}));
  REQUIRE(bad_preset);
  CHECK(error_code(*bad_preset) == code(ErrorCode::kWrongType));
  if (!(*list)["result"]["presets"].empty()) {
    // Round trip: copy an existing preset under a new name, read it back, delete it.
    std::string base = (*list)["result"]["presets"][0];
    auto got = host.request(req("pg", "presets", {{"action", "get"}, {"name", base}}));
    REQUIRE(got);
    REQUIRE((*got)["ok"] == true);
    json preset = (*got)["result"]["preset"];
    if (preset.contains("name")) preset["name"] = "copy-test";
    auto stored = host.request(req("pp", "presets", {{"action", "put"}, {"name", "copy-test"}, {"preset", preset}}));
    REQUIRE(stored);
    INFO(stored->dump());
    REQUIRE((*stored)["ok"] == true);
    auto again = host.request(req("pg2", "presets", {{"action", "get"}, {"name", "copy-test"}}));
    REQUIRE(again);
    REQUIRE((*again)["ok"] == true);
    CHECK((*again)["result"]["preset"] == preset);
    auto del = host.request(req("pd", "presets", {{"action", "delete"}, {"name", "copy-test"}}));
    REQUIRE(del);
    CHECK((*del)["ok"] == true);
    auto gone = host.request(req("pg3", "presets", {{"action", "get"}, {"name", "copy-test"}}));
    REQUIRE(gone);
    CHECK(error_code(*gone) == code(ErrorCode::kPresetNotFound));
  }

  auto forget = host.request(req("f", "forget", {{"scope", "chatgpt.com/c/1"}}));
  REQUIRE(forget);
  REQUIRE((*forget)["ok"] == true);
  CHECK((*forget)["result"]["removed"].get<int>() >= 1);
  auto after = host.request(req("rest2", "restore", {{"text", answer}, {"scope", "chatgpt.com/c/1"}}));
  REQUIRE(after);
  REQUIRE((*after)["ok"] == true);
  CHECK((*after)["result"]["text"] == answer);
  CHECK((*after)["result"]["placeholders"][0]["status"] == "unknown");

  auto again = host.request(req("anon2", "anonymize", {{"text", text}, {"scope", "other"}}));
  REQUIRE(again);
  auto all = host.request(req("fa", "forget", {{"all", true}}));
  REQUIRE(all);
  REQUIRE((*all)["ok"] == true);
  auto none = host.request(req("scopes2", "scopes"));
  REQUIRE(none);
  CHECK((*none)["result"]["scopes"].empty());
  expect_clean_exit(host);
}

TEST_CASE("host process: a 5 MB anonymize comes back chunked and reassembles exactly", "[protocol]") {
  TempHome home;
  HostProcess host({"host"}, home.env());
  const std::string line_head = "Hello, please write to ";
  const std::string line_tail = " about \"it\" \xC3\xB1\xF0\x9F\x98\x80\n";
  std::string text;
  std::size_t lines = 0;
  while (text.size() < 5 * 1000 * 1000) {
    text += line_head + kEmail + line_tail;
    ++lines;
  }
  auto reply = host.request(req("five", "anonymize", {{"text", text}, {"scope", "big/1"}}));
  REQUIRE(reply);
  REQUIRE((*reply)["ok"] == true);
  CHECK(host.chunks() > 1);
  CHECK(host.max_frame_length() <= veil::limits::kMaxOutboundFrameBytes);
  const json& r = (*reply)["result"];
  REQUIRE(r["entities"].size() == lines);
  std::string placeholder = r["entities"][0]["placeholder"];
  std::string expected;
  for (std::size_t i = 0; i < lines; ++i) expected += line_head + placeholder + line_tail;
  CHECK(r["text"] == expected);
  CHECK(r["counts"]["EMAIL"] == lines);

  auto restored = host.request(req("back", "restore", {{"text", expected}, {"scope", "big/1"}}));
  REQUIRE(restored);
  REQUIRE((*restored)["ok"] == true);
  CHECK(host.chunks() > 1);
  CHECK((*restored)["result"]["text"] == text);
  expect_clean_exit(host);
}

TEST_CASE("host process: two hosts work on the same scope at once", "[protocol]") {
  TempHome home;
  HostProcess a({"host"}, home.env());
  HostProcess b({"host"}, home.env());
  const int n = 15;
  const std::string scope = "chatgpt.com/c/shared";
  // Pipelined: both hosts get all their requests before any reply is read.
  for (int i = 0; i < n; ++i) {
    REQUIRE(a.send(req(i, "anonymize", {{"text", "mail a" + std::to_string(i) + ".person@example.com or shared.value@example.com"}, {"scope", scope}})));
    REQUIRE(b.send(req(i, "anonymize", {{"text", "mail b" + std::to_string(i) + ".person@example.com or shared.value@example.com"}, {"scope", scope}})));
  }
  std::map<std::string, std::string> value_of;  // placeholder -> value
  std::set<std::string> shared_placeholders;
  for (HostProcess* host : {&a, &b}) {
    const char prefix = host == &a ? 'a' : 'b';
    for (int i = 0; i < n; ++i) {
      auto reply = host->read_reply();
      REQUIRE(reply);
      INFO(reply->dump());
      REQUIRE((*reply)["ok"] == true);
      CHECK((*reply)["id"] == i);
      const json& ents = (*reply)["result"]["entities"];
      REQUIRE(ents.size() == 2);
      std::string own = ents[0]["placeholder"];
      std::string shared = ents[1]["placeholder"];
      std::string value = std::string(1, prefix) + std::to_string(i) + ".person@example.com";
      auto [it, inserted] = value_of.emplace(own, value);
      CHECK(inserted);  // no placeholder handed out twice for different values
      shared_placeholders.insert(shared);
    }
  }
  CHECK(shared_placeholders.size() == 1);  // the same value got the same placeholder in both
  std::string answer;
  for (const auto& [placeholder, value] : value_of) answer += placeholder + "\n";
  std::string expected;
  for (const auto& [placeholder, value] : value_of) expected += value + "\n";
  for (HostProcess* host : {&a, &b}) {
    auto restored = host->request(req("r", "restore", {{"text", answer}, {"scope", scope}}));
    REQUIRE(restored);
    REQUIRE((*restored)["ok"] == true);
    CHECK((*restored)["result"]["text"] == expected);
  }
  expect_clean_exit(a);
  expect_clean_exit(b);
}

TEST_CASE("host process: vault failures become error replies and keep the data", "[protocol]") {
  TempHome home;
  SECTION("corrupt database") {
    fs::create_directories(home.home());
    fs::permissions(home.home(), fs::perms::owner_all, fs::perm_options::replace);
    std::string garbage;
    for (int i = 0; i < 512; ++i) garbage += "this is not an SQLite database ";
    { std::ofstream(home.home() / "vault.db", std::ios::binary) << garbage; }
    HostProcess host({"host"}, home.env());
    auto hello = host.request(req(1, "hello"));
    REQUIRE(hello);
    CHECK((*hello)["ok"] == true);
    auto reply = host.request(req(2, "anonymize", {{"text", "mail " + kEmail}, {"scope", "s"}}));
    REQUIRE(reply);
    INFO(reply->dump());
    CHECK((*reply)["ok"] == false);
    CHECK(error_code(*reply) == code(ErrorCode::kVaultCorrupt));
    auto restore = host.request(req(3, "restore", {{"text", "[EMAIL_1]"}, {"scope", "s"}}));
    REQUIRE(restore);
    CHECK(error_code(*restore) == code(ErrorCode::kVaultCorrupt));
    expect_clean_exit(host);
    CHECK(read_file(home.home() / "vault.db") == garbage);
  }
  SECTION("locked database") {
    {
      HostProcess host({"host"}, home.env());
      auto first = host.request(req(1, "anonymize", {{"text", "mail " + kEmail}, {"scope", "s"}}));
      REQUIRE(first);
      REQUIRE((*first)["ok"] == true);
      expect_clean_exit(host);
    }
    SQLite::Database db((home.home() / "vault.db").string(), SQLite::OPEN_READWRITE);
    db.exec("BEGIN EXCLUSIVE");
    HostProcess host({"host"}, home.env());
    auto locked = host.request(req(2, "anonymize", {{"text", "mail other.person@example.com"}, {"scope", "s"}}));
    REQUIRE(locked);
    INFO(locked->dump());
    CHECK((*locked)["ok"] == false);
    CHECK(error_code(*locked) == code(ErrorCode::kVaultLocked));
    db.exec("COMMIT");
    auto restored = host.request(req(3, "restore", {{"text", "[EMAIL_1]"}, {"scope", "s"}}));
    REQUIRE(restored);
    INFO(restored->dump());
    REQUIRE((*restored)["ok"] == true);
    CHECK((*restored)["result"]["text"] == kEmail);
    expect_clean_exit(host);
  }
  SECTION("missing key") {
    {
      HostProcess host({"host"}, home.env());
      auto first = host.request(req(1, "anonymize", {{"text", "mail " + kEmail}, {"scope", "s"}}));
      REQUIRE(first);
      REQUIRE((*first)["ok"] == true);
      expect_clean_exit(host);
    }
    std::string db_before = read_file(home.home() / "vault.db");
    REQUIRE(fs::remove(home.home() / "vault.key"));
    HostProcess host({"host"}, home.env());
    auto hello = host.request(req(1, "hello"));
    REQUIRE(hello);
    CHECK((*hello)["ok"] == true);
    auto reply = host.request(req(2, "restore", {{"text", "[EMAIL_1]"}, {"scope", "s"}}));
    REQUIRE(reply);
    INFO(reply->dump());
    CHECK((*reply)["ok"] == false);
    CHECK(error_code(*reply) == code(ErrorCode::kVaultKeyMissing));
    auto anon = host.request(req(3, "anonymize", {{"text", "mail " + kEmail}, {"scope", "s"}}));
    REQUIRE(anon);
    CHECK(error_code(*anon) == code(ErrorCode::kVaultKeyMissing));
    expect_clean_exit(host);
    CHECK(fs::exists(home.home() / "vault.db"));
    CHECK_FALSE(fs::exists(home.home() / "vault.key"));  // never silently replaced
  }
}

TEST_CASE("host process: origin check", "[protocol]") {
  TempHome home;
  const std::string allowed = "abcdefghijklmnopabcdefghijklmnop";
  const std::string other = "ponmlkjihgfedcbaponmlkjihgfedcba";
  SECTION("an ID from the environment is accepted") {
    auto env = home.env();
    env["VEIL_ALLOWED_EXTENSION_IDS"] = allowed;
    HostProcess host({"chrome-extension://" + allowed + "/"}, env);
    auto hello = host.request(req(1, "hello"));
    REQUIRE(hello);
    CHECK((*hello)["ok"] == true);
    expect_clean_exit(host);
  }
  SECTION("the Veil extension (ID from its manifest key) is accepted") {
    std::string id = read_file(fs::path(VEIL_TEST_DATA_DIR).parent_path() / "extension" / "EXTENSION_ID");
    while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
    REQUIRE(id.size() == 32);
    HostProcess host({"chrome-extension://" + id + "/", "--parent-window=0"}, home.env());
    auto hello = host.request(req(1, "hello"));
    REQUIRE(hello);
    CHECK((*hello)["ok"] == true);
    expect_clean_exit(host);
  }
  SECTION("an ID from the settings is accepted") {
    {
      HostProcess setup({"host"}, home.env());
      auto put = setup.request(req(1, "settings", {{"action", "put"}, {"settings", {{"extra_extension_ids", {other}}}}}));
      REQUIRE(put);
      REQUIRE((*put)["ok"] == true);
      expect_clean_exit(setup);
    }
    HostProcess host({"chrome-extension://" + other + "/"}, home.env());
    auto hello = host.request(req(1, "hello"));
    REQUIRE(hello);
    CHECK((*hello)["ok"] == true);
    expect_clean_exit(host);
  }
  SECTION("another extension is refused with a message and a non-zero exit") {
    auto env = home.env();
    env["VEIL_ALLOWED_EXTENSION_IDS"] = allowed;
    HostProcess host({"chrome-extension://" + other + "/"}, env);
    host.send(req(1, "hello"));
    CHECK_FALSE(host.read_frame(std::chrono::seconds(60)));
    int rc = host.wait();
    CHECK(rc != 0);
    CHECK(rc < 128);  // refused, not crashed
    CHECK(host.stderr_text().find("refusing") != std::string::npos);
  }
  SECTION("a malformed origin is refused") {
    HostProcess host({"chrome-extension://not-an-id/"}, home.env());
    int rc = host.wait();
    CHECK(rc != 0);
    CHECK(rc < 128);
    CHECK(host.stderr_text().find("refusing") != std::string::npos);
  }
}
