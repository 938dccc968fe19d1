// Tolerant restore (DESIGN §6): finds placeholders in a model's answer, also in the forms
// models mangle them into, and puts the original values back. Linear-time hand-written
// scanner; never guesses, never invents values.
//
// What is recognised. A placeholder is LABEL SEP NUMBER where
//   LABEL  is a known placeholder label in any letter case (NAME, Name, name),
//   SEP    is "_", "\_" (markdown-escaped), "-", a space, a no-break space, or nothing,
//   NUMBER is 1-9 digits without a leading zero,
// and it is either
//   bracketed: an opener, up to 3 spaces, LABEL SEP NUMBER, up to 3 spaces, the matching
//     closer. Pairs: [ ] (each side optionally backslash-escaped: \[ \]), [[ ]], { }, {{ }},
//     ( ), < >, and the full-width ［ ］ （ ） ｛ ｝ plus 【 】 〔 〕. The brackets are consumed.
//   bare: no brackets; SEP must be "_" or "\_" (so "NAME 1" or "Name-1" in prose is never
//     touched), the character before LABEL must not be a letter or digit (nor "_" that
//     follows one: "FOO_NAME_1" is not a placeholder), and the character after NUMBER must
//     not be an ASCII letter or digit ("NAME_1abc" is not a placeholder).
// The label is matched as a whole run of ASCII letters and the number as a whole run of
// digits, so [NAME_1] never matches inside [NAME_10] and NAME_1 never inside XNAME_12.
// Anything around the placeholder stays: **[NAME_1]** -> **Jan**, [NAME_1]'s -> Jan's,
// NAME_1-ын -> Jan-ын, *NAME_1* -> *Jan*.
//
// Split numbers and ambiguity. A number may be followed by more digit groups joined by a
// separator ("NAME_1_0", "[NAME 1 0]", "[NAME_1 2]"; at most 4 groups, 9 digits). Such a form
// has several readings: LABEL_g1, LABEL_g1g2, ... Each reading must be valid on its own (as
// bracketed: the closer follows its last group; as bare: every separator in it is "_"/"\_").
// The lookup decides:
//   - exactly one valid reading is known  -> restored (only that reading's text is replaced);
//   - two or more valid readings are known -> kAmbiguous: nothing is replaced, the report
//     spans every reading and lists the known candidates;
//   - none is known -> kUnknown for the longest valid reading, text left as it is.
// So "NAME_1 0612345678" (the space makes the two-group reading invalid) is just [NAME_1],
// while "[NAME_1 0]" with both [NAME_1] and [NAME_10] in the vault is ambiguous.
//
// Not recognised: full-width letters or digits inside the placeholder, labels split by
// markup ("**NAME**_1"), HTML entities (&lt;NAME_1&gt;).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anonymize/placeholder.h"

namespace veil::anonymize {

// canonical = "[NAME_1]"; returns the original value, or nullopt when the vault does not
// know the placeholder.
using PlaceholderLookup = std::function<std::optional<std::string>(std::string_view canonical)>;

enum class RestoreStatus { kRestored, kUnknown, kAmbiguous };

struct RestoredPlaceholder {
  std::string placeholder;        // canonical, "[NAME_1]" (ambiguous: the longest reading)
  std::string found;              // the text as it appeared, e.g. "\[Name\_1\]"
  std::string entity_label;       // PERSON, or "" when the label is not a built-in one
  RestoreStatus status = RestoreStatus::kUnknown;
  std::vector<std::string> candidates;  // kAmbiguous: the known canonical readings
  std::size_t start = 0, end = 0;                // bytes in the input
  std::size_t output_start = 0, output_end = 0;  // bytes in the output
};

struct RestoreOutput {
  std::string text;
  std::vector<RestoredPlaceholder> placeholders;  // in text order
};

// `known_placeholder_labels`: the labels to look for (case-insensitive; entries that are not
// [A-Za-z]+ are ignored). Default: every label of every language.
RestoreOutput restore_text(std::string_view text, const PlaceholderLookup& lookup,
                           const std::vector<std::string>& known_placeholder_labels =
                               all_placeholder_labels());

// Restores a stream (a model's answer arriving in pieces). feed() returns the restored text
// that is final, holding back an unfinished placeholder (or a trailing opener, or an
// incomplete UTF-8 sequence) until the next chunk; finish() flushes the rest. The
// concatenated outputs equal restore_text() of the concatenated input, reports included;
// report positions count from the start of the stream (input and output). Emitted text
// never ends inside a UTF-8 sequence.
class StreamingRestorer {
 public:
  explicit StreamingRestorer(PlaceholderLookup lookup,
                             std::vector<std::string> known_placeholder_labels =
                                 all_placeholder_labels());
  RestoreOutput feed(std::string_view chunk);
  RestoreOutput finish();

 private:
  RestoreOutput run(bool final);

  PlaceholderLookup lookup_;
  std::vector<std::string> labels_;
  std::string buffer_;             // kept context (already emitted) + pending input
  std::size_t pending_from_ = 0;   // index in buffer_ where unemitted input starts
  std::size_t consumed_ = 0;       // stream offset of buffer_[0]
  std::size_t emitted_ = 0;        // bytes of output emitted so far
  bool finished_ = false;
};

}  // namespace veil::anonymize
