// The table of `veil` subcommands.
#include "cli/commands.h"

namespace veil::cli {

const std::vector<Command>& all_commands() {
  static const std::vector<Command> commands = {
      {"scan", "find personal data in text and print one row per hit", cmd_scan},
      {"anonymize", "replace personal data with placeholders, keeping the map in the vault", cmd_anonymize},
      {"restore", "put the original values back into text with placeholders", cmd_restore},
      {"forget", "erase a conversation's placeholders (or all of them)", cmd_forget},
      {"scopes", "list conversations in the vault (counts and ages, never values)", cmd_scopes},
      {"export", "print a conversation's placeholder map (needs --show-values)", cmd_export},
      {"presets", "list, show, import, export or delete presets", cmd_presets},
      {"rules", "check the shipped rules: compile all and run every example", cmd_rules},
      {"eval", "score detection against a labelled JSONL file", cmd_eval},
      {"bench", "measure throughput, latency and memory", cmd_bench},
      {"host", "run as the browser's native-messaging host (stdin/stdout frames)", cmd_host},
      {"install-manifest", "print or write the native-messaging host manifest for a browser", cmd_install_manifest},
  };
  return commands;
}

}  // namespace veil::cli
