// Names of error codes, shared by the CLI and the protocol layer.
#include "common/error.h"

namespace veil {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInvalidUtf8: return "invalid_utf8";
    case ErrorCode::kTextTooLarge: return "text_too_large";
    case ErrorCode::kMalformedFrame: return "malformed_frame";
    case ErrorCode::kFrameTooLarge: return "frame_too_large";
    case ErrorCode::kMalformedJson: return "malformed_json";
    case ErrorCode::kUnsupportedVersion: return "unsupported_version";
    case ErrorCode::kUnknownOp: return "unknown_op";
    case ErrorCode::kMissingField: return "missing_field";
    case ErrorCode::kWrongType: return "wrong_type";
    case ErrorCode::kForbiddenOrigin: return "forbidden_origin";
    case ErrorCode::kRuleInvalid: return "rule_invalid";
    case ErrorCode::kRuleCompileFailed: return "rule_compile_failed";
    case ErrorCode::kPresetInvalid: return "preset_invalid";
    case ErrorCode::kPresetNotFound: return "preset_not_found";
    case ErrorCode::kVaultCorrupt: return "vault_corrupt";
    case ErrorCode::kVaultLocked: return "vault_locked";
    case ErrorCode::kVaultKeyMissing: return "vault_key_missing";
    case ErrorCode::kVaultDecryptFailed: return "vault_decrypt_failed";
    case ErrorCode::kVaultIo: return "vault_io";
  }
  return "unknown";
}

}  // namespace veil
