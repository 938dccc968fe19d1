// `veil install-manifest`: prints or writes the com.veil.host native-messaging manifest for one
// browser, so the installer uses the same tested location table as everyone else.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/paths.h"
#include "install/manifest.h"

namespace veil::cli {
namespace {

constexpr const char* kUsage =
    "Usage: veil install-manifest --browser chrome|chromium|brave|edge|vivaldi [--os linux|macos|windows]\n"
    "         [--system] [--user-data-dir DIR] [--host-path PATH] [--extension-id ID[,ID...]]\n"
    "         [--print | --remove]\n\n"
    "Writes the native-messaging host manifest (Linux), or with --print shows the manifest and\n"
    "where it belongs (on Windows: the registry key and its value). --remove deletes a manifest\n"
    "written earlier. --user-data-dir DIR targets DIR/NativeMessagingHosts (a browser started\n"
    "with --user-data-dir reads only that). The host path defaults to this veil binary (Linux);\n"
    "the extension ID defaults to $VEIL_EXTENSION_ID, else the EXTENSION_ID file shipped with Veil.\n";

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> ids;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    item = trim(item);
    if (!item.empty()) ids.push_back(item);
  }
  return ids;
}

// The ID an install ships: next to the installed binary (<prefix>/lib/veil/extension) or, for a
// build tree, in the source checkout the binary was built from.
std::string default_extension_ids() {
  if (const char* env = std::getenv("VEIL_EXTENSION_ID"); env && *env) return env;
  std::vector<std::filesystem::path> candidates;
  auto exe = paths::executable_path();
  if (!exe.empty()) candidates.push_back(exe.parent_path().parent_path() / "lib" / "veil" / "extension" / "EXTENSION_ID");
  candidates.push_back(std::filesystem::path(VEIL_RULES_SOURCE_DIR).parent_path() / "extension" / "EXTENSION_ID");
  for (const auto& c : candidates) {
    std::ifstream in(c);
    std::string line;
    if (in && std::getline(in, line) && !trim(line).empty()) return trim(line);
  }
  return {};
}

install::Os current_os() {
#if defined(_WIN32)
  return install::Os::kWindows;
#elif defined(__APPLE__)
  return install::Os::kMacos;
#else
  return install::Os::kLinux;
#endif
}

int usage_error(const std::string& message) {
  std::cerr << "veil install-manifest: " << message << "\n\n" << kUsage;
  return 2;
}

}  // namespace

int cmd_install_manifest(const Argv& argv) {
  auto parsed = parse_args(argv, {"--browser", "--os", "--user-data-dir", "--host-path", "--extension-id"},
                           {"--system", "--print", "--remove", "--help"});
  if (!parsed) return usage_error(parsed.error().message);
  const Args& args = *parsed;
  if (args.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!args.positional.empty()) return usage_error("unexpected argument '" + args.positional[0] + "'");
  if (args.has("--print") && args.has("--remove")) return usage_error("--print and --remove exclude each other");

  install::LocationQuery query;
  if (auto b = args.get("--browser")) {
    auto browser = install::parse_browser(*b);
    if (!browser) return usage_error("unknown browser '" + *b + "'");
    query.browser = *browser;
  } else if (!args.get("--user-data-dir")) {
    return usage_error("--browser is required (or --user-data-dir)");
  } else {
    query.browser = install::Browser::kChromium;
  }
  query.os = current_os();
  if (auto o = args.get("--os")) {
    auto os = install::parse_os(*o);
    if (!os) return usage_error("unknown OS '" + *o + "'");
    query.os = *os;
  }
  query.system = args.has("--system");
  if (auto d = args.get("--user-data-dir")) {
    if (query.system) return usage_error("--system and --user-data-dir exclude each other");
    std::error_code ec;
    auto abs = std::filesystem::absolute(*d, ec);
    query.user_data_dir = ec ? std::filesystem::path(*d) : abs.lexically_normal();
  }
  if (const char* home = std::getenv("HOME"); home && *home) query.home = home;

  if (auto h = args.get("--host-path")) {
    query.host_path = *h;
  } else if (query.os == install::Os::kLinux) {
    query.host_path = paths::executable_path().string();
  } else {
    return usage_error("--host-path is required for --os macos|windows");
  }

  auto location = install::manifest_location(query);
  if (!location) {
    std::cerr << "veil install-manifest: " << location.error().message << "\n";
    return 2;
  }

  if (args.has("--remove")) {
    if (query.os != install::Os::kLinux) return usage_error("--remove works on Linux only");
    auto removed = install::remove_manifest(location->manifest_path);
    if (!removed) {
      std::cerr << "veil install-manifest: " << removed.error().message << "\n";
      return 1;
    }
    std::cout << (*removed ? "removed " : "nothing to remove at ") << location->manifest_path << "\n";
    return 0;
  }

  std::string id_list = args.get_or("--extension-id", default_extension_ids());
  if (id_list.empty()) {
    std::cerr << "veil install-manifest: no extension ID: pass --extension-id or set VEIL_EXTENSION_ID\n";
    return 2;
  }
  auto json = install::build_manifest_json(query.host_path, split_ids(id_list), query.os);
  if (!json) {
    std::cerr << "veil install-manifest: " << json.error().message << "\n";
    return 2;
  }

  if (args.has("--print")) {
    if (!location->registry_key.empty()) {
      std::cout << "registry: " << location->registry_key << "\n"
                << "value: (Default) REG_SZ = " << location->manifest_path << "\n";
    }
    std::cout << "location: " << location->manifest_path << "\n" << *json;
    return 0;
  }
  if (query.os != install::Os::kLinux) return usage_error("writing is supported on Linux only; use --print");
  auto written = install::write_file_atomic(location->manifest_path, *json);
  if (!written) {
    std::cerr << "veil install-manifest: " << written.error().message << "\n";
    return 1;
  }
  std::cout << "wrote " << location->manifest_path << "\n";
  return 0;
}

}  // namespace veil::cli
