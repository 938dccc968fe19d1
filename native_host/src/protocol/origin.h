// Who may talk to the host: Chrome passes the caller's origin (chrome-extension://<id>/) as
// argv[1]. Allowed IDs come from the Veil extension's manifest "key" (ID = first 16 bytes of
// SHA-256 of the DER key, hex mapped 0-f to a-p; DESIGN §3), from the settings
// (extra_extension_ids) and from $VEIL_ALLOWED_EXTENSION_IDS (comma or space separated).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace veil::protocol {

// The extension ID of "chrome-extension://<id>/" (slash optional), or nullopt when the
// origin is not of that form (the ID must be 32 letters a-p).
std::optional<std::string> extension_id_from_origin(std::string_view origin);

// The extension ID for a manifest "key" (base64 of the DER public key).
Result<std::string> extension_id_from_key(std::string_view base64_der);

// Where the Veil extension's manifest.json may be: next to an installed binary, then the
// source tree this binary was built from.
std::vector<std::filesystem::path> extension_manifest_candidates();

// IDs from the "key" of every candidate manifest that exists and has one.
std::set<std::string> ids_from_manifests(const std::vector<std::filesystem::path>& manifests);

// IDs listed in $VEIL_ALLOWED_EXTENSION_IDS.
std::set<std::string> ids_from_environment();

}  // namespace veil::protocol
