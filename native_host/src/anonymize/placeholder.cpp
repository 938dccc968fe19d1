// Placeholder label sets per language and the strict placeholder form. The tables are the
// single source of truth; tests check that every set is collision-free and that a label
// shared by two languages means the same entity in both.
#include "anonymize/placeholder.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace veil::anonymize {
namespace {

struct LabelRow {
  const char* entity;
  const char* en;
  const char* nl;
  const char* fr;
  const char* de;
};

// ASCII only, [A-Z]+: "LABEL_N" must split unambiguously and survive every keyboard.
constexpr std::array<LabelRow, 16> kLabelTable = {{
    {"PERSON", "NAME", "NAAM", "NOM", "NAME"},
    {"EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL"},
    {"PHONE", "PHONE", "TELEFOON", "TELEPHONE", "TELEFON"},
    {"IBAN", "IBAN", "IBAN", "IBAN", "IBAN"},
    {"CREDIT_CARD", "CARD", "KAART", "CARTE", "KARTE"},
    {"ADDRESS", "ADDRESS", "ADRES", "ADRESSE", "ADRESSE"},
    {"POSTAL_CODE", "POSTCODE", "POSTCODE", "CODEPOSTAL", "PLZ"},
    {"CITY", "CITY", "PLAATS", "VILLE", "ORT"},
    {"ORDER_ID", "ORDER", "BESTELLING", "COMMANDE", "BESTELLUNG"},
    {"CUSTOMER_ID", "CUSTOMER", "KLANT", "CLIENT", "KUNDE"},
    {"NATIONAL_ID", "ID", "ID", "ID", "ID"},
    {"DATE_OF_BIRTH", "DOB", "GEBOORTEDATUM", "DATENAISSANCE", "GEBURTSDATUM"},
    {"IP_ADDRESS", "IP", "IP", "IP", "IP"},
    {"URL", "URL", "URL", "URL", "URL"},
    {"LICENSE_PLATE", "PLATE", "KENTEKEN", "IMMATRICULATION", "KENNZEICHEN"},
    {"SECRET", "SECRET", "GEHEIM", "SECRET", "GEHEIMNIS"},
}};

const char* column(const LabelRow& row, std::string_view language) {
  if (language == "nl") return row.nl;
  if (language == "fr") return row.fr;
  if (language == "de") return row.de;
  return row.en;
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const std::vector<std::string>& entity_labels() {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> v;
    for (const auto& row : kLabelTable) v.emplace_back(row.entity);
    return v;
  }();
  return labels;
}

const std::vector<std::string>& placeholder_languages() {
  static const std::vector<std::string> languages = {"en", "nl", "fr", "de"};
  return languages;
}

bool is_placeholder_language(std::string_view language) {
  const auto& langs = placeholder_languages();
  return std::find(langs.begin(), langs.end(), language) != langs.end();
}

std::string placeholder_label(std::string_view entity_label, std::string_view language) {
  for (const auto& row : kLabelTable) {
    if (entity_label == row.entity) return column(row, language);
  }
  std::string out;
  for (char c : entity_label) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (is_upper(c)) out.push_back(c);
  }
  if (out.empty()) out = "ENTITY";
  return out;
}

std::optional<std::string> entity_label_for_placeholder(std::string_view placeholder) {
  static const std::map<std::string, std::string, std::less<>> reverse = [] {
    std::map<std::string, std::string, std::less<>> m;
    for (const auto& row : kLabelTable) {
      for (const char* label : {row.en, row.nl, row.fr, row.de}) m.emplace(label, row.entity);
    }
    return m;
  }();
  auto it = reverse.find(ascii_upper(placeholder));
  if (it == reverse.end()) return std::nullopt;
  return it->second;
}

const std::vector<std::string>& all_placeholder_labels() {
  static const std::vector<std::string> labels = [] {
    std::set<std::string> s;
    for (const auto& row : kLabelTable) {
      for (const char* label : {row.en, row.nl, row.fr, row.de}) s.emplace(label);
    }
    return std::vector<std::string>(s.begin(), s.end());
  }();
  return labels;
}

std::string format_placeholder(std::string_view placeholder, int number) {
  std::string out;
  out.reserve(placeholder.size() + 14);
  out += '[';
  out += placeholder;
  out += '_';
  out += std::to_string(number);
  out += ']';
  return out;
}

std::vector<LiteralPlaceholder> find_literal_placeholders(std::string_view text) {
  std::vector<LiteralPlaceholder> found;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (text[i] != '[') {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && is_upper(text[j])) ++j;
    const std::size_t label_end = j;
    if (label_end == i + 1 || j >= n || text[j] != '_') {
      i = std::max(i + 1, label_end);
      continue;
    }
    ++j;
    const std::size_t digits_start = j;
    while (j < n && is_digit(text[j]) && j - digits_start < 10) ++j;
    const std::size_t digits = j - digits_start;
    if (digits == 0 || digits > 9 || text[digits_start] == '0' || j >= n || text[j] != ']') {
      i = j;
      continue;
    }
    LiteralPlaceholder p;
    p.label = std::string(text.substr(i + 1, label_end - i - 1));
    p.number = std::stoi(std::string(text.substr(digits_start, digits)));
    p.start = i;
    p.end = j + 1;
    found.push_back(std::move(p));
    i = j + 1;
  }
  return found;
}

}  // namespace veil::anonymize
