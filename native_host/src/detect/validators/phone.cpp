// Phone number validator: cheap shape checks first (digit count, dates, repeated digits),
// then libphonenumber's metadata (GetNumberType) on a number built
// from the digits, with the text's language choosing the first region for national numbers.
// A phone-shaped number outside every known range is accepted with a penalty (subtype
// UNLISTED), so only a phone cue in its context gets it masked. An over-long
// candidate (the regex runs on into the next number group) is narrowed from the right.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <string>
#include <vector>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;

// Score change for a phone-shaped number outside every known range: the phone rules score
// 0.55-0.65, so it stays under the 0.5 threshold unless a phone cue adds its boost (0.2).
constexpr double kUnlistedPenalty = -0.2;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy, yyyy-mm-dd, dd-mm-yy: dates, not phones.
bool looks_like_date(std::string_view s) {
  std::vector<std::string_view> groups;
  std::vector<char> seps;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j == i) return false;
    groups.push_back(s.substr(i, j - i));
    if (j < s.size()) {
      seps.push_back(s[j]);
      ++j;
    }
    i = j;
  }
  if (groups.size() != 3 || seps.size() != 2 || seps[0] != seps[1]) return false;
  const char sep = seps[0];
  if (sep != '-' && sep != '.' && sep != '/') return false;
  auto g = [&](int k) { return to_int(groups[k]); };
  if (groups[0].size() == 4)
    return g(1) >= 1 && g(1) <= 12 && g(2) >= 1 && g(2) <= 31;
  if (groups[0].size() <= 2 && groups[1].size() <= 2 &&
      (groups[2].size() == 4 || groups[2].size() == 2))
    return g(0) >= 1 && g(0) <= 31 && g(1) >= 1 && g(1) <= 12;
  return false;
}

// Regions tried for a national number (trunk 0), the text's language first. Built once:
// country codes and trunk prefixes come from libphonenumber's metadata.
struct Region {
  std::string code;
  int country_code = 0;
};

const std::vector<Region>& trunk_zero_regions() {
  static const std::vector<Region> regions = [] {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    std::vector<Region> out;
    for (const char* r : {"NL", "BE", "FR", "DE", "GB", "AT", "CH", "IE"}) {
      std::string ndd;
      util.GetNddPrefixForRegion(r, true, &ndd);
      if (ndd == "0") out.push_back({r, util.GetCountryCodeForRegion(r)});
    }
    return out;
  }();
  return regions;
}

// The trunk-0 regions in the order a national number is tried for a text's language: where
// the language is spoken first, then the others. Built once per language: this runs for
// every phone candidate.
const std::vector<const Region*>& regions_for_language(std::string_view lang) {
  auto build = [](std::initializer_list<std::string_view> preferred) {
    std::vector<const Region*> order;
    const auto& regions = trunk_zero_regions();
    for (std::string_view code : preferred)
      for (const auto& r : regions)
        if (r.code == code) order.push_back(&r);
    for (const auto& r : regions)
      if (std::find(preferred.begin(), preferred.end(), r.code) == preferred.end()) order.push_back(&r);
    return order;
  };
  static const std::vector<const Region*> fr = build({"FR", "BE", "CH"});
  static const std::vector<const Region*> de = build({"DE", "AT", "CH"});
  static const std::vector<const Region*> en = build({"GB", "IE"});
  static const std::vector<const Region*> nl = build({"NL", "BE"});
  if (lang == "fr") return fr;
  if (lang == "de") return de;
  if (lang == "en") return en;
  return nl;
}

std::uint64_t to_u64(std::string_view digits) {
  std::uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

// Freephone, premium-rate, shared-cost and universal access numbers belong to companies
// (the shop's own hotline in a footer), never to a customer: not personal data.
bool is_business_type(PhoneNumberUtil::PhoneNumberType type) {
  return type == PhoneNumberUtil::TOLL_FREE || type == PhoneNumberUtil::PREMIUM_RATE ||
         type == PhoneNumberUtil::SHARED_COST || type == PhoneNumberUtil::UAN;
}

// A valid number's reading: its region, and whether it is a company line. One
// GetNumberType call answers both validity and type (IsValidNumber and a separate type
// lookup would match the same metadata patterns twice).
struct Reading {
  std::string region;  // empty: not a valid number
  bool business = false;
};

// The PhoneNumber is built from the digits directly instead of through Parse(): every
// candidate here is digits and separators only, and Parse's ICU regexes (extension,
// punctuation and prefix stripping) were three quarters of the scan time on dense text.
Reading valid_international(const PhoneNumberUtil& util, std::string_view d, PhoneNumber& number) {
  for (std::size_t len = 1; len <= 3 && len < d.size(); ++len) {
    const int cc = static_cast<int>(to_u64(d.substr(0, len)));
    std::string region;
    util.GetRegionCodeForCountryCode(cc, &region);
    if (region == "ZZ") continue;  // country codes are prefix-free: try a longer one
    std::string_view nsn = d.substr(len);
    number.Clear();
    number.set_country_code(cc);
    if (!nsn.empty() && nsn[0] == '0') {
      // "+31 (0)20 …" / "+31 020 …": the trunk 0 written after the country code.
      std::string ndd;
      util.GetNddPrefixForRegion(region, true, &ndd);
      if (ndd == "0") {
        nsn.remove_prefix(1);
      } else {
        std::size_t zeros = 0;
        while (zeros < nsn.size() && nsn[zeros] == '0') ++zeros;
        number.set_italian_leading_zero(true);
        number.set_number_of_leading_zeros(static_cast<int>(zeros));
      }
    }
    if (nsn.empty() || nsn.size() > 17) return {};
    number.set_national_number(to_u64(nsn));
    const auto type = util.GetNumberType(number);
    if (type == PhoneNumberUtil::UNKNOWN) return {};
    std::string found;
    util.GetRegionCodeForNumber(number, &found);
    return {found.empty() || found == "ZZ" ? "INTL" : found, is_business_type(type)};
  }
  return {};
}

// "23/02/2024 18", "02/2024 19": a month and a year written with '/' or '.', then a time.
bool holds_month_and_year(std::string_view s) {
  for (std::size_t i = 0; i + 7 <= s.size(); ++i) {
    if (s[i] != '/' && s[i] != '.') continue;
    if (!is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]) || !is_digit(s[i + 4])) continue;
    if (i + 5 < s.size() && is_digit(s[i + 5])) continue;  // more than four digits: not a year
    const int year = to_int(s.substr(i + 1, 4));
    if (year < 1900 || year > 2099 || i < 2 || !is_digit(s[i - 1]) || !is_digit(s[i - 2])) continue;
    const int month = to_int(s.substr(i - 2, 2));
    if (month >= 1 && month <= 12) return true;
  }
  return false;
}

// Digit count, dates, repeated digits and separator density: what every phone shares,
// whether or not libphonenumber knows its range.
bool phone_shaped(std::string_view candidate, const std::string& d) {
  // E.164 allows 15 digits; a dialled "00" and a written "(0)" trunk are not among them.
  std::size_t digits = d.size();
  const std::size_t first = candidate.find_first_not_of(" (");
  const bool plus = first != std::string_view::npos && candidate[first] == '+';
  if (!plus && d.rfind("00", 0) == 0) digits -= 2;
  if ((plus || d.rfind("00", 0) == 0) && candidate.find("(0)") != std::string_view::npos) digits -= 1;
  if (digits < 8 || digits > 15) return false;
  if (looks_like_date(candidate) || holds_month_and_year(candidate)) return false;
  if (longest_run(d) >= 7) return false;
  // Separators must be sparse: "1 2 3 4 5 6 7 8" is a list, not a phone.
  std::size_t single_digit_groups = 0, groups = 0;
  for (std::size_t i = 0; i < candidate.size();) {
    if (!is_digit(candidate[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < candidate.size() && is_digit(candidate[j])) ++j;
    ++groups;
    if (j - i == 1) ++single_digit_groups;
    i = j;
  }
  return !(single_digit_groups > 2 && single_digit_groups * 2 > groups);
}

bool is_international(std::string_view candidate, const std::string& d) {
  const std::size_t first = candidate.find_first_not_of(" (");
  return (first != std::string_view::npos && candidate[first] == '+') || d.rfind("00", 0) == 0;
}

// A number of a phone's length that libphonenumber does not know: a typo, a range newer
// than the metadata, a fictional 555 number in a template. Worth masking when the text
// says it is a phone (the caller's score stays below the threshold without a cue).
bool plausible_unlisted(std::string_view candidate, const std::string& d) {
  if (is_international(candidate, d)) {
    const std::string_view intl = d.rfind("00", 0) == 0 ? std::string_view(d).substr(2) : std::string_view(d);
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    for (std::size_t len = 1; len <= 3 && len < intl.size(); ++len) {
      std::string region;
      util.GetRegionCodeForCountryCode(static_cast<int>(to_u64(intl.substr(0, len))), &region);
      if (region == "ZZ") continue;
      std::size_t nsn = intl.size() - len;
      if (intl[len] == '0') --nsn;  // "+31 (0)6 …"
      return nsn >= 8 && nsn <= 12;
    }
    return false;
  }
  if (d[0] == '0') return d.size() >= 10 && d.size() <= 11 && d[1] != '0';
  // North American shape: 3-3-4 digits, or 1 and then those.
  return d.size() == 10 || (d.size() == 11 && d[0] == '1');
}

// The candidate's reading as a phone number (then `number` holds it); empty region if none.
Reading valid_region(std::string_view candidate, std::string_view lang, PhoneNumber& number) {
  const std::string d = digits_of(candidate);
  if (!phone_shaped(candidate, d)) return {};
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  if (is_international(candidate, d)) {
    return valid_international(util, d.rfind("00", 0) == 0 ? std::string_view(d).substr(2) : std::string_view(d),
                               number);
  }

  number.Clear();
  if (d[0] != '0') {
    // Every supported European region dials nationally with a trunk 0; without one, only
    // the North American plan fits (10 digits, or 11 with its trunk 1).
    std::string_view nsn = d;
    if (nsn.size() == 11 && nsn[0] == '1') nsn.remove_prefix(1);
    if (nsn.size() != 10) return {};
    number.set_country_code(1);
    number.set_national_number(to_u64(nsn));
    if (!util.IsValidNumberForRegion(number, "US")) return {};
    // North American toll-free and premium area codes (a fixed list of the plan); asking
    // libphonenumber for the type would test two dozen NANP regions.
    const std::string_view area = nsn.substr(0, 3);
    const bool business = area == "800" || area == "833" || area == "844" || area == "855" || area == "866" ||
                          area == "877" || area == "888" || area == "900";
    return {"US", business};
  }
  const std::string_view nsn = std::string_view(d).substr(1);
  if (nsn.empty() || nsn[0] == '0') return {};
  number.set_national_number(to_u64(nsn));
  // A number valid in several regions is read as a personal line where one region has it
  // so: Irish mobiles 087 … are Dutch company numbers (UAN) when read as Dutch.
  const Region* business = nullptr;
  for (const Region* r : regions_for_language(lang)) {
    number.set_country_code(r->country_code);
    const auto type = util.GetNumberType(number);
    if (type == PhoneNumberUtil::UNKNOWN) continue;
    if (!is_business_type(type)) return {r->code, false};
    if (!business) business = r;
  }
  if (business) {
    number.set_country_code(business->country_code);
    return {business->code, true};
  }
  return {};
}

}  // namespace

Validation phone(const ValidatorInput& in) {
  // Phone rules want a word boundary before the number, and this validator never moves the
  // start: a candidate inside a longer digit or letter run (IBAN, order number) is rejected
  // here before any metadata lookup.
  if (in.start > 0 && in.start <= in.text.size() && is_alnum(in.text[in.start - 1])) return reject();
  std::string_view s = in.match;
  // Drop separators and an unmatched "(" at the end.
  while (!s.empty() && !is_digit(s.back()) && s.back() != ')') s.remove_suffix(1);
  // Candidate ends: the full span, then each point where a digit group ends, longest first.
  std::vector<std::size_t> ends;
  for (std::size_t i = s.size(); i > 0; --i) {
    const bool group_end = is_digit(s[i - 1]) && (i == s.size() || !is_digit(s[i]));
    if (group_end || (i == s.size() && s[i - 1] == ')')) ends.push_back(i);
  }
  int tries = 0;
  std::size_t unlisted_end = 0;  // longest end with a phone's shape but no known range
  for (std::size_t e : ends) {
    if (++tries > 6) break;
    std::string_view cand = s.substr(0, e);
    if (count_digits(cand) < 8) break;
    PhoneNumber number;
    const Reading reading = valid_region(cand, in.lang, number);
    if (reading.business) return reject();
    const std::string& region = reading.region;
    if (region.empty()) {
      if (unlisted_end == 0) {
        const std::string d = digits_of(cand);
        if (phone_shaped(cand, d) && plausible_unlisted(cand, d)) unlisted_end = e;
      }
      continue;
    }
    Validation v = accept(0.0, region);
    if (e != in.match.size()) return trimmed(v, 0, e);
    return v;
  }
  if (unlisted_end == 0) return reject();
  // A number alone on its line ("Jan Jansen\n+44 7700 635001" in a signature) is laid out
  // the way people give their number: that layout is the cue.
  const std::size_t line_start = in.text.rfind('\n', in.start == 0 ? 0 : in.start - 1);
  const std::size_t from = line_start == std::string_view::npos || in.start == 0 ? 0 : line_start + 1;
  const std::size_t line_end = std::min(in.text.find('\n', in.start + unlisted_end), in.text.size());
  auto blank = [](std::string_view t) {
    return std::all_of(t.begin(), t.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '.'; });
  };
  const bool own_line = blank(in.text.substr(from, in.start - from)) &&
                        blank(in.text.substr(in.start + unlisted_end, line_end - (in.start + unlisted_end)));
  Validation v = accept(own_line ? 0.0 : kUnlistedPenalty, "UNLISTED");
  return unlisted_end != in.match.size() ? trimmed(v, 0, unlisted_end) : v;
}

}  // namespace veil::detect::validators
