// The vault commands: anonymize, restore, forget, scopes, export and presets. Thin wrappers
// over service::Service; errors go to stderr as "veil: <message>", never with user text.
#include <ctime>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "service/service.h"
#include "text/utf8.h"

namespace veil::cli {
namespace {

using json = nlohmann::json;

bool wants_help(const Argv& args) {
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

int usage_error(const Error& e, const char* usage) {
  std::cerr << "veil: " << e.message << "\n" << usage;
  return 2;
}

Result<std::unique_ptr<service::Service>> open_service() { return service::Service::open(service::ServiceOptions{}); }

Result<std::string> read_checked(const Args& args) {
  auto text = read_input(args.positional);
  if (!text.ok()) return text.error();
  if (auto st = check_utf8(*text); !st.ok()) return st.error();
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

std::string age_text(std::int64_t then) {
  std::int64_t s = static_cast<std::int64_t>(std::time(nullptr)) - then;
  if (s < 0) s = 0;
  if (s < 120) return std::to_string(s) + "s";
  if (s < 7200) return std::to_string(s / 60) + "m";
  if (s < 172800) return std::to_string(s / 3600) + "h";
  return std::to_string(s / 86400) + "d";
}

constexpr const char* kAnonymizeUsage =
    "usage: veil anonymize --scope S [--preset P] [--lang L] [--json] [FILE|-]\n"
    "  Replaces personal data with placeholders; the map is kept in the encrypted vault under S.\n"
    "  --json prints {\"text\",\"entities\":[{\"placeholder\",\"label\",\"start\",\"end\"}]} with\n"
    "  Unicode code-point offsets into the original text.\n";
constexpr const char* kRestoreUsage =
    "usage: veil restore --scope S [--json] [FILE|-]\n"
    "  Puts the original values of scope S back into a text with placeholders.\n";
constexpr const char* kForgetUsage =
    "usage: veil forget --scope S | --all\n"
    "  Erases one conversation's placeholders, or every one, from the vault.\n";
constexpr const char* kScopesUsage =
    "usage: veil scopes [--json]\n"
    "  Lists conversations in the vault with entry counts and ages (never values).\n";
constexpr const char* kExportUsage =
    "usage: veil export --scope S --show-values\n"
    "  Prints the placeholder map of scope S as JSON, original values included.\n";
constexpr const char* kPresetsUsage =
    "usage: veil presets list | show NAME | import FILE [--name N] | export NAME | delete NAME\n"
    "  Manages presets (stored in the data directory; 'default' is built in).\n";

}  // namespace

int cmd_anonymize(const Argv& argv) {
  if (wants_help(argv)) return std::cout << kAnonymizeUsage, 0;
  auto args = parse_args(argv, {"--scope", "--preset", "--lang"}, {"--json"});
  if (!args.ok()) return usage_error(args.error(), kAnonymizeUsage);
  auto scope = args->get("--scope");
  if (!scope || scope->empty()) return usage_error(make_error(ErrorCode::kInvalidArgument, "--scope is required"), kAnonymizeUsage);
  auto text = read_checked(*args);
  if (!text.ok()) return fail(text.error());
  auto svc = open_service();
  if (!svc.ok()) return fail(svc.error());
  service::AnonymizeRequest req;
  req.text = *text;
  req.scope = *scope;
  req.preset = args->get_or("--preset", "");
  req.lang = args->get_or("--lang", "auto");
  auto res = (*svc)->anonymize(req);
  if (!res.ok()) return fail(res.error());
  if (!args->has("--json")) {
    std::cout << res->text;
    return 0;
  }
  text::OffsetConverter conv(*text);
  json entities = json::array();
  for (const auto& e : res->entities) {
    entities.push_back({{"placeholder", e.placeholder},
                        {"label", e.label},
                        {"start", conv.byte_to_codepoint(e.start)},
                        {"end", conv.byte_to_codepoint(e.end)}});
  }
  std::cout << json{{"text", res->text}, {"entities", entities}}.dump() << "\n";
  return 0;
}

int cmd_restore(const Argv& argv) {
  if (wants_help(argv)) return std::cout << kRestoreUsage, 0;
  auto args = parse_args(argv, {"--scope"}, {"--json"});
  if (!args.ok()) return usage_error(args.error(), kRestoreUsage);
  auto scope = args->get("--scope");
  if (!scope || scope->empty()) return usage_error(make_error(ErrorCode::kInvalidArgument, "--scope is required"), kRestoreUsage);
  auto text = read_checked(*args);
  if (!text.ok()) return fail(text.error());
  auto svc = open_service();
  if (!svc.ok()) return fail(svc.error());
  auto res = (*svc)->restore(*text, *scope);
  if (!res.ok()) return fail(res.error());
  if (!args->has("--json")) {
    std::cout << res->text;
    return 0;
  }
  text::OffsetConverter conv(*text);
  json list = json::array();
  for (const auto& p : res->placeholders) {
    list.push_back({{"placeholder", p.placeholder},
                    {"found", p.found},
                    {"label", p.label},
                    {"status", status_name(p.status)},
                    {"start", conv.byte_to_codepoint(p.start)},
                    {"end", conv.byte_to_codepoint(p.end)}});
  }
  std::cout << json{{"text", res->text}, {"placeholders", list}}.dump() << "\n";
  return 0;
}

int cmd_forget(const Argv& argv) {
  if (wants_help(argv)) return std::cout << kForgetUsage, 0;
  auto args = parse_args(argv, {"--scope"}, {"--all"});
  if (!args.ok()) return usage_error(args.error(), kForgetUsage);
  auto scope = args->get("--scope");
  if (args->has("--all") == scope.has_value() || !args->positional.empty()) {
    return usage_error(make_error(ErrorCode::kInvalidArgument, "give either --scope S or --all"), kForgetUsage);
  }
  auto svc = open_service();
  if (!svc.ok()) return fail(svc.error());
  auto removed = args->has("--all") ? (*svc)->forget_all() : (*svc)->forget(*scope);
  if (!removed.ok()) return fail(removed.error());
  std::cout << "forgot " << *removed << " entr" << (*removed == 1 ? "y" : "ies") << "\n";
  return 0;
}

int cmd_scopes(const Argv& argv) {
  if (wants_help(argv)) return std::cout << kScopesUsage, 0;
  auto args = parse_args(argv, {}, {"--json"});
  if (!args.ok()) return usage_error(args.error(), kScopesUsage);
  auto svc = open_service();
  if (!svc.ok()) return fail(svc.error());
  auto list = (*svc)->scopes();
  if (!list.ok()) return fail(list.error());
  if (args->has("--json")) {
    json out = json::array();
    for (const auto& s : *list) {
      out.push_back({{"scope", s.scope}, {"entries", s.entries}, {"created", s.created}, {"last_used", s.last_used}});
    }
    std::cout << out.dump() << "\n";
    return 0;
  }
  for (const auto& s : *list) {
    std::cout << s.scope << "\t" << s.entries << " entr" << (s.entries == 1 ? "y" : "ies") << "\tcreated "
              << age_text(s.created) << " ago\tused " << age_text(s.last_used) << " ago\n";
  }
  return 0;
}

int cmd_export(const Argv& argv) {
  if (wants_help(argv)) return std::cout << kExportUsage, 0;
  auto args = parse_args(argv, {"--scope"}, {"--show-values"});
  if (!args.ok()) return usage_error(args.error(), kExportUsage);
  auto scope = args->get("--scope");
  if (!scope || scope->empty()) return usage_error(make_error(ErrorCode::kInvalidArgument, "--scope is required"), kExportUsage);
  if (!args->has("--show-values")) {
    return usage_error(make_error(ErrorCode::kInvalidArgument,
                                  "export prints original personal data; add --show-values to confirm"),
                       kExportUsage);
  }
  auto svc = open_service();
  if (!svc.ok()) return fail(svc.error());
  auto list = (*svc)->entries(*scope);
  if (!list.ok()) return fail(list.error());
  json out = json::array();
  for (const auto& e : *list) {
    json row = {{"placeholder", e.placeholder}, {"label", e.label}};
    if (e.damaged) {
      row["error"] = "vault_decrypt_failed";
    } else {
      row["value"] = e.value;
    }
    out.push_back(std::move(row));
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

int cmd_presets(const Argv& argv) {
  if (wants_help(argv) || argv.empty()) return std::cout << kPresetsUsage, argv.empty() ? 2 : 0;
  auto args = parse_args(argv, {"--name"}, {});
  if (!args.ok()) return usage_error(args.error(), kPresetsUsage);
  const auto& pos = args->positional;
  const std::string sub = pos.empty() ? "" : pos[0];
  auto need = [&](std::size_t n) { return pos.size() == n; };
  if (!((sub == "list" && need(1)) || ((sub == "show" || sub == "export" || sub == "delete" || sub == "import") && need(2)))) {
    return usage_error(make_error(ErrorCode::kInvalidArgument, "unknown or incomplete presets command"), kPresetsUsage);
  }
  auto svc = open_service();
  if (!svc.ok()) return fail(svc.error());
  if (sub == "list") {
    auto names = (*svc)->list_presets();
    if (!names.ok()) return fail(names.error());
    for (const auto& n : *names) std::cout << n << "\n";
    return 0;
  }
  if (sub == "show" || sub == "export") {
    auto doc = (*svc)->get_preset(pos[1]);
    if (!doc.ok()) return fail(doc.error());
    std::cout << *doc;
    if (doc->empty() || doc->back() != '\n') std::cout << "\n";
    return 0;
  }
  if (sub == "delete") {
    auto st = (*svc)->delete_preset(pos[1]);
    if (!st.ok()) return fail(st.error());
    return 0;
  }
  // import FILE [--name N]: the name defaults to the document's own "name".
  auto doc = read_input({pos[1]});
  if (!doc.ok()) return fail(doc.error());
  std::string name = args->get_or("--name", "");
  if (name.empty()) {
    try {
      auto j = json::parse(*doc);
      if (j.is_object() && j.contains("name") && j["name"].is_string()) name = j["name"].get<std::string>();
    } catch (const json::exception&) {
      return fail(make_error(ErrorCode::kPresetInvalid, "the preset file is not valid JSON"));
    }
  }
  if (name.empty()) return fail(make_error(ErrorCode::kInvalidArgument, "the preset has no name; give --name N"));
  auto st = (*svc)->put_preset(name, *doc);
  if (!st.ok()) return fail(st.error());
  std::cout << "imported preset " << name << "\n";
  return 0;
}

}  // namespace veil::cli
