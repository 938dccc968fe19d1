// Data, cache and executable locations (see paths.h).
#include "common/paths.h"

#include <cstdlib>
#include <system_error>

namespace veil::paths {
namespace {

std::filesystem::path env_path(const char* name) {
  const char* value = std::getenv(name);
  return (value && *value) ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path home_dir() {
  auto home = env_path("HOME");
  return home.empty() ? std::filesystem::path("/tmp") : home;
}

}  // namespace

std::filesystem::path data_dir() {
  if (auto p = env_path("VEIL_HOME"); !p.empty()) return p;
  if (auto p = env_path("XDG_DATA_HOME"); !p.empty()) return p / "veil";
  return home_dir() / ".local" / "share" / "veil";
}

std::filesystem::path cache_dir() {
  if (auto p = env_path("VEIL_CACHE_DIR"); !p.empty()) return p;
  if (auto p = env_path("XDG_CACHE_HOME"); !p.empty()) return p / "veil";
  return home_dir() / ".cache" / "veil";
}

std::filesystem::path executable_path() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : p;
}

}  // namespace veil::paths
