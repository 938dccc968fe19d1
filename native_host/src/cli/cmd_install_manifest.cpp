// Placeholder until the install-manifest command lands.
#include <iostream>

#include "cli/commands.h"

namespace veil::cli {

int cmd_install_manifest(const Argv&) {
  std::cerr << "veil: 'install-manifest' is not available in this build\n";
  return 2;
}

}  // namespace veil::cli
