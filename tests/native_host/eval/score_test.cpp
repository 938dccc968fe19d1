// Tests for eval/score (numbers must equal ../shared/eval/score.py's on the same files; the
// expected values below were printed by score.py for data/small_*.jsonl) and eval/jsonl.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "eval/jsonl.h"
#include "eval/report.h"
#include "eval/score.h"

using namespace veil;

namespace {

std::vector<eval::Record> load(const std::string& name) {
  std::ifstream in(std::string(VEIL_TEST_DATA_DIR) + "/native_host/eval/data/" + name);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  auto recs = eval::parse_jsonl(ss.str());
  REQUIRE(recs.ok());
  return *recs;
}

std::map<std::string, std::vector<eval::LabeledSpan>> as_pred(const std::vector<eval::Record>& recs) {
  std::map<std::string, std::vector<eval::LabeledSpan>> out;
  for (const auto& r : recs) out[r.id] = r.spans;
  return out;
}

}  // namespace

TEST_CASE("scores match score.py without claims", "[eval]") {
  const auto gold = load("small_gold.jsonl");
  const auto pred = as_pred(load("small_pred.jsonl"));
  const auto s = eval::score(gold, pred, {});
  // Scored: gold labels that were predicted -> EMAIL, PERSON, PHONE.
  REQUIRE(s.rows.size() == 3);
  const auto& person = s.rows.at("PERSON");
  CHECK(person.gold == 6);
  CHECK(person.pred == 7);
  CHECK(eval::fmt3(person.exact.p) == "0.286");
  CHECK(eval::fmt3(person.exact.r) == "0.333");
  CHECK(eval::fmt3(person.exact.f1) == "0.308");
  CHECK(eval::fmt3(person.overlap.p) == "0.857");
  CHECK(eval::fmt3(person.overlap.r) == "0.667");
  CHECK(eval::fmt3(person.overlap.f1) == "0.750");
  CHECK(s.micro.gold == 8);
  CHECK(s.micro.pred == 9);
  CHECK(eval::fmt3(s.micro.exact.f1) == "0.471");
  CHECK(eval::fmt3(s.micro.overlap.p) == "0.889");
  CHECK(eval::fmt3(s.micro.overlap.r) == "0.750");
  CHECK(eval::fmt3(s.micro.overlap.f1) == "0.814");
  CHECK(s.all_pii.gold == 9);
  CHECK(eval::fmt3(s.all_pii.recall_overlap) == "0.667");
  CHECK(eval::fmt3(s.all_pii.recall_exact) == "0.444");
  CHECK(s.all_pii.pred_spans == 13);
  CHECK(eval::fmt3(s.all_pii.precision_any_label) == "0.846");
  CHECK(s.unscored.at("CITY") == 2);
  CHECK(s.unscored.at("DATE_OF_BIRTH") == 1);
  CHECK(s.unscored.at("SECRET") == 1);
}

TEST_CASE("claims and label families follow score.py", "[eval]") {
  const auto gold = load("small_gold.jsonl");
  const auto pred = as_pred(load("small_pred.jsonl"));
  eval::ScoreOptions o;
  o.claims = std::set<std::string>{"PERSON", "IBAN", "LOCATION", "DATE"};
  const auto s = eval::score(gold, pred, o);
  REQUIRE(s.rows.size() == 4);
  // No LOCATION predictions, yet CITY predictions overlap both gold locations (family).
  CHECK(s.rows.at("LOCATION").pred == 0);
  CHECK(eval::fmt3(s.rows.at("LOCATION").overlap.r) == "1.000");
  CHECK(eval::fmt3(s.rows.at("LOCATION").overlap.p) == "0.000");
  CHECK(eval::fmt3(s.rows.at("DATE").overlap.r) == "1.000");
  CHECK(eval::fmt3(s.rows.at("IBAN").overlap.r) == "0.000");
  CHECK(eval::fmt3(s.micro.exact.p) == "0.286");
  CHECK(eval::fmt3(s.micro.exact.r) == "0.200");
  CHECK(eval::fmt3(s.micro.overlap.f1) == "0.771");
}

TEST_CASE("per-language scores follow score.py", "[eval]") {
  const auto gold = load("small_gold.jsonl");
  const auto pred = as_pred(load("small_pred.jsonl"));
  eval::ScoreOptions o;
  o.langs = {"de"};
  auto de = eval::score(gold, pred, o);
  CHECK(eval::fmt3(de.micro.overlap.f1) == "0.857");
  CHECK(eval::fmt3(de.all_pii.recall_overlap) == "0.750");
  CHECK(eval::fmt3(de.rows.at("PERSON").overlap.r) == "0.750");
  o.langs = {"fr"};
  auto fr = eval::score(gold, pred, o);
  CHECK(eval::fmt3(fr.micro.overlap.f1) == "0.000");
  o.langs = {"nl"};
  CHECK(eval::fmt3(eval::score(gold, pred, o).micro.overlap.f1) == "0.889");
}

TEST_CASE("empty label rows print dashes", "[eval]") {
  std::vector<eval::Record> gold{{"x", "en", "Hi Bob", {{3, 6, "PERSON"}}}};
  std::map<std::string, std::vector<eval::LabeledSpan>> pred;
  eval::ScoreOptions o;
  o.claims = std::set<std::string>{"PERSON"};
  const auto s = eval::score(gold, pred, o);
  CHECK(eval::fmt3(s.rows.at("PERSON").exact.p) == "0.000");
  CHECK(eval::fmt3(s.all_pii.precision_any_label) == "-");
  const std::string table = eval::format_scores("t", s);
  CHECK(table.find("| PERSON | 1 | 0 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |") != std::string::npos);
}

TEST_CASE("jsonl round trip and errors", "[eval]") {
  eval::Record r{"id1", "fr", "Élodie \"quote\"", {{0, 6, "PERSON"}}};
  const std::string line = eval::to_jsonl_line(r);
  auto back = eval::parse_jsonl(line + "\n\n" + line);
  REQUIRE(back.ok());
  REQUIRE(back->size() == 2);
  CHECK((*back)[0].text == r.text);
  CHECK((*back)[0].spans.at(0).end == 6);
  auto bad = eval::parse_jsonl("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": 3}\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("line 2") != std::string::npos);
}
