// Placeholder label sets (collision-free, consistent across languages), formatting, and
// strict-form placeholders already present in a text.
#include "anonymize/placeholder.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace veil::anonymize;

TEST_CASE("placeholder: default English labels", "[placeholder]") {
  const std::map<std::string, std::string> expected = {
      {"PERSON", "NAME"},       {"EMAIL", "EMAIL"},       {"PHONE", "PHONE"},
      {"IBAN", "IBAN"},         {"CREDIT_CARD", "CARD"},  {"ADDRESS", "ADDRESS"},
      {"POSTAL_CODE", "POSTCODE"}, {"CITY", "CITY"},      {"ORDER_ID", "ORDER"},
      {"CUSTOMER_ID", "CUSTOMER"}, {"NATIONAL_ID", "ID"}, {"DATE_OF_BIRTH", "DOB"},
      {"IP_ADDRESS", "IP"},     {"URL", "URL"},           {"LICENSE_PLATE", "PLATE"},
      {"SECRET", "SECRET"},
  };
  for (const auto& [entity, label] : expected) CHECK(placeholder_label(entity, "en") == label);
  CHECK(entity_labels().size() == expected.size());
}

TEST_CASE("placeholder: other languages", "[placeholder]") {
  CHECK(placeholder_label("PERSON", "nl") == "NAAM");
  CHECK(placeholder_label("ADDRESS", "nl") == "ADRES");
  CHECK(placeholder_label("ORDER_ID", "nl") == "BESTELLING");
  CHECK(placeholder_label("CUSTOMER_ID", "nl") == "KLANT");
  CHECK(placeholder_label("PERSON", "fr") == "NOM");
  CHECK(placeholder_label("ADDRESS", "fr") == "ADRESSE");
  CHECK(placeholder_label("ORDER_ID", "fr") == "COMMANDE");
  CHECK(placeholder_label("CUSTOMER_ID", "fr") == "CLIENT");
  CHECK(placeholder_label("PERSON", "de") == "NAME");
  CHECK(placeholder_label("ADDRESS", "de") == "ADRESSE");
  CHECK(placeholder_label("ORDER_ID", "de") == "BESTELLUNG");
  CHECK(placeholder_label("CUSTOMER_ID", "de") == "KUNDE");
  CHECK(placeholder_label("PERSON", "xx") == "NAME");  // unknown language: English
  CHECK(placeholder_label("TICKET_ID", "nl") == "TICKETID");
  CHECK(placeholder_label("_1", "en") == "ENTITY");
}

TEST_CASE("placeholder: label sets are collision-free, ASCII, and consistent across languages", "[placeholder]") {
  std::map<std::string, std::string> meaning;  // placeholder label -> entity, over all languages
  for (const auto& language : placeholder_languages()) {
    std::set<std::string> seen;
    for (const auto& entity : entity_labels()) {
      const std::string label = placeholder_label(entity, language);
      INFO(language << " " << entity << " -> " << label);
      CHECK(seen.insert(label).second);
      for (char c : label) CHECK((c >= 'A' && c <= 'Z'));
      auto [it, inserted] = meaning.emplace(label, entity);
      CHECK(it->second == entity);
      CHECK(entity_label_for_placeholder(label) == entity);
    }
  }
  CHECK(all_placeholder_labels().size() == meaning.size());
  CHECK(entity_label_for_placeholder("naam") == std::string("PERSON"));
  CHECK_FALSE(entity_label_for_placeholder("TICKETID").has_value());
}

TEST_CASE("placeholder: format and literal placeholders", "[placeholder]") {
  CHECK(format_placeholder("NAME", 1) == "[NAME_1]");
  CHECK(format_placeholder("BESTELLING", 42) == "[BESTELLING_42]");

  const std::string text = "[NAME_1] x [NAME_10][EMAIL_3] [name_2] [NAME 4] [NAME_05] [X_123456789] [Y_1234567890] [[ORDER_7]";
  const auto found = find_literal_placeholders(text);
  REQUIRE(found.size() == 5);
  CHECK(found[0].label == "NAME");
  CHECK(found[0].number == 1);
  CHECK(found[0].start == 0);
  CHECK(found[0].end == 8);
  CHECK(found[1].label == "NAME");
  CHECK(found[1].number == 10);
  CHECK(text.substr(found[1].start, found[1].end - found[1].start) == "[NAME_10]");
  CHECK(found[2].label == "EMAIL");
  CHECK(found[2].number == 3);
  CHECK(found[3].label == "X");
  CHECK(found[3].number == 123456789);
  CHECK(found[4].label == "ORDER");
  CHECK(text.substr(found[4].start, found[4].end - found[4].start) == "[ORDER_7]");
}
