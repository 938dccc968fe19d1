// Where each Chrome-family browser looks for a native-messaging host manifest, and the
// manifest itself. The location table is a pure function of (browser, os, scope) so the
// installer and tests share one source of truth; only write/remove touch the disk.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace veil::install {

inline constexpr const char* kHostName = "com.veil.host";

enum class Browser { kChrome, kChromium, kBrave, kEdge, kVivaldi };
enum class Os { kLinux, kMacos, kWindows };

std::optional<Browser> parse_browser(std::string_view name);
std::optional<Os> parse_os(std::string_view name);
const char* browser_name(Browser browser);  // "chrome", "chromium", ...
const std::vector<Browser>& all_browsers();

struct LocationQuery {
  Browser browser = Browser::kChrome;
  Os os = Os::kLinux;
  bool system = false;                   // machine-wide instead of the current user
  std::filesystem::path home;            // the user's home (Linux/macOS per-user folders)
  std::filesystem::path user_data_dir;   // a specific profile root (--user-data-dir); wins over the rest
  std::string host_path;                 // needed on Windows: the manifest sits next to the host
};

struct Location {
  // The manifest file. On Windows this is the file next to the host that the registry value
  // points at; strings keep Windows separators since std::filesystem here is POSIX.
  std::string manifest_path;
  // Windows only: the full registry key ("HKEY_CURRENT_USER\\Software\\...\\com.veil.host")
  // whose default value must be manifest_path. Empty elsewhere.
  std::string registry_key;
};

// Pure: computes where the manifest goes. Errors for combinations that do not exist
// (a user-data-dir on Windows, a missing home for a per-user location).
Result<Location> manifest_location(const LocationQuery& query);

// 32 characters a-p: Chrome's encoding of the first 16 bytes of SHA-256 of the public key.
bool is_valid_extension_id(std::string_view id);

// The manifest JSON (pretty-printed, trailing newline). The host path must be absolute on
// Linux and macOS (Chrome refuses relative paths there); at least one extension ID.
Result<std::string> build_manifest_json(const std::string& host_path, const std::vector<std::string>& extension_ids,
                                        Os os);

// Writes `content` to `path` atomically (temporary file in the same folder, fsync, rename),
// mode 0644, creating missing folders.
Status write_file_atomic(const std::filesystem::path& path, const std::string& content);

// Removes a manifest if it exists and names our host; true when a file was removed.
Result<bool> remove_manifest(const std::filesystem::path& path);

}  // namespace veil::install
