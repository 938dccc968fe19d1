// Behaviour of the benchmark corpus generator: deterministic for a seed, densities as claimed,
// valid UTF-8, planted checksummed values accepted by the real validators, and found by the
// real engine. No timing assertions.
#include <catch2/catch.hpp>

#include "bench/corpus.h"
#include "detect/engine.h"
#include "detect/validators/validator.h"
#include "rules/loader.h"
#include "text/utf8.h"

using namespace veil;

namespace {

bench::Corpus make(std::size_t bytes, std::size_t per_hit, std::uint64_t seed) {
  bench::CorpusOptions o;
  o.bytes = bytes;
  o.bytes_per_hit = per_hit;
  o.seed = seed;
  return bench::generate_corpus(o);
}

}  // namespace

TEST_CASE("same seed gives the same corpus, another seed a different one") {
  const auto a = make(200000, 100, 7);
  const auto b = make(200000, 100, 7);
  const auto c = make(200000, 100, 8);
  CHECK(a.text == b.text);
  CHECK(a.planted.size() == b.planted.size());
  CHECK(a.text != c.text);
  CHECK(a.text.size() >= 200000);
  CHECK(bench::generate_message(16384, 100, 3) == bench::generate_message(16384, 100, 3));
}

TEST_CASE("densities are about one value per 100 bytes and per 2 KB") {
  const auto dense = make(1000000, bench::density_bytes_per_hit("dense"), 1);
  const auto sparse = make(2000000, bench::density_bytes_per_hit("sparse"), 1);
  const double dense_gap = static_cast<double>(dense.text.size()) / static_cast<double>(dense.planted.size());
  const double sparse_gap = static_cast<double>(sparse.text.size()) / static_cast<double>(sparse.planted.size());
  CHECK(dense_gap > 70);
  CHECK(dense_gap < 150);
  CHECK(sparse_gap > 1500);
  CHECK(sparse_gap < 2700);
  CHECK(bench::density_bytes_per_hit("unknown") == 0);
}

TEST_CASE("corpus is valid UTF-8, mixes four languages and many kinds of values") {
  const auto c = make(300000, 100, 5);
  CHECK_FALSE(text::find_invalid_utf8(c.text).has_value());
  CHECK(c.text.find("Beste klantenservice") != std::string::npos);
  CHECK(c.text.find("Bonjour") != std::string::npos);
  CHECK(c.text.find("Sehr geehrte") != std::string::npos);
  CHECK(c.text.find("Hello,") != std::string::npos);
  CHECK(c.planted_by_label.size() >= 9);
  for (const auto& p : c.planted) {
    REQUIRE(p.end > p.start);
    REQUIRE(p.end <= c.text.size());
  }
}

TEST_CASE("checksummed planted values pass the real validators") {
  const auto c = make(300000, 100, 9);
  const auto iban = detect::find_validator("iban");
  const auto bsn = detect::find_validator("nl_bsn");
  const auto card = detect::find_validator("luhn");
  REQUIRE(iban);
  REQUIRE(bsn);
  REQUIRE(card);
  std::size_t checked = 0;
  for (const auto& p : c.planted) {
    const std::string_view value(c.text.data() + p.start, p.end - p.start);
    detect::ValidatorFn fn = p.label == "IBAN" ? iban : p.label == "NATIONAL_ID" ? bsn : p.label == "CREDIT_CARD" ? card : nullptr;
    if (!fn) continue;
    detect::ValidatorInput in{value, c.text, p.start, p.end, "auto"};
    INFO(p.label);
    CHECK(fn(in).valid);
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("the real engine finds most planted values of the dense corpus") {
  const auto c = make(100000, 100, 11);
  auto engine = rules::build_engine(rules::default_rules_dir(), {});
  REQUIRE(engine.ok());
  auto spans = (*engine)->scan(c.text, {});
  REQUIRE(spans.ok());
  std::size_t found = 0;
  std::size_t si = 0;
  for (const auto& p : c.planted) {
    while (si < spans->size() && (*spans)[si].end <= p.start) ++si;
    if (si < spans->size() && (*spans)[si].start < p.end) ++found;
  }
  INFO("planted " << c.planted.size() << ", found " << found << ", spans " << spans->size());
  CHECK(static_cast<double>(found) >= 0.7 * static_cast<double>(c.planted.size()));
}
