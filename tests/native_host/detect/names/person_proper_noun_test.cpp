// Tests for the proper-noun signal of the person_names recognizer: in Dutch, French and English
// only proper nouns are capitalised, so one or two capitalised words in no list, mid-sentence,
// are a person when the text goes on about a person (a third-person pronoun follows). Each case
// has its counter-evidence: no pronoun, German text, a sentence start, an article, a place
// preposition, an inflected adjective, a plural or nationality ending, "X of Y" names, a model
// code after. The names are invented so that only the signal can find them.
#include <catch2/catch.hpp>

#include "../../support/shipped_engine.h"

using namespace veil;
using test::persons;

using V = std::vector<std::string>;

TEST_CASE("one unknown capitalised word mid-sentence before a pronoun", "[names][proper_noun]") {
  CHECK(persons("Het zou Wolderkamp geen kwaad doen als hij de komende weken zweeg.", "nl") == V{"Wolderkamp"});
  CHECK(persons("Hier soir, Marchetaux est parti car il était malade.", "fr") == V{"Marchetaux"});
  CHECK(persons("The board thanked Wexholt before he left the room.", "en") == V{"Wexholt"});
  // Without a pronoun the word stays unknown.
  CHECK(persons("Het zou Wolderkamp geen kwaad doen als de prijs daalt.", "nl").empty());
  // German capitalises every noun: no signal there.
  CHECK(persons("Es soll Wolderkamp nicht schaden, wenn er schweigt.", "de").empty());
}

TEST_CASE("counter-evidence for the proper-noun signal", "[names][proper_noun]") {
  // A sentence start carries no capitalisation signal.
  CHECK(persons("Wolderkamp wil dat hij komt.", "nl").empty());
  // An article, a place preposition, "X of Y", a plural or nationality ending.
  CHECK(persons("Maar de Strovinie wil dat hij blijft.", "nl").empty());
  CHECK(persons("Maar in Strovinak won hij al twee keer.", "nl").empty());
  CHECK(persons("The Court of Brackenholt ruled that he must pay.", "en").empty());
  CHECK(persons("Ook de radicale Drovanijnen vinden dat hij moet gaan.", "nl").empty());
  // A model code after the word makes it a brand.
  CHECK(persons("Mijn fiets (model Stravello M8b) laadt niet, hij is kapot.", "nl").empty());
}

TEST_CASE("two unknown capitalised words mid-sentence before a pronoun", "[names][proper_noun]") {
  CHECK(persons("Gisteren sprak Ohmar Talvanesk met de pers, waarna hij vertrok.", "nl") == V{"Ohmar Talvanesk"});
  // Without a pronoun two words stay a possible organisation.
  CHECK(persons("Gisteren sprak Ohmar Talvanesk met de pers over de prijs.", "nl").empty());
  // An inflected adjective opens the name of a body ("Europese Unie").
  CHECK(persons("Volgens de Strovische Raadkamp moet hij betalen.", "nl").empty());
}
