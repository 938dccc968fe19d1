// The service layer (see service.h): presets, settings, engines per preset, the vault, the
// anonymizer and restore, composed for the CLI and the protocol. Never logs user text; every
// error message here names fields, files and codes, never values or scopes.
#include "service/service.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <span>
#include <utility>

#include <nlohmann/json.hpp>

#include "anonymize/anonymizer.h"
#include "anonymize/canonical.h"
#include "anonymize/operators.h"
#include "anonymize/placeholder.h"
#include "anonymize/preset.h"
#include "anonymize/restore.h"
#include "common/limits.h"
#include "common/paths.h"
#include "detect/engine.h"
#include "rules/loader.h"
#include "text/utf8.h"
#include "vault/key_provider.h"
#include "vault/vault.h"

namespace veil::service {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kBuiltinPreset = "default";
constexpr double kCustomRuleDefaultScore = 0.9;
// Deny terms and custom rules win overlaps of equal extent against shipped rules.
constexpr int kDenyPriority = 1000;
constexpr int kCustomPriority = 500;
// Rule ids of deny-list rules start with this, so the service can exempt them from filters.
constexpr const char* kDenyRulePrefix = "preset.deny.";

Status check_text(const std::string& text) {
  if (text.size() > limits::kMaxTextBytes) {
    return make_error(ErrorCode::kTextTooLarge, "text is " + std::to_string(text.size()) + " bytes; the limit is " +
                                                    std::to_string(limits::kMaxTextBytes));
  }
  if (auto bad = text::find_invalid_utf8(text)) {
    return make_error(ErrorCode::kInvalidUtf8, "invalid UTF-8 at byte " + std::to_string(*bad));
  }
  return Ok{};
}

Result<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot read " + p.string());
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return make_error(ErrorCode::kIo, "cannot read " + p.string());
  return s;
}

// Written to a temporary file (0600) and renamed over the target, so a reader in another
// process sees the old or the new document, never half of one.
Status write_file_atomic(const fs::path& p, const std::string& content) {
  std::string tmp = p.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(randombytes_random());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return make_error(ErrorCode::kIo, "cannot write " + p.string());
  std::size_t done = 0;
  bool ok = true;
  while (done < content.size()) {
    ssize_t w = ::write(fd, content.data() + done, content.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(w);
  }
  if (ok && ::fsync(fd) != 0) ok = false;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), p.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return make_error(ErrorCode::kIo, "cannot write " + p.string());
  }
  return Ok{};
}

std::string vault_state_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kVaultLocked: return "locked";
    case ErrorCode::kVaultCorrupt: return "corrupt";
    case ErrorCode::kVaultKeyMissing: return "key_missing";
    default: return "error";
  }
}

bool valid_extension_id(const std::string& id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'p'; });
}

Status validate_settings(const Settings& s) {
  if (!s.session_only && (s.retention_seconds < limits::kRetentionMin.count() ||
                          s.retention_seconds > limits::kRetentionMax.count())) {
    return make_error(ErrorCode::kInvalidArgument,
                      "retention_seconds must be from " + std::to_string(limits::kRetentionMin.count()) + " to " +
                          std::to_string(limits::kRetentionMax.count()));
  }
  if (s.fail_mode != "closed" && s.fail_mode != "open") {
    return make_error(ErrorCode::kInvalidArgument, "fail_mode must be \"closed\" or \"open\"");
  }
  if (!anonymize::is_valid_preset_name(s.default_preset)) {
    return make_error(ErrorCode::kInvalidArgument, "default_preset is not a valid preset name");
  }
  for (const auto& id : s.extra_extension_ids) {
    if (!valid_extension_id(id)) {
      return make_error(ErrorCode::kInvalidArgument, "extra_extension_ids: each must be 32 letters a-p");
    }
  }
  return Ok{};
}

std::string settings_to_json(const Settings& s) {
  json j = {{"retention_seconds", s.retention_seconds},
            {"session_only", s.session_only},
            {"default_preset", s.default_preset},
            {"fail_mode", s.fail_mode},
            {"extra_extension_ids", s.extra_extension_ids}};
  return j.dump(2) + "\n";
}

Result<Settings> settings_from_json(const std::string& text) {
  Settings s;
  try {
    json j = json::parse(text);
    if (!j.is_object()) return make_error(ErrorCode::kInvalidArgument, "settings.json: expected an object");
    for (auto it = j.begin(); it != j.end(); ++it) {
      const auto& k = it.key();
      const auto& v = it.value();
      if (k == "retention_seconds" && v.is_number_integer()) {
        s.retention_seconds = v.get<std::int64_t>();
      } else if (k == "session_only" && v.is_boolean()) {
        s.session_only = v.get<bool>();
      } else if (k == "default_preset" && v.is_string()) {
        s.default_preset = v.get<std::string>();
      } else if (k == "fail_mode" && v.is_string()) {
        s.fail_mode = v.get<std::string>();
      } else if (k == "extra_extension_ids" && v.is_array()) {
        s.extra_extension_ids.clear();
        for (const auto& e : v) {
          if (!e.is_string()) return make_error(ErrorCode::kInvalidArgument, "settings.json: extra_extension_ids");
          s.extra_extension_ids.push_back(e.get<std::string>());
        }
      } else {
        return make_error(ErrorCode::kInvalidArgument, "settings.json: unknown or mistyped field '" + k + "'");
      }
    }
  } catch (const json::exception&) {
    return make_error(ErrorCode::kInvalidArgument, "settings.json is not valid JSON");
  }
  if (auto st = validate_settings(s); !st.ok()) {
    return make_error(ErrorCode::kInvalidArgument, "settings.json: " + st.error().message);
  }
  return s;
}

// What of a preset changes the engine: custom rules and deny terms.
std::string engine_key(const anonymize::Preset& p) {
  std::string key;
  auto add = [&key](const std::string& s) {
    key += std::to_string(s.size());
    key += ':';
    key += s;
  };
  for (const auto& r : p.custom_rules) {
    add(r.id);
    add(r.label);
    add(r.pattern);
    add(r.caseless ? "i" : "-");
    add(r.score ? std::to_string(*r.score) : "");
  }
  key += '|';
  for (const auto& d : p.deny) {
    add(d.label);
    add(d.term);
  }
  return key;
}

detect::RuleSet effective_rules(const detect::RuleSet& base, const anonymize::Preset& p) {
  detect::RuleSet rules = base;
  for (const auto& c : p.custom_rules) {
    detect::Rule r;
    r.id = "preset.custom." + c.id;
    r.kind = detect::RuleKind::kRegex;
    r.label = c.label;
    r.patterns = {c.pattern};
    r.caseless = c.caseless;
    // The user's pattern means exactly what it says; no implicit word boundaries.
    r.word_boundary = false;
    r.score = c.score.value_or(kCustomRuleDefaultScore);
    r.priority = kCustomPriority;
    r.source_file = "preset " + p.name;
    rules.rules.push_back(std::move(r));
  }
  std::map<std::string, std::vector<std::string>> deny_by_label;
  for (const auto& d : p.deny) deny_by_label[d.label].push_back(d.term);
  for (auto& [label, terms] : deny_by_label) {
    detect::Rule r;
    r.id = std::string(kDenyRulePrefix) + label;
    r.kind = detect::RuleKind::kDictionary;
    r.label = label;
    r.patterns = std::move(terms);
    r.caseless = true;
    r.score = 1.0;
    r.priority = kDenyPriority;
    r.emit = true;
    r.source_file = "preset " + p.name;
    rules.rules.push_back(std::move(r));
  }
  return rules;
}

bool is_deny_span(const detect::Span& s) { return s.rule_id.rfind(kDenyRulePrefix, 0) == 0; }

// The region libphonenumber assumes for national numbers, from the text language.
std::string region_for(const std::string& lang) {
  if (lang == "fr") return "FR";
  if (lang == "de") return "DE";
  if (lang == "en") return "GB";
  return "NL";
}

}  // namespace

struct Service::Impl {
  ServiceOptions options;
  std::mutex mutex;
  detect::RuleSet base_rules;
  std::shared_ptr<vault::KeyProvider> keys;
  std::unique_ptr<vault::Vault> vault;
  // Engines by engine_key(preset): presets with the same custom rules and deny terms share one.
  std::map<std::string, std::shared_ptr<const detect::Engine>> engines;

  fs::path presets_dir() const { return options.data_dir / "presets"; }
  fs::path settings_path() const { return options.data_dir / "settings.json"; }
  fs::path vault_path() const { return options.data_dir / "vault.db"; }

  Result<Settings> load_settings() {
    std::error_code ec;
    if (!fs::exists(settings_path(), ec)) return Settings{};
    auto text = read_file(settings_path());
    if (!text.ok()) return text.error();
    return settings_from_json(*text);
  }

  Result<vault::Vault*> get_vault() {
    auto settings = load_settings();
    if (!settings.ok()) return settings.error();
    if (vault) {
      vault->set_retention(settings->retention_seconds, settings->session_only);
      return vault.get();
    }
    vault::VaultOptions vo;
    vo.retention_seconds = settings->retention_seconds;
    vo.session_only = settings->session_only;
    vo.clock = options.clock;
    auto opened = vault::Vault::open(vault_path(), keys, std::move(vo));
    if (!opened.ok()) return opened.error();
    vault = std::move(*opened);
    return vault.get();
  }

  Result<anonymize::Preset> load_preset(const std::string& requested) {
    std::string name = requested;
    if (name.empty()) {
      auto settings = load_settings();
      name = settings.ok() ? settings->default_preset : std::string(kBuiltinPreset);
    }
    if (name == kBuiltinPreset) return anonymize::default_preset();
    if (!anonymize::is_valid_preset_name(name)) {
      return make_error(ErrorCode::kPresetNotFound, "no preset named '" + name + "'");
    }
    auto path = presets_dir() / (name + ".json");
    std::error_code ec;
    if (!fs::exists(path, ec)) return make_error(ErrorCode::kPresetNotFound, "no preset named '" + name + "'");
    auto text = read_file(path);
    if (!text.ok()) return text.error();
    auto preset = anonymize::parse_preset(*text);
    if (!preset.ok()) {
      return make_error(ErrorCode::kPresetInvalid, "stored preset '" + name + "' is invalid: " + preset.error().message);
    }
    preset->name = name;
    return preset;
  }

  Result<std::shared_ptr<const detect::Engine>> engine_for(const anonymize::Preset& p) {
    std::string key = engine_key(p);
    if (auto it = engines.find(key); it != engines.end()) return it->second;
    detect::EngineOptions eo;
    eo.cache_dir = options.cache_dir;
    auto built = detect::Engine::build(effective_rules(base_rules, p), eo);
    if (!built.ok()) return built.error();
    std::shared_ptr<const detect::Engine> engine(std::move(*built));
    engines.emplace(key, engine);
    return engine;
  }

  // Detection with the preset's labels, thresholds and allow list applied.
  Result<std::vector<detect::Span>> detect(const std::string& text, const std::string& lang,
                                           const anonymize::Preset& p) {
    auto engine = engine_for(p);
    if (!engine.ok()) return engine.error();
    detect::ScanOptions so;
    so.lang = lang.empty() ? "auto" : lang;
    double lowest = p.threshold;
    for (const auto& [label, t] : p.thresholds) lowest = std::min(lowest, t);
    so.threshold = lowest;
    auto spans = (*engine)->scan(text, so);
    if (!spans.ok()) return spans.error();
    const std::string region = region_for(so.lang);
    std::vector<detect::Span> kept;
    kept.reserve(spans->size());
    for (auto& s : *spans) {
      if (!is_deny_span(s)) {
        if (!p.label_enabled(s.label)) continue;
        if (s.score + 1e-9 < p.threshold_for(s.label)) continue;
        std::string_view value(text.data() + s.start, s.end - s.start);
        if (anonymize::is_allowed(p, value, s.label, region)) continue;
      }
      kept.push_back(std::move(s));
    }
    return kept;
  }
};

Service::Service(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Service::~Service() = default;

Result<std::unique_ptr<Service>> Service::open(ServiceOptions options) {
  if (sodium_init() < 0) return make_error(ErrorCode::kInternal, "libsodium failed to initialise");
  auto impl = std::make_unique<Impl>();
  if (options.data_dir.empty()) options.data_dir = paths::data_dir();
  if (options.cache_dir.empty()) options.cache_dir = paths::cache_dir();
  if (options.rules_dir.empty()) options.rules_dir = rules::default_rules_dir();
  if (auto st = vault::ensure_private_dir(options.data_dir); !st.ok()) return st.error();
  if (!options.key_provider) options.key_provider = vault::default_key_provider(options.data_dir);
  impl->keys = options.key_provider;
  impl->options = std::move(options);

  auto rules = rules::load_rules_dir(impl->options.rules_dir);
  if (!rules.ok()) return rules.error();
  impl->base_rules = std::move(*rules);
  // The default preset's engine is built now, so the first request pays no compile time.
  auto engine = impl->engine_for(anonymize::default_preset());
  if (!engine.ok()) return engine.error();
  return std::unique_ptr<Service>(new Service(std::move(impl)));
}

HelloInfo Service::hello() {
  std::lock_guard lock(impl_->mutex);
  HelloInfo info;
  info.version = VEIL_VERSION;
  info.rules_version = impl_->base_rules.version;
  info.capabilities = {"scan", "anonymize", "restore", "forget", "scopes", "entries", "presets", "settings", "stats"};
  auto v = impl_->get_vault();
  if (v.ok()) {
    info.vault_state = "ok";
    info.key_storage = (*v)->key_storage();
  } else {
    info.vault_state = vault_state_name(v.error().code);
    info.key_storage = impl_->keys->storage();
  }
  return info;
}

Result<std::vector<detect::Span>> Service::scan(const ScanRequest& request) {
  if (auto st = check_text(request.text); !st.ok()) return st.error();
  std::lock_guard lock(impl_->mutex);
  auto preset = impl_->load_preset(request.preset);
  if (!preset.ok()) return preset.error();
  return impl_->detect(request.text, request.lang, *preset);
}

Result<AnonymizeResponse> Service::anonymize(const AnonymizeRequest& request) {
  if (auto st = check_text(request.text); !st.ok()) return st.error();
  if (request.scope.empty()) return make_error(ErrorCode::kInvalidArgument, "a scope is required");
  std::lock_guard lock(impl_->mutex);
  auto preset = impl_->load_preset(request.preset);
  if (!preset.ok()) return preset.error();
  const auto& p = *preset;
  auto spans = impl_->detect(request.text, request.lang, p);
  if (!spans.ok()) return spans.error();
  const std::string& text = request.text;
  const std::string region = region_for(request.lang.empty() ? "auto" : request.lang);

  // Each span's key span: the first span of its entity group with the same label (or
  // itself). A group can join a name and an email made of it; sharing one placeholder across
  // labels would restore the email as the name, so only same-label members share.
  std::vector<std::size_t> key_of(spans->size());
  std::map<std::pair<int, std::string>, std::size_t> group_first;
  for (std::size_t i = 0; i < spans->size(); ++i) {
    int g = (*spans)[i].entity_group;
    if (g < 0) {
      key_of[i] = i;
      continue;
    }
    auto [it, inserted] = group_first.emplace(std::make_pair(g, (*spans)[i].label), i);
    key_of[i] = it->second;
  }
  auto value_of = [&](std::size_t i) {
    const auto& s = (*spans)[i];
    return std::string(text.data() + s.start, s.end - s.start);
  };

  // Replace: one vault item per key span, assigned in one transaction.
  std::vector<std::size_t> replace_keys;
  bool needs_vault = false;
  for (std::size_t i = 0; i < spans->size(); ++i) {
    auto op = p.operator_for((*spans)[key_of[i]].label);
    if (op == anonymize::Operator::kReplace || op == anonymize::Operator::kHash) needs_vault = true;
    if (op == anonymize::Operator::kReplace && key_of[i] == i) replace_keys.push_back(i);
  }
  vault::Vault* vault = nullptr;
  if (needs_vault) {
    auto v = impl_->get_vault();
    if (!v.ok()) return v.error();
    vault = *v;
  }
  std::map<std::size_t, std::string> placeholder_of_key;
  if (!replace_keys.empty()) {
    std::map<std::string, std::set<int>> reserved;
    for (const auto& lit : anonymize::find_literal_placeholders(text)) reserved[lit.label].insert(lit.number);
    std::vector<vault::AssignItem> items;
    items.reserve(replace_keys.size());
    for (std::size_t k : replace_keys) {
      const auto& s = (*spans)[k];
      std::string value = value_of(k);
      vault::AssignItem item;
      item.entity_label = s.label;
      item.placeholder_label = anonymize::placeholder_label(s.label, p.language);
      item.canonical = anonymize::canonical_value(value, s.label, region);
      item.value = std::move(value);
      items.push_back(std::move(item));
    }
    auto assigned = vault->assign(request.scope, items, reserved, [](const std::string& label, int n) {
      return anonymize::format_placeholder(label, n);
    });
    if (!assigned.ok()) return assigned.error();
    for (std::size_t j = 0; j < replace_keys.size(); ++j) placeholder_of_key[replace_keys[j]] = (*assigned)[j];
  }

  std::vector<anonymize::Replacement> replacements;
  std::vector<std::size_t> replacement_span;
  AnonymizeResponse response;
  std::optional<std::array<unsigned char, 32>> hash_key;
  for (std::size_t i = 0; i < spans->size(); ++i) {
    const auto& s = (*spans)[i];
    std::size_t k = key_of[i];
    auto op = p.operator_for((*spans)[k].label);
    std::string out;
    switch (op) {
      case anonymize::Operator::kReplace: out = placeholder_of_key[k]; break;
      case anonymize::Operator::kMask: out = anonymize::mask_value(value_of(i), s.label); break;
      case anonymize::Operator::kHash: {
        if (!hash_key) hash_key = vault->operator_hash_key();
        out = anonymize::hash_value(std::span<const unsigned char, 32>(*hash_key), request.scope, value_of(k),
                                    (*spans)[k].label, p.language);
        break;
      }
      case anonymize::Operator::kRedact: out = std::string(anonymize::kRedactedText); break;
      case anonymize::Operator::kKeep: break;
    }
    response.counts[s.label] += 1;
    EntityReport report;
    report.label = s.label;
    report.start = s.start;
    report.end = s.end;
    if (op == anonymize::Operator::kKeep) {
      response.entities.push_back(std::move(report));
      replacement_span.push_back(SIZE_MAX);
      continue;
    }
    report.placeholder = out;
    response.entities.push_back(std::move(report));
    replacement_span.push_back(replacements.size());
    replacements.push_back({s.start, s.end, std::move(out)});
  }
  if (hash_key) sodium_memzero(hash_key->data(), hash_key->size());
  auto applied = anonymize::apply_replacements(text, replacements);
  if (!applied.ok()) return applied.error();
  response.text = std::move(applied->text);
  // Kept entities: their masked position follows from the replacements before them.
  std::ptrdiff_t shift = 0;
  for (std::size_t i = 0; i < response.entities.size(); ++i) {
    auto& e = response.entities[i];
    if (replacement_span[i] != SIZE_MAX) {
      const auto& pos = applied->positions[replacement_span[i]];
      e.masked_start = pos.first;
      e.masked_end = pos.second;
      shift = static_cast<std::ptrdiff_t>(pos.second) - static_cast<std::ptrdiff_t>(e.end);
    } else {
      e.masked_start = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.start) + shift);
      e.masked_end = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.end) + shift);
    }
  }
  if (!response.counts.empty()) {
    // Statistics are best effort: they never fail an anonymize that succeeded.
    if (!vault) {
      if (auto v = impl_->get_vault(); v.ok()) vault = *v;
    }
    if (vault) (void)vault->record_masked(response.counts);
  }
  return response;
}

Result<RestoreResponse> Service::restore(const std::string& text, const std::string& scope) {
  if (auto st = check_text(text); !st.ok()) return st.error();
  if (scope.empty()) return make_error(ErrorCode::kInvalidArgument, "a scope is required");
  std::lock_guard lock(impl_->mutex);
  auto v = impl_->get_vault();
  if (!v.ok()) return v.error();
  auto entries = (*v)->entries(scope);
  if (!entries.ok()) return entries.error();
  // One read of the scope; damaged entries stay unknown (reported, never guessed).
  std::map<std::string, const vault::Entry*, std::less<>> by_placeholder;
  std::set<std::string> labels(anonymize::all_placeholder_labels().begin(), anonymize::all_placeholder_labels().end());
  for (const auto& e : *entries) {
    by_placeholder[e.placeholder] = &e;
    // Custom labels ("TICKETID") are found only when restore is told about them.
    if (e.placeholder.size() > 2 && e.placeholder.front() == '[') {
      auto us = e.placeholder.rfind('_');
      if (us != std::string::npos && us > 1) labels.insert(e.placeholder.substr(1, us - 1));
    }
  }
  auto lookup = [&by_placeholder](std::string_view canonical) -> std::optional<std::string> {
    auto it = by_placeholder.find(canonical);
    if (it == by_placeholder.end() || !it->second->value) return std::nullopt;
    return *it->second->value;
  };
  auto out = anonymize::restore_text(text, lookup, std::vector<std::string>(labels.begin(), labels.end()));
  RestoreResponse response;
  response.text = std::move(out.text);
  for (auto& r : out.placeholders) {
    PlaceholderReport pr;
    pr.placeholder = r.placeholder;
    pr.found = std::move(r.found);
    auto it = by_placeholder.find(r.placeholder);
    pr.label = it != by_placeholder.end() ? it->second->entity_label : r.entity_label;
    switch (r.status) {
      case anonymize::RestoreStatus::kRestored: pr.status = PlaceholderStatus::kRestored; break;
      case anonymize::RestoreStatus::kUnknown: pr.status = PlaceholderStatus::kUnknown; break;
      case anonymize::RestoreStatus::kAmbiguous: pr.status = PlaceholderStatus::kAmbiguous; break;
    }
    pr.start = r.start;
    pr.end = r.end;
    pr.restored_start = r.output_start;
    pr.restored_end = r.output_end;
    response.placeholders.push_back(std::move(pr));
  }
  return response;
}

Result<std::int64_t> Service::forget(const std::string& scope) {
  if (scope.empty()) return make_error(ErrorCode::kInvalidArgument, "a scope is required");
  std::lock_guard lock(impl_->mutex);
  auto v = impl_->get_vault();
  if (!v.ok()) return v.error();
  return (*v)->forget(scope);
}

Result<std::int64_t> Service::forget_all() {
  std::lock_guard lock(impl_->mutex);
  auto v = impl_->get_vault();
  if (!v.ok()) return v.error();
  return (*v)->forget_all();
}

Result<std::vector<ScopeInfo>> Service::scopes() {
  std::lock_guard lock(impl_->mutex);
  auto v = impl_->get_vault();
  if (!v.ok()) return v.error();
  auto list = (*v)->scopes();
  if (!list.ok()) return list.error();
  std::vector<ScopeInfo> out;
  out.reserve(list->size());
  for (auto& s : *list) out.push_back(ScopeInfo{std::move(s.scope), s.entries, s.created, s.last_used});
  return out;
}

Result<std::vector<EntryView>> Service::entries(const std::string& scope) {
  std::lock_guard lock(impl_->mutex);
  auto v = impl_->get_vault();
  if (!v.ok()) return v.error();
  auto list = (*v)->entries(scope);
  if (!list.ok()) return list.error();
  std::vector<EntryView> out;
  out.reserve(list->size());
  for (auto& e : *list) {
    EntryView view;
    view.placeholder = std::move(e.placeholder);
    view.label = std::move(e.entity_label);
    view.damaged = !e.value.has_value();
    if (e.value) view.value = std::move(*e.value);
    out.push_back(std::move(view));
  }
  return out;
}

Result<std::vector<std::string>> Service::list_presets() {
  std::lock_guard lock(impl_->mutex);
  std::set<std::string> names = {kBuiltinPreset};
  std::error_code ec;
  for (fs::directory_iterator it(impl_->presets_dir(), ec), end; !ec && it != end; it.increment(ec)) {
    const auto& path = it->path();
    if (path.extension() != ".json") continue;
    std::string name = path.stem().string();
    if (anonymize::is_valid_preset_name(name)) names.insert(name);
  }
  return std::vector<std::string>(names.begin(), names.end());
}

Result<std::string> Service::get_preset(const std::string& name) {
  std::lock_guard lock(impl_->mutex);
  auto p = impl_->load_preset(name.empty() ? std::string(kBuiltinPreset) : name);
  if (!p.ok()) return p.error();
  return anonymize::serialize_preset(*p);
}

Status Service::put_preset(const std::string& name, const std::string& json_text) {
  if (!anonymize::is_valid_preset_name(name)) {
    return make_error(ErrorCode::kInvalidArgument, "preset names are 1-64 of a-z, 0-9, '_' and '-'");
  }
  if (name == kBuiltinPreset) {
    return make_error(ErrorCode::kInvalidArgument, "the built-in preset 'default' cannot be replaced; import "
                                                   "under another name and make that the default preset");
  }
  if (json_text.size() > anonymize::kMaxPresetJsonBytes) {
    return make_error(ErrorCode::kPresetInvalid, "preset document is larger than the limit");
  }
  auto preset = anonymize::parse_preset(json_text);
  if (!preset.ok()) return make_error(ErrorCode::kPresetInvalid, preset.error().message);
  preset->name = name;
  std::lock_guard lock(impl_->mutex);
  // Built before storing: a preset whose rules do not compile never replaces a working one.
  auto engine = impl_->engine_for(*preset);
  if (!engine.ok()) return make_error(ErrorCode::kPresetInvalid, engine.error().message);
  if (auto st = vault::ensure_private_dir(impl_->presets_dir()); !st.ok()) return st.error();
  return write_file_atomic(impl_->presets_dir() / (name + ".json"), anonymize::serialize_preset(*preset));
}

Status Service::delete_preset(const std::string& name) {
  if (name == kBuiltinPreset) return make_error(ErrorCode::kInvalidArgument, "the built-in preset cannot be deleted");
  if (!anonymize::is_valid_preset_name(name)) {
    return make_error(ErrorCode::kPresetNotFound, "no preset named '" + name + "'");
  }
  std::lock_guard lock(impl_->mutex);
  std::error_code ec;
  if (!fs::remove(impl_->presets_dir() / (name + ".json"), ec)) {
    if (ec) return make_error(ErrorCode::kIo, "cannot delete preset '" + name + "'");
    return make_error(ErrorCode::kPresetNotFound, "no preset named '" + name + "'");
  }
  return Ok{};
}

Result<Settings> Service::get_settings() {
  std::lock_guard lock(impl_->mutex);
  return impl_->load_settings();
}

Status Service::put_settings(const Settings& settings) {
  if (auto st = validate_settings(settings); !st.ok()) return st;
  std::lock_guard lock(impl_->mutex);
  if (settings.default_preset != kBuiltinPreset) {
    std::error_code ec;
    if (!fs::exists(impl_->presets_dir() / (settings.default_preset + ".json"), ec)) {
      return make_error(ErrorCode::kPresetNotFound, "no preset named '" + settings.default_preset + "'");
    }
  }
  if (auto st = write_file_atomic(impl_->settings_path(), settings_to_json(settings)); !st.ok()) return st;
  if (impl_->vault) {
    impl_->vault->set_retention(settings.retention_seconds, settings.session_only);
    (void)impl_->vault->purge_expired();
  }
  return Ok{};
}

Result<Stats> Service::stats() {
  std::lock_guard lock(impl_->mutex);
  auto v = impl_->get_vault();
  if (!v.ok()) return v.error();
  auto counts = (*v)->counts();
  if (!counts.ok()) return counts.error();
  auto today = (*v)->masked_today();
  if (!today.ok()) return today.error();
  Stats s;
  s.scopes = counts->scopes;
  s.entries = counts->entries;
  s.masked_today = std::move(*today);
  return s;
}

}  // namespace veil::service
