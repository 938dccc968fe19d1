// Implements score.h, following ../shared/eval/score.py line by line so the numbers agree.
#include "eval/score.h"

#include <algorithm>
#include <utility>

namespace veil::eval {

std::set<std::string> ScoreOptions::default_pii_labels() {
  return {"PERSON",      "EMAIL",       "PHONE",      "IBAN",          "CREDIT_CARD",
          "ADDRESS",     "POSTAL_CODE", "ORDER_ID",   "CUSTOMER_ID",   "IP_ADDRESS",
          "DATE_OF_BIRTH", "NATIONAL_ID", "LICENSE_PLATE", "URL",       "SECRET"};
}

std::string label_family(const std::string& label) {
  if (label == "DATE_OF_BIRTH") return "DATE";
  if (label == "CITY") return "LOCATION";
  return label;
}

namespace {

struct Counts {
  std::size_t gold = 0, pred = 0, exact_tp = 0, ov_pred_tp = 0, ov_gold_tp = 0;
  void add(const Counts& o) {
    gold += o.gold;
    pred += o.pred;
    exact_tp += o.exact_tp;
    ov_pred_tp += o.ov_pred_tp;
    ov_gold_tp += o.ov_gold_tp;
  }
};

bool overlaps(const LabeledSpan& a, const LabeledSpan& b) { return a.start < b.end && b.start < a.end; }

Prf prf(std::size_t tp_p, std::size_t n_pred, std::size_t tp_g, std::size_t n_gold) {
  const double p = n_pred ? static_cast<double>(tp_p) / static_cast<double>(n_pred) : 0.0;
  const double r = n_gold ? static_cast<double>(tp_g) / static_cast<double>(n_gold) : 0.0;
  const double f = (p + r) > 0 ? 2 * p * r / (p + r) : 0.0;
  return Prf{p, r, f};
}

Row make_row(const Counts& k) {
  Row row;
  row.gold = k.gold;
  row.pred = k.pred;
  if (k.gold == 0 && k.pred == 0) return row;  // all nullopt
  row.exact = prf(k.exact_tp, k.pred, k.exact_tp, k.gold);
  row.overlap = prf(k.ov_pred_tp, k.pred, k.ov_gold_tp, k.gold);
  return row;
}

std::optional<double> ratio(std::size_t a, std::size_t b) {
  if (!b) return std::nullopt;
  return static_cast<double>(a) / static_cast<double>(b);
}

}  // namespace

Scores score(const std::vector<Record>& gold, const std::map<std::string, std::vector<LabeledSpan>>& pred,
             const ScoreOptions& options) {
  std::set<std::string> gold_labels;
  for (const auto& r : gold)
    for (const auto& s : r.spans) gold_labels.insert(s.label);
  std::set<std::string> claims;
  if (options.claims) {
    claims = *options.claims;
  } else {
    for (const auto& [id, spans] : pred)
      for (const auto& s : spans) claims.insert(s.label);
  }
  std::vector<std::string> scored;
  for (const auto& l : gold_labels)
    if (claims.count(l)) scored.push_back(l);
  const std::set<std::string> scored_set(scored.begin(), scored.end());

  std::map<std::string, Counts> c;
  Scores out;
  std::size_t pii_gold = 0, pii_ov = 0, pii_exact = 0, any_pred = 0, any_hit = 0;
  static const std::vector<LabeledSpan> kNone;
  for (const auto& g : gold) {
    if (!options.langs.empty() && !options.langs.count(g.lang)) continue;
    const auto& gs = g.spans;
    auto it = pred.find(g.id);
    const auto& ps = it == pred.end() ? kNone : it->second;
    for (const auto& l : scored) {
      Counts& k = c[l];
      std::vector<const LabeledSpan*> gl, pl, gl_fam, pl_fam;
      for (const auto& s : gs) {
        if (s.label == l) gl.push_back(&s);
        if (label_family(s.label) == l) gl_fam.push_back(&s);
      }
      for (const auto& s : ps) {
        if (s.label == l) pl.push_back(&s);
        if (label_family(s.label) == l) pl_fam.push_back(&s);
      }
      k.gold += gl.size();
      k.pred += pl.size();
      // Multiset intersection of (start, end) keys, as Counter & Counter.
      std::map<std::pair<std::size_t, std::size_t>, long> gkeys, pkeys;
      for (auto* s : gl) ++gkeys[{s->start, s->end}];
      for (auto* s : pl) ++pkeys[{s->start, s->end}];
      for (const auto& [key, n] : gkeys) {
        auto pk = pkeys.find(key);
        if (pk != pkeys.end()) k.exact_tp += static_cast<std::size_t>(std::min(n, pk->second));
      }
      for (auto* p : pl)
        k.ov_pred_tp += std::any_of(gl_fam.begin(), gl_fam.end(), [&](auto* q) { return overlaps(*p, *q); });
      for (auto* q : gl)
        k.ov_gold_tp += std::any_of(pl_fam.begin(), pl_fam.end(), [&](auto* p) { return overlaps(*p, *q); });
    }
    for (const auto& p : ps) {
      if (!scored_set.count(p.label)) ++out.unscored[p.label];
      ++any_pred;
      any_hit += std::any_of(gs.begin(), gs.end(), [&](const LabeledSpan& q) { return overlaps(p, q); });
    }
    for (const auto& q : gs) {
      if (!options.pii_labels.count(q.label)) continue;
      ++pii_gold;
      pii_ov += std::any_of(ps.begin(), ps.end(), [&](const LabeledSpan& p) { return overlaps(p, q); });
      pii_exact += std::any_of(ps.begin(), ps.end(),
                               [&](const LabeledSpan& p) { return p.start == q.start && p.end == q.end; });
    }
  }
  Counts total;
  for (const auto& l : scored) {
    total.add(c[l]);
    out.rows[l] = make_row(c[l]);
  }
  out.micro = make_row(total);
  out.all_pii.gold = pii_gold;
  out.all_pii.recall_overlap = ratio(pii_ov, pii_gold);
  out.all_pii.recall_exact = ratio(pii_exact, pii_gold);
  out.all_pii.pred_spans = any_pred;
  out.all_pii.precision_any_label = ratio(any_hit, any_pred);
  return out;
}

}  // namespace veil::eval
