// Canonical forms of detected values (see canonical.h). ICU does the Unicode work
// (NFKC, case folding, white space); libphonenumber does E.164.
#include "anonymize/canonical.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace veil::anonymize {
namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// NFKC, or NFKC with case folding; on an ICU failure the input is returned unchanged
// (a canonical key that is merely less canonical is still a correct key).
icu::UnicodeString normalize(const icu::UnicodeString& in, bool casefold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                          : icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return in;
  icu::UnicodeString out = norm->normalize(in, status);
  if (U_FAILURE(status)) return in;
  return out;
}

// Collapses runs of white space to one U+0020 and trims both ends.
icu::UnicodeString collapse_whitespace(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar32>(0x20));
    pending_space = false;
    out.append(c);
  }
  return out;
}

// Keeps code points for which keep(c) holds; ASCII letters upper-cased.
template <typename Keep>
std::string filter_upper(const std::string& in, Keep keep) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    if (!keep(c)) continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out.push_back(c);
  }
  return out;
}

std::string digits_only(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

std::string phone_e164(const std::string& nfkc, std::string_view default_region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  std::string region;
  for (char c : default_region) region.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  if (region == "UK") region = "GB";  // libphonenumber knows the ISO code only
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(nfkc, region, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
      util->IsPossibleNumber(number)) {
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    if (!out.empty()) return out;
  }
  return digits_only(nfkc);
}

}  // namespace

std::string canonical_value(std::string_view value, std::string_view label,
                            std::string_view default_region) {
  const icu::UnicodeString u = from_utf8(value);
  if (label == "EMAIL" || label == "PERSON") {
    return to_utf8(collapse_whitespace(normalize(u, /*casefold=*/true)));
  }
  const std::string nfkc = to_utf8(normalize(u, /*casefold=*/false));
  if (label == "PHONE") return phone_e164(nfkc, default_region);
  if (label == "CREDIT_CARD") return digits_only(nfkc);
  if (label == "IBAN") {
    return filter_upper(nfkc, [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; });
  }
  if (label == "POSTAL_CODE" || label == "LICENSE_PLATE") {
    return filter_upper(nfkc, [](char c) { return c != ' ' && c != '-' && c != '\t'; });
  }
  if (label == "NATIONAL_ID") {
    return filter_upper(nfkc, [](char c) { return c != ' ' && c != '-' && c != '.' && c != '\t'; });
  }
  return to_utf8(collapse_whitespace(from_utf8(nfkc)));
}

}  // namespace veil::anonymize
