// The pure operators: names, partial masks, keyed hash tokens.
#include "anonymize/operators.h"

#include <sodium.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

#include "anonymize/canonical.h"
#include "anonymize/placeholder.h"

namespace veil::anonymize {
namespace {

constexpr std::array<std::pair<Operator, std::string_view>, 5> kOperatorNames = {{
    {Operator::kReplace, "replace"},
    {Operator::kMask, "mask"},
    {Operator::kHash, "hash"},
    {Operator::kRedact, "redact"},
    {Operator::kKeep, "keep"},
}};

// The first code point of `s` as UTF-8 (an invalid lead byte counts as one byte).
std::string_view first_code_point(std::string_view s) {
  if (s.empty()) return s;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  (void)c;
  return s.substr(0, static_cast<std::size_t>(i));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string mask_generic(std::string_view value) {
  std::string out(first_code_point(value));
  out += "***";
  return out;
}

std::string mask_email(std::string_view value) {
  const std::size_t at = value.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= value.size()) return mask_generic(value);
  const std::string_view local = value.substr(0, at);
  const std::string_view domain = value.substr(at + 1);
  std::string out(first_code_point(local));
  out += "***@";
  out += first_code_point(domain);
  out += "***";
  const std::size_t dot = domain.rfind('.');
  if (dot != std::string_view::npos && dot > 0) out += domain.substr(dot);
  return out;
}

// Every digit except the last `keep` ones becomes '*'; other characters stay.
std::string mask_digits_keep_last(std::string_view value, std::size_t keep) {
  std::size_t digits = 0;
  for (char c : value) digits += is_digit(c) ? 1 : 0;
  std::string out(value);
  std::size_t seen = 0;
  for (char& c : out) {
    if (!is_digit(c)) continue;
    if (seen + keep < digits) c = '*';
    ++seen;
  }
  return out;
}

std::string mask_iban(std::string_view value) {
  std::string compact;
  for (char c : value) {
    if (!is_space(c)) compact.push_back(c);
  }
  for (std::size_t i = 0; i + 4 < compact.size(); ++i) compact[i] = '*';
  return compact;
}

std::string mask_person(std::string_view value) {
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && is_space(value[i])) ++i;
    if (i >= value.size()) break;
    std::size_t j = i;
    while (j < value.size() && !is_space(value[j])) ++j;
    std::string_view word = value.substr(i, j - i);
    if (!out.empty()) out += ' ';
    // Hyphenated parts keep their hyphen: "Berg-Müller" -> "B.-M."
    std::size_t k = 0;
    bool first_part = true;
    while (k <= word.size()) {
      std::size_t h = word.find('-', k);
      if (h == std::string_view::npos) h = word.size();
      if (!first_part) out += '-';
      if (h > k) {
        out += first_code_point(word.substr(k, h - k));
        out += '.';
      }
      first_part = false;
      k = h + 1;
    }
    i = j;
  }
  return out.empty() ? mask_generic(value) : out;
}

void update_field(crypto_generichash_state* state, std::string_view field) {
  const std::uint64_t n = field.size();
  unsigned char len[8];
  for (int b = 0; b < 8; ++b) len[b] = static_cast<unsigned char>(n >> (8 * b));
  crypto_generichash_update(state, len, sizeof len);
  crypto_generichash_update(state, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string_view operator_name(Operator op) {
  for (const auto& [value, name] : kOperatorNames) {
    if (value == op) return name;
  }
  return "replace";
}

std::optional<Operator> parse_operator(std::string_view name) {
  for (const auto& [value, op_name] : kOperatorNames) {
    if (op_name == name) return value;
  }
  return std::nullopt;
}

std::string mask_value(std::string_view value, std::string_view label) {
  if (value.empty()) return std::string();
  if (label == "EMAIL") return mask_email(value);
  if (label == "IBAN") return mask_iban(value);
  if (label == "CREDIT_CARD") return mask_digits_keep_last(value, 4);
  if (label == "PHONE") return mask_digits_keep_last(value, 2);
  if (label == "PERSON") return mask_person(value);
  return mask_generic(value);
}

std::string hash_value(std::span<const unsigned char, 32> key, std::string_view scope,
                       std::string_view value, std::string_view label, std::string_view language) {
  static const int sodium_ready = sodium_init();
  (void)sodium_ready;  // >= 0 on success; the hash functions work either way
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), crypto_generichash_BYTES_MIN);
  update_field(&state, "veil.hash-token.v1");
  update_field(&state, scope);
  update_field(&state, label);
  update_field(&state, canonical_value(value, label));
  unsigned char digest[crypto_generichash_BYTES_MIN];
  crypto_generichash_final(&state, digest, sizeof digest);
  sodium_memzero(&state, sizeof state);

  static constexpr char kHex[] = "0123456789abcdef";
  std::string token = "[" + placeholder_label(label, language) + "_";
  // First digit a-f: "[NAME_3f...]" could otherwise be read back as placeholder NAME_3.
  token += static_cast<char>('a' + (digest[0] >> 4) % 6);
  token += kHex[digest[0] & 0xf];
  for (int b = 1; b < 3; ++b) {
    token += kHex[digest[b] >> 4];
    token += kHex[digest[b] & 0xf];
  }
  token += ']';
  return token;
}

}  // namespace veil::anonymize
