// Where Veil keeps things on disk. Everything is overridable through the environment so
// tests and multiple profiles never share state by accident.
#pragma once

#include <filesystem>

namespace veil::paths {

// $VEIL_HOME, else $XDG_DATA_HOME/veil, else ~/.local/share/veil. Not created here.
std::filesystem::path data_dir();
// $VEIL_CACHE_DIR, else $XDG_CACHE_HOME/veil, else ~/.cache/veil. Not created here.
std::filesystem::path cache_dir();
// The running executable (from /proc/self/exe); empty when unknown.
std::filesystem::path executable_path();

}  // namespace veil::paths
