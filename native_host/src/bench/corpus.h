// Deterministic synthetic corpus for benchmarks: realistic mixed Dutch/French/German/English
// customer messages with planted personal data at a chosen density. Everything is made up
// from templates and a fixed-seed PRNG (never copied from real or evaluation data), and
// checksummed identifiers (IBAN, BSN, cards) carry valid check digits so validators accept them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace veil::bench {

// splitmix64: tiny, fast, and identical on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n); n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  std::uint64_t state_;
};

struct CorpusOptions {
  std::size_t bytes = 1u << 20;           // stop once at least this many bytes were written
  std::size_t bytes_per_hit = 100;        // mean distance between planted values (100 = dense, 2048 = sparse)
  std::uint64_t seed = 0x5645494c;        // "VEIL"
  std::size_t message_bytes = 0;          // 0 = natural message lengths (300 B..3 KB); else ~this size each
};

struct PlantedValue {
  std::size_t start = 0, end = 0;  // bytes in Corpus::text
  std::string label;               // PERSON, EMAIL, PHONE, IBAN, ...
};

struct Corpus {
  std::string text;                     // messages separated by a blank line
  std::vector<std::size_t> message_starts;  // byte offset of each message
  std::vector<PlantedValue> planted;
  std::map<std::string, std::size_t> planted_by_label;
};

Corpus generate_corpus(const CorpusOptions& options);

// One message of about `bytes` bytes (for latency runs), from its own seed.
std::string generate_message(std::size_t bytes, std::size_t bytes_per_hit, std::uint64_t seed);

// Named densities used by `veil bench` and bench/peers.js: "dense" (1 per 100 B), "sparse" (1 per 2 KB).
std::size_t density_bytes_per_hit(const std::string& name);  // 0 when unknown

}  // namespace veil::bench
