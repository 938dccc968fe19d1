// Implements run.h.
#include "eval/run.h"

#include "text/utf8.h"

namespace veil::eval {

Result<std::map<std::string, std::vector<LabeledSpan>>> predict(const detect::Engine& engine,
                                                                 const std::vector<Record>& records,
                                                                 const RunOptions& options) {
  std::map<std::string, std::vector<LabeledSpan>> out;
  for (const auto& r : records) {
    if (text::find_invalid_utf8(r.text)) {
      return make_error(ErrorCode::kInvalidUtf8, "record " + r.id + ": text is not valid UTF-8");
    }
    detect::ScanOptions so;
    so.threshold = options.threshold;
    const bool known = r.lang == "nl" || r.lang == "fr" || r.lang == "de" || r.lang == "en";
    so.lang = options.use_record_lang && known ? r.lang : "auto";
    auto spans = engine.scan(r.text, so);
    if (!spans) return make_error(spans.error().code, "record " + r.id + ": " + spans.error().message);
    text::OffsetConverter conv(r.text);
    auto& list = out[r.id];
    for (const auto& s : *spans) {
      list.push_back(LabeledSpan{conv.byte_to_codepoint(s.start), conv.byte_to_codepoint(s.end), s.label});
    }
  }
  return out;
}

}  // namespace veil::eval
