// Scoring of predicted spans against gold spans, with the definitions of
// ../shared/eval/score.py (exact and overlap precision/recall/F1 per label, micro average,
// all-PII recall). Pure: no I/O, no engine; offsets are whatever unit both sides share
// (code points in the JSONL files).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace veil::eval {

struct LabeledSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string label;
};

struct Record {
  std::string id;
  std::string lang;
  std::string text;
  std::vector<LabeledSpan> spans;
};

struct Prf {
  std::optional<double> p, r, f1;  // nullopt where score.py prints "-"
};

struct Row {
  std::size_t gold = 0;
  std::size_t pred = 0;
  Prf exact;
  Prf overlap;
};

struct AllPii {
  std::size_t gold = 0;
  std::optional<double> recall_overlap;
  std::optional<double> recall_exact;
  std::size_t pred_spans = 0;
  std::optional<double> precision_any_label;
};

struct Scores {
  std::map<std::string, Row> rows;  // per scored label
  Row micro;
  AllPii all_pii;
  std::map<std::string, std::size_t> unscored;  // predicted labels not scored
};

struct ScoreOptions {
  // Labels the system claims; nullopt = every label it predicts anywhere (as score.py does
  // without --claims or meta.json).
  std::optional<std::set<std::string>> claims;
  std::set<std::string> pii_labels = default_pii_labels();
  std::set<std::string> langs;  // empty = all records
  static std::set<std::string> default_pii_labels();
};

// Predictions are joined to gold records by id; a gold record without one predicted nothing.
// The scored labels are the gold data's labels (over all records) that are claimed.
Scores score(const std::vector<Record>& gold, const std::map<std::string, std::vector<LabeledSpan>>& pred,
             const ScoreOptions& options);

// The family mapping score.py applies to overlap matches: DATE_OF_BIRTH counts as DATE and
// CITY as LOCATION.
std::string label_family(const std::string& label);

}  // namespace veil::eval
