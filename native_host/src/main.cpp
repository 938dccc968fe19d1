// `veil`: the thin executable over veil_core. Dispatches subcommands; when Chrome starts it
// as a native-messaging host (argv[1] = chrome-extension://<id>/) it runs host mode.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

void print_help() {
  std::cout << "veil " VEIL_VERSION " - removes personal data from text before it reaches AI chat pages\n\n"
               "Usage: veil <command> [options]\n\nCommands:\n";
  for (const auto& c : veil::cli::all_commands()) {
    std::string name = c.name;
    name.resize(18, ' ');
    std::cout << "  " << name << c.summary << "\n";
  }
  std::cout << "\nRun 'veil <command> --help' for a command's options.\n"
               "Environment: VEIL_HOME (data folder), VEIL_CACHE_DIR (compiled rules cache),\n"
               "VEIL_RULES_DIR (rules folder).\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "veil " VEIL_VERSION "\n";
    return 0;
  }
  // Chrome: argv[1] is the calling origin; Windows adds --parent-window=<hwnd>.
  if (args[0].rfind("chrome-extension://", 0) == 0) return veil::cli::cmd_host(args);
  for (const auto& c : veil::cli::all_commands()) {
    if (args[0] == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::cerr << "veil: unknown command '" << args[0] << "'. Run 'veil --help'.\n";
  return 2;
}
