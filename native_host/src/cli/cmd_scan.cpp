// `veil scan` (rows or JSONL records) and `veil rules check`.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "common/limits.h"
#include "common/paths.h"
#include "detect/engine.h"
#include "rules/loader.h"
#include "text/utf8.h"

namespace veil::cli {
namespace {

constexpr const char* kScanHelp =
    "Usage: veil scan [--lang auto|nl|fr|de|en] [--threshold X] [--labels L1,L2] [--show-values] [FILE|-]\n"
    "       veil scan --jsonl [--lang L] [FILE|-]\n\n"
    "Finds personal data and prints one row per hit: label, subtype, start, end (Unicode code\n"
    "points), score, rule. Values are printed only with --show-values.\n"
    "--jsonl reads records {\"id\",\"text\"[,\"lang\"]} one per line and writes\n"
    "{\"id\",\"spans\":[{\"start\",\"end\",\"label\",\"subtype\",\"score\"}]} per record (code-point offsets).\n";

constexpr const char* kRulesHelp =
    "Usage: veil rules check [--rules-dir DIR] [--verbose]\n\n"
    "Compiles every rule in the rules folder and runs every rule's positive and negative\n"
    "examples. Exits 1 if anything fails.\n";

Result<std::unique_ptr<detect::Engine>> load_engine(const Args& args) {
  const auto dir = args.get("--rules-dir") ? std::filesystem::path(*args.get("--rules-dir")) : rules::default_rules_dir();
  return rules::build_engine(dir, paths::cache_dir());
}

std::set<std::string> split_labels(const std::string& s) {
  std::set<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.insert(item);
  }
  return out;
}

// Scans large inputs in blocks cut at line ends, so memory for raw matches stays bounded
// and time stays linear. Offsets are shifted back to the whole text.
Result<std::vector<detect::Span>> scan_blocks(const detect::Engine& engine, std::string_view text,
                                              const detect::ScanOptions& options) {
  std::vector<detect::Span> all;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.size(), pos + limits::kCliBlockBytes);
    if (end < text.size()) {
      const std::size_t nl = text.rfind('\n', end);
      if (nl != std::string_view::npos && nl > pos) end = nl + 1;
    }
    auto spans = engine.scan(text.substr(pos, end - pos), options);
    if (!spans) return spans.error();
    for (auto& s : *spans) {
      s.start += pos;
      s.end += pos;
      all.push_back(std::move(s));
    }
    pos = end;
  }
  return all;
}

int scan_jsonl(const detect::Engine& engine, const std::string& input, const detect::ScanOptions& base) {
  std::istringstream lines(input);
  std::string line;
  std::size_t line_no = 0;
  int failures = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json out;
    try {
      const auto rec = nlohmann::json::parse(line);
      out["id"] = rec.at("id");
      const std::string text = rec.at("text").get<std::string>();
      detect::ScanOptions options = base;
      if (rec.contains("lang") && rec["lang"].is_string() && base.lang == "auto") options.lang = rec["lang"].get<std::string>();
      auto spans = engine.scan(text, options);
      if (!spans) throw std::runtime_error(spans.error().message);
      text::OffsetConverter conv(text);
      out["spans"] = nlohmann::json::array();
      for (const auto& s : *spans) {
        out["spans"].push_back({{"start", conv.byte_to_codepoint(s.start)},
                                {"end", conv.byte_to_codepoint(s.end)},
                                {"label", s.label},
                                {"subtype", s.subtype},
                                {"score", std::round(s.score * 1000) / 1000}});
      }
    } catch (const std::exception& e) {
      ++failures;
      std::cerr << "veil: line " << line_no << ": " << e.what() << "\n";
      if (!out.contains("id")) out["id"] = nullptr;
      out["spans"] = nlohmann::json::array();
      out["error"] = e.what();
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return failures ? 1 : 0;
}

}  // namespace

int cmd_scan(const Argv& argv) {
  auto args = parse_args(argv, {"--lang", "--threshold", "--labels", "--rules-dir"},
                         {"--jsonl", "--show-values", "--help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("--help")) {
    std::cout << kScanHelp;
    return 0;
  }
  detect::ScanOptions options;
  options.lang = args->get_or("--lang", "auto");
  if (options.lang != "auto" && options.lang != "nl" && options.lang != "fr" && options.lang != "de" &&
      options.lang != "en") {
    return fail(make_error(ErrorCode::kInvalidArgument, "--lang must be auto, nl, fr, de or en"), 2);
  }
  if (auto t = args->get("--threshold")) {
    try {
      options.threshold = std::stod(*t);
    } catch (const std::exception&) {
      return fail(make_error(ErrorCode::kInvalidArgument, "--threshold needs a number"), 2);
    }
  }
  if (auto l = args->get("--labels")) options.labels = split_labels(*l);

  auto input = read_input(args->positional);
  if (!input) return fail(input.error());
  auto engine = load_engine(*args);
  if (!engine) return fail(engine.error());
  if (args->has("--jsonl")) return scan_jsonl(**engine, *input, options);

  if (auto st = check_utf8(*input); !st) return fail(st.error());
  auto spans = scan_blocks(**engine, *input, options);
  if (!spans) return fail(spans.error());
  text::OffsetConverter conv(*input);
  const bool show = args->has("--show-values");
  std::cout << "label\tsubtype\tstart\tend\tscore\trule" << (show ? "\tvalue" : "") << "\n";
  for (const auto& s : *spans) {
    std::cout << s.label << '\t' << s.subtype << '\t' << conv.byte_to_codepoint(s.start) << '\t'
              << conv.byte_to_codepoint(s.end) << '\t' << std::fixed << std::setprecision(2) << s.score << '\t'
              << s.rule_id;
    if (show) std::cout << '\t' << input->substr(s.start, s.end - s.start);
    std::cout << "\n";
  }
  std::cerr << spans->size() << " hit(s)\n";
  return 0;
}

int cmd_rules(const Argv& argv) {
  auto args = parse_args(argv, {"--rules-dir"}, {"--help", "--verbose"});
  if (!args) return fail(args.error(), 2);
  if (args->has("--help") || args->positional.empty() || args->positional[0] != "check") {
    std::cout << kRulesHelp;
    return args->has("--help") ? 0 : 2;
  }
  auto engine = load_engine(*args);
  if (!engine) return fail(engine.error());
  const auto& set = (*engine)->rules();
  int passed = 0, failed = 0;
  auto report = [&](const detect::Rule& r, const std::string& what) {
    ++failed;
    std::cout << "FAIL " << r.source_file << " " << r.id << ": " << what << "\n";
  };
  for (const auto& r : set.rules) {
    for (const auto& ex : r.positive_examples) {
      auto spans = (*engine)->scan(ex.text, {});
      if (!spans) {
        report(r, "example could not be scanned: " + spans.error().message);
        continue;
      }
      bool ok = true;
      for (const auto& want : ex.expect) {
        bool found = false;
        for (const auto& s : *spans) {
          if (s.label == r.label && ex.text.substr(s.start, s.end - s.start) == want) found = true;
        }
        if (!found) {
          ok = false;
          std::string got;
          for (const auto& s : *spans) got += " " + s.label + "='" + ex.text.substr(s.start, s.end - s.start) + "'";
          report(r, "positive example: expected " + r.label + " '" + want + "' in \"" + ex.text + "\"; got" +
                        (got.empty() ? " nothing" : got));
        }
      }
      if (ok) ++passed;
    }
    for (const auto& text : r.negative_examples) {
      auto spans = (*engine)->scan(text, {});
      if (!spans) {
        report(r, "example could not be scanned: " + spans.error().message);
        continue;
      }
      std::string bad;
      for (const auto& s : *spans) {
        if (s.label == r.label) bad += " '" + text.substr(s.start, s.end - s.start) + "' (" + s.rule_id + ")";
      }
      if (bad.empty()) {
        ++passed;
      } else {
        report(r, "negative example: found " + r.label + bad + " in \"" + text + "\"");
      }
    }
    if (args->has("--verbose")) std::cout << "rule " << r.id << " ok\n";
  }
  const auto& st = (*engine)->stats();
  std::cout << set.rules.size() << " rules (" << st.regex_patterns << " patterns, " << st.dictionary_entries
            << " dictionary entries" << (st.loaded_from_cache ? ", from cache" : "") << "); examples: " << passed
            << " passed, " << failed << " failed\n";
  return failed ? 1 : 0;
}

}  // namespace veil::cli
