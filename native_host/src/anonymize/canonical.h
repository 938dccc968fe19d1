// Canonical form of a detected value, the key under which the vault finds an existing
// placeholder, so "Jan.Jansen@Mail.NL" and "jan.jansen@mail.nl" get the same [EMAIL_1].
// Pure functions; the result is never shown to anyone (it is hashed by the vault).
#pragma once

#include <string>
#include <string_view>

namespace veil::anonymize {

// By detection label:
//   EMAIL        NFKC, ICU full case folding, surrounding whitespace trimmed.
//   PHONE        E.164 ("+31612345678") via libphonenumber, parsing national numbers with
//                `default_region` ("NL", "BE", "FR", "DE", "UK" or "GB", "US", ...); when
//                libphonenumber cannot parse it or it is not a possible number (wrong
//                length for its country), the digits only.
//   IBAN         whitespace removed, ASCII upper-case.
//   CREDIT_CARD  digits only.
//   PERSON       NFKC + case folding, whitespace runs collapsed to one space, trimmed.
//   POSTAL_CODE, LICENSE_PLATE  NFKC, spaces and hyphens removed, ASCII upper-case
//                ("1234 ab" == "1234AB").
//   NATIONAL_ID  NFKC, spaces, dots and hyphens removed, ASCII upper-case.
//   anything else  NFKC, whitespace runs collapsed to one space, trimmed (case kept).
// `value` should be valid UTF-8; invalid sequences become U+FFFD.
std::string canonical_value(std::string_view value, std::string_view label,
                            std::string_view default_region = "NL");

}  // namespace veil::anonymize
