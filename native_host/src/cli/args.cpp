// Argument parsing for subcommands (see args.h).
#include "cli/args.h"

namespace veil::cli {

Result<Args> parse_args(const std::vector<std::string>& argv, const std::set<std::string>& value_options,
                        const std::set<std::string>& switch_flags) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "-" || a.rfind("--", 0) != 0) {
      args.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      for (++i; i < argv.size(); ++i) args.positional.push_back(argv[i]);
      break;
    }
    std::string name = a;
    std::optional<std::string> inline_value;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
    }
    if (value_options.count(name)) {
      if (inline_value) {
        args.options[name] = *inline_value;
      } else if (i + 1 < argv.size()) {
        args.options[name] = argv[++i];
      } else {
        return make_error(ErrorCode::kInvalidArgument, "option " + name + " needs a value");
      }
    } else if (switch_flags.count(name) && !inline_value) {
      args.flags.insert(name);
    } else {
      return make_error(ErrorCode::kInvalidArgument, "unknown option " + name);
    }
  }
  return args;
}

}  // namespace veil::cli
