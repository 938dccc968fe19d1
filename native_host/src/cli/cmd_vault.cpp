// Placeholder until the vault commands land: each says so and exits 2.
#include <iostream>

#include "cli/commands.h"

namespace veil::cli {

int cmd_anonymize(const Argv&) {
  std::cerr << "veil: 'anonymize' is not available in this build\n";
  return 2;
}

int cmd_restore(const Argv&) {
  std::cerr << "veil: 'restore' is not available in this build\n";
  return 2;
}

int cmd_forget(const Argv&) {
  std::cerr << "veil: 'forget' is not available in this build\n";
  return 2;
}

int cmd_scopes(const Argv&) {
  std::cerr << "veil: 'scopes' is not available in this build\n";
  return 2;
}

int cmd_export(const Argv&) {
  std::cerr << "veil: 'export' is not available in this build\n";
  return 2;
}

int cmd_presets(const Argv&) {
  std::cerr << "veil: 'presets' is not available in this build\n";
  return 2;
}

}  // namespace veil::cli
