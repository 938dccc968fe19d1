// Input helpers for subcommands (see io.h).
#include "cli/io.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "text/utf8.h"

namespace veil::cli {

Result<std::string> read_input(const std::vector<std::string>& positional) {
  if (positional.size() > 1) return make_error(ErrorCode::kInvalidArgument, "expected at most one input file");
  std::ostringstream ss;
  if (positional.empty() || positional[0] == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(positional[0], std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot read " + positional[0]);
  ss << in.rdbuf();
  return ss.str();
}

Status check_utf8(const std::string& text) {
  if (auto bad = text::find_invalid_utf8(text)) {
    return make_error(ErrorCode::kInvalidUtf8, "input is not valid UTF-8 (first bad byte at offset " +
                                                   std::to_string(*bad) + ")");
  }
  return Ok{};
}

int fail(const Error& error, int exit_code) {
  std::cerr << "veil: " << error.message << "\n";
  return exit_code;
}

}  // namespace veil::cli
