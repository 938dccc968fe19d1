// Builds the detection copy and its offset map (see normalize.h). The text is cut into
// normalization units (a code point plus what combines with it, per ICU's
// hasBoundaryBefore); each unit is copied unchanged, dropped (Default_Ignorable) or
// NFKC-normalized, and the map records one segment per run, so mapping back is exact.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace veil::text {
namespace {

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

UChar32 decode_at(std::string_view s, std::size_t i, std::size_t& next) {
  int32_t idx = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  next = static_cast<std::size_t>(idx);
  return c;
}

bool is_ignorable(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }

}  // namespace

DetectionCopy DetectionCopy::make(std::string_view original) {
  DetectionCopy dc;
  dc.original_ = original;
  // Pure ASCII is already NFKC and holds no ignorables.
  if (std::all_of(original.begin(), original.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })) {
    return dc;
  }
  const icu::Normalizer2* norm = nfkc();
  if (norm == nullptr) return dc;  // ICU data missing: detect on the original as it is

  std::vector<Segment> segments;
  std::string copy;
  copy.reserve(original.size());
  bool changed_any = false;

  auto add_unchanged = [&](std::size_t from, std::size_t to) {
    if (from == to) return;
    if (!segments.empty() && segments.back().unchanged && segments.back().orig_end == from) {
      segments.back().orig_end = to;
      segments.back().copy_end += to - from;
    } else {
      segments.push_back({copy.size(), copy.size() + (to - from), from, to, true});
    }
    copy.append(original.substr(from, to - from));
  };

  std::size_t i = 0;
  const std::size_t n = original.size();
  while (i < n) {
    const std::size_t unit_start = i;
    std::size_t next = 0;
    UChar32 c = decode_at(original, i, next);
    bool simple = static_cast<unsigned char>(original[i]) < 0x80 || (norm->isInert(c) && !is_ignorable(c));
    i = next;
    // Extend the unit over code points that can combine with it.
    while (i < n) {
      std::size_t peek_next = 0;
      UChar32 c2 = decode_at(original, i, peek_next);
      if (norm->hasBoundaryBefore(c2)) break;
      simple = false;
      i = peek_next;
    }
    if (simple) {
      add_unchanged(unit_start, i);
      continue;
    }
    // Drop ignorables, then normalize what remains of the unit.
    icu::UnicodeString kept;
    bool had_ignorable = false;
    for (std::size_t j = unit_start; j < i;) {
      std::size_t jn = 0;
      UChar32 cj = decode_at(original, j, jn);
      if (is_ignorable(cj)) {
        had_ignorable = true;
      } else {
        kept.append(cj);
      }
      j = jn;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = norm->normalize(kept, status);
    std::string out;
    if (U_SUCCESS(status)) {
      normalized.toUTF8String(out);
    } else {
      kept.toUTF8String(out);
    }
    if (!had_ignorable && out == original.substr(unit_start, i - unit_start)) {
      add_unchanged(unit_start, i);
      continue;
    }
    changed_any = true;
    if (!out.empty()) segments.push_back({copy.size(), copy.size() + out.size(), unit_start, i, false});
    copy += out;
  }
  if (!changed_any) return dc;
  dc.identity_ = false;
  dc.copy_ = std::move(copy);
  dc.segments_ = std::move(segments);
  return dc;
}

std::size_t DetectionCopy::to_original_start(std::size_t off) const {
  if (identity_) return off;
  if (off >= copy_.size()) return original_.size();
  // The segment with copy_start <= off < copy_end.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), off,
                             [](std::size_t v, const Segment& s) { return v < s.copy_start; });
  const Segment& s = *(it - 1);
  return s.unchanged ? s.orig_start + (off - s.copy_start) : s.orig_start;
}

std::size_t DetectionCopy::to_original_end(std::size_t off) const {
  if (identity_) return off;
  if (off == 0) return segments_.empty() ? 0 : segments_.front().orig_start;
  // The segment with copy_start < off <= copy_end.
  auto it = std::lower_bound(segments_.begin(), segments_.end(), off,
                             [](const Segment& s, std::size_t v) { return s.copy_end < v; });
  if (it == segments_.end()) return original_.size();
  const Segment& s = *it;
  return s.unchanged ? s.orig_start + (off - s.copy_start) : s.orig_end;
}

}  // namespace veil::text
