// Shape validators without a heavy algorithm: postal codes (NL letters, UK outward/inward,
// Irish Eircode, US state + ZIP, 4-5 digit codes followed by a city or after a zip/PLZ cue),
// licence plates (Dutch side codes, French SIV, Belgian, German, Austrian, Swiss, UK, Irish,
// US; shapes that double as product codes get a negative delta so that only a plate word
// lifts them), carrier tracking codes (UPS 1Z and UPU S10 check digits, DHL Express mod 7,
// PostNL/Colissimo/bpost shapes), order ids after a keyword, and ID document numbers.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;

bool is_upper_utf8_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  if (is_upper(t[i])) return true;
  // Latin-1 supplement capitals (É, Ü, ...) as UTF-8.
  return i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC3 &&
         static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(t[i + 1]) <= 0x9E;
}

// The word after the match (one or two spaces, same line) starts with a capital.
bool city_follows(const ValidatorInput& in, std::size_t& word_start) {
  std::size_t i = in.end;
  std::size_t spaces = 0;
  while (i < in.text.size() && in.text[i] == ' ' && spaces < 3) {
    ++i;
    ++spaces;
  }
  if (spaces == 0) return false;
  word_start = i;
  if (!is_upper_utf8_at(in.text, i)) return false;
  // A place name has three letters or more ("SS" or "EU" after digits is something else).
  std::size_t letters = 0;
  for (std::size_t j = i; j < in.text.size(); ++j) {
    const unsigned char c = in.text[j];
    if (is_alpha(static_cast<char>(c))) ++letters;
    else if (c >= 0xC0) ++letters;  // lead byte of a non-ASCII letter
    else if (c < 0x80) break;
  }
  return letters >= 3;
}

std::string word_at(std::string_view t, std::size_t i) {
  std::size_t j = i;
  while (j < t.size() && (is_alpha(t[j]) || static_cast<unsigned char>(t[j]) >= 0x80)) ++j;
  return lower(t.substr(i, j - i));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "1600 Pennsylvania Avenue", "2000 Kerkstraat": a house number before a street, not a code.
bool street_follows(std::string_view t, std::size_t word_start) {
  static constexpr std::string_view kStreetTypes[] = {
      "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
      "blvd", "way", "court", "ct", "place", "pl", "square", "terrace"};
  static constexpr std::string_view kStreetSuffixes[] = {
      "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dreef", "steenweg",
      "straße", "strasse", "gasse", "allee", "platz", "ring", "damm"};
  const std::string first = word_at(t, word_start);
  for (auto s : kStreetSuffixes)
    if (ends_with(first, s)) return true;
  std::size_t next = word_start + first.size();
  while (next < t.size() && t[next] == ' ') ++next;
  const std::string second = word_at(t, next);
  for (auto s : kStreetTypes)
    if (second == s) return true;
  return false;
}

// Start of text, start of line, or after a comma/semicolon/colon: where an address line's
// postal code stands.
bool address_separator_before(const ValidatorInput& in) {
  std::size_t i = in.start;
  while (i > 0 && in.text[i - 1] == ' ') --i;
  if (i == 0) return true;
  const char c = in.text[i - 1];
  return c == '\n' || c == '\r' || c == ',' || c == ';' || c == ':' || c == '|' || c == '(';
}

bool year_like(int v) { return v >= 1900 && v <= 2099; }

std::string letters_digits_shape(std::string_view s) {
  std::string shape;
  for (char c : s) {
    if (is_digit(c)) shape.push_back('D');
    else if (is_alpha(c)) shape.push_back('L');
    else if (c == '-' || c == ' ' || c == '.') shape.push_back('-');
    else return {};
  }
  return shape;
}

bool letters_in(std::string_view s, std::string_view allowed) {
  for (char c : s)
    if (is_alpha(c) && allowed.find(to_upper(c)) == std::string_view::npos) return false;
  return true;
}

}  // namespace

Validation postal_nl(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() != 6 || s[0] == '0') return reject();
  const std::string letters = s.substr(4);
  if (letters == "SA" || letters == "SD" || letters == "SS") return reject();
  const int digits = to_int(s.substr(0, 4));
  std::size_t word = 0;
  const bool city = city_follows(in, word);
  // "2024 EU": a year and an abbreviation. Year-like numbers need a city or an address line.
  if (year_like(digits) && !city && !address_separator_before(in)) return reject();
  // "(c. 1792 BC)", "2000 AD": an era, unless a city follows.
  if (!city && digits < 2100 && (letters == "BC" || letters == "AD" || letters == "CE"))
    return reject();
  return accept(city ? 0.15 : 0.0, "NL");
}

Validation postal_uk(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() < 5 || s.size() > 7) return reject();
  const std::string inward = s.substr(s.size() - 3);
  const std::string outward = s.substr(0, s.size() - 3);
  if (!is_digit(inward[0]) || !is_upper(inward[1]) || !is_upper(inward[2])) return reject();
  if (std::strchr("CIKMOV", inward[1]) != nullptr || std::strchr("CIKMOV", inward[2]) != nullptr)
    return reject();
  if (std::strchr("QVX", outward[0]) != nullptr) return reject();
  if (outward.size() >= 2 && is_upper(outward[1]) && std::strchr("IJZ", outward[1]) != nullptr)
    return reject();
  // "sw1a 1aa" happens, but so does "mp3 4gb": lower case only next to a context word.
  for (char c : in.match)
    if (is_lower(c)) return accept(-0.2, "UK");
  return accept(0.0, "UK");
}

Validation postal_ie(const ValidatorInput& in) {
  // Eircode: routing key (letter, two digits; D6W) and a unique identifier of four characters
  // from a reduced alphabet.
  static constexpr std::string_view kAlphabet = "0123456789ACDEFHKNPRTVWXY";
  const std::string s = alnum_upper(in.match);
  if (s.size() != 7) return reject();
  if (std::strchr("ACDEFHKNPRTVWXY", s[0]) == nullptr || !is_digit(s[1])) return reject();
  if (!(is_digit(s[2]) || (s[0] == 'D' && s[1] == '6' && s[2] == 'W'))) return reject();
  std::size_t letters = 0;
  for (std::size_t i = 3; i < 7; ++i) {
    if (kAlphabet.find(s[i]) == std::string_view::npos) return reject();
    if (is_upper(s[i])) ++letters;
  }
  // Routing areas are numbered from 01 (Dublin) and 10 upwards elsewhere.
  const int area = is_digit(s[2]) ? to_int(s.substr(1, 2)) : 6;
  if (area == 0 || (s[0] != 'D' && area < 10)) return reject();
  // A compact all-digit identifier ("A65 1234" without the space) reads as a product code.
  const bool spaced = in.match.find(' ') != std::string_view::npos;
  if (letters == 0 && !spaced) return reject();
  return accept(letters > 0 ? 0.1 : -0.1, "IE");
}

Validation postal_after_keyword(const ValidatorInput& in) {
  // "zip code 90210", "Postleitzahl: 1010", "code postal 75011": the digits after the cue.
  const std::string_view s = in.match;
  if (in.start > 0 && is_alnum(in.text[in.start - 1])) return reject();
  std::size_t start = s.size();
  while (start > 0 && (is_digit(s[start - 1]) || s[start - 1] == '-')) --start;
  const std::string_view code = s.substr(start);
  const std::string d = digits_of(code);
  if (code.empty() || !is_digit(code.front())) return reject();
  if (d.size() != 4 && d.size() != 5 && d.size() != 9) return reject();
  if (all_same(d)) return reject();
  // "Postcode 1234 AB" is a Dutch code (its own rule); "1234 SS" is not a code at all.
  std::size_t i = in.end;
  if (i < in.text.size() && in.text[i] == ' ') ++i;
  if (i + 1 < in.text.size() && is_upper(in.text[i]) && is_upper(in.text[i + 1]) &&
      (i + 2 == in.text.size() || !is_alpha(in.text[i + 2])))
    return reject();
  return trimmed(accept(0.0, d.size() == 4 ? "POSTAL_CODE" : "ZIP"), start, s.size());
}

Validation postal_us(const ValidatorInput& in) {
  static constexpr std::string_view kStates[] = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
      "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
      "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
      "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR"};
  const std::string_view s = in.match;
  if (s.size() < 8 || !is_upper(s[0]) || !is_upper(s[1])) return reject();
  // The state must be a word of its own ("RMA 55123" is not Massachusetts); the span is
  // narrowed to the ZIP, so the engine's boundary check would not see this.
  if (in.start > 0 && is_alnum(in.text[in.start - 1])) return reject();
  bool known = false;
  for (auto st : kStates)
    if (s.substr(0, 2) == st) known = true;
  if (!known) return reject();
  std::size_t zip = 2;
  while (zip < s.size() && s[zip] == ' ') ++zip;
  const std::string d = digits_of(s.substr(zip));
  if (d.size() != 5 && d.size() != 9) return reject();
  if (d.compare(0, 5, "00000") == 0) return reject();
  return trimmed(accept(0.0, "US"), zip, s.size());
}

namespace {

// A section sign or an article word right before the number: "§ 1096", "Art. 15", "artikel 7".
bool law_reference_before(const ValidatorInput& in) {
  std::size_t i = in.start;
  while (i > 0 && (in.text[i - 1] == ' ' || in.text[i - 1] == '.')) --i;
  if (i >= 2 && in.text.substr(i - 2, 2) == "\xC2\xA7") return true;  // "§" in UTF-8
  std::size_t w = i;
  while (w > 0 && is_alpha(in.text[w - 1])) --w;
  const std::string word = lower(in.text.substr(w, i - w));
  return word == "art" || word == "artikel" || word == "article" || word == "articles" || word == "artikels" ||
         word == "par" || word == "paragraph" || word == "paragraaf" || word == "absatz" || word == "abs" ||
         word == "section" || word == "sec";
}

}  // namespace

Validation postal_city(const ValidatorInput& in) {
  const std::string_view s = in.match;
  std::size_t first_digit = 0;
  while (first_digit < s.size() && !is_digit(s[first_digit])) ++first_digit;
  const bool prefixed = first_digit > 0;
  const std::string d = digits_of(s);
  if ((d.size() != 4 && d.size() != 5) || (d[0] == '0' && d.size() == 4)) return reject();
  if (all_same(d)) return reject();
  // "§ 1096 ABGB", "Art. 1240 Code civil": a law's paragraph number, not a postal code.
  if (law_reference_before(in)) return reject();
  std::size_t word = 0;
  if (!city_follows(in, word)) return reject();
  if (street_follows(in.text, word)) return reject();
  std::string subtype;
  if (prefixed) {
    const std::string p = alnum_upper(s.substr(0, first_digit));
    if (p == "B" || p == "BE") subtype = "BE";
    else if (p == "D" || p == "DE") subtype = "DE";
    else if (p == "A" || p == "AT") subtype = "AT";
    else if (p == "CH") subtype = "CH";
    else if (p == "F" || p == "FR") subtype = "FR";
    else if (p == "L" || p == "LU") subtype = "LU";
    else return reject();
    return accept(0.15, subtype);
  }
  if (address_separator_before(in)) return accept(0.0);
  // Mid-sentence "in 2019 Paris" or "order 12345 Shipped": only with address context.
  if (year_like(to_int(d))) return reject();
  return accept(-0.15);
}

namespace {

Validation plate_nl_shape(const ValidatorInput& in) {
  const std::string shape = letters_digits_shape(in.match);
  // Dutch side codes 1-14 (with dashes); 7 and up use no vowels.
  static constexpr const char* kOld[] = {"LL-DD-DD", "DD-DD-LL", "DD-LL-DD",
                                         "LL-DD-LL", "LL-LL-DD", "DD-LL-LL"};
  static constexpr const char* kNew[] = {"DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL",
                                         "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"};
  for (const char* n : kNew)
    if (shape == n) {
      // Issued side codes use no vowels (and no C, Q, W, Y); customers and shop templates
      // still write "12-ABC-3": keep such shapes, but only next to a context word.
      if (!letters_in(in.match, "BDFGHJKLMNPRSTVXZ")) return accept(-0.1, "NL");
      return accept(0.15, "NL");
    }
  // Written without dashes ("5XLP38"): the same side codes, only next to a context word.
  for (const char* n : kNew) {
    std::string compact(n);
    std::erase(compact, '-');
    if (shape == compact) {
      if (!letters_in(in.match, "BDFGHJKLMNPRSTVXZ")) return reject();
      return accept(-0.1, "NL");
    }
  }
  for (const char* o : kOld)
    if (shape == o) {
      if (all_same(digits_of(in.match))) return reject();
      return accept(0.0, "NL");
    }
  return reject();
}

}  // namespace

Validation plate_nl(const ValidatorInput& in) {
  Validation v = plate_nl_shape(in);
  // Written in lower case ("gj-412-k"): only next to a context word.
  if (v.valid)
    for (char c : in.match)
      if (is_lower(c)) {
        v.score_delta = std::min(v.score_delta, -0.1);
        break;
      }
  return v;
}

Validation plate(const ValidatorInput& in) {
  const std::string shape = letters_digits_shape(in.match);
  const std::string s = alnum_upper(in.match);
  // French SIV: both separators alike ("AB-123-CD", "AB 123 CD") or none. A mixed "GU-123 AB"
  // is Austrian and falls through to the district parse below.
  const bool siv_separators =
      shape == "LLDDDLL" || (shape == "LL-DDD-LL" && in.match[2] == in.match[6]);
  if (siv_separators && letters_in(in.match, "ABCDEFGHJKLMNPQRSTVWXYZ")) {
    if (s.substr(0, 2) == "SS" || s.substr(0, 2) == "WW" || s.substr(5, 2) == "SS")
      return reject();
    if (s.substr(2, 3) == "000") return reject();
    // Without separators the shape is also a product code: only with a context word.
    return accept(shape == "LLDDDLL" ? -0.1 : 0.15, "FR");
  }
  if (shape == "D-LLL-DDD" || shape == "DLLLDDD") {  // Belgian, 2010 onwards
    if (s[0] == '0') return reject();
    return accept(shape == "DLLLDDD" ? -0.1 : 0.15, "BE");
  }
  if (shape == "LLL-DDD" || shape == "DDD-LLL") {  // Belgian before 2010, US states
    if (all_same(digits_of(s))) return reject();
    return accept(-0.1, "PLATE");
  }
  if (shape == "LLDD-LLL" || shape == "LLDDLLL") {  // UK, 2001 onwards
    if (!letters_in(s.substr(4), "ABCDEFGHJKLMNOPRSTUVWXYZ")) return reject();
    return accept(shape == "LLDDLLL" ? -0.05 : 0.15, "UK");
  }
  if (shape == "LD-LLL" || shape == "LDD-LLL" || shape == "LDDD-LLL") {  // UK prefix, 1983-2001
    if (std::strchr("IQUZ", s[0]) != nullptr) return reject();
    return accept(-0.1, "UK");
  }
  if (shape == "LLL-DDDD" || shape == "LLLDDDD") {    // New York and most US states
    if (all_same(digits_of(s))) return reject();
    return accept(-0.1, "US");
  }
  // Irish: year (2 digits, or 3 since 2013 with a half-year digit 1/2), county, serial.
  if (shape.size() >= 6 && is_digit(s[0]) && is_digit(s[1])) {
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    const std::size_t year_len = i;
    std::size_t j = i;
    while (j < s.size() && is_upper(s[j])) ++j;
    const std::string county = s.substr(i, j - i);
    const std::size_t serial_len = s.size() - j;
    bool serial_digits = serial_len >= 1 && serial_len <= 6;
    for (std::size_t k = j; k < s.size(); ++k)
      if (!is_digit(s[k])) serial_digits = false;
    static constexpr std::string_view kCounties[] = {
        "C", "CE", "CN", "CW", "D", "DL", "G", "KE", "KK", "KY", "L", "LD", "LH", "LK", "LM",
        "LS", "MH", "MN", "MO", "OY", "RN", "SO", "T", "TN", "TS", "W", "WD", "WH", "WW", "WX"};
    bool known = false;
    for (auto c : kCounties)
      if (county == c) known = true;
    const bool year_ok = year_len == 2 || (year_len == 3 && (s[2] == '1' || s[2] == '2'));
    if (known && year_ok && serial_digits && shape.find('-') != std::string::npos)
      return accept(0.1, "IE");
    return reject();
  }
  // Swiss: canton and up to six digits ("ZH 123456").
  if (shape.size() >= 3 && is_upper(s[0]) && is_upper(s[1]) && count_digits(s) + 2 == s.size() &&
      s.size() <= 8) {
    static constexpr std::string_view kCantons[] = {
        "AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE",
        "NW", "OW", "SG", "SH", "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH"};
    bool known = false;
    for (auto c : kCantons)
      if (s.substr(0, 2) == c) known = true;
    if (!known || s[2] == '0') return reject();
    return accept(-0.1, "CH");
  }
  // German: district (1-3 letters), letters (1-2), number (1-4), optional E/H suffix.
  // Austrian: district (1-2 letters), number (1-5 digits), letters (1-3) ("W-12345A", "G-473 KL").
  std::size_t i = 0;
  const std::string_view m = in.match;
  auto count_while = [&](auto pred) {
    std::size_t n = 0;
    while (i < m.size() && pred(m[i])) {
      ++i;
      ++n;
    }
    return n;
  };
  // District codes may carry umlauts (LÖ, MÜ): count a UTF-8 capital as one letter.
  auto count_capitals = [&]() {
    std::size_t n = 0;
    while (i < m.size()) {
      if (is_upper(m[i])) {
        ++i;
      } else if (is_upper_utf8_at(m, i) && static_cast<unsigned char>(m[i]) == 0xC3) {
        i += 2;
      } else {
        break;
      }
      ++n;
    }
    return n;
  };
  const std::size_t district = count_capitals();
  const std::size_t sep1 = count_while([](char c) { return c == '-' || c == ' '; });
  const std::size_t after_sep = i;
  const std::size_t letters = count_while([](char c) { return is_upper(c); });
  count_while([](char c) { return c == ' ' || c == '-'; });
  const std::size_t digits = count_while([](char c) { return is_digit(c); });
  count_while([](char c) { return c == 'E' || c == 'H'; });
  if (i == m.size() && district >= 1 && district <= 3 && sep1 >= 1 && letters >= 1 &&
      letters <= 2 && digits >= 1 && digits <= 4) {
    if (digits_of(m).front() == '0') return reject();
    return accept(0.0, "DE");
  }
  i = after_sep;
  const std::size_t at_digits = count_while([](char c) { return is_digit(c); });
  count_while([](char c) { return c == ' '; });
  const std::size_t at_letters = count_while([](char c) { return is_upper(c); });
  if (i == m.size() && district >= 1 && district <= 2 && sep1 >= 1 && at_digits >= 1 &&
      at_digits <= 5 && at_letters >= 1 && at_letters <= 3 && at_digits + at_letters >= 3 &&
      at_digits + at_letters <= 6) {
    if (digits_of(m).front() == '0') return reject();
    return accept(-0.1, "AT");
  }
  return reject();
}

// Shapes that also read as product codes (compact, lower case, "ABC-123", vowel side codes)
// come back with a negative delta from plate/plate_nl; the *_strict variants refuse them, for
// rules whose context words are as loose as "auto" or "car".
Validation plate_strict(const ValidatorInput& in) {
  Validation v = plate(in);
  return v.valid && v.score_delta < 0 ? reject() : v;
}

Validation plate_nl_strict(const ValidatorInput& in) {
  Validation v = plate_nl(in);
  return v.valid && v.score_delta < 0 ? reject() : v;
}

Validation tracking_ups(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() != 18 || s.compare(0, 2, "1Z") != 0) return reject();
  int sum = 0;
  for (int i = 2; i < 17; ++i) {
    const char c = s[i];
    const int v = is_digit(c) ? c - '0' : (c - 63) % 10;
    sum += ((i - 2) % 2 == 1) ? 2 * v : v;
  }
  const int check = (10 - sum % 10) % 10;
  if (!is_digit(s[17]) || s[17] - '0' != check) return reject();
  return accept(0.2, "TRACKING_UPS");
}

Validation tracking_s10(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() != 13 || !is_upper(s[0]) || !is_upper(s[1]) || !is_upper(s[11]) ||
      !is_upper(s[12]))
    return reject();
  static constexpr int kWeights[] = {8, 6, 4, 2, 3, 5, 9, 7};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    if (!is_digit(s[2 + i])) return reject();
    sum += (s[2 + i] - '0') * kWeights[i];
  }
  int check = 11 - sum % 11;
  if (check == 10) check = 0;
  if (check == 11) check = 5;
  if (!is_digit(s[10]) || s[10] - '0' != check) return reject();
  return accept(0.2, "TRACKING_S10_" + s.substr(11));
}

Validation tracking_dhl(const ValidatorInput& in) {
  const std::string d = digits_of(in.match);
  if (d.size() != 10 || all_same(d)) return reject();
  long long first9 = 0;
  for (int i = 0; i < 9; ++i) first9 = first9 * 10 + (d[i] - '0');
  if (first9 % 7 != d[9] - '0') return reject();
  return accept(0.0, "TRACKING_DHL");
}

Validation tracking(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  const std::size_t digits = count_digits(s);
  if (s.compare(0, 2, "3S") == 0) {
    if (s.size() < 13 || s.size() > 15 || digits < 7) return reject();
    return accept(0.1, "TRACKING_POSTNL");
  }
  if (s.compare(0, 3, "JJD") == 0 || s.compare(0, 3, "JVG") == 0) {
    if (s.size() < 16 || s.size() > 24 || digits + 3 < s.size()) return reject();
    return accept(0.1, "TRACKING_DHL");
  }
  if (s.size() == 13 && is_digit(s[0]) && is_upper(s[1]) && digits == 12)
    return accept(0.0, "TRACKING_COLISSIMO");
  if (s.size() == 24 && digits == 24 && s.compare(0, 2, "32") == 0 && !all_same(s.substr(2)))
    return accept(0.0, "TRACKING_BPOST");
  return reject();
}

Validation order_id(const ValidatorInput& in) {
  const std::string_view s = in.match;
  // The cue must be a word of its own: "Sozialversicherungsnummer" is no "versicherungsnummer".
  // (The engine checks boundaries on the narrowed span, i.e. around the id only.)
  if (in.start > 0 && in.start <= in.text.size()) {
    const unsigned char before = static_cast<unsigned char>(in.text[in.start - 1]);
    if (is_alnum(static_cast<char>(before))) return reject();
    // Latin letters with diacritics: two-byte sequences led by 0xC3..0xC5 ("ü", "é", "ł").
    if (before >= 0x80 && before <= 0xBF && in.start >= 2) {
      const unsigned char lead = static_cast<unsigned char>(in.text[in.start - 2]);
      if (lead >= 0xC3 && lead <= 0xC5) return reject();
    }
  }
  std::size_t end = s.size();
  while (end > 0 && (is_trailing_punct(s[end - 1]) || s[end - 1] == '-' || s[end - 1] == '/'))
    --end;
  std::size_t start = end;
  while (start > 0 && (is_alnum(s[start - 1]) || s[start - 1] == '-' || s[start - 1] == '/' ||
                       s[start - 1] == '_' || s[start - 1] == '.'))
    --start;
  while (start < end && !is_alnum(s[start])) ++start;
  // Ids printed in groups ("ZV 7741 0923", "KH-339 4710 22"): a group of 2-6 digits takes
  // the short group before it (digits, up to three capitals, or a dashed code with digits such
  // as "KH-339"), never the cue word.
  for (;;) {
    const std::string_view piece = s.substr(start, end - start);
    const std::size_t first_space = piece.find(' ');
    const std::string_view head = piece.substr(0, first_space);
    const std::size_t joints = static_cast<std::size_t>(std::count(head.begin(), head.end(), '-') +
                                                        std::count(head.begin(), head.end(), '/'));
    if (head.size() < 2 || head.size() > 9 || joints > 1 || count_digits(head) + joints != head.size() ||
        !is_digit(head.front()) || !is_digit(head.back()))
      break;
    if (start < 2 || s[start - 1] != ' ') break;
    std::size_t prev = start - 1;
    while (prev > 0 && (is_alnum(s[prev - 1]) || s[prev - 1] == '-')) --prev;
    const std::string_view before = s.substr(prev, start - 1 - prev);
    const bool digits_group = !before.empty() && before.size() <= 6 && count_digits(before) == before.size();
    const bool letter_group = !before.empty() && before.size() <= 3 &&
                              std::all_of(before.begin(), before.end(), [](char c) { return is_upper(c); });
    const bool dashed_code = before.size() >= 4 && before.size() <= 8 && before.find('-') != std::string_view::npos &&
                             count_digits(before) > 0 && is_alnum(before.front());
    if (!digits_group && !letter_group && !dashed_code) break;
    if (prev == 0) break;  // the cue must stay outside the id
    start = prev;
  }
  const std::string_view id = s.substr(start, end - start);
  if (id.size() < 4 || id.size() > 30 || start == 0) return reject();
  // "the order of 2024": a bare year is not an id.
  if (id.size() == 4 && count_digits(id) == 4 && to_int(id) >= 1900 && to_int(id) <= 2099)
    return reject();
  if (count_digits(id) == 0 || (all_same(digits_of(id)) && id.size() == count_digits(id)))
    return reject();
  // A date after "invoice of" or an amount is not an id.
  CivilDate date;
  if (parse_date_text(id, date) && count_digits(id) == id.size() - 2) return reject();
  if (id.find('.') != std::string_view::npos) {
    // Digits and dots read as an amount ("12.50", "1.234.567") unless the groups are not a
    // number's: "1.2245.884" is how some firms print customer numbers.
    bool only_digits_dots = true;
    for (char c : id)
      if (!is_digit(c) && c != '.') only_digits_dots = false;
    bool amount_groups = true;
    std::size_t groups = 0, last = 0;
    for (std::size_t i = 0; i <= id.size(); ++i) {
      if (i < id.size() && id[i] != '.') continue;
      if (groups > 0 && i - last != 3) amount_groups = false;
      ++groups;
      last = i + 1;
    }
    if (only_digits_dots && (groups <= 2 || amount_groups)) return reject();
  }
  // "#100482771": the hash written against the number is part of how the id is written.
  if (start > 0 && s[start - 1] == '#') --start;
  return trimmed(accept(), start, end);
}

Validation document_number(const ValidatorInput& in) {
  const std::string s = alnum_upper(in.match);
  if (s.size() < 6 || s.size() > 10) return reject();
  const std::size_t digits = count_digits(s);
  if (digits < 2 || all_same(s)) return reject();
  if (digits == s.size() && s.size() < 8) return reject();
  // Mostly letters: only the nine-character card numbers (French ID cards since 2021,
  // "X4RTBPFW4"), not a word with digits tacked on.
  if (s.size() - digits > 6 && s.size() != 9) return reject();
  return accept();
}

}  // namespace veil::detect::validators
