// The detection engine (see engine.h). Compile once, scan many: build() turns a RuleSet into
// a regex database, a literal database of the emitting dictionaries (deny lists), validator
// bindings, lower-cased context words and recognizers; scan() is const and thread-safe
// (scratch from a pool).
#include "detect/engine.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "common/limits.h"
#include "detect/hyperscan_db.h"
#include "detect/language.h"
#include "detect/recognizer.h"
#include "detect/validators/validator.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace veil::detect {

namespace {

struct RawMatch {
  std::uint32_t id;
  std::uint32_t from;
  std::uint32_t to;
};

// An emitting dictionary's entry found in the text, on word boundaries (checked with ICU
// character classes, so "Müller" never matches inside "Müllerstraße").
struct DictionaryHit {
  std::uint32_t rule_index = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Lower-cased context words of one rule, per language ("*" included in every language).
struct CompiledContext {
  std::unordered_map<std::string, std::vector<std::string>> words;
  std::unordered_map<std::string, std::vector<std::string>> negative;
  // The words that count for a scan language ("auto": all), merged once at build time so a
  // candidate's context check copies nothing.
  std::unordered_map<std::string, std::vector<std::string>> words_for_lang;
  std::unordered_map<std::string, std::vector<std::string>> negative_for_lang;
  std::size_t before = limits::kDefaultContextWindowBytes;
  std::size_t after = limits::kDefaultContextWindowBytes;
  bool any = false;
};

std::string fold_case(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_word_char_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  int32_t idx = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), idx, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isalnum(c);
}

bool is_word_char_before(std::string_view text, std::size_t i) {
  if (i == 0) return false;
  int32_t idx = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, idx, c);
  return c >= 0 && u_isalnum(c);
}

// Whole-word occurrence of any of `words` (already folded) in `window` (already folded).
bool contains_word(std::string_view window, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    std::size_t pos = 0;
    while ((pos = window.find(w, pos)) != std::string_view::npos) {
      const bool left_ok = !is_word_char_before(window, pos);
      const bool right_ok = !is_word_char_at(window, pos + w.size());
      if (left_ok && right_ok) return true;
      ++pos;
    }
  }
  return false;
}

// Moves a byte offset back to the start of the UTF-8 sequence containing it.
std::size_t align_back(std::string_view text, std::size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

struct Engine::Impl {
  RuleSet rules;
  EngineStats stats;
  HsDatabase regex_db;
  HsDatabase literal_db;
  std::unique_ptr<ScratchPool> scratch;
  std::vector<std::uint32_t> regex_id_to_rule;    // pattern id -> rule index
  std::vector<std::uint32_t> literal_id_to_rule;  // literal id -> rule index
  std::vector<std::uint32_t> literal_length;      // literal id -> bytes
  std::vector<ValidatorFn> validators;            // per rule (nullptr = none)
  std::vector<CompiledContext> contexts;          // per rule
  std::vector<std::unique_ptr<Recognizer>> recognizers;

  const std::vector<std::string>* context_words(const CompiledContext& c, const std::string& lang, bool negative,
                                                std::vector<std::string>& scratch_all) const;
  double context_adjust(std::uint32_t rule_index, std::string_view text, std::size_t from, std::size_t to,
                        const std::string& lang, bool& required_missing) const;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;
const RuleSet& Engine::rules() const { return impl_->rules; }
const EngineStats& Engine::stats() const { return impl_->stats; }

Result<std::unique_ptr<Engine>> Engine::build(RuleSet rules, const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<HsPattern> regex_patterns;
  std::vector<HsPattern> literals;
  impl->validators.resize(rules.rules.size(), nullptr);
  impl->contexts.resize(rules.rules.size());

  for (std::uint32_t ri = 0; ri < rules.rules.size(); ++ri) {
    const Rule& r = rules.rules[ri];
    if (!r.validator.empty()) {
      impl->validators[ri] = find_validator(r.validator);
      if (impl->validators[ri] == nullptr) {
        return make_error(ErrorCode::kRuleInvalid,
                          r.source_file + ": rule '" + r.id + "' names unknown validator '" + r.validator + "'");
      }
    }
    CompiledContext& cc = impl->contexts[ri];
    if (r.context.window_before) cc.before = r.context.window_before;
    if (r.context.window_after) cc.after = r.context.window_after;
    for (const auto& [lang, words] : r.context.words) {
      for (const auto& w : words) cc.words[lang].push_back(fold_case(w));
    }
    for (const auto& [lang, words] : r.context.negative_words) {
      for (const auto& w : words) cc.negative[lang].push_back(fold_case(w));
    }
    cc.any = !cc.words.empty() || !cc.negative.empty();
    for (const char* lang : {"auto", "nl", "fr", "de", "en"}) {
      std::vector<std::string> scratch;
      cc.words_for_lang[lang] = *impl->context_words(cc, lang, false, scratch);
      cc.negative_for_lang[lang] = *impl->context_words(cc, lang, true, scratch);
    }

    if (r.kind == RuleKind::kRegex) {
      for (const auto& p : r.patterns) {
        unsigned int flags = HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST;
        if (r.caseless) flags |= HS_FLAG_CASELESS;
        regex_patterns.push_back({p, flags, static_cast<unsigned int>(impl->regex_id_to_rule.size())});
        impl->regex_id_to_rule.push_back(ri);
      }
    } else if (r.kind == RuleKind::kDictionary) {
      impl->stats.dictionary_entries += r.patterns.size();
      // Only emitting dictionaries (preset deny lists) are searched in the text. The shipped
      // name, city and common-word lists are evidence the recognizers look up per token;
      // scanning for their ~35,000 entries produced a hit on almost every word and nothing
      // used those hits (7% of scan time, a 2.7 MB database to load at every start).
      if (!r.emit) continue;
      for (const auto& entry : r.patterns) {
        if (entry.empty()) continue;
        unsigned int flags = r.caseless ? HS_FLAG_CASELESS : 0;
        literals.push_back({entry, flags, static_cast<unsigned int>(impl->literal_id_to_rule.size())});
        impl->literal_id_to_rule.push_back(ri);
        impl->literal_length.push_back(static_cast<std::uint32_t>(entry.size()));
      }
    }
  }
  impl->stats.regex_patterns = regex_patterns.size();

  const std::string hash = rules.content_hash();
  bool regex_cached = true, literal_cached = true;
  if (!regex_patterns.empty()) {
    auto db = load_or_compile(options.cache_dir, hash + "-re",
                              [&]() { return compile_regex_database(regex_patterns); }, regex_cached);
    if (!db) {
      // Name the rule behind the failing pattern.
      std::string msg = db.error().message;
      if (auto pos = msg.find('#'); pos != std::string::npos) {
        const long idx = std::strtol(msg.c_str() + pos + 1, nullptr, 10);
        if (idx >= 0 && static_cast<std::size_t>(idx) < impl->regex_id_to_rule.size()) {
          const Rule& r = rules.rules[impl->regex_id_to_rule[static_cast<std::size_t>(idx)]];
          msg = r.source_file + ": rule '" + r.id + "': " + msg.substr(msg.find(": ") + 2);
        }
      }
      return make_error(ErrorCode::kRuleCompileFailed, msg);
    }
    impl->regex_db = std::move(*db);
  }
  if (!literals.empty()) {
    auto db = load_or_compile(options.cache_dir, hash + "-lit",
                              [&]() { return compile_literal_database(literals); }, literal_cached);
    if (!db) return db.error();
    impl->literal_db = std::move(*db);
  }
  impl->stats.loaded_from_cache = regex_cached && literal_cached;

  auto pool = ScratchPool::create({impl->regex_db.get(), impl->literal_db.get()});
  if (!pool) return pool.error();
  impl->scratch = std::move(*pool);

  impl->rules = std::move(rules);
  for (std::uint32_t ri = 0; ri < impl->rules.rules.size(); ++ri) {
    if (impl->rules.rules[ri].kind != RuleKind::kRecognizer) continue;
    auto rec = make_recognizer(impl->rules, ri);
    if (!rec) return rec.error();
    impl->recognizers.push_back(std::move(*rec));
  }
  impl->stats.compile_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const std::vector<std::string>* Engine::Impl::context_words(const CompiledContext& c, const std::string& lang,
                                                            bool negative,
                                                            std::vector<std::string>& scratch_all) const {
  const auto& table = negative ? c.negative : c.words;
  scratch_all.clear();
  for (const auto& [l, words] : table) {
    if (lang == "auto" || l == "*" || l == lang) scratch_all.insert(scratch_all.end(), words.begin(), words.end());
  }
  return &scratch_all;
}

double Engine::Impl::context_adjust(std::uint32_t ri, std::string_view text, std::size_t from, std::size_t to,
                                    const std::string& lang, bool& required_missing) const {
  const CompiledContext& cc = contexts[ri];
  const Rule& r = rules.rules[ri];
  required_missing = false;
  if (!cc.any) {
    required_missing = r.context.required;
    return 0.0;
  }
  const std::size_t wstart = align_back(text, from > cc.before ? from - cc.before : 0);
  const std::size_t wend = align_back(text, std::min(text.size(), to + cc.after));
  // The window with the hit itself blanked out, so a hit never counts as its own context.
  std::string window = fold_case(text.substr(wstart, from - wstart));
  window += ' ';
  window += fold_case(text.substr(to, wend > to ? wend - to : 0));
  std::vector<std::string> words;
  auto merged = [&](bool negative) -> const std::vector<std::string>& {
    const auto& table = negative ? cc.negative_for_lang : cc.words_for_lang;
    if (auto it = table.find(lang); it != table.end()) return it->second;
    return *context_words(cc, lang, negative, words);
  };
  double delta = 0.0;
  const bool found = contains_word(window, merged(false));
  if (found) delta += r.context.boost;
  if (r.context.required && !found) required_missing = true;
  if (contains_word(window, merged(true))) delta -= r.context.penalty;
  return delta;
}

Result<std::vector<Span>> Engine::scan(std::string_view original, const ScanOptions& options) const {
  if (auto bad = text::find_invalid_utf8(original)) {
    return make_error(ErrorCode::kInvalidUtf8, "invalid UTF-8 at byte " + std::to_string(*bad));
  }
  if (original.size() >= UINT32_MAX) return make_error(ErrorCode::kTextTooLarge, "text too large for one scan");
  const Impl& im = *impl_;
  const text::DetectionCopy copy = text::DetectionCopy::make(original);
  const std::string_view text = copy.text();
  const std::string lang = options.lang == "auto" ? guess_language(text) : options.lang;

  auto lease = im.scratch->acquire();
  if (!lease) return lease.error();
  hs_scratch_t* scratch = (*lease)->get();

  // 1. Regex pass: collect every (pattern, start, end).
  std::vector<RawMatch> raw;
  if (im.regex_db) {
    auto on_match = [](unsigned int id, unsigned long long from, unsigned long long to, unsigned int,
                       void* ctx) -> int {
      static_cast<std::vector<RawMatch>*>(ctx)->push_back(
          {id, static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)});
      return 0;
    };
    if (hs_scan(im.regex_db.get(), text.data(), static_cast<unsigned int>(text.size()), 0, scratch, on_match,
                &raw) != HS_SUCCESS) {
      return make_error(ErrorCode::kInternal, "Hyperscan scan failed");
    }
  }
  // Longest end first per (pattern, start); shorter ends are fallbacks if validation fails.
  std::sort(raw.begin(), raw.end(), [](const RawMatch& a, const RawMatch& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.id != b.id) return a.id < b.id;
    return a.to > b.to;
  });

  std::vector<Candidate> regex_candidates;
  constexpr int kMaxEndsTried = 4;
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t j = i;
    while (j < raw.size() && raw[j].from == raw[i].from && raw[j].id == raw[i].id) ++j;
    const std::uint32_t ri = im.regex_id_to_rule[raw[i].id];
    const Rule& rule = im.rules.rules[ri];
    const bool language_ok = rule.languages.empty() || lang == "auto" ||
                             std::find(rule.languages.begin(), rule.languages.end(), lang) != rule.languages.end();
    int tried = 0;
    for (std::size_t k = i; language_ok && k < j && tried < kMaxEndsTried; ++k) {
      std::size_t from = raw[k].from, to = raw[k].to;
      if (to <= from || to - from > limits::kMaxEntityBytes) continue;
      ++tried;
      double score = rule.score;
      std::string subtype;
      if (ValidatorFn v = im.validators[ri]) {
        ValidatorInput in{text.substr(from, to - from), text, from, to, lang, &rule};
        Validation res = v(in);
        if (!res.valid) continue;
        score += res.score_delta;
        subtype = std::move(res.subtype);
        const std::size_t trim_end = res.trim_end ? res.trim_end : to - from;
        if (res.trim_start >= trim_end || trim_end > to - from) continue;
        to = from + trim_end;
        from += res.trim_start;
      }
      if (rule.word_boundary && (is_word_char_before(text, from) || is_word_char_at(text, to))) continue;
      bool required_missing = false;
      score += im.context_adjust(ri, text, from, to, lang, required_missing);
      if (required_missing) continue;
      regex_candidates.push_back({from, to, ri, std::min(score, 1.0), std::move(subtype), -1});
      break;
    }
    i = j;
  }
  std::sort(regex_candidates.begin(), regex_candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.start < b.start; });

  // 2. Literal pass: entries of emitting dictionaries on word boundaries.
  std::vector<DictionaryHit> dict_hits;
  if (im.literal_db) {
    struct LiteralCtx {
      const Impl* im;
      std::string_view text;
      std::vector<DictionaryHit>* out;
    } ctx{&im, text, &dict_hits};
    auto on_literal = [](unsigned int id, unsigned long long, unsigned long long to, unsigned int,
                         void* p) -> int {
      auto* c = static_cast<LiteralCtx*>(p);
      const std::size_t len = c->im->literal_length[id];
      const std::size_t from = static_cast<std::size_t>(to) - len;
      if (is_word_char_before(c->text, from) || is_word_char_at(c->text, static_cast<std::size_t>(to))) return 0;
      c->out->push_back({c->im->literal_id_to_rule[id], static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)});
      return 0;
    };
    if (hs_scan(im.literal_db.get(), text.data(), static_cast<unsigned int>(text.size()), 0, scratch, on_literal,
                &ctx) != HS_SUCCESS) {
      return make_error(ErrorCode::kInternal, "Hyperscan scan failed");
    }
    std::sort(dict_hits.begin(), dict_hits.end(), [](const DictionaryHit& a, const DictionaryHit& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
  }

  // 3. Emitting dictionaries (deny lists) and recognizers.
  std::vector<Candidate> all = regex_candidates;
  for (const auto& h : dict_hits) {
    const Rule& r = im.rules.rules[h.rule_index];
    all.push_back({h.start, h.end, h.rule_index, r.score, {}, -1});
  }
  if (!im.recognizers.empty()) {
    const std::vector<names::Token> tokens = names::tokenize(text);
    RecognizerInput input{text, lang, im.rules, regex_candidates, tokens};
    for (const auto& rec : im.recognizers) rec->recognize(input, all);
  }

  // 4. Threshold and label filter, then leftmost-longest with priority for equal extents.
  std::vector<Candidate> kept;
  kept.reserve(all.size());
  for (auto& c : all) {
    const Rule& r = im.rules.rules[c.rule_index];
    if (c.score + 1e-9 < options.threshold || c.end <= c.start) continue;
    if (!options.labels.empty() && !options.labels.count(r.label)) continue;
    kept.push_back(std::move(c));
  }
  std::sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    const int pa = im.rules.rules[a.rule_index].priority, pb = im.rules.rules[b.rule_index].priority;
    if (pa != pb) return pa > pb;
    return a.score > b.score;
  });
  std::vector<Span> spans;
  std::size_t last_end = 0;
  for (const auto& c : kept) {
    if (!spans.empty() && c.start < last_end) continue;
    const Rule& r = im.rules.rules[c.rule_index];
    Span s;
    s.start = copy.to_original_start(c.start);
    s.end = copy.to_original_end(c.end);
    if (s.end <= s.start) continue;
    s.label = r.label;
    s.subtype = c.subtype.empty() ? r.subtype : c.subtype;
    s.rule_id = r.id;
    s.score = c.score;
    s.entity_group = c.entity_group;
    last_end = c.end;
    spans.push_back(std::move(s));
  }
  return spans;
}

}  // namespace veil::detect
