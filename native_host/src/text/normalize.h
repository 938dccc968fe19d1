// The detection copy: the text the detectors see. Default_Ignorable code points (zero-width
// space, joiners, soft hyphen, BOM) are removed and NFKC is applied (fullwidth digits become
// ASCII, NBSP becomes a space); case is kept. Spans found in the copy map back to exact
// byte ranges of the original, where replacements are made.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veil::text {

class DetectionCopy {
 public:
  // `original` must be valid UTF-8. Pure-ASCII text without control characters is used
  // as it is (no copy is needed, and the map is the identity).
  static DetectionCopy make(std::string_view original);

  std::string_view text() const { return identity_ ? original_ : std::string_view(copy_); }
  bool is_identity() const { return identity_; }

  // Maps a half-open range [start, end) of the copy to the smallest range of the original
  // that contains everything it came from.
  std::size_t to_original_start(std::size_t copy_offset) const;
  std::size_t to_original_end(std::size_t copy_offset) const;

 private:
  std::string_view original_;
  std::string copy_;
  bool identity_ = true;
  // Piecewise map: for each segment, where it starts in the copy and in the original and
  // whether the two lengths are equal (unchanged text) or not (a changed unit).
  struct Segment {
    std::size_t copy_start, copy_end, orig_start, orig_end;
    bool unchanged;
  };
  std::vector<Segment> segments_;
};

}  // namespace veil::text
