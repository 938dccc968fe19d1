// Input helpers shared by the subcommands: read a FILE argument or standard input ("-" or
// none), and report invalid UTF-8 by byte position without echoing the text.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace veil::cli {

// Reads the single positional argument (a path, or "-"/absent for stdin) completely.
Result<std::string> read_input(const std::vector<std::string>& positional);

// kInvalidUtf8 naming the byte position, or Ok.
Status check_utf8(const std::string& text);

// Prints "veil: <message>" to stderr and returns `exit_code`.
int fail(const Error& error, int exit_code = 1);

}  // namespace veil::cli
