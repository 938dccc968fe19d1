// Birth-date validator: numeric (dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy, yyyy-mm-dd) and written
// dates in nl, fr, de and en ("12 mars 1990", "3. Mai 1985", "March 3, 1985"), also with a
// two-digit year ("03.05.85"). Accepts only real calendar dates from 1900 up to today. The
// rule's context words do the rest.
#include <chrono>
#include <string>
#include <vector>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;

struct MonthName {
  const char* name;
  int month;
};

// Lower-case, full names and the usual abbreviations (a trailing '.' is stripped first).
constexpr MonthName kMonths[] = {
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"april", 4}, {"mei", 5},
    {"juni", 6}, {"juli", 7}, {"augustus", 8}, {"okt", 10}, {"oktober", 10},
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fevr", 2}, {"mars", 3},
    {"avril", 4}, {"avr", 4}, {"mai", 5}, {"juin", 6}, {"juillet", 7}, {"juil", 7},
    {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    {"januar", 1}, {"jänner", 1}, {"jaenner", 1}, {"februar", 2}, {"märz", 3},
    {"maerz", 3}, {"juni", 6}, {"august", 8}, {"dezember", 12}, {"dez", 12},
    {"january", 1}, {"february", 2}, {"march", 3}, {"may", 5}, {"june", 6}, {"july", 7},
    {"september", 9}, {"sept", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
    {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
};

int month_from_word(const std::string& w) {
  for (const auto& m : kMonths)
    if (w == m.name) return m.month;
  return 0;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool real_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
  return d <= max;
}

// ASCII-lowercases and also folds the few upper-case accented letters month names use.
std::string fold(std::string_view s) {
  std::string out = lower(s);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    unsigned char a = out[i], b = out[i + 1];
    if (a == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97) out[i + 1] = static_cast<char>(b + 0x20);
  }
  return out;
}

struct Token {
  std::string text;
  bool number;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (is_digit(static_cast<char>(c))) {
      std::size_t j = i;
      while (j < s.size() && is_digit(s[j])) ++j;
      out.push_back({std::string(s.substr(i, j - i)), true});
      // Ordinal suffixes belong to the number.
      std::size_t k = j;
      while (k < s.size() && is_alpha(s[k])) ++k;
      std::string suffix = lower(s.substr(j, k - j));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" ||
          suffix == "er" || suffix == "e" || suffix == "ste" || suffix == "de") {
        j = k;
      }
      i = j;
    } else if (is_alpha(static_cast<char>(c)) || c >= 0x80) {
      std::size_t j = i;
      while (j < s.size() && (is_alpha(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80)) ++j;
      out.push_back({fold(s.substr(i, j - i)), false});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

int current_year() {
  using namespace std::chrono;
  const year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int>(today.year());
}

bool within_birth_range(const CivilDate& d) {
  using namespace std::chrono;
  const year_month_day today{floor<days>(system_clock::now())};
  const int this_year = static_cast<int>(today.year());
  if (d.year < 1900 || d.year > this_year) return false;
  const year_month_day candidate{year{d.year}, month{static_cast<unsigned>(d.month)},
                                 day{static_cast<unsigned>(d.day)}};
  return sys_days{candidate} <= sys_days{today};
}

}  // namespace

bool parse_date_text(std::string_view text, CivilDate& out) {
  const auto tokens = tokenize(text);
  std::vector<int> numbers;
  std::vector<std::size_t> number_sizes;
  int month = 0;
  for (const auto& t : tokens) {
    if (t.number) {
      numbers.push_back(t.text.size() > 4 ? 99999 : to_int(t.text));
      number_sizes.push_back(t.text.size());
      continue;
    }
    if (t.text == "of" || t.text == "de" || t.text == "le" || t.text == "the" ||
        t.text == "den" || t.text == "am")
      continue;
    const int m = month_from_word(t.text);
    if (m == 0 || month != 0) return false;
    month = m;
  }
  CivilDate d;
  if (month != 0) {
    if (numbers.size() != 2) return false;
    // Day and year in either order ("12 mars 1990", "March 3, 1985"): the 4-digit one is the year.
    if (number_sizes[0] <= 2 && number_sizes[1] == 4) {
      d = {numbers[1], month, numbers[0]};
    } else if (number_sizes[0] == 4 && number_sizes[1] <= 2) {
      d = {numbers[0], month, numbers[1]};
    } else {
      return false;
    }
  } else {
    if (numbers.size() != 3) return false;
    if (number_sizes[0] == 4 && number_sizes[1] <= 2 && number_sizes[2] <= 2) {
      d = {numbers[0], numbers[1], numbers[2]};
    } else if (number_sizes[0] <= 2 && number_sizes[1] <= 2 &&
               (number_sizes[2] == 4 || number_sizes[2] == 2)) {
      int year = numbers[2];
      // "03.05.85": two-digit years up to this year's are this century, the rest the last.
      if (number_sizes[2] == 2) year += year <= current_year() % 100 ? 2000 : 1900;
      d = {year, numbers[1], numbers[0]};
      // US order (mm/dd/yyyy) when the day-first reading is impossible.
      if (!real_date(d.year, d.month, d.day)) d = {year, numbers[0], numbers[1]};
    } else {
      return false;
    }
  }
  if (!real_date(d.year, d.month, d.day)) return false;
  out = d;
  return true;
}

Validation date_of_birth(const ValidatorInput& in) {
  std::string_view s = in.match;
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == ',' || s[end - 1] == '.' || s[end - 1] == ' ')) --end;
  CivilDate d;
  if (!parse_date_text(s.substr(0, end), d) || !within_birth_range(d)) return reject();
  Validation v = accept();
  return end != s.size() ? trimmed(v, 0, end) : v;
}

}  // namespace veil::detect::validators
