// A small argument parser for the `veil` subcommands: positionals, `--name value` options
// and `--switch` flags, with the set of known names given up front so typos are errors.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"

namespace veil::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--lang" -> "nl"
  std::set<std::string> flags;                 // "--json"

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> get(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
  }
  std::string get_or(const std::string& name, std::string fallback) const {
    auto v = get(name);
    return v ? *v : fallback;
  }
};

// `value_options` take a value (`--lang nl` or `--lang=nl`); `switch_flags` do not.
Result<Args> parse_args(const std::vector<std::string>& argv, const std::set<std::string>& value_options,
                        const std::set<std::string>& switch_flags);

}  // namespace veil::cli
