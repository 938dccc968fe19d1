// What happens to a detected value: the operators of a preset. kReplace (a numbered
// placeholder from the vault) is done by the service; this file holds the pure ones.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace veil::anonymize {

enum class Operator {
  kReplace,  // "[NAME_1]", reversible through the vault
  kMask,     // partial: "j***@m***.nl"; not reversible
  kHash,     // "[NAME_c3f9a2]": stable per scope, not reversible
  kRedact,   // "[REDACTED]"
  kKeep,     // left as it is (detected and reported, not changed)
};

// "replace", "mask", "hash", "redact", "keep".
std::string_view operator_name(Operator op);
std::optional<Operator> parse_operator(std::string_view name);

// Partial masking by detection label:
//   EMAIL        first character of the local part and of the first domain label, the last
//                domain label kept: "jan.jansen@mail.example.nl" -> "j***@m***.nl"
//   IBAN         whitespace removed, all but the last 4 characters as '*'
//   CREDIT_CARD  every digit but the last 4 as '*', separators kept
//   PHONE        every digit but the last 2 as '*', '+' and separators kept
//   PERSON       initials: "Jan van der Berg" -> "J. v. d. B."
//   anything else  first character (code point) then "***", so the length is not revealed
std::string mask_value(std::string_view value, std::string_view label);

// "[" + placeholder label + "_" + 6 lower-case hex + "]", from keyed BLAKE2b (libsodium
// crypto_generichash) over a domain tag, the scope, the detection label and the canonical
// value (canonical.h), so equal values in one scope give equal tokens and different scopes
// or keys give unrelated ones. The first hex digit is always a-f, so a hash token can never
// be read back as a numbered placeholder by restore. 6 hex digits are a token, not an
// identifier: two values can share one (about 1 in 6 million).
std::string hash_value(std::span<const unsigned char, 32> key, std::string_view scope,
                       std::string_view value, std::string_view label,
                       std::string_view language = "en");

// The kRedact output.
inline constexpr std::string_view kRedactedText = "[REDACTED]";

}  // namespace veil::anonymize
