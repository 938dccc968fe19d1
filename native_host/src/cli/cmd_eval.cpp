// Placeholder until the eval commands land: each says so and exits 2.
#include <iostream>

#include "cli/commands.h"

namespace veil::cli {

int cmd_eval(const Argv&) {
  std::cerr << "veil: 'eval' is not available in this build\n";
  return 2;
}

}  // namespace veil::cli
