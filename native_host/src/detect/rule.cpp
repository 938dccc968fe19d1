// RuleSet hashing: the key of the compiled-database cache.
#include "detect/rule.h"

#include <sodium.h>

#include <cstdio>

namespace veil::detect {
namespace {

void feed(crypto_generichash_state& st, const std::string& s) {
  const std::uint64_t len = s.size();
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(&len), sizeof len);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

}  // namespace

std::string RuleSet::content_hash() const {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 16);
  feed(st, version);
  for (const Rule& r : rules) {
    // Only what shapes the Hyperscan databases: kind, patterns/entries and flags.
    feed(st, r.id);
    feed(st, std::to_string(static_cast<int>(r.kind)) + (r.caseless ? "c" : "s"));
    for (const auto& p : r.patterns) feed(st, p);
  }
  unsigned char out[16];
  crypto_generichash_final(&st, out, sizeof out);
  char hex[33];
  for (int i = 0; i < 16; ++i) std::snprintf(hex + 2 * i, 3, "%02x", out[i]);
  return std::string(hex, 32);
}

}  // namespace veil::detect
