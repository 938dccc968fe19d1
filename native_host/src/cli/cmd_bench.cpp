// Placeholder until the bench commands land: each says so and exits 2.
#include <iostream>

#include "cli/commands.h"

namespace veil::cli {

int cmd_bench(const Argv&) {
  std::cerr << "veil: 'bench' is not available in this build\n";
  return 2;
}

}  // namespace veil::cli
