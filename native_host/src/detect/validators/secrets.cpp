// Credential validators: JSON Web Tokens (header must decode to JSON naming "alg"), API keys
// with a vendor prefix (length per vendor), generic secrets after a key word (entropy), and
// the value after password/wachtwoord/mot de passe/Passwort (the span is narrowed to the value).
#include <cmath>
#include <algorithm>
#include <string>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;

int b64url_value(char c) {
  if (is_upper(c)) return c - 'A';
  if (is_lower(c)) return c - 'a' + 26;
  if (is_digit(c)) return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

bool b64url_decode(std::string_view in, std::string& out) {
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    const int v = b64url_value(c);
    if (v < 0) return false;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return true;
}

double shannon_bits(std::string_view s) {
  int counts[256] = {};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  for (int c : counts) {
    if (c == 0) continue;
    const double p = static_cast<double>(c) / static_cast<double>(s.size());
    h -= p * std::log2(p);
  }
  return h;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_key_char(char c) {
  return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == '+' || c == '=';
}

// The value at the end of "keyword sep value": its offsets in the match.
// Passwords keep a final '!' or '?' (common in them); other values drop it as punctuation.
bool value_at_end(std::string_view s, std::size_t& start, std::size_t& end, bool keep_marks = false) {
  end = s.size();
  while (end > 0 && (is_trailing_punct(s[end - 1]) || s[end - 1] == '`') &&
         !(keep_marks && (s[end - 1] == '!' || s[end - 1] == '?')))
    --end;
  start = end;
  while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '\t' && s[start - 1] != ':' &&
         s[start - 1] != '=' && s[start - 1] != '"' && s[start - 1] != '\'' && s[start - 1] != '`')
    --start;
  return start < end && start > 0;
}

// 6 to 64 characters with letters and digits and a symbol or both cases, no word of prose.
bool password_shaped(std::string_view v) {
  if (v.size() < 6 || v.size() > 64) return false;
  bool digit = false, upper = false, lowc = false, symbol = false;
  for (char c : v) {
    if (is_digit(c)) digit = true;
    else if (is_upper(c)) upper = true;
    else if (is_lower(c)) lowc = true;
    else if (static_cast<unsigned char>(c) >= 0x80) lowc = true;
    else if (c == '(' || c == ')' || c == ',' || c == ';') return false;
    else symbol = true;
  }
  return digit && (upper || lowc) && (symbol || (upper && lowc));
}

}  // namespace

Validation jwt(const ValidatorInput& in) {
  const std::string_view s = in.match;
  const std::size_t d1 = s.find('.');
  const std::size_t d2 = d1 == std::string_view::npos ? d1 : s.find('.', d1 + 1);
  if (d2 == std::string_view::npos || s.find('.', d2 + 1) != std::string_view::npos)
    return reject();
  std::string header, payload;
  if (!b64url_decode(s.substr(0, d1), header) ||
      !b64url_decode(s.substr(d1 + 1, d2 - d1 - 1), payload))
    return reject();
  while (!header.empty() && (header.back() == ' ' || header.back() == '\n')) header.pop_back();
  if (header.size() < 10 || header.front() != '{' || header.back() != '}' ||
      header.find("\"alg\"") == std::string::npos)
    return reject();
  if (payload.empty() || payload.front() != '{') return reject();
  return accept(0.2, "JWT");
}

Validation api_key(const ValidatorInput& in) {
  std::string_view s = in.match;
  while (!s.empty() && (is_trailing_punct(s.back()) || s.back() == '-')) s.remove_suffix(1);
  struct Vendor {
    std::string_view prefix;
    std::size_t min_len, max_len;
    const char* subtype;
  };
  static constexpr Vendor kVendors[] = {
      {"github_pat_", 40, 255, "GITHUB"}, {"ghp_", 40, 40, "GITHUB"},
      {"gho_", 40, 40, "GITHUB"},         {"ghu_", 40, 40, "GITHUB"},
      {"ghs_", 40, 40, "GITHUB"},         {"ghr_", 40, 40, "GITHUB"},
      {"sk_live_", 24, 255, "STRIPE"},    {"rk_live_", 24, 255, "STRIPE"},
      {"sk_test_", 24, 255, "STRIPE"},    {"rk_test_", 24, 255, "STRIPE"},
      {"sk-", 23, 255, "OPENAI"},         {"AKIA", 20, 20, "AWS"},
      {"ASIA", 20, 20, "AWS"},            {"AIza", 39, 39, "GOOGLE"},
      {"xoxb-", 20, 255, "SLACK"},        {"xoxp-", 20, 255, "SLACK"},
      {"xoxa-", 20, 255, "SLACK"},        {"xoxr-", 20, 255, "SLACK"},
      {"xoxs-", 20, 255, "SLACK"},        {"glpat-", 26, 64, "GITLAB"}};
  for (const auto& v : kVendors) {
    if (!starts_with(s, v.prefix)) continue;
    if (s.size() < v.min_len || s.size() > v.max_len) return reject();
    const std::string_view body = s.substr(v.prefix.size());
    std::size_t digits = count_digits(body);
    // "sk-learn-model-name" style words are not keys: demand digits and some randomness.
    if (v.prefix == "sk-" && (digits < 2 || shannon_bits(body) < 3.5)) return reject();
    if (digits == 0 && body.size() > 12) return reject();
    Validation r = accept(0.2, v.subtype);
    return s.size() != in.match.size() ? trimmed(r, 0, s.size()) : r;
  }
  return reject();
}

Validation secret_entropy(const ValidatorInput& in) {
  std::size_t start = 0, end = 0;
  if (!value_at_end(in.match, start, end)) return reject();
  const std::string_view value = in.match.substr(start, end - start);
  if (value.size() < 16 || value.size() > 256) return reject();
  std::size_t digits = 0, letters = 0;
  for (char c : value) {
    if (!is_key_char(c)) return reject();
    if (is_digit(c)) ++digits;
    if (is_alpha(c)) ++letters;
  }
  if (digits == 0 || letters == 0 || shannon_bits(value) < 3.0) return reject();
  return trimmed(accept(0.0, "GENERIC"), start, end);
}

Validation password_value(const ValidatorInput& in) {
  std::size_t start = 0, end = 0;
  if (!value_at_end(in.match, start, end, true)) return reject();
  const std::string_view value = in.match.substr(start, end - start);
  if (value.size() < 4 || value.size() > 128 || all_same(value)) return reject();
  static constexpr std::string_view kNotValues[] = {
      "vergeten", "forgotten", "forgot", "oublié", "oublie", "vergessen", "reset", "resetten",
      "incorrect", "wrong", "fout", "faux", "falsch", "expired", "verlopen", "expiré",
      "abgelaufen", "changed", "gewijzigd", "changé", "geändert", "required", "verplicht",
      "obligatoire", "erforderlich", "niet", "not", "nicht", "pas", "kwijt", "invalid",
      "ongeldig", "invalide", "ungültig", "veranderd", "aangepast", "modifié", "manager",
      "policy", "beleid", "protected", "beveiligd", "protégé", "geschützt", "sent",
      "verstuurd", "envoyé", "gesendet", "please", "graag", "svp", "bitte", "hidden"};
  const std::string low = lower(value);
  for (auto w : kNotValues)
    if (low == w) return reject();
  const std::string_view before = in.match.substr(0, start);
  // A value shaped like a password (letters and digits, and a symbol or mixed case) needs
  // no ':' or verb: "mon mot de passe Chaton!1987", "geändert auf Sommer2025!Xk", also in
  // brackets: "(Fietsbel#2024)".
  {
    std::size_t a = 0, b = value.size();
    if (a < b && value[a] == '(') ++a;
    while (b > a && value[b - 1] == ')') --b;
    if (password_shaped(value.substr(a, b - a))) return trimmed(accept(0.0, "PASSWORD"), start + a, start + b);
  }
  // The value follows ':' or '=' or a whole verb ("ist"), not the tail of a word that merely
  // contains one ("opnieuw ingesteld": "ing" + "est" + "eld").
  {
    std::size_t e = before.size();
    while (e > 0 && (before[e - 1] == ' ' || before[e - 1] == '\t' || before[e - 1] == '"' ||
                     before[e - 1] == '\'' || before[e - 1] == '`'))
      --e;
    if (e == 0) return reject();
    if (before[e - 1] != ':' && before[e - 1] != '=') {
      std::size_t b = e;
      while (b > 0 && before[b - 1] != ' ' && before[b - 1] != '\t') --b;
      static constexpr std::string_view kVerbs[] = {"is", "est", "ist", "was", "war", "lautet",
                                                    "luidt", "était"};
      const std::string verb = lower(before.substr(b, e - b));
      bool known = false;
      for (auto v : kVerbs)
        if (verb == v) known = true;
      if (!known) return reject();
    }
  }
  // After "is"/"est"/"ist" prose is likely; only accept values that do not read as a word.
  const std::string low_before = lower(before);
  const bool prose = low_before.size() >= 4 &&
                     (low_before.substr(low_before.size() - 4) == " is " ||
                      low_before.substr(low_before.size() - 4) == " ist" ||
                      low_before.find(" est ") != std::string::npos ||
                      low_before.find(" ist ") != std::string::npos ||
                      low_before.find(" is ") != std::string::npos ||
                      low_before.find(" was ") != std::string::npos ||
                      low_before.find(" war ") != std::string::npos ||
                      low_before.find(" était ") != std::string::npos);
  if (prose) {
    bool digit = false, upper = false, lowc = false, symbol = false;
    for (char c : value) {
      if (is_digit(c)) digit = true;
      else if (is_upper(c)) upper = true;
      else if (is_lower(c) || static_cast<unsigned char>(c) >= 0x80) lowc = true;  // ö, é
      else symbol = true;
    }
    if (!digit && !symbol && !(upper && lowc && !is_upper(value[0]))) return reject();
  }
  return trimmed(accept(0.0, "PASSWORD"), start, end);
}

}  // namespace veil::detect::validators

namespace veil::detect::validators {

// A login name after its cue ("Mijn gebruikersnaam is mvdlinden", "username: jbrennan2",
// "identifiant c.moreau"): the last token, 3 to 40 characters of letters, digits and . _ -,
// not a word saying something about the login ("vergeten", "incorrect").
Validation username(const ValidatorInput& in) {
  std::size_t start = 0, end = 0;
  if (!value_at_end(in.match, start, end)) return reject();
  const std::string_view value = in.match.substr(start, end - start);
  if (value.size() < 3 || value.size() > 40 || all_same(value)) return reject();
  for (char c : value)
    if (!is_alnum(c) && c != '.' && c != '_' && c != '-') return reject();
  static constexpr std::string_view kNotNames[] = {
      "vergeten", "forgotten", "forgot", "oublié", "vergessen", "incorrect", "wrong", "fout", "faux",
      "falsch", "invalid", "ongeldig", "ungültig", "niet", "not", "nicht", "pas", "mijn", "my", "mon",
      "mein", "meine", "your", "uw", "votre", "ihr", "the", "de", "het", "le", "la", "der", "die", "das",
      "and", "en", "et", "und", "werkt", "works", "marche", "funktioniert", "changed", "gewijzigd"};
  const std::string low = lower(value);
  for (auto w : kNotNames)
    if (low == w) return reject();
  // Straight after the cue without ':' or a verb, a plain word is prose ("the login page"):
  // only a value with a digit or . _ - reads as a name there.
  std::size_t e = start;
  while (e > 0 && (in.match[e - 1] == ' ' || in.match[e - 1] == '\t')) --e;
  std::size_t b = e;
  while (b > 0 && in.match[b - 1] != ' ' && in.match[b - 1] != '\t') --b;
  const std::string word_before = lower(in.match.substr(b, e - b));
  const bool announced = (e > 0 && (in.match[e - 1] == ':' || in.match[e - 1] == '=')) || word_before == "is" ||
                         word_before == "est" || word_before == "ist" || word_before == "lautet" ||
                         word_before == "luidt" || word_before == "was";
  const bool marked = std::any_of(value.begin(), value.end(), [](char c) {
    return is_digit(c) || c == '.' || c == '_' || c == '-';
  });
  if (!announced && !marked) return reject();
  return trimmed(accept(0.0, "USERNAME"), start, end);
}

}  // namespace veil::detect::validators
