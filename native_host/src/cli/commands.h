// The `veil` subcommands. Each takes the arguments after its name and returns the process
// exit code (0 ok, 1 failure of the job, 2 bad usage). main.cpp dispatches; each group of
// commands lives in its own file.
#pragma once

#include <string>
#include <vector>

namespace veil::cli {

using Argv = std::vector<std::string>;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const Argv& args);
};

// Every subcommand, in the order `veil --help` lists them.
const std::vector<Command>& all_commands();

// cmd_scan.cpp
int cmd_scan(const Argv& args);
int cmd_rules(const Argv& args);
// cmd_eval.cpp
int cmd_eval(const Argv& args);
// cmd_vault.cpp
int cmd_anonymize(const Argv& args);
int cmd_restore(const Argv& args);
int cmd_forget(const Argv& args);
int cmd_scopes(const Argv& args);
int cmd_export(const Argv& args);
int cmd_presets(const Argv& args);
// cmd_host.cpp
int cmd_host(const Argv& args);  // also entered when argv[1] is chrome-extension://...
// cmd_install_manifest.cpp
int cmd_install_manifest(const Argv& args);
// cmd_bench.cpp
int cmd_bench(const Argv& args);

}  // namespace veil::cli
