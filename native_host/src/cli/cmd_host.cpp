// Placeholder until the host commands land: each says so and exits 2.
#include <iostream>

#include "cli/commands.h"

namespace veil::cli {

int cmd_host(const Argv&) {
  std::cerr << "veil: 'host' is not available in this build\n";
  return 2;
}

}  // namespace veil::cli
