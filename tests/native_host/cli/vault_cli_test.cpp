// The vault commands through the real `veil` binary with VEIL_HOME in a temp dir: stable
// placeholders across processes, restore, JSON code-point offsets, invalid UTF-8, export
// guard, forget, and concurrent processes on one scope.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../support/temp_files.h"

namespace fs = std::filesystem;

namespace {

using veil::test::slurp;
using veil::test::spit;

// A TempDir named after this suite, so leftovers are easy to attribute.
struct TempDir : veil::test::TempDir {
  TempDir() : veil::test::TempDir("veil-cli") {}
};

struct Run {
  int code = -1;
  std::string out, err;
};

std::string env_prefix(const TempDir& d) {
  return "VEIL_HOME='" + (d.path / "home").string() + "' VEIL_NO_KEYRING=1 VEIL_RULES_DIR='" +
         (fs::path(VEIL_TEST_DATA_DIR).parent_path() / "shared_rules").string() + "' ";
}

std::string command(const TempDir& d, const std::string& args, const std::string& tag) {
  return env_prefix(d) + "'" + std::string(VEIL_BINARY_PATH) + "' " + args + " > '" +
         (d.path / (tag + ".out")).string() + "' 2> '" + (d.path / (tag + ".err")).string() + "'";
}

Run run_veil(const TempDir& d, const std::string& args, const std::string& tag = "run") {
  Run r;
  int status = std::system(command(d, args, tag).c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(d.path / (tag + ".out"));
  r.err = slurp(d.path / (tag + ".err"));
  return r;
}

}  // namespace

TEST_CASE("veil anonymize and restore through the binary", "[cli][vault]") {
  TempDir d;
  const std::string text = "Merci 🙏 e\u0301crire à marie.dubois@example.fr ou jan.jansen@example.nl.\n";
  spit(d.path / "in.txt", text);
  auto a1 = run_veil(d, "anonymize --scope conv-1 '" + (d.path / "in.txt").string() + "'", "a1");
  INFO(a1.err);
  REQUIRE(a1.code == 0);
  CHECK(a1.out.find("marie.dubois@example.fr") == std::string::npos);
  CHECK(a1.out.find("[EMAIL_1]") != std::string::npos);
  CHECK(a1.out.find("[EMAIL_2]") != std::string::npos);
  // A second process gives the same placeholders.
  auto a2 = run_veil(d, "anonymize --scope conv-1 '" + (d.path / "in.txt").string() + "'", "a2");
  REQUIRE(a2.code == 0);
  CHECK(a2.out == a1.out);
  // Restore in a third process.
  spit(d.path / "masked.txt", a1.out);
  auto r = run_veil(d, "restore --scope conv-1 '" + (d.path / "masked.txt").string() + "'", "r");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out == text);

  // JSON offsets are code points of the original.
  auto j = run_veil(d, "anonymize --json --scope conv-1 '" + (d.path / "in.txt").string() + "'", "j");
  REQUIRE(j.code == 0);
  auto doc = nlohmann::json::parse(j.out);
  REQUIRE(doc["entities"].size() == 2);
  // "Merci 🙏 e\u0301crire à " is 18 code points.
  CHECK(doc["entities"][0]["start"].get<int>() == 18);
  CHECK(doc["entities"][0]["placeholder"] == "[EMAIL_1]");
  CHECK(doc["entities"][0]["label"] == "EMAIL");

  // Scopes shows counts, never values.
  auto s = run_veil(d, "scopes", "s");
  REQUIRE(s.code == 0);
  CHECK(s.out.find("conv-1") != std::string::npos);
  CHECK(s.out.find("example") == std::string::npos);

  // Export refuses without --show-values, works with it.
  auto e1 = run_veil(d, "export --scope conv-1", "e1");
  CHECK(e1.code == 2);
  CHECK(e1.out.find("example") == std::string::npos);
  auto e2 = run_veil(d, "export --scope conv-1 --show-values", "e2");
  REQUIRE(e2.code == 0);
  CHECK(e2.out.find("marie.dubois@example.fr") != std::string::npos);

  // Forget: the placeholders no longer restore.
  auto f = run_veil(d, "forget --scope conv-1", "f");
  REQUIRE(f.code == 0);
  auto r2 = run_veil(d, "restore --scope conv-1 '" + (d.path / "masked.txt").string() + "'", "r2");
  REQUIRE(r2.code == 0);
  CHECK(r2.out == a1.out);
}

TEST_CASE("veil anonymize rejects invalid UTF-8 by byte position, without echoing text", "[cli][vault]") {
  TempDir d;
  spit(d.path / "bad.txt", std::string("secretvalue \xFF tail"));
  auto r = run_veil(d, "anonymize --scope x '" + (d.path / "bad.txt").string() + "'");
  CHECK(r.code == 1);
  CHECK(r.err.rfind("veil: ", 0) == 0);
  CHECK(r.err.find("12") != std::string::npos);
  CHECK(r.err.find("secretvalue") == std::string::npos);
  auto h = run_veil(d, "anonymize --help", "h");
  CHECK(h.code == 0);
  CHECK(h.out.find("--scope") != std::string::npos);
}

TEST_CASE("concurrent veil processes on one scope agree on placeholders", "[cli][vault]") {
  TempDir d;
  std::string text;
  for (int i = 0; i < 20; ++i) text += "mail person" + std::to_string(i) + "@example.org now\n";
  spit(d.path / "in.txt", text);
  // Four processes at once, one of them creating the vault and the key.
  std::string cmd;
  for (int p = 0; p < 4; ++p) {
    cmd += "(" + command(d, "anonymize --scope same '" + (d.path / "in.txt").string() + "'", "p" + std::to_string(p)) +
           "; echo $? > '" + (d.path / ("p" + std::to_string(p) + ".rc")).string() + "') & ";
  }
  cmd += "wait";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string first;
  for (int p = 0; p < 4; ++p) {
    std::string tag = "p" + std::to_string(p);
    INFO(slurp(d.path / (tag + ".err")));
    CHECK(slurp(d.path / (tag + ".rc")) == "0\n");
    std::string out = slurp(d.path / (tag + ".out"));
    CHECK(out.find("@example.org") == std::string::npos);
    if (p == 0) first = out;
    CHECK(out == first);
  }
  CHECK(first.find("[EMAIL_20]") != std::string::npos);
  CHECK(first.find("[EMAIL_21]") == std::string::npos);
}
