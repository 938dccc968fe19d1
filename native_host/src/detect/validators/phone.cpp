// Phone number validator: cheap shape checks first (digit count, dates, repeated digits),
// then libphonenumber's Parse + IsValidNumber with a default region taken from the text's
// language and a short list of neighbouring regions for national numbers. An over-long
// candidate (the regex runs on into the next number group) is narrowed from the right.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <vector>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;
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

std::vector<std::string> regions_for(std::string_view lang) {
  std::string first = "NL";
  if (lang == "fr") first = "FR";
  else if (lang == "de") first = "DE";
  else if (lang == "en") first = "GB";
  std::vector<std::string> out{first};
  for (const char* r : {"NL", "BE", "FR", "DE", "GB", "AT", "CH", "IE", "US"})
    if (first != r) out.emplace_back(r);
  return out;
}

// The candidate as libphonenumber should see it: "(0)" after a country code dropped.
std::string prepare(std::string_view s) {
  std::string out(s);
  if (!out.empty() && (out[0] == '+' || out.rfind("00", 0) == 0)) {
    if (auto p = out.find("(0)"); p != std::string::npos) out.erase(p, 3);
  }
  if (out.rfind("00", 0) == 0) out.replace(0, 2, "+");
  return out;
}

// Region code when the candidate is a valid number, else empty.
std::string valid_region(std::string_view candidate, std::string_view lang) {
  const std::size_t digits = count_digits(candidate);
  if (digits < 8 || digits > 15) return {};
  if (looks_like_date(candidate)) return {};
  const std::string d = digits_of(candidate);
  if (longest_run(d) >= 7) return {};
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
  if (single_digit_groups > 2 && single_digit_groups * 2 > groups) return {};

  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const std::string text = prepare(candidate);
  PhoneNumber number;
  if (text[0] == '+') {
    if (util.Parse(text, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
    if (!util.IsValidNumber(number)) return {};
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    return region.empty() ? "INTL" : region;
  }
  // Every supported European region dials nationally with a trunk 0; without one, only the
  // North American plan fits.
  const bool trunk = d[0] == '0';
  for (const auto& region : trunk ? regions_for(lang) : std::vector<std::string>{"US"}) {
    number.Clear();
    if (util.Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    if (util.IsValidNumberForRegion(number, region)) return region;
  }
  return {};
}

}  // namespace

Validation phone(const ValidatorInput& in) {
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
  for (std::size_t e : ends) {
    if (++tries > 6) break;
    std::string_view cand = s.substr(0, e);
    if (count_digits(cand) < 8) break;
    std::string region = valid_region(cand, in.lang);
    if (region.empty()) continue;
    Validation v = accept(0.0, region);
    if (e != in.match.size()) return trimmed(v, 0, e);
    return v;
  }
  return reject();
}

}  // namespace veil::detect::validators
