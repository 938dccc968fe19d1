// Placeholder: replaced by the real scan and rules commands.
#include <iostream>

#include "cli/commands.h"

namespace veil::cli {
int cmd_scan(const Argv&) { return 2; }
int cmd_rules(const Argv&) { return 2; }
}  // namespace veil::cli
