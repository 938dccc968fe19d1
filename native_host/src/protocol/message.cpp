// The JSON message codec (see message.h).
#include "protocol/message.h"

#include <limits>

#include "text/utf8.h"

namespace veil::protocol {
namespace {

struct TooDeep {};

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Value of the \uXXXX escape starting at s[i] (s[i] == '\\'), or -1 when it is not one.
long unicode_escape_at(std::string_view s, std::size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  for (std::size_t k = i + 2; k < i + 6; ++k)
    if (!is_hex(s[k])) return -1;
  return std::stol(std::string(s.substr(i + 2, 4)), nullptr, 16);
}

// JavaScript strings may hold lone surrogates, which JSON.stringify escapes (\ud800) and
// nlohmann refuses. This copy replaces such escapes by \ufffd so the request's id can still be
// read and the error reply reach the right caller; nullopt when there is none to replace.
std::optional<std::string> replace_lone_surrogate_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  bool replaced = false;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = false;
      out.push_back(c);
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    long v = unicode_escape_at(s, i);
    if (v < 0xD800 || v > 0xDFFF) {
      out.append(s.substr(i, 2));  // any other escape, copied whole so \\u stays literal
      i += 2;
      continue;
    }
    if (v <= 0xDBFF) {
      long low = unicode_escape_at(s, i + 6);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        out.append(s.substr(i, 12));
        i += 12;
        continue;
      }
    }
    out.append("\\ufffd");
    replaced = true;
    i += 6;
  }
  if (!replaced) return std::nullopt;
  return out;
}

json usable_id(const json& message) {
  if (!message.is_object()) return nullptr;
  auto it = message.find("id");
  if (it == message.end()) return nullptr;
  if (it->is_string() && it->get_ref<const std::string&>().size() <= kMaxIdBytes) return *it;
  if (it->is_number_integer()) return *it;
  return nullptr;
}

DecodeResult fail(ErrorCode code, std::string message, json id = nullptr) {
  DecodeResult r;
  r.error = make_error(code, std::move(message));
  r.id = std::move(id);
  return r;
}

const char* type_name(const json& v) { return v.type_name(); }

}  // namespace

Result<json> parse_json(std::string_view text) {
  auto limit_depth = [](int depth, json::parse_event_t, json&) -> bool {
    if (depth > kMaxJsonDepth) throw TooDeep{};
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), limit_depth, /*allow_exceptions=*/true,
                       /*ignore_comments=*/false);
  } catch (const TooDeep&) {
    return make_error(ErrorCode::kMalformedJson, "JSON nested deeper than " + std::to_string(kMaxJsonDepth));
  } catch (const json::exception& e) {
    // nlohmann's parse messages quote at most the last token read; keep only the position.
    return make_error(ErrorCode::kMalformedJson, "malformed JSON (nlohmann error " + std::to_string(e.id) + ")");
  } catch (const std::exception&) {
    return make_error(ErrorCode::kInternal, "JSON parser failed");
  }
}

std::string dump_json(const json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

DecodeResult decode_request(std::string_view payload) {
  if (payload.empty()) return fail(ErrorCode::kMalformedFrame, "empty frame");
  if (text::find_invalid_utf8(payload)) return fail(ErrorCode::kInvalidUtf8, "message is not valid UTF-8");

  auto parsed = parse_json(payload);
  if (!parsed) {
    if (auto repaired = replace_lone_surrogate_escapes(payload)) {
      auto again = parse_json(*repaired);
      if (again) {
        return fail(ErrorCode::kInvalidUtf8, "message holds a lone UTF-16 surrogate (send toWellFormed() strings)",
                    usable_id(*again));
      }
    }
    return fail(parsed.error().code, parsed.error().message);
  }
  json& message = *parsed;
  if (!message.is_object()) return fail(ErrorCode::kWrongType, std::string("message must be a JSON object, not ") + type_name(message));

  auto id_it = message.find("id");
  if (id_it == message.end()) return fail(ErrorCode::kMissingField, "field 'id' is missing");
  if (id_it->is_string()) {
    if (id_it->get_ref<const std::string&>().size() > kMaxIdBytes)
      return fail(ErrorCode::kInvalidArgument, "field 'id' is longer than " + std::to_string(kMaxIdBytes) + " bytes");
  } else if (!id_it->is_number_integer()) {
    return fail(ErrorCode::kWrongType, "field 'id' must be a string or an integer");
  }
  json id = *id_it;

  auto v_it = message.find("v");
  if (v_it == message.end()) return fail(ErrorCode::kMissingField, "field 'v' is missing", id);
  if (!v_it->is_number_integer()) return fail(ErrorCode::kWrongType, "field 'v' must be an integer", id);
  if (!v_it->is_number_unsigned() || v_it->get<std::uint64_t>() != static_cast<std::uint64_t>(kProtocolVersion))
    return fail(ErrorCode::kUnsupportedVersion, "protocol version not supported (this host speaks v1)", id);

  auto op_it = message.find("op");
  if (op_it == message.end()) return fail(ErrorCode::kMissingField, "field 'op' is missing", id);
  if (!op_it->is_string()) return fail(ErrorCode::kWrongType, "field 'op' must be a string", id);

  DecodeResult r;
  r.id = id;
  r.request = Request{id, op_it->get<std::string>(), std::move(message)};
  return r;
}

std::string encode_result(const json& id, json result) {
  json reply = {{"v", kProtocolVersion}, {"id", id}, {"ok", true}, {"result", std::move(result)}};
  return dump_json(reply);
}

std::string encode_error(const json& id, const Error& error) {
  json reply = {{"v", kProtocolVersion},
                {"id", id},
                {"ok", false},
                {"error",
                 {{"code", static_cast<int>(error.code)},
                  {"name", error_code_name(error.code)},
                  {"message", error.message}}}};
  return dump_json(reply);
}

std::vector<std::string> split_reply(const json& id, const std::string& reply, std::size_t chunk_budget) {
  if (reply.size() <= chunk_budget) return {reply};
  // Bytes a character takes once escaped inside a JSON string (what `data` costs on the wire).
  auto escaped_cost = [](unsigned char c) -> std::size_t {
    if (c == '"' || c == '\\') return 2;
    if (c < 0x20) return 6;
    return 1;
  };
  std::vector<std::string> frames;
  std::size_t pos = 0;
  std::int64_t seq = 0;
  while (pos < reply.size()) {
    std::size_t end = pos;
    std::size_t cost = 0;
    while (end < reply.size() && cost + escaped_cost(static_cast<unsigned char>(reply[end])) <= chunk_budget) {
      cost += escaped_cost(static_cast<unsigned char>(reply[end]));
      ++end;
    }
    // Never split a UTF-8 sequence: back up to the start of the character cut in two.
    if (end < reply.size()) {
      std::size_t cut = end;
      while (cut > pos && (static_cast<unsigned char>(reply[cut]) & 0xC0) == 0x80) --cut;
      if (cut > pos) end = cut;
    }
    bool last = end >= reply.size();
    json frame = {{"v", kProtocolVersion},
                  {"id", id},
                  {"chunk", {{"seq", seq}, {"last", last}, {"data", reply.substr(pos, end - pos)}}}};
    frames.push_back(dump_json(frame));
    ++seq;
    pos = end;
  }
  return frames;
}

Result<std::string> require_string(const json& message, const char* field) {
  auto it = message.find(field);
  if (it == message.end()) return make_error(ErrorCode::kMissingField, std::string("field '") + field + "' is missing");
  if (!it->is_string()) return make_error(ErrorCode::kWrongType, std::string("field '") + field + "' must be a string");
  return it->get<std::string>();
}

Result<std::optional<std::string>> optional_string(const json& message, const char* field) {
  auto it = message.find(field);
  if (it == message.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return make_error(ErrorCode::kWrongType, std::string("field '") + field + "' must be a string");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<bool>> optional_bool(const json& message, const char* field) {
  auto it = message.find(field);
  if (it == message.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return make_error(ErrorCode::kWrongType, std::string("field '") + field + "' must be a boolean");
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<std::int64_t>> optional_int(const json& message, const char* field) {
  auto it = message.find(field);
  if (it == message.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer() ||
      (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
    return make_error(ErrorCode::kWrongType, std::string("field '") + field + "' must be an integer");
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

}  // namespace veil::protocol
