// Tests for the person_names and street_addresses recognizers through the real engine with
// the shipped rules: cues, particles, initials, counter-evidence, entity groups (short forms
// and email local parts) and street forms per country.
#include <catch2/catch.hpp>

#include "../../support/shipped_engine.h"

using namespace veil;

namespace {

std::vector<detect::Span> scan(const std::string& text, const std::string& lang = "auto") {
  return test::scan_shipped(text, lang);
}

std::vector<std::string> values(const std::string& text, const std::vector<detect::Span>& spans,
                                const std::string& label) {
  return test::label_values(text, spans, label);
}

}  // namespace

TEST_CASE("names with cues, particles and initials", "[names]") {
  const std::string t =
      "Geachte mevrouw Smit,\n\nIk sprak gisteren met Jan de Vries en J.P. Balkenende.\n\n"
      "Met vriendelijke groet,\nMarieke van den Berg";
  const auto v = values(t, scan(t, "nl"), "PERSON");
  CHECK(v == std::vector<std::string>{"Smit", "Jan de Vries", "J.P. Balkenende", "Marieke van den Berg"});
}

TEST_CASE("ordinary words that are names are not masked", "[names]") {
  for (const std::string t : {"Will the Rose Gold version be back in stock in May?",
                              "Do you ship to Paris? My bank only accepts euros.",
                              "Die Hoffnung stirbt zuletzt, sagte man uns bei der Bank."}) {
    INFO(t);
    CHECK(values(t, scan(t), "PERSON").empty());
  }
}

TEST_CASE("short forms and email local parts share the entity group", "[names]") {
  const std::string t =
      "Van: Pieter de Jong <pieter.dejong@gmail.com>\n\nDag,\n\nHet pakket is niet gekomen.\n\nGroet, Pieter";
  const auto spans = scan(t, "nl");
  int full = -2, short_form = -3, email = -4;
  for (const auto& s : spans) {
    const std::string v = t.substr(s.start, s.end - s.start);
    if (v == "Pieter de Jong") full = s.entity_group;
    if (v == "Pieter") short_form = s.entity_group;
    if (s.label == "EMAIL") email = s.entity_group;
  }
  CHECK(full >= 0);
  CHECK(short_form == full);
  CHECK(email == full);
}

TEST_CASE("organisations are not persons", "[names]") {
  const std::string t = "Jansen Installatietechniek B.V. levert morgen.";
  CHECK(values(t, scan(t, "nl"), "PERSON").empty());
}

TEST_CASE("street addresses per country with city", "[address]") {
  struct Case {
    std::string text, address, city;
  } cases[] = {
      {"Nieuw adres: Laan van Meerdervoort 1001-B, 2564 AZ Den Haag", "Laan van Meerdervoort 1001-B", "Den Haag"},
      {"Je suis au 12 bis rue de la Paix, 75002 Paris.", "12 bis rue de la Paix", "Paris"},
      {"Bitte an Mariahilfer Straße 88/2/14, 1070 Wien liefern.", "Mariahilfer Straße 88/2/14", "Wien"},
      {"Deliver to 221B Baker Street, London NW1 6XE please.", "221B Baker Street", "London"},
      {"Ik woon in de Grote Markt 7 bus 3, 9000 Gent.", "Grote Markt 7 bus 3", "Gent"},
      {"Bitte an Postfach 12 34, 80001 München.", "Postfach 12 34", "München"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto spans = scan(c.text);
    CHECK(values(c.text, spans, "ADDRESS") == std::vector<std::string>{c.address});
    CHECK(values(c.text, spans, "CITY") == std::vector<std::string>{c.city});
  }
}

TEST_CASE("prices, versions and law articles are not addresses", "[address]") {
  for (const std::string t : {"Ik heb 2 stuks besteld voor € 12,95.", "Version 2.4.1 crashes on iOS 17.2.",
                              "Gemäß § 312g BGB haben Sie 14 Tage Widerrufsrecht."}) {
    INFO(t);
    CHECK(values(t, scan(t), "ADDRESS").empty());
  }
}
