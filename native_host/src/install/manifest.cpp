// Native-messaging manifest locations and contents (see manifest.h).
#include "install/manifest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace veil::install {
namespace {

struct BrowserPaths {
  Browser browser;
  const char* name;
  const char* linux_user;     // under $HOME
  const char* linux_system;   // absolute
  const char* macos_user;     // under $HOME
  const char* macos_system;   // absolute
  const char* windows_key;    // under HKCU or HKLM
};

// Chrome's documented folders; the other browsers follow their own branding of the same code.
// Per-user folders are CamelCase, system ones lower-case and hyphenated (Chrome's own mix).
constexpr BrowserPaths kTable[] = {
    {Browser::kChrome, "chrome", ".config/google-chrome/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts",
     "Library/Application Support/Google/Chrome/NativeMessagingHosts", "/Library/Google/Chrome/NativeMessagingHosts",
     "Software\\Google\\Chrome\\NativeMessagingHosts"},
    {Browser::kChromium, "chromium", ".config/chromium/NativeMessagingHosts", "/etc/chromium/native-messaging-hosts",
     "Library/Application Support/Chromium/NativeMessagingHosts",
     "/Library/Application Support/Chromium/NativeMessagingHosts", "Software\\Chromium\\NativeMessagingHosts"},
    {Browser::kBrave, "brave", ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
     "/etc/brave/native-messaging-hosts", "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
     "/Library/BraveSoftware/Brave-Browser/NativeMessagingHosts",
     "Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts"},
    {Browser::kEdge, "edge", ".config/microsoft-edge/NativeMessagingHosts", "/etc/opt/edge/native-messaging-hosts",
     "Library/Application Support/Microsoft Edge/NativeMessagingHosts", "/Library/Microsoft/Edge/NativeMessagingHosts",
     "Software\\Microsoft\\Edge\\NativeMessagingHosts"},
    {Browser::kVivaldi, "vivaldi", ".config/vivaldi/NativeMessagingHosts", "/etc/opt/vivaldi/native-messaging-hosts",
     "Library/Application Support/Vivaldi/NativeMessagingHosts",
     "/Library/Application Support/Vivaldi/NativeMessagingHosts", "Software\\Vivaldi\\NativeMessagingHosts"},
};

const BrowserPaths& row(Browser browser) {
  for (const auto& r : kTable) {
    if (r.browser == browser) return r;
  }
  return kTable[0];  // unreachable: every enumerator has a row
}

std::string manifest_file_name() { return std::string(kHostName) + ".json"; }

// The folder part of a Windows path (either separator), without the trailing separator.
std::string windows_dirname(const std::string& path) {
  auto pos = path.find_last_of("\\/");
  return pos == std::string::npos ? std::string() : path.substr(0, pos);
}

bool is_absolute_posix(const std::string& path) { return !path.empty() && path[0] == '/'; }

}  // namespace

std::optional<Browser> parse_browser(std::string_view name) {
  for (const auto& r : kTable) {
    if (name == r.name) return r.browser;
  }
  if (name == "google-chrome") return Browser::kChrome;
  if (name == "msedge" || name == "microsoft-edge") return Browser::kEdge;
  return std::nullopt;
}

std::optional<Os> parse_os(std::string_view name) {
  if (name == "linux") return Os::kLinux;
  if (name == "macos" || name == "darwin" || name == "mac") return Os::kMacos;
  if (name == "windows" || name == "win") return Os::kWindows;
  return std::nullopt;
}

const char* browser_name(Browser browser) { return row(browser).name; }

const std::vector<Browser>& all_browsers() {
  static const std::vector<Browser> browsers = {Browser::kChrome, Browser::kChromium, Browser::kBrave, Browser::kEdge,
                                                Browser::kVivaldi};
  return browsers;
}

Result<Location> manifest_location(const LocationQuery& query) {
  const BrowserPaths& r = row(query.browser);
  Location loc;
  if (query.os == Os::kWindows) {
    if (!query.user_data_dir.empty()) {
      return make_error(ErrorCode::kInvalidArgument,
                        "--user-data-dir does not apply on Windows: browsers there read the registry");
    }
    if (query.host_path.empty()) {
      return make_error(ErrorCode::kInvalidArgument, "on Windows the host path is needed to place the manifest");
    }
    std::string dir = windows_dirname(query.host_path);
    loc.manifest_path = dir.empty() ? manifest_file_name() : dir + "\\" + manifest_file_name();
    loc.registry_key = std::string(query.system ? "HKEY_LOCAL_MACHINE\\" : "HKEY_CURRENT_USER\\") + r.windows_key +
                       "\\" + kHostName;
    return loc;
  }
  std::filesystem::path dir;
  if (!query.user_data_dir.empty()) {
    // Chromium started with --user-data-dir reads only <dir>/NativeMessagingHosts.
    dir = query.user_data_dir / "NativeMessagingHosts";
  } else if (query.system) {
    dir = query.os == Os::kLinux ? r.linux_system : r.macos_system;
  } else {
    if (query.home.empty()) {
      return make_error(ErrorCode::kInvalidArgument, "no home folder known for a per-user manifest (set HOME)");
    }
    dir = query.home / (query.os == Os::kLinux ? r.linux_user : r.macos_user);
  }
  loc.manifest_path = (dir / manifest_file_name()).string();
  return loc;
}

bool is_valid_extension_id(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (c < 'a' || c > 'p') return false;
  }
  return true;
}

Result<std::string> build_manifest_json(const std::string& host_path, const std::vector<std::string>& extension_ids,
                                        Os os) {
  if (host_path.empty()) return make_error(ErrorCode::kInvalidArgument, "the host path is empty");
  if (os != Os::kWindows && !is_absolute_posix(host_path)) {
    return make_error(ErrorCode::kInvalidArgument, "the host path must be absolute on Linux and macOS");
  }
  if (extension_ids.empty()) return make_error(ErrorCode::kInvalidArgument, "no extension ID given");
  nlohmann::json origins = nlohmann::json::array();
  for (const auto& id : extension_ids) {
    if (!is_valid_extension_id(id)) {
      return make_error(ErrorCode::kInvalidArgument, "invalid extension ID (expected 32 letters a-p)");
    }
    origins.push_back("chrome-extension://" + id + "/");
  }
  // nlohmann keeps insertion order only with ordered_json; Chrome does not care, humans do.
  nlohmann::ordered_json manifest;
  manifest["name"] = kHostName;
  manifest["description"] = "Veil: removes personal data before it reaches AI chat pages";
  manifest["path"] = host_path;
  manifest["type"] = "stdio";
  manifest["allowed_origins"] = origins;
  return manifest.dump(2) + "\n";
}

Status write_file_atomic(const std::filesystem::path& path, const std::string& content) {
  std::error_code ec;
  const auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::filesystem::create_directories(dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create folder " + dir.string() + ": " + ec.message());

  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return make_error(ErrorCode::kIo, "cannot create a file in " + dir.string() + ": " + std::strerror(errno));
  auto fail = [&](const std::string& what) -> Status {
    int saved = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    return make_error(ErrorCode::kIo, what + " " + path.string() + ": " + std::strerror(saved));
  };
  if (::fchmod(fd, 0644) != 0) return fail("cannot set the mode of");
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    return make_error(ErrorCode::kIo, "cannot close " + path.string() + ": " + std::strerror(saved));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    return make_error(ErrorCode::kIo, "cannot replace " + path.string() + ": " + std::strerror(saved));
  }
  return Ok{};
}

Result<bool> remove_manifest(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return false;
  // Only delete a manifest that declares our host, never a stranger's file of the same name.
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto parsed = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || parsed.value("name", "") != kHostName) {
    return make_error(ErrorCode::kInvalidArgument, "not removing " + path.string() + ": it is not a Veil manifest");
  }
  if (!std::filesystem::remove(path, ec) || ec) {
    return make_error(ErrorCode::kIo, "cannot remove " + path.string() + ": " + ec.message());
  }
  return true;
}

}  // namespace veil::install
