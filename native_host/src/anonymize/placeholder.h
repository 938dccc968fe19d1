// Placeholder vocabulary: which placeholder label ("NAME") stands for which detection label
// (PERSON) in each placeholder language, how a numbered placeholder is written ("[NAME_1]"),
// and which strict-form placeholders a text already contains. Pure functions, no I/O.
//
// Placeholder labels are ASCII upper-case letters only ([A-Z]+, no digits, no underscore), so
// "LABEL_N" always splits unambiguously into label and number. The label sets are
// collision-free within a language, and a placeholder label that occurs in several languages
// (EMAIL, IBAN, NAME in en and de, ...) always means the same detection label, so the reverse
// mapping needs no language.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::anonymize {

// The detection labels of DESIGN §9 that have placeholder labels, in a stable order.
const std::vector<std::string>& entity_labels();

// The placeholder languages: "en", "nl", "fr", "de".
const std::vector<std::string>& placeholder_languages();
bool is_placeholder_language(std::string_view language);

// PERSON -> NAME (en), NAAM (nl), NOM (fr), NAME (de). An unknown language falls back to en.
// A label outside entity_labels() (a preset's custom label such as "TICKET_ID") becomes its
// ASCII letters upper-cased ("TICKETID"); if nothing is left, "ENTITY".
std::string placeholder_label(std::string_view entity_label, std::string_view language = "en");

// Reverse mapping, over every language: NAME / NAAM / NOM -> PERSON. Case-insensitive.
// nullopt for a label no built-in language uses.
std::optional<std::string> entity_label_for_placeholder(std::string_view placeholder_label);

// Every placeholder label of every language, upper-case, without duplicates, sorted.
const std::vector<std::string>& all_placeholder_labels();

// "[NAME_1]". `number` must be >= 1.
std::string format_placeholder(std::string_view placeholder_label, int number);

// A placeholder written in the strict form \[[A-Z]+_[1-9][0-9]{0,8}\] found in a text.
struct LiteralPlaceholder {
  std::string label;  // "NAME"; any [A-Z]+ label, known or not (callers filter)
  int number = 0;
  std::size_t start = 0, end = 0;  // bytes, end exclusive, brackets included
};

// Strict-form placeholders already present in `text` (e.g. a user pastes a text that was
// anonymized before), in order. The vault skips their numbers when numbering new values,
// so restoring can never turn a pre-existing "[NAME_1]" into someone else's name.
std::vector<LiteralPlaceholder> find_literal_placeholders(std::string_view text);

}  // namespace veil::anonymize
