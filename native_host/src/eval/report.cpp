// Implements report.h.
#include "eval/report.h"

#include <cstdio>
#include <sstream>

namespace veil::eval {

std::string fmt3(const std::optional<double>& value) {
  if (!value) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *value);
  return buf;
}

namespace {

void row_line(std::ostringstream& os, const std::string& label, const Row& r) {
  os << "| " << label << " | " << r.gold << " | " << r.pred << " | " << fmt3(r.exact.p) << " | " << fmt3(r.exact.r)
     << " | " << fmt3(r.exact.f1) << " | " << fmt3(r.overlap.p) << " | " << fmt3(r.overlap.r) << " | "
     << fmt3(r.overlap.f1) << " |\n";
}

}  // namespace

std::string format_scores(const std::string& title, const Scores& s) {
  std::ostringstream os;
  os << "### " << title << "\n";
  os << "| label | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |\n";
  os << "|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& [label, row] : s.rows) row_line(os, label, row);
  row_line(os, "micro", s.micro);
  os << "\nall-PII recall (" << s.all_pii.gold << " gold PII spans, any label): overlap "
     << fmt3(s.all_pii.recall_overlap) << ", exact " << fmt3(s.all_pii.recall_exact) << "; share of all "
     << s.all_pii.pred_spans << " predicted spans that overlap any gold span: "
     << fmt3(s.all_pii.precision_any_label) << "\n";
  if (!s.unscored.empty()) {
    os << "unscored predictions (label not in gold or not claimed): ";
    bool first = true;
    for (const auto& [label, n] : s.unscored) {
      os << (first ? "" : ", ") << label << " " << n;
      first = false;
    }
    os << "\n";
  }
  os << "\n";
  return os.str();
}

}  // namespace veil::eval
