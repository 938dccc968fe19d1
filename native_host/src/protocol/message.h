// The JSON message codec of the native-messaging protocol (docs/protocol.md): decodes and
// validates a request envelope, encodes replies and error replies, and splits a reply too big
// for one frame into chunk frames. nlohmann exceptions never leave this module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace veil::protocol {

using json = nlohmann::json;

inline constexpr int kProtocolVersion = 1;
// Deeper JSON is refused: parsing and destroying it costs stack and memory for nothing.
inline constexpr int kMaxJsonDepth = 64;
// Longest string id accepted (ids are echoed in every reply and chunk).
inline constexpr std::size_t kMaxIdBytes = 256;

struct Request {
  json id;         // string or integer, echoed in the reply
  std::string op;
  json message;    // the whole request object; op fields sit at its top level
};

// Either a request, or an error together with the request's id when it could be read (null
// otherwise) so the extension can fail the right pending call.
struct DecodeResult {
  std::optional<Request> request;
  Error error;
  json id = nullptr;
};

DecodeResult decode_request(std::string_view payload);

// Parses JSON text with the depth limit; kMalformedJson on failure. Used for stored presets too.
Result<json> parse_json(std::string_view text);

// Serializes JSON for the wire: UTF-8 kept as is, invalid UTF-8 replaced (never thrown).
std::string dump_json(const json& value);

std::string encode_result(const json& id, json result);
std::string encode_error(const json& id, const Error& error);

// The frames that carry `reply` (a serialized reply): the reply itself when it fits in
// `chunk_budget` bytes, else chunk frames whose escaped `data` stays within the budget, split
// only at UTF-8 character boundaries.
std::vector<std::string> split_reply(const json& id, const std::string& reply, std::size_t chunk_budget);

// Typed field access on a request object; errors name the field, never its value.
Result<std::string> require_string(const json& message, const char* field);
Result<std::optional<std::string>> optional_string(const json& message, const char* field);
Result<std::optional<bool>> optional_bool(const json& message, const char* field);
Result<std::optional<std::int64_t>> optional_int(const json& message, const char* field);

}  // namespace veil::protocol
