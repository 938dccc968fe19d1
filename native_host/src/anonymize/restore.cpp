// Tolerant restore: a hand-written linear scanner over the answer text (see restore.h for
// the exact forms accepted and the ambiguity rule). Each candidate starts at a run of ASCII
// letters that is a known label; from there it looks a bounded distance left (spaces and an
// opener) and right (separator, digit groups, spaces, a closer), so the work per byte is
// constant. The same scanner serves streaming: when it would need a byte past the end of
// the text received so far, it stops and reports where the undecided part begins.
#include "anonymize/restore.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <unordered_set>

namespace veil::anonymize {
namespace {

constexpr std::size_t kMaxSpaces = 3;   // inside brackets, each side
constexpr std::size_t kMaxGroups = 4;   // digit groups of one split number
constexpr std::size_t kMaxDigits = 9;   // digits of one number (fits an int)
// Streaming: bytes kept before the undecided part, for the left-boundary check (it looks
// back at most two code points, 8 bytes).
constexpr std::size_t kContextBytes = 16;
// Streaming: at most this many trailing bytes are held back as a possible opener (3 spaces
// of up to 2 bytes plus an opener of up to 3 bytes need 9).
constexpr std::size_t kMaxTrailingHold = 16;

struct BracketPair {
  std::string_view open, close;
};

// Longer openers first, so [[NAME_1]] consumes both brackets when both sides are doubled.
constexpr std::array<BracketPair, 14> kPairs = {{
    {"[[", "]]"},
    {"{{", "}}"},
    {"\\[", "\\]"},
    {"\\[", "]"},
    {"[", "\\]"},
    {"[", "]"},
    {"{", "}"},
    {"(", ")"},
    {"<", ">"},
    {"\xEF\xBC\xBB", "\xEF\xBC\xBD"},  // U+FF3B U+FF3D fullwidth square brackets
    {"\xEF\xBC\x88", "\xEF\xBC\x89"},  // U+FF08 U+FF09 fullwidth parentheses
    {"\xEF\xBD\x9B", "\xEF\xBD\x9D"},  // U+FF5B U+FF5D fullwidth curly brackets
    {"\xE3\x80\x90", "\xE3\x80\x91"},  // U+3010 U+3011 black lenticular brackets
    {"\xE3\x80\x94", "\xE3\x80\x95"},  // U+3014 U+3015 tortoise shell brackets
}};

bool is_alpha(int c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }

// Bytes that can be part of the spaces-and-opener run before a placeholder.
bool opener_ish(unsigned char c) {
  return c == '[' || c == '{' || c == '(' || c == '<' || c == '\\' || c == ' ' || c >= 0x80;
}

class LabelSet {
 public:
  explicit LabelSet(const std::vector<std::string>& labels) {
    for (const auto& label : labels) {
      if (label.empty() || !std::all_of(label.begin(), label.end(), [](char c) { return is_alpha(c); })) continue;
      std::string upper = label;
      for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      max_len_ = std::max(max_len_, upper.size());
      set_.insert(std::move(upper));
    }
  }
  std::size_t max_len() const { return max_len_; }
  bool contains(const std::string& upper) const { return set_.count(upper) > 0; }

 private:
  std::unordered_set<std::string> set_;
  std::size_t max_len_ = 0;
};

struct Found {
  std::size_t start = 0, end = 0;
  RestoreStatus status = RestoreStatus::kUnknown;
  std::string label;        // placeholder label, upper-case
  std::string placeholder;  // canonical
  std::vector<std::string> candidates;
  std::string value;        // kRestored only
};

struct ScanResult {
  std::vector<Found> found;
  std::size_t decided_until = 0;  // everything before is final; the rest waits for more input
};

enum class SepKind { kNone, kUnderscore, kOther, kInvalid };
struct Sep {
  SepKind kind = SepKind::kInvalid;
  std::size_t len = 0;
};

class Scanner {
 public:
  Scanner(std::string_view text, bool final, const LabelSet& labels, const PlaceholderLookup& lookup)
      : t_(text), final_(final), labels_(labels), lookup_(lookup) {}

  ScanResult scan(std::size_t from) {
    ScanResult result;
    std::size_t lower = from;  // nothing before this may be consumed (earlier match, emitted text)
    std::size_t i = from;
    const std::size_t n = t_.size();
    while (i < n) {
      if (!is_alpha(static_cast<unsigned char>(t_[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && is_alpha(static_cast<unsigned char>(t_[j]))) ++j;
      if (!left_boundary_ok(i)) {
        i = j;
        continue;
      }
      need_more_ = false;
      std::optional<Found> found = evaluate(i, j, lower);
      if (need_more_) {
        result.decided_until = to_code_point_start(hold_start_, lower);
        return result;
      }
      if (!found) {
        i = j;
        continue;
      }
      lower = i = found->end;
      result.found.push_back(std::move(*found));
    }
    result.decided_until = final_ ? n : trailing_hold(lower);
    return result;
  }

 private:
  int at(std::size_t i) {
    if (i < t_.size()) return static_cast<unsigned char>(t_[i]);
    if (!final_) need_more_ = true;
    return -1;
  }

  bool starts_with_at(std::size_t pos, std::string_view s) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (at(pos + k) != static_cast<unsigned char>(s[k])) return false;
    }
    return true;
  }

  bool ends_with_at(std::size_t pos, std::string_view s, std::size_t lower) const {
    return pos >= lower + s.size() && t_.compare(pos - s.size(), s.size(), s) == 0;
  }

  std::size_t skip_spaces_right(std::size_t pos) {
    for (std::size_t k = 0; k < kMaxSpaces; ++k) {
      const int c = at(pos);
      if (c == ' ') {
        pos += 1;
      } else if (c == 0xC2 && at(pos + 1) == 0xA0) {
        pos += 2;
      } else {
        break;
      }
    }
    return pos;
  }

  std::size_t skip_spaces_left(std::size_t pos, std::size_t lower) const {
    for (std::size_t k = 0; k < kMaxSpaces; ++k) {
      if (pos > lower && t_[pos - 1] == ' ') {
        pos -= 1;
      } else if (pos >= lower + 2 && static_cast<unsigned char>(t_[pos - 2]) == 0xC2 &&
                 static_cast<unsigned char>(t_[pos - 1]) == 0xA0) {
        pos -= 2;
      } else {
        break;
      }
    }
    return pos;
  }

  Sep parse_sep(std::size_t pos, bool allow_none) {
    const int c = at(pos);
    if (c == '_') return {SepKind::kUnderscore, 1};
    if (c == '\\') return at(pos + 1) == '_' ? Sep{SepKind::kUnderscore, 2} : Sep{};
    if (c == ' ' || c == '-') return {SepKind::kOther, 1};
    if (c == 0xC2) return at(pos + 1) == 0xA0 ? Sep{SepKind::kOther, 2} : Sep{};
    if (allow_none && is_digit(c)) return {SepKind::kNone, 0};
    return {};
  }

  // The code point ending at byte `end`, and where it starts. Invalid UTF-8 gives U+FFFD.
  UChar32 previous_code_point(std::size_t end, std::size_t* start) const {
    std::size_t s = end - 1;
    for (int k = 0; k < 3 && s > 0 && (static_cast<unsigned char>(t_[s]) & 0xC0) == 0x80; ++k) --s;
    int32_t offset = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(t_.data() + s), offset, static_cast<int32_t>(end - s), c);
    if (s + static_cast<std::size_t>(offset) != end || c < 0) c = 0xFFFD;
    *start = s;
    return c;
  }

  // A label must not continue a word: "XNAME_12", "éNAME_1" and "FOO_NAME_1" are not
  // placeholders; "_NAME_1_" (markdown italics) is.
  bool left_boundary_ok(std::size_t i) const {
    if (i == 0) return true;
    std::size_t p_start = 0;
    const UChar32 p = previous_code_point(i, &p_start);
    if (u_isalnum(p)) return false;
    if (p == '_' && p_start > 0) {
      std::size_t q_start = 0;
      if (u_isalnum(previous_code_point(p_start, &q_start))) return false;
    }
    return true;
  }

  std::size_t to_code_point_start(std::size_t pos, std::size_t lower) const {
    while (pos > lower && pos < t_.size() && (static_cast<unsigned char>(t_[pos]) & 0xC0) == 0x80) --pos;
    return pos;
  }

  std::size_t trailing_hold(std::size_t lower) const {
    std::size_t h = t_.size();
    for (std::size_t k = 0; k < kMaxTrailingHold && h > lower && opener_ish(static_cast<unsigned char>(t_[h - 1])); ++k) {
      --h;
    }
    return to_code_point_start(h, lower);
  }

  struct Reading {
    std::size_t start = 0, end = 0;
    std::string canonical;
    std::optional<std::string> value;
  };

  std::optional<Found> evaluate(std::size_t i, std::size_t j, std::size_t lower) {
    // Left side first: it decides how much to hold back if the right side is unfinished.
    const std::size_t left = skip_spaces_left(i, lower);
    std::array<bool, kPairs.size()> opener{};
    std::size_t longest_opener = 0;
    bool any_opener = false;
    for (std::size_t p = 0; p < kPairs.size(); ++p) {
      opener[p] = ends_with_at(left, kPairs[p].open, lower);
      if (opener[p]) {
        any_opener = true;
        longest_opener = std::max(longest_opener, kPairs[p].open.size());
      }
    }
    hold_start_ = left - longest_opener;

    if (j - i > labels_.max_len()) return std::nullopt;
    if (at(j) < 0) return std::nullopt;  // the run may go on (streaming) or the text ends
    std::string label(t_.substr(i, j - i));
    for (char& c : label) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    if (!labels_.contains(label)) return std::nullopt;

    const Sep first_sep = parse_sep(j, /*allow_none=*/true);
    if (first_sep.kind == SepKind::kInvalid) return std::nullopt;
    struct Group {
      std::size_t begin, end;
      SepKind sep_before;
    };
    std::vector<Group> groups;
    std::size_t d = j + first_sep.len;
    const int first_digit = at(d);
    if (first_digit < '1' || first_digit > '9') return std::nullopt;
    std::size_t e = d;
    while (is_digit(at(e))) ++e;
    if (e - d > kMaxDigits) return std::nullopt;
    groups.push_back({d, e, first_sep.kind});
    std::size_t total = e - d;
    while (groups.size() < kMaxGroups) {
      const Sep s = parse_sep(e, /*allow_none=*/false);
      if (s.kind == SepKind::kInvalid) break;
      const std::size_t gd = e + s.len;
      if (!is_digit(at(gd))) break;
      std::size_t ge = gd;
      while (is_digit(at(ge))) ++ge;
      if (total + (ge - gd) > kMaxDigits) break;
      groups.push_back({gd, ge, s.kind});
      total += ge - gd;
      e = ge;
    }
    if (need_more_) return std::nullopt;

    std::vector<Reading> readings;
    std::string number;
    bool all_underscore = first_sep.kind == SepKind::kUnderscore;
    for (std::size_t m = 0; m < groups.size(); ++m) {
      if (m > 0) all_underscore = all_underscore && groups[m].sep_before == SepKind::kUnderscore;
      number.append(t_.substr(groups[m].begin, groups[m].end - groups[m].begin));
      const std::size_t digits_end = groups[m].end;
      Reading reading;
      bool valid = false;
      if (any_opener) {
        const std::size_t right = skip_spaces_right(digits_end);
        for (std::size_t p = 0; p < kPairs.size() && !valid; ++p) {
          if (opener[p] && starts_with_at(right, kPairs[p].close)) {
            valid = true;
            reading.start = left - kPairs[p].open.size();
            reading.end = right + kPairs[p].close.size();
          }
        }
      }
      if (!valid && all_underscore) {
        const int next = at(digits_end);
        if (!is_alpha(next) && !is_digit(next)) {
          valid = true;
          reading.start = i;
          reading.end = digits_end;
        }
      }
      if (!valid) continue;
      reading.canonical = "[" + label + "_" + number + "]";
      readings.push_back(std::move(reading));
    }
    if (need_more_ || readings.empty()) return std::nullopt;

    std::vector<const Reading*> known;
    for (auto& r : readings) {
      r.value = lookup_ ? lookup_(r.canonical) : std::nullopt;
      if (r.value) known.push_back(&r);
    }
    Found f;
    f.label = label;
    if (known.size() == 1) {
      f.status = RestoreStatus::kRestored;
      f.start = known[0]->start;
      f.end = known[0]->end;
      f.placeholder = known[0]->canonical;
      f.value = *known[0]->value;
    } else if (known.size() > 1) {
      f.status = RestoreStatus::kAmbiguous;
      f.start = readings[0].start;
      f.end = readings[0].end;
      for (const auto& r : readings) {
        f.start = std::min(f.start, r.start);
        f.end = std::max(f.end, r.end);
      }
      f.placeholder = readings.back().canonical;
      for (const Reading* r : known) f.candidates.push_back(r->canonical);
    } else {
      f.status = RestoreStatus::kUnknown;
      f.start = readings.back().start;
      f.end = readings.back().end;
      f.placeholder = readings.back().canonical;
    }
    return f;
  }

  std::string_view t_;
  bool final_;
  const LabelSet& labels_;
  const PlaceholderLookup& lookup_;
  bool need_more_ = false;
  std::size_t hold_start_ = 0;
};

// Builds the output for text[begin, end) with the matches found there. Positions are offset
// by the stream positions of `begin` (input) and of the output so far.
RestoreOutput assemble(std::string_view text, std::size_t begin, std::size_t end,
                       std::vector<Found>& found, std::size_t input_base, std::size_t output_base) {
  RestoreOutput out;
  std::size_t cursor = begin;
  for (Found& f : found) {
    out.text.append(text.substr(cursor, f.start - cursor));
    RestoredPlaceholder report;
    report.placeholder = std::move(f.placeholder);
    report.found = std::string(text.substr(f.start, f.end - f.start));
    report.entity_label = entity_label_for_placeholder(f.label).value_or("");
    report.status = f.status;
    report.candidates = std::move(f.candidates);
    report.start = input_base + (f.start - begin);
    report.end = input_base + (f.end - begin);
    report.output_start = output_base + out.text.size();
    out.text += f.status == RestoreStatus::kRestored ? f.value : report.found;
    report.output_end = output_base + out.text.size();
    out.placeholders.push_back(std::move(report));
    cursor = f.end;
  }
  out.text.append(text.substr(cursor, end - cursor));
  return out;
}

}  // namespace

RestoreOutput restore_text(std::string_view text, const PlaceholderLookup& lookup,
                           const std::vector<std::string>& known_placeholder_labels) {
  const LabelSet labels(known_placeholder_labels);
  Scanner scanner(text, /*final=*/true, labels, lookup);
  ScanResult result = scanner.scan(0);
  return assemble(text, 0, text.size(), result.found, 0, 0);
}

StreamingRestorer::StreamingRestorer(PlaceholderLookup lookup, std::vector<std::string> known_placeholder_labels)
    : lookup_(std::move(lookup)), labels_(std::move(known_placeholder_labels)) {}

RestoreOutput StreamingRestorer::feed(std::string_view chunk) {
  if (finished_) return {};
  buffer_.append(chunk);
  return run(/*final=*/false);
}

RestoreOutput StreamingRestorer::finish() {
  if (finished_) return {};
  RestoreOutput out = run(/*final=*/true);
  finished_ = true;
  buffer_.clear();
  return out;
}

RestoreOutput StreamingRestorer::run(bool final) {
  const LabelSet labels(labels_);
  Scanner scanner(buffer_, final, labels, lookup_);
  ScanResult result = scanner.scan(pending_from_);
  const std::size_t decided = result.decided_until;
  RestoreOutput out = assemble(buffer_, pending_from_, decided, result.found,
                               consumed_ + pending_from_, emitted_);
  emitted_ += out.text.size();
  const std::size_t keep_from = decided > kContextBytes ? decided - kContextBytes : 0;
  buffer_.erase(0, keep_from);
  consumed_ += keep_from;
  pending_from_ = decided - keep_from;
  return out;
}

}  // namespace veil::anonymize
