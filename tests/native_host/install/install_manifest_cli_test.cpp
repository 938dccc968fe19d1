// Runs the built `veil install-manifest` as a process: what the installer relies on.
#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

const std::string kId = "abcdefghijklmnopabcdefghijklmnop";

struct Run {
  int status = -1;
  std::string out;
};

Run run_veil(const std::string& args) {
  std::string cmd = std::string("'") + VEIL_BINARY_PATH + "' install-manifest " + args + " 2>/dev/null";
  Run r;
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::filesystem::path make_temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "veil-install-cli-XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

}  // namespace

TEST_CASE("--print shows the location and a manifest for the given ID") {
  auto r = run_veil("--browser chromium --os linux --host-path /opt/veil/veil --extension-id " + kId + " --print");
  REQUIRE(r.status == 0);
  auto nl = r.out.find('\n');
  REQUIRE(nl != std::string::npos);
  CHECK(r.out.substr(0, nl).rfind("location: ", 0) == 0);
  CHECK(r.out.substr(0, nl).find("/.config/chromium/NativeMessagingHosts/com.veil.host.json") != std::string::npos);
  auto m = nlohmann::json::parse(r.out.substr(nl + 1));
  CHECK(m["path"] == "/opt/veil/veil");
  CHECK(m["allowed_origins"][0] == "chrome-extension://" + kId + "/");
}

TEST_CASE("--print for Windows names the registry key") {
  auto r = run_veil("--browser edge --os windows --host-path 'C:\\Veil\\veil.exe' --extension-id " + kId + " --print");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("registry: HKEY_CURRENT_USER\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.veil.host") !=
        std::string::npos);
  CHECK(r.out.find("C:\\Veil\\com.veil.host.json") != std::string::npos);
}

TEST_CASE("writing into a user-data-dir, twice, then removing") {
  auto dir = make_temp_dir();
  std::string args = "--user-data-dir '" + dir.string() + "' --extension-id " + kId;
  REQUIRE(run_veil(args).status == 0);
  REQUIRE(run_veil(args).status == 0);  // idempotent
  auto file = dir / "NativeMessagingHosts" / "com.veil.host.json";
  REQUIRE(std::filesystem::exists(file));
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  auto m = nlohmann::json::parse(s.str());
  // Without --host-path the manifest points at the binary that wrote it.
  CHECK(std::filesystem::equivalent(std::string(m["path"]), VEIL_BINARY_PATH));
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);

  auto removed = run_veil("--user-data-dir '" + dir.string() + "' --remove");
  CHECK(removed.status == 0);
  CHECK_FALSE(std::filesystem::exists(file));
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad input is a usage error, not a manifest") {
  CHECK(run_veil("--browser firefox --extension-id " + kId + " --print").status == 2);
  CHECK(run_veil("--browser chrome --extension-id nope --print").status == 2);
  CHECK(run_veil("--browser chrome --os windows --extension-id " + kId + " --print").status == 2);  // no host path
  CHECK(run_veil("--browser chrome --host-path relative/veil --extension-id " + kId + " --print").status == 2);
  CHECK(run_veil("--extension-id " + kId + " --print").status == 2);  // no browser
}
