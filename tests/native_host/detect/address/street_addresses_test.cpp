// Street-address recognizer through the real engine and shipped rules: what is not an
// address in ordinary prose (years after a street prefix, rankings, "av. J.-C."), next to the
// street forms that must keep working.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../../support/shipped_engine.h"

using veil::test::label_values;
using veil::test::scan_shipped;

TEST_CASE("a street prefix and a year start sentences, not addresses", "[address]") {
  for (const std::string t : {"In 1940 werd het land ingenomen.", "Rond 1240 trad hij in Lyon toe.",
                              "Im Jahr 2002 hat das Unternehmen expandiert.", "Im Juni 2000 reichte er ein.",
                              "Zur Saison 2016 kehrte er zurück.", "Sie schaffte Platz 7 in der Verfolgung.",
                              "Le règne (1792 – 1750 av. J.-C.) fut long."}) {
    INFO(t);
    CHECK(label_values(t, scan_shipped(t), "ADDRESS").empty());
  }
}

TEST_CASE("prefix streets with a name, single-name streets and suffix streets stay addresses", "[address]") {
  struct Case {
    std::string text, address;
  } cases[] = {
      {"Neue Adresse: Am Markt 3, 10115 Berlin", "Am Markt 3"},
      {"Lieferung an In der Au 4, 6020 Innsbruck", "In der Au 4"},
      {"Ons kantoor: Meir 12, 2000 Antwerpen", "Meir 12"},
      {"Wir wohnen in der Hauptstraße 1940, 12345 Musterstadt", "Hauptstraße 1940"},
      {"Envoyez-le au 4 avenue de Fabron, 06200 Nice", "4 avenue de Fabron"},
      {"Mon adresse : 5 cours de l'Intendance, 33000 Bordeaux", "5 cours de l'Intendance"},
      {"J'habite 12 rue d’Alsace, 75010 Paris", "12 rue d’Alsace"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(label_values(c.text, scan_shipped(c.text), "ADDRESS") == std::vector<std::string>{c.address});
  }
}

TEST_CASE("form fields name the street and the city", "[address]") {
  const std::string form =
      "Adresse : 4, impasse des Mouettes\nCode postal : 29200\nVille : Brest\n"
      "Street: 27 Wellington Crescent\nTown: Leeds\nAddress: 9 Cotham Vale, Bristol BS6 6HR\n";
  const auto spans = scan_shipped(form);
  CHECK(label_values(form, spans, "ADDRESS") ==
        std::vector<std::string>{"4, impasse des Mouettes", "27 Wellington Crescent", "9 Cotham Vale"});
  const auto cities = label_values(form, spans, "CITY");
  CHECK(std::find(cities.begin(), cities.end(), "Brest") != cities.end());
  CHECK(std::find(cities.begin(), cities.end(), "Leeds") != cities.end());
  // A label that is no address field, and a city field holding a number, stay as they are.
  const std::string other = "Onderwerp: Kerkstraat\nWoonplaats: 12345\n";
  CHECK(label_values(other, scan_shipped(other), "ADDRESS").empty());
  CHECK(label_values(other, scan_shipped(other), "CITY").empty());
}

TEST_CASE("a law's paragraph number before a word is no postal code and city", "[address]") {
  const std::string t = "Ich werde die Miete gemäß § 1096 ABGB mindern, siehe auch Art. 1240 Code civil.";
  const auto spans = scan_shipped(t);
  CHECK(label_values(t, spans, "POSTAL_CODE").empty());
  CHECK(label_values(t, spans, "CITY").empty());
}
