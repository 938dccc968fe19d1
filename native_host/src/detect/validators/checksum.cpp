// Validators built on public check-digit algorithms: Luhn (payment cards, SIREN/SIRET),
// IBAN mod-97 with per-country lengths, Dutch BSN 11-check, Belgian national number,
// French NIR key, German Steuer-ID (ISO 7064 MOD 11,10), UK NINO prefixes, US SSN ranges,
// Austrian SVNR (weighted mod 11 + birth date), Swiss AHV (EAN-13), Irish PPSN (mod 23),
// German pension insurance number (weights 2,1,2,5,7,1,2,1,2,1,2,1, digit sums, mod 10),
// Belgian eID card number (mod 97), UK driving licence number (DVLA layout).
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;

bool luhn_ok(std::string_view digits) {
  int sum = 0;
  bool dbl = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

bool starts_in_range(std::string_view digits, int len, int lo, int hi) {
  if (digits.size() < static_cast<std::size_t>(len)) return false;
  int v = to_int(digits.substr(0, len));
  return v >= lo && v <= hi;
}

// Issuer by IIN prefix and length; empty when no known scheme issues such a number.
std::string card_brand(std::string_view d) {
  const std::size_t n = d.size();
  if (starts_in_range(d, 2, 34, 34) || starts_in_range(d, 2, 37, 37)) return n == 15 ? "AMEX" : "";
  if (starts_in_range(d, 2, 51, 55) || starts_in_range(d, 4, 2221, 2720))
    return n == 16 ? "MASTERCARD" : "";
  if (d[0] == '4') return (n == 13 || n == 16 || n == 19) ? "VISA" : "";
  if (starts_in_range(d, 4, 6011, 6011) || starts_in_range(d, 3, 644, 649) ||
      starts_in_range(d, 2, 65, 65))
    return (n >= 16 && n <= 19) ? "DISCOVER" : "";
  if (starts_in_range(d, 4, 3528, 3589)) return (n >= 16 && n <= 19) ? "JCB" : "";
  if (starts_in_range(d, 3, 300, 305) || starts_in_range(d, 2, 36, 36) ||
      starts_in_range(d, 2, 38, 39))
    return (n >= 14 && n <= 19) ? "DINERS" : "";
  if (starts_in_range(d, 4, 6703, 6703)) return (n >= 16 && n <= 19) ? "BANCONTACT" : "";
  if (starts_in_range(d, 2, 62, 62)) return (n >= 16 && n <= 19) ? "UNIONPAY" : "";
  if (starts_in_range(d, 2, 50, 50) || starts_in_range(d, 2, 56, 69))
    return (n >= 12 && n <= 19) ? "MAESTRO" : "";
  return "";
}

struct IbanCountry {
  const char* code;
  int length;
};

// ISO 13616 registry lengths (SEPA countries and the other common ones).
constexpr std::array<IbanCountry, 80> kIbanLengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
    {"BG", 22}, {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28},
    {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24},
    {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18},
    {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23},
    {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22},
    {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
    {"SC", 31}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"LY", 25}, {"SD", 18}, {"FK", 18},
}};

int iban_length(std::string_view cc) {
  for (const auto& c : kIbanLengths)
    if (cc == c.code) return c.length;
  return 0;
}

bool iban_checksum_ok(std::string_view iban) {
  std::string rearranged(iban.substr(4));
  rearranged.append(iban.substr(0, 4));
  std::string digits;
  for (char c : rearranged) {
    if (is_digit(c)) {
      digits.push_back(c);
    } else {
      digits.append(std::to_string(c - 'A' + 10));
    }
  }
  return mod97(digits) == 1;
}

// ISO 7064 MOD 11,10 check digit over `digits`.
int mod11_10(std::string_view digits) {
  int product = 10;
  for (char c : digits) {
    int sum = (c - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  int check = 11 - product;
  return check == 10 ? 0 : check;
}

}  // namespace

Validation luhn_card(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() < 12 || d.size() > 19 || all_same(d) || !luhn_ok(d)) return reject();
  std::string brand = card_brand(d);
  if (brand.empty()) return reject();
  return accept(0.1, brand);
}

Validation siren(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() != 9 || all_same(d) || !luhn_ok(d)) return reject();
  return accept(0.0, "FR_SIREN");
}

Validation siret(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() != 14 || all_same(d)) return reject();
  // La Poste's establishments share SIREN 356000000 and use a digit-sum rule instead.
  if (d.compare(0, 9, "356000000") == 0) {
    int sum = 0;
    for (char c : d) sum += c - '0';
    if (sum % 5 != 0) return reject();
  } else if (!luhn_ok(d)) {
    return reject();
  }
  return accept(0.0, "FR_SIRET");
}

Validation iban(const ValidatorInput& in) {
  // Map positions of alphanumerics back to the match so an over-long candidate can be
  // narrowed to exactly the country's length.
  std::string compact;
  std::vector<std::size_t> pos;
  for (std::size_t i = 0; i < in.match.size(); ++i) {
    char c = in.match[i];
    if (is_alnum(c)) {
      compact.push_back(to_upper(c));
      pos.push_back(i);
    } else if (c != ' ' && c != '-' && c != '.') {
      break;
    }
  }
  if (compact.size() < 15 || !is_upper(compact[0]) || !is_upper(compact[1]) ||
      !is_digit(compact[2]) || !is_digit(compact[3]))
    return reject();
  const int len = iban_length(compact.substr(0, 2));
  if (len == 0 || compact.size() < static_cast<std::size_t>(len)) return reject();
  const std::string candidate = compact.substr(0, len);
  if (!iban_checksum_ok(candidate)) return reject();
  Validation v = accept(0.15, compact.substr(0, 2));
  if (compact.size() > static_cast<std::size_t>(len)) {
    // The next character must not continue a word we would cut in half.
    const std::size_t last = pos[len - 1];
    if (last + 1 < in.match.size() && is_alnum(in.match[last + 1])) return reject();
    return trimmed(v, 0, last + 1);
  }
  return v;
}

Validation nl_bsn(const ValidatorInput& in) {
  std::string d = digits_of(in.match);
  if (d.size() == 8) d.insert(d.begin(), '0');
  if (d.size() != 9 || all_same(d)) return reject();
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (d[i] - '0') * (9 - i);
  sum -= d[8] - '0';
  if (sum % 11 != 0) return reject();
  return accept(0.1, "NL_BSN");
}

Validation be_national_number(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() != 11 || all_same(d)) return reject();
  const int month = to_int(d.substr(2, 2));
  const int day = to_int(d.substr(4, 2));
  // Bis numbers add 20 or 40 to the month; 0 marks an unknown month or day.
  if (month % 20 > 12 || month > 52 || day > 31) return reject();
  const int serial = to_int(d.substr(6, 3));
  if (serial == 0 || serial == 999) return reject();
  const int check = to_int(d.substr(9, 2));
  const std::string first9 = d.substr(0, 9);
  const bool before2000 = 97 - mod97(first9) == check;
  const bool after2000 = 97 - mod97("2" + first9) == check;
  if (!before2000 && !after2000) return reject();
  return accept(0.2, "BE_NATIONAL_NUMBER");
}

Validation fr_nir(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() != 15) return reject();
  if (std::strchr("123478", s[0]) == nullptr) return reject();
  std::string number = s.substr(0, 13);
  std::string dept = number.substr(5, 2);
  // Corsica: 2A and 2B count as 19 and 18 for the key.
  if (dept == "2A") {
    number.replace(5, 2, "19");
  } else if (dept == "2B") {
    number.replace(5, 2, "18");
  }
  for (char c : number)
    if (!is_digit(c)) return reject();
  if (!is_digit(s[13]) || !is_digit(s[14])) return reject();
  const int month = to_int(number.substr(3, 2));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50))
    return reject();
  const int key = to_int(s.substr(13, 2));
  if (key != 97 - mod97(number)) return reject();
  return accept(0.2, "FR_NIR");
}

Validation de_steuer_id(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() != 11 || d[0] == '0') return reject();
  std::array<int, 10> counts{};
  for (int i = 0; i < 10; ++i) ++counts[d[i] - '0'];
  int repeated = 0, repeated_digit = -1;
  for (int k = 0; k < 10; ++k) {
    if (counts[k] > 3) return reject();
    if (counts[k] >= 2) {
      ++repeated;
      repeated_digit = k;
    }
  }
  if (repeated != 1) return reject();
  if (counts[repeated_digit] == 3) {
    for (int i = 0; i + 2 < 10; ++i)
      if (d[i] == d[i + 1] && d[i] == d[i + 2]) return reject();
  }
  if (mod11_10(std::string_view(d).substr(0, 10)) != d[10] - '0') return reject();
  return accept(0.1, "DE_STEUER_ID");
}

Validation uk_nino(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() != 8 && s.size() != 9) return reject();
  if (!is_upper(s[0]) || !is_upper(s[1])) return reject();
  for (int i = 2; i < 8; ++i)
    if (!is_digit(s[i])) return reject();
  if (s.size() == 9 && (s[8] < 'A' || s[8] > 'D')) return reject();
  if (std::strchr("DFIQUV", s[0]) != nullptr || std::strchr("DFIOQUV", s[1]) != nullptr)
    return reject();
  static constexpr const char* kBanned[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  const std::string prefix = s.substr(0, 2);
  for (const char* b : kBanned)
    if (prefix == b) return reject();
  return accept(0.1, "UK_NINO");
}

Validation us_ssn(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() != 9) return reject();
  const int area = to_int(d.substr(0, 3));
  const int group = to_int(d.substr(3, 2));
  const int serial = to_int(d.substr(5, 4));
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return reject();
  // Numbers published in advertising and documentation, never issued to a person.
  if (d == "078051120" || d == "219099999" || d == "123456789") return reject();
  return accept(0.0, "US_SSN");
}

Validation at_svnr(const ValidatorInput& in) {
  // NNNC DDMMYY: serial (first digit not 0), check digit, birth date.
  const std::string d = digits_of(in.match);
  if (d.size() != 10 || d[0] == '0' || all_same(d)) return reject();
  static constexpr int kWeights[] = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += (d[i] - '0') * kWeights[i];
  const int check = sum % 11;
  if (check == 10 || check != d[3] - '0') return reject();
  const int day = to_int(d.substr(4, 2));
  const int month = to_int(d.substr(6, 2));
  // Unknown birth days/months are recorded as 00 or months 13-15 by the insurers.
  if (day > 31 || month > 15) return reject();
  return accept(0.15, "AT_SVNR");
}

Validation ch_ahv(const ValidatorInput& in) {
  // 756.NNNN.NNNN.NC: ISO country code 756 and an EAN-13 check digit.
  const std::string d = digits_of(in.match);
  if (d.size() != 13 || d.compare(0, 3, "756") != 0) return reject();
  int total = 0;
  for (int i = 0; i < 12; ++i) total += (d[i] - '0') * (i % 2 ? 3 : 1);
  if ((10 - total % 10) % 10 != d[12] - '0') return reject();
  if (all_same(d.substr(3, 9))) return reject();
  return accept(0.2, "CH_AHV");
}

Validation ie_ppsn(const ValidatorInput& in) {
  // Seven digits, a check letter (mod 23 over weights 8..2) and, since 2013, a second letter
  // (A, B, H, W or similar) that enters the sum with weight 9.
  const std::string s = alnum_upper(in.match);
  if (s.size() != 8 && s.size() != 9) return reject();
  for (int i = 0; i < 7; ++i)
    if (!is_digit(s[i])) return reject();
  if (!is_upper(s[7])) return reject();
  if (all_same(s.substr(0, 7))) return reject();
  int total = 0;
  for (int i = 0; i < 7; ++i) total += (s[i] - '0') * (8 - i);
  static constexpr std::string_view kLetters = "WABCDEFGHIJKLMNOPQRSTUV";
  bool ok = kLetters[total % 23] == s[7];
  if (s.size() == 9) {
    if (!is_upper(s[8])) return reject();
    // The second letter counts with weight 9 (A = 1 ... W = 0); older numbers carried a
    // marker letter (W, T, X) outside the check, so either reading may hold.
    const int v = s[8] == 'W' ? 0 : s[8] - 'A' + 1;
    ok = (v <= 23 && kLetters[(total + v * 9) % 23] == s[7]) ||
         (std::strchr("WTX", s[8]) != nullptr && ok);
  }
  if (!ok) return reject();
  return accept(0.15, "IE_PPSN");
}

Validation de_rvnr(const ValidatorInput& in) {
  // Rentenversicherungsnummer (German social insurance number): area (2 digits), birth date
  // DDMMYY, initial of the birth name, serial (2 digits), check digit.
  const std::string s = alnum_upper(in.match);
  if (s.size() != 12) return reject();
  for (int i = 0; i < 8; ++i)
    if (!is_digit(s[i])) return reject();
  if (!is_upper(s[8]) || !is_digit(s[9]) || !is_digit(s[10]) || !is_digit(s[11])) return reject();
  const int area = to_int(s.substr(0, 2));
  const int day = to_int(s.substr(2, 2));
  const int month = to_int(s.substr(4, 2));
  // Days above 31 mark a second number for the same birth date (+ 30 ... + 60 scheme).
  if (area == 0 || month < 1 || month > 12 || day < 1 || day > 91) return reject();
  std::string digits = s.substr(0, 8);
  const int letter = s[8] - 'A' + 1;
  digits.push_back(static_cast<char>('0' + letter / 10));
  digits.push_back(static_cast<char>('0' + letter % 10));
  digits.append(s.substr(9, 2));
  static constexpr int kWeights[] = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
  int total = 0;
  for (int i = 0; i < 12; ++i) {
    const int p = (digits[i] - '0') * kWeights[i];
    total += p / 10 + p % 10;
  }
  if (total % 10 != s[11] - '0') return reject();
  return accept(0.2, "DE_RVNR");
}

Validation be_eid_card(const ValidatorInput& in) {
  // Belgian identity card number (eID, kids-ID, residence cards): 000-0000000-00, the last
  // two digits are the first ten mod 97 (97 when the remainder is 0).
  const std::string d = digits_of(in.match);
  if (d.size() != 12 || all_same(d.substr(0, 10))) return reject();
  long long first10 = 0;
  for (int i = 0; i < 10; ++i) first10 = first10 * 10 + (d[i] - '0');
  int check = static_cast<int>(first10 % 97);
  if (check == 0) check = 97;
  if (check != to_int(d.substr(10, 2))) return reject();
  return accept(0.1, "BE_ID_CARD");
}

Validation uk_driving_licence(const ValidatorInput& in) {
  // DVLA number: surname (5, padded with 9), decade, month (+50 for women), day, year digit,
  // initials (2, padded with 9), a digit, two check characters.
  const std::string s = alnum_upper(in.match);
  if (s.size() != 16 || !is_upper(s[0])) return reject();
  for (int i = 0; i < 5; ++i)
    if (!is_upper(s[i]) && s[i] != '9') return reject();
  for (int i = 1; i < 5; ++i)  // padding only at the end of the surname
    if (s[i] != '9' && s[i - 1] == '9') return reject();
  for (int i = 5; i < 11; ++i)
    if (!is_digit(s[i])) return reject();
  const int month = to_int(s.substr(6, 2));
  const int day = to_int(s.substr(8, 2));
  if (!((month >= 1 && month <= 12) || (month >= 51 && month <= 62)) || day < 1 || day > 31)
    return reject();
  if (!is_upper(s[11]) || !(is_upper(s[12]) || s[12] == '9') || !is_digit(s[13])) return reject();
  if (!is_alnum(s[14]) || !is_alnum(s[15])) return reject();
  return accept(0.15, "UK_DRIVING_LICENCE");
}

Validation tax_number(const ValidatorInput& in) {
  // Personal tax numbers other than the national ids: German Steuernummer ("21/815/08150",
  // 10-11 digits in the regional layout, 13 in the federal one), French numéro fiscal (SPI:
  // 13 digits starting 0-3), UK Unique Taxpayer Reference (10 digits).
  const std::string d = digits_of(in.match);
  if (all_same(d)) return reject();
  if (in.match.find('/') != std::string_view::npos) {
    if (d.size() < 10 || d.size() > 13) return reject();
    return accept(0.0, "DE_STEUERNUMMER");
  }
  if (d.size() == 13 && d[0] <= '3') return accept(0.0, "FR_SPI");
  if (d.size() == 10) return accept(0.0, "UK_UTR");
  return reject();
}

}  // namespace veil::detect::validators
