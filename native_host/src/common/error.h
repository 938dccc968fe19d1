// Errors as values: every failure that can cross a module boundary is an Error with a stable
// numbered code (documented in docs/protocol.md) and a message that never contains user text.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace veil {

// Stable numbers: the extension and docs rely on them. Add, never renumber.
enum class ErrorCode : int {
  kInternal = 1,
  kInvalidArgument = 2,
  kNotFound = 3,
  kIo = 4,
  // Input
  kInvalidUtf8 = 100,
  kTextTooLarge = 101,
  // Protocol
  kMalformedFrame = 200,
  kFrameTooLarge = 201,
  kMalformedJson = 202,
  kUnsupportedVersion = 203,
  kUnknownOp = 204,
  kMissingField = 205,
  kWrongType = 206,
  kForbiddenOrigin = 207,
  // Rules and presets
  kRuleInvalid = 300,
  kRuleCompileFailed = 301,
  kPresetInvalid = 302,
  kPresetNotFound = 303,
  // Vault
  kVaultCorrupt = 400,
  kVaultLocked = 401,
  kVaultKeyMissing = 402,
  kVaultDecryptFailed = 403,
  kVaultIo = 404,
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

// Minimal expected<T, Error> (std::expected is C++23; we build as C++20 on GCC 12).
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}                 // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}             // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<Error>(data_); }

 private:
  std::variant<T, Error> data_;
};

// Result for operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

// Short stable name of an error code, e.g. for CLI output ("invalid_utf8").
const char* error_code_name(ErrorCode code);

}  // namespace veil
