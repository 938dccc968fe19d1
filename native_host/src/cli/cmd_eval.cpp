// `veil eval`: runs the detection engine over a labelled JSONL file (or scores a predictions
// file) and prints exact and overlap precision, recall and F1 per label, with the definitions
// of ../shared/eval/score.py (scoring lives in eval/score.h).
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/paths.h"
#include "detect/engine.h"
#include "eval/jsonl.h"
#include "eval/report.h"
#include "eval/run.h"
#include "eval/score.h"
#include "rules/loader.h"

namespace veil::cli {

namespace {

constexpr const char* kUsage =
    "usage: veil eval --gold FILE [--pred FILE] [--claims L1,L2] [--lang L] [--by-lang]\n"
    "                 [--pred-out FILE] [--rules DIR] [--scan-lang record|auto] [--threshold X]\n"
    "  Scores the engine's spans (or those of --pred) against the gold spans of FILE\n"
    "  (JSONL: id, lang, text, spans with code-point start/end and label).\n"
    "  --claims     score only these labels (default: every label predicted)\n"
    "  --lang       only records of this language\n"
    "  --by-lang    also print a table per language\n"
    "  --pred-out   write the engine's predictions as JSONL (for score.py)\n"
    "  --scan-lang  give the engine each record's language (default) or \"auto\"\n";

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::vector<eval::Record>> load_records(const std::string& path) {
  auto content = read_file(path);
  if (!content) return content.error();
  auto recs = eval::parse_jsonl(*content);
  if (!recs) return make_error(recs.error().code, path + ": " + recs.error().message);
  return recs;
}

std::set<std::string> split_labels(const std::string& s) {
  std::set<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t comma = s.find(',', pos);
    if (comma == std::string::npos) comma = s.size();
    if (comma > pos) out.insert(s.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

}  // namespace

int cmd_eval(const Argv& argv) {
  auto parsed = parse_args(argv,
                           {"--gold", "--pred", "--claims", "--lang", "--pred-out", "--rules", "--scan-lang",
                            "--threshold"},
                           {"--by-lang", "--help"});
  if (!parsed) {
    std::cerr << "veil eval: " << parsed.error().message << "\n" << kUsage;
    return 2;
  }
  const Args& args = *parsed;
  if (args.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  const auto gold_path = args.get("--gold");
  const std::string scan_lang = args.get_or("--scan-lang", "record");
  if (!gold_path || !args.positional.empty() || (scan_lang != "record" && scan_lang != "auto")) {
    std::cerr << kUsage;
    return 2;
  }
  double threshold = 0.5;
  if (auto t = args.get("--threshold")) {
    try {
      threshold = std::stod(*t);
    } catch (const std::exception&) {
      std::cerr << "veil eval: --threshold needs a number\n";
      return 2;
    }
  }

  auto gold = load_records(*gold_path);
  if (!gold) {
    std::cerr << "veil eval: " << gold.error().message << "\n";
    return 1;
  }
  std::vector<eval::Record> records;
  const auto only_lang = args.get("--lang");
  for (auto& r : *gold)
    if (!only_lang || r.lang == *only_lang) records.push_back(std::move(r));

  std::map<std::string, std::vector<eval::LabeledSpan>> pred;
  if (auto pred_path = args.get("--pred")) {
    auto p = load_records(*pred_path);
    if (!p) {
      std::cerr << "veil eval: " << p.error().message << "\n";
      return 1;
    }
    for (auto& r : *p) pred[r.id] = std::move(r.spans);
  } else {
    const std::filesystem::path rules_dir = args.get_or("--rules", rules::default_rules_dir().string());
    auto rules = rules::load_rules_dir(rules_dir);
    if (!rules) {
      std::cerr << "veil eval: " << rules.error().message << "\n";
      return 1;
    }
    detect::EngineOptions eo;
    eo.cache_dir = paths::cache_dir();
    auto engine = detect::Engine::build(std::move(*rules), eo);
    if (!engine) {
      std::cerr << "veil eval: " << engine.error().message << "\n";
      return 1;
    }
    eval::RunOptions ro;
    ro.use_record_lang = scan_lang == "record";
    ro.threshold = threshold;
    auto p = eval::predict(**engine, records, ro);
    if (!p) {
      std::cerr << "veil eval: " << p.error().message << "\n";
      return 1;
    }
    pred = std::move(*p);
  }

  if (auto out_path = args.get("--pred-out")) {
    std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
    if (!out) {
      std::cerr << "veil eval: cannot write " << *out_path << "\n";
      return 1;
    }
    for (const auto& r : records) {
      eval::Record pr{r.id, r.lang, r.text, pred[r.id]};
      out << eval::to_jsonl_line(pr);
    }
  }

  eval::ScoreOptions so;
  if (auto claims = args.get("--claims")) so.claims = split_labels(*claims);
  const std::string name = std::filesystem::path(*gold_path).filename().string();
  std::cout << "## gold: " << name << " (" << records.size() << " records)\n\n";
  std::cout << eval::format_scores("all languages", eval::score(records, pred, so));
  if (args.has("--by-lang")) {
    std::set<std::string> langs;
    for (const auto& r : records) langs.insert(r.lang);
    for (const auto& lang : langs) {
      eval::ScoreOptions sl = so;
      sl.langs = {lang};
      if (!sl.claims) {
        // Claims come from all predictions, as score.py does for its per-language tables.
        std::set<std::string> claimed;
        for (const auto& [id, spans] : pred)
          for (const auto& s : spans) claimed.insert(s.label);
        sl.claims = claimed;
      }
      std::cout << eval::format_scores("lang " + lang, eval::score(records, pred, sl));
    }
  }
  return 0;
}

}  // namespace veil::cli
