// Op dispatch (see dispatcher.h).
#include "protocol/dispatcher.h"

#include <algorithm>
#include <exception>

#include "common/limits.h"
#include "text/utf8.h"

namespace veil::protocol {
namespace {

// Shorthand: return the error of a failed Result from the enclosing function.
#define VEIL_TRY_ASSIGN(var, expr)                 \
  auto var##_result = (expr);                      \
  if (!var##_result) return var##_result.error();  \
  auto var = std::move(*var##_result)

std::size_t to_utf16(const text::OffsetConverter& conv, std::size_t byte_offset, std::size_t size) {
  return conv.byte_to_utf16(std::min(byte_offset, size));
}

Result<std::string> require_text(const json& m) {
  VEIL_TRY_ASSIGN(text, require_string(m, "text"));
  if (text.size() > limits::kMaxTextBytes)
    return make_error(ErrorCode::kTextTooLarge,
                      "text is " + std::to_string(text.size()) + " bytes; the limit is " +
                          std::to_string(limits::kMaxTextBytes));
  return text;
}

const char* status_name(service::PlaceholderStatus s) {
  switch (s) {
    case service::PlaceholderStatus::kRestored: return "restored";
    case service::PlaceholderStatus::kUnknown: return "unknown";
    case service::PlaceholderStatus::kAmbiguous: return "ambiguous";
  }
  return "unknown";
}

json settings_to_json(const service::Settings& s) {
  return {{"retention_seconds", s.retention_seconds},
          {"session_only", s.session_only},
          {"default_preset", s.default_preset},
          {"fail_mode", s.fail_mode},
          {"extra_extension_ids", s.extra_extension_ids}};
}

// Applies the fields present in `patch` to `s`; unknown fields are refused so typos surface.
Status merge_settings(const json& patch, service::Settings& s) {
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    auto wrong = [&](const char* type) {
      return make_error(ErrorCode::kWrongType, "settings field '" + key + "' must be " + type);
    };
    if (key == "retention_seconds") {
      if (!v.is_number_integer()) return wrong("an integer");
      s.retention_seconds = v.get<std::int64_t>();
    } else if (key == "session_only") {
      if (!v.is_boolean()) return wrong("a boolean");
      s.session_only = v.get<bool>();
    } else if (key == "default_preset") {
      if (!v.is_string()) return wrong("a string");
      s.default_preset = v.get<std::string>();
    } else if (key == "fail_mode") {
      if (!v.is_string()) return wrong("a string");
      s.fail_mode = v.get<std::string>();
    } else if (key == "extra_extension_ids") {
      if (!v.is_array()) return wrong("an array of strings");
      std::vector<std::string> ids;
      for (const auto& e : v) {
        if (!e.is_string()) return wrong("an array of strings");
        ids.push_back(e.get<std::string>());
      }
      s.extra_extension_ids = std::move(ids);
    } else {
      return make_error(ErrorCode::kInvalidArgument, "unknown settings field '" + key.substr(0, 64) + "'");
    }
  }
  return Ok{};
}

}  // namespace

ServiceHandle::ServiceHandle(Opener opener) : opener_(std::move(opener)) {}
ServiceHandle::~ServiceHandle() = default;

Result<service::Service*> ServiceHandle::get() {
  if (service_) return service_.get();
  if (!opener_) return make_error(ErrorCode::kInternal, "no service configured");
  auto opened = opener_();
  if (!opened) return opened.error();
  service_ = std::move(*opened);
  return service_.get();
}

Dispatcher::Dispatcher(ServiceHandle& services) : services_(services) {}

std::string Dispatcher::handle(const Request& request) {
  Result<json> result = make_error(ErrorCode::kInternal, "not handled");
  try {
    result = dispatch(request);
  } catch (const std::bad_alloc&) {
    result = make_error(ErrorCode::kInternal, "out of memory");
  } catch (const std::exception&) {
    // Exception texts may quote user data (SQLite, JSON); none of it goes back.
    result = make_error(ErrorCode::kInternal, "internal error while handling '" + request.op.substr(0, 32) + "'");
  }
  if (!result) return encode_error(request.id, result.error());
  return encode_result(request.id, std::move(*result));
}

Result<json> Dispatcher::dispatch(const Request& r) {
  const std::string& op = r.op;
  if (op == "hello") return hello();
  if (op == "scan") return scan(r.message);
  if (op == "anonymize") return anonymize(r.message);
  if (op == "restore") return restore(r.message);
  if (op == "forget") return forget(r.message);
  if (op == "scopes") return scopes();
  if (op == "entries") return entries(r.message);
  if (op == "presets") return presets(r.message);
  if (op == "settings") return settings(r.message);
  if (op == "stats") return stats();
  return make_error(ErrorCode::kUnknownOp, "unknown op '" + op.substr(0, 32) + "'");
}

Result<json> Dispatcher::hello() {
  json limits_json = {{"max_inbound_frame_bytes", limits::kMaxInboundFrameBytes},
                      {"max_outbound_frame_bytes", limits::kMaxOutboundFrameBytes},
                      {"max_text_bytes", limits::kMaxTextBytes}};
  auto svc = services_.get();
  if (!svc) {
    // Still an answer: the extension shows what is broken instead of "host not responding".
    const Error& e = svc.error();
    return json{{"version", VEIL_VERSION},
                {"protocol", kProtocolVersion},
                {"rules_version", ""},
                {"capabilities", json::array()},
                {"vault", {{"state", "error"}, {"key_storage", ""}}},
                {"limits", limits_json},
                {"service_error", {{"code", static_cast<int>(e.code)}, {"name", error_code_name(e.code)}, {"message", e.message}}}};
  }
  service::HelloInfo info = (*svc)->hello();
  return json{{"version", info.version.empty() ? std::string(VEIL_VERSION) : info.version},
              {"protocol", kProtocolVersion},
              {"rules_version", info.rules_version},
              {"capabilities", info.capabilities},
              {"vault", {{"state", info.vault_state}, {"key_storage", info.key_storage}}},
              {"limits", limits_json}};
}

Result<json> Dispatcher::scan(const json& m) {
  VEIL_TRY_ASSIGN(text, require_text(m));
  VEIL_TRY_ASSIGN(lang, optional_string(m, "lang"));
  VEIL_TRY_ASSIGN(preset, optional_string(m, "preset"));
  VEIL_TRY_ASSIGN(svc, services_.get());
  service::ScanRequest req;
  req.text = std::move(text);
  if (lang) req.lang = *lang;
  if (preset) req.preset = *preset;
  VEIL_TRY_ASSIGN(spans, svc->scan(req));
  text::OffsetConverter conv(req.text);
  json hits = json::array();
  for (const auto& s : spans) {
    hits.push_back({{"start", to_utf16(conv, s.start, req.text.size())},
                    {"end", to_utf16(conv, s.end, req.text.size())},
                    {"label", s.label},
                    {"subtype", s.subtype},
                    {"score", s.score}});
  }
  return json{{"hits", std::move(hits)}};
}

Result<json> Dispatcher::anonymize(const json& m) {
  VEIL_TRY_ASSIGN(text, require_text(m));
  VEIL_TRY_ASSIGN(scope, require_string(m, "scope"));
  VEIL_TRY_ASSIGN(preset, optional_string(m, "preset"));
  VEIL_TRY_ASSIGN(site, optional_string(m, "site"));
  VEIL_TRY_ASSIGN(lang, optional_string(m, "lang"));
  VEIL_TRY_ASSIGN(svc, services_.get());
  service::AnonymizeRequest req;
  req.text = std::move(text);
  req.scope = std::move(scope);
  if (preset) req.preset = *preset;
  if (site) req.site = *site;
  if (lang) req.lang = *lang;
  VEIL_TRY_ASSIGN(res, svc->anonymize(req));
  text::OffsetConverter orig(req.text);
  text::OffsetConverter masked(res.text);
  json entities = json::array();
  for (const auto& e : res.entities) {
    entities.push_back({{"placeholder", e.placeholder},
                        {"label", e.label},
                        {"start", to_utf16(orig, e.start, req.text.size())},
                        {"end", to_utf16(orig, e.end, req.text.size())},
                        {"masked_start", to_utf16(masked, e.masked_start, res.text.size())},
                        {"masked_end", to_utf16(masked, e.masked_end, res.text.size())}});
  }
  json counts = json::object();
  for (const auto& [label, n] : res.counts) counts[label] = n;
  return json{{"text", std::move(res.text)}, {"entities", std::move(entities)}, {"counts", std::move(counts)}};
}

Result<json> Dispatcher::restore(const json& m) {
  VEIL_TRY_ASSIGN(text, require_text(m));
  VEIL_TRY_ASSIGN(scope, require_string(m, "scope"));
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(res, svc->restore(text, scope));
  text::OffsetConverter in(text);
  text::OffsetConverter out(res.text);
  json placeholders = json::array();
  for (const auto& p : res.placeholders) {
    json item = {{"placeholder", p.placeholder},
                 {"found", p.found},
                 {"status", status_name(p.status)},
                 {"start", to_utf16(in, p.start, text.size())},
                 {"end", to_utf16(in, p.end, text.size())}};
    if (p.status == service::PlaceholderStatus::kRestored) {
      item["restored_start"] = to_utf16(out, p.restored_start, res.text.size());
      item["restored_end"] = to_utf16(out, p.restored_end, res.text.size());
    }
    if (!p.label.empty()) item["label"] = p.label;
    placeholders.push_back(std::move(item));
  }
  return json{{"text", std::move(res.text)}, {"placeholders", std::move(placeholders)}};
}

Result<json> Dispatcher::forget(const json& m) {
  VEIL_TRY_ASSIGN(all, optional_bool(m, "all"));
  if (all && *all) {
    VEIL_TRY_ASSIGN(svc, services_.get());
    VEIL_TRY_ASSIGN(removed, svc->forget_all());
    return json{{"removed", removed}};
  }
  VEIL_TRY_ASSIGN(scope, require_string(m, "scope"));
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(removed, svc->forget(scope));
  return json{{"removed", removed}};
}

Result<json> Dispatcher::scopes() {
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(list, svc->scopes());
  json out = json::array();
  for (const auto& s : list)
    out.push_back({{"scope", s.scope}, {"entries", s.entries}, {"created", s.created}, {"last_used", s.last_used}});
  return json{{"scopes", std::move(out)}};
}

Result<json> Dispatcher::entries(const json& m) {
  VEIL_TRY_ASSIGN(scope, require_string(m, "scope"));
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(list, svc->entries(scope));
  json out = json::array();
  for (const auto& e : list) out.push_back({{"placeholder", e.placeholder}, {"label", e.label}, {"value", e.value}});
  return json{{"entries", std::move(out)}};
}

Result<json> Dispatcher::presets(const json& m) {
  VEIL_TRY_ASSIGN(action, require_string(m, "action"));
  if (action == "list") {
    VEIL_TRY_ASSIGN(svc, services_.get());
    VEIL_TRY_ASSIGN(names, svc->list_presets());
    return json{{"presets", names}};
  }
  if (action != "get" && action != "put" && action != "delete")
    return make_error(ErrorCode::kInvalidArgument, "presets action must be list, get, put or delete");
  VEIL_TRY_ASSIGN(name, require_string(m, "name"));
  if (action == "get") {
    VEIL_TRY_ASSIGN(svc, services_.get());
    VEIL_TRY_ASSIGN(text, svc->get_preset(name));
    auto parsed = parse_json(text);
    if (!parsed) return make_error(ErrorCode::kPresetInvalid, "stored preset is not valid JSON");
    return json{{"preset", std::move(*parsed)}};
  }
  if (action == "put") {
    auto it = m.find("preset");
    if (it == m.end()) return make_error(ErrorCode::kMissingField, "field 'preset' is missing");
    if (!it->is_object()) return make_error(ErrorCode::kWrongType, "field 'preset' must be an object");
    VEIL_TRY_ASSIGN(svc, services_.get());
    VEIL_TRY_ASSIGN(done, svc->put_preset(name, dump_json(*it)));
    (void)done;
    return json::object();
  }
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(done, svc->delete_preset(name));
  (void)done;
  return json::object();
}

Result<json> Dispatcher::settings(const json& m) {
  VEIL_TRY_ASSIGN(action, require_string(m, "action"));
  if (action != "get" && action != "put")
    return make_error(ErrorCode::kInvalidArgument, "settings action must be get or put");
  if (action == "get") {
    VEIL_TRY_ASSIGN(svc, services_.get());
    VEIL_TRY_ASSIGN(current, svc->get_settings());
    return json{{"settings", settings_to_json(current)}};
  }
  auto it = m.find("settings");
  if (it == m.end()) return make_error(ErrorCode::kMissingField, "field 'settings' is missing");
  if (!it->is_object()) return make_error(ErrorCode::kWrongType, "field 'settings' must be an object");
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(current, svc->get_settings());
  VEIL_TRY_ASSIGN(merged, merge_settings(*it, current));
  (void)merged;
  VEIL_TRY_ASSIGN(stored, svc->put_settings(current));
  (void)stored;
  VEIL_TRY_ASSIGN(after, svc->get_settings());
  return json{{"settings", settings_to_json(after)}};
}

Result<json> Dispatcher::stats() {
  VEIL_TRY_ASSIGN(svc, services_.get());
  VEIL_TRY_ASSIGN(s, svc->stats());
  json masked = json::object();
  for (const auto& [label, n] : s.masked_today) masked[label] = n;
  return json{{"scopes", s.scopes}, {"entries", s.entries}, {"masked_today", std::move(masked)}};
}

#undef VEIL_TRY_ASSIGN

}  // namespace veil::protocol
