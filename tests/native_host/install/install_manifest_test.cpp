// Tests for the manifest location table, the manifest JSON and the atomic writer.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "install/manifest.h"

using namespace veil::install;

namespace {

const std::string kId = "abcdefghijklmnopabcdefghijklmnop";

std::string location_of(Browser b, Os os, bool system) {
  LocationQuery q;
  q.browser = b;
  q.os = os;
  q.system = system;
  q.home = "/home/agent";
  q.host_path = os == Os::kWindows ? "C:\\Program Files\\Veil\\veil.exe" : "/usr/local/bin/veil";
  auto loc = manifest_location(q);
  REQUIRE(loc.ok());
  return loc->manifest_path;
}

std::filesystem::path make_temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "veil-install-test-XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("per-user Linux locations follow each browser's config folder") {
  CHECK(location_of(Browser::kChrome, Os::kLinux, false) ==
        "/home/agent/.config/google-chrome/NativeMessagingHosts/com.veil.host.json");
  CHECK(location_of(Browser::kChromium, Os::kLinux, false) ==
        "/home/agent/.config/chromium/NativeMessagingHosts/com.veil.host.json");
  CHECK(location_of(Browser::kBrave, Os::kLinux, false) ==
        "/home/agent/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/com.veil.host.json");
  CHECK(location_of(Browser::kEdge, Os::kLinux, false) ==
        "/home/agent/.config/microsoft-edge/NativeMessagingHosts/com.veil.host.json");
  CHECK(location_of(Browser::kVivaldi, Os::kLinux, false) ==
        "/home/agent/.config/vivaldi/NativeMessagingHosts/com.veil.host.json");
}

TEST_CASE("system-wide Linux locations are under /etc") {
  CHECK(location_of(Browser::kChrome, Os::kLinux, true) == "/etc/opt/chrome/native-messaging-hosts/com.veil.host.json");
  CHECK(location_of(Browser::kChromium, Os::kLinux, true) == "/etc/chromium/native-messaging-hosts/com.veil.host.json");
  CHECK(location_of(Browser::kEdge, Os::kLinux, true) == "/etc/opt/edge/native-messaging-hosts/com.veil.host.json");
  for (auto b : all_browsers()) {
    CHECK(location_of(b, Os::kLinux, true).rfind("/etc/", 0) == 0);
  }
}

TEST_CASE("macOS locations are under Library") {
  CHECK(location_of(Browser::kChrome, Os::kMacos, false) ==
        "/home/agent/Library/Application Support/Google/Chrome/NativeMessagingHosts/com.veil.host.json");
  CHECK(location_of(Browser::kChrome, Os::kMacos, true) ==
        "/Library/Google/Chrome/NativeMessagingHosts/com.veil.host.json");
  CHECK(location_of(Browser::kEdge, Os::kMacos, false) ==
        "/home/agent/Library/Application Support/Microsoft Edge/NativeMessagingHosts/com.veil.host.json");
}

TEST_CASE("Windows uses a registry key whose value is the manifest next to the host") {
  LocationQuery q;
  q.browser = Browser::kChrome;
  q.os = Os::kWindows;
  q.host_path = "C:\\Program Files\\Veil\\veil.exe";
  auto loc = manifest_location(q);
  REQUIRE(loc.ok());
  CHECK(loc->registry_key == "HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.veil.host");
  CHECK(loc->manifest_path == "C:\\Program Files\\Veil\\com.veil.host.json");
  q.system = true;
  q.browser = Browser::kEdge;
  loc = manifest_location(q);
  REQUIRE(loc.ok());
  CHECK(loc->registry_key == "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.veil.host");

  q.user_data_dir = "/tmp/profile";
  CHECK_FALSE(manifest_location(q).ok());
}

TEST_CASE("a user-data-dir wins over the browser's own folder") {
  LocationQuery q;
  q.browser = Browser::kChrome;
  q.home = "/home/agent";
  q.user_data_dir = "/tmp/udd";
  auto loc = manifest_location(q);
  REQUIRE(loc.ok());
  CHECK(loc->manifest_path == "/tmp/udd/NativeMessagingHosts/com.veil.host.json");
}

TEST_CASE("a per-user location needs a home folder") {
  LocationQuery q;
  q.browser = Browser::kChromium;
  CHECK_FALSE(manifest_location(q).ok());
}

TEST_CASE("browser and OS names parse, unknown ones do not") {
  CHECK(parse_browser("chrome") == Browser::kChrome);
  CHECK(parse_browser("vivaldi") == Browser::kVivaldi);
  CHECK_FALSE(parse_browser("firefox").has_value());
  CHECK(parse_os("macos") == Os::kMacos);
  CHECK_FALSE(parse_os("beos").has_value());
  for (auto b : all_browsers()) CHECK(parse_browser(browser_name(b)) == b);
}

TEST_CASE("extension IDs are 32 letters a-p") {
  CHECK(is_valid_extension_id(kId));
  CHECK_FALSE(is_valid_extension_id("abcdefghijklmnopabcdefghijklmnoq"));  // q is out of range
  CHECK_FALSE(is_valid_extension_id("abcdefghijklmnop"));
  CHECK_FALSE(is_valid_extension_id("ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP"));
  CHECK_FALSE(is_valid_extension_id(""));
}

TEST_CASE("the manifest names the host, its path and the extension origin") {
  auto json = build_manifest_json("/opt/veil/bin/veil", {kId}, Os::kLinux);
  REQUIRE(json.ok());
  auto m = nlohmann::json::parse(*json);
  CHECK(m["name"] == "com.veil.host");
  CHECK(m["path"] == "/opt/veil/bin/veil");
  CHECK(m["type"] == "stdio");
  REQUIRE(m["allowed_origins"].size() == 1);
  CHECK(m["allowed_origins"][0] == "chrome-extension://" + kId + "/");
  CHECK(json->back() == '\n');
}

TEST_CASE("the manifest refuses relative paths on POSIX, bad IDs and no IDs") {
  CHECK_FALSE(build_manifest_json("bin/veil", {kId}, Os::kLinux).ok());
  CHECK_FALSE(build_manifest_json("bin/veil", {kId}, Os::kMacos).ok());
  CHECK(build_manifest_json("C:\\Veil\\veil.exe", {kId}, Os::kWindows).ok());
  CHECK_FALSE(build_manifest_json("/usr/bin/veil", {}, Os::kLinux).ok());
  CHECK_FALSE(build_manifest_json("/usr/bin/veil", {"*"}, Os::kLinux).ok());
  auto two = build_manifest_json("/usr/bin/veil", {kId, std::string(32, 'p')}, Os::kLinux);
  REQUIRE(two.ok());
  CHECK(nlohmann::json::parse(*two)["allowed_origins"].size() == 2);
}

TEST_CASE("the atomic writer creates folders, sets 0644 and replaces old content") {
  auto dir = make_temp_dir();
  auto target = dir / "a" / "b" / "com.veil.host.json";
  REQUIRE(write_file_atomic(target, "first\n").ok());
  CHECK(read_all(target) == "first\n");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  REQUIRE(write_file_atomic(target, "second\n").ok());
  CHECK(read_all(target) == "second\n");
  // No temporary files left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(target.parent_path())) ++entries;
  CHECK(entries == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("remove_manifest removes only Veil's manifest") {
  auto dir = make_temp_dir();
  auto ours = dir / "com.veil.host.json";
  CHECK(remove_manifest(ours).ok());
  CHECK_FALSE(*remove_manifest(ours));
  REQUIRE(write_file_atomic(ours, *build_manifest_json("/usr/bin/veil", {kId}, Os::kLinux)).ok());
  auto removed = remove_manifest(ours);
  REQUIRE(removed.ok());
  CHECK(*removed);
  CHECK_FALSE(std::filesystem::exists(ours));

  REQUIRE(write_file_atomic(ours, R"({"name":"org.other.host"})").ok());
  CHECK_FALSE(remove_manifest(ours).ok());
  CHECK(std::filesystem::exists(ours));
  std::filesystem::remove_all(dir);
}
