// Tests for the person_names cues and counter-evidence found on the third and fourth blind
// test sets: name-field labels with dots or particles ("t.n.v.", "ten name van", "au nom de")
// before glued initials ("M.J."), an unknown first name heading a signature line, two people
// in one sign-off ("X en Y Z"), a known first name opening a sentence before an auxiliary, an
// @-mention, a first name in commas after a person noun; and the counter-evidence: "Co." before
// an Irish county, a legal form after a company ("B.V."), a group word before a name ("team
// X"), a product before a model number or size, one word in quotes, kin words used as a
// vocative ("Maman, ..."), and a chatbot introducing itself. Surnames are invented; each class
// has a positive and a negative case. Runs the real engine with the shipped rules.
#include <catch2/catch.hpp>

#include "../../support/shipped_engine.h"

using namespace veil;
using test::persons;

using V = std::vector<std::string>;

TEST_CASE("name-field labels before glued initials, particle and double surname", "[names][blind34]") {
  CHECK(persons("Ten name van: M.K. van Brakkel-Wennink\nIBAN: NL00", "nl") == V{"M.K. van Brakkel-Wennink"});
  CHECK(persons("Rekening t.n.v. M.K. van Brakkel-Wennink", "nl") == V{"M.K. van Brakkel-Wennink"});
  CHECK(persons("t.n.v.: K.P. Brakkel", "nl") == V{"K.P. Brakkel"});
  CHECK(persons("Au nom de : M.P. de Brakkel-Wennink", "fr") == V{"M.P. de Brakkel-Wennink"});
  // "M. Dupont" with a space stays a title before a name.
  CHECK(persons("Bonjour M. Marchetaux, merci.", "fr") == V{"Marchetaux"});
  // A label with dots is no name field when no name follows.
  CHECK(persons("t.n.v.: de afdeling", "nl").empty());
}

TEST_CASE("signature lines: unknown first name, two people", "[names][blind34]") {
  CHECK(persons("Dank u.\n\nHoogachtend,\nWendelijn de Molen-Bakker", "nl") == V{"Wendelijn de Molen-Bakker"});
  CHECK(persons("Hartelijke groet,\nWendelijn en Bas Brakkenstein", "nl") == V{"Wendelijn", "Bas Brakkenstein"});
  CHECK(persons("Viele Grüße,\nWendelijn und Bas Brakkenstein", "de") == V{"Wendelijn", "Bas Brakkenstein"});
  // Mid-message, or an ordinary word before the conjunction, is no second person.
  CHECK(persons("Hartelijke groet,\nTeam en Bas Brakkenstein", "nl") == V{"Bas Brakkenstein"});
  CHECK(persons("Wij hebben Vrijdag en Bas Brakkenstein gebeld.", "nl") == V{"Bas Brakkenstein"});
}

TEST_CASE("a known first name opening a sentence before an auxiliary", "[names][blind34]") {
  CHECK(persons("Zoé sera absente demain.", "fr") == V{"Zoé"});
  CHECK(persons("Bas heeft gisteren gebeld.", "nl") == V{"Bas"});
  // Not an ordinary word or a city there.
  CHECK(persons("Bonjour,\nParis est loin.", "fr").empty());
  CHECK(persons("Hello,\nMay is fine for us.", "en").empty());
  // Verb-second: an adverb that is also a given name opens the sentence ("Dan is het ...").
  CHECK(persons("Dan is het toch logisch.", "nl").empty());
}

TEST_CASE("@-mentions and a first name after a person noun", "[names][blind34]") {
  CHECK(persons("@Sebastian: can you check the invoice?", "en") == V{"Sebastian"});
  CHECK(persons("I asked the lad in the shop, Josh i think, and he said no.", "en") == V{"Josh"});
  // An address is no mention, and a thing before the comma is no person noun.
  CHECK(persons("Mail me at info@Sebastian.example please.", "en").empty());
  CHECK(persons("I returned the box to the shop, Monday i think, and got nothing.", "en").empty());
}

TEST_CASE("counter-evidence: county, legal form, group word", "[names][blind34]") {
  CHECK(persons("Main Street, Ennis, Co. Clare V95 H7X2", "en").empty());
  CHECK(persons("Accountmanager, Brakkenhorst Logistiek B.V.", "nl").empty());
  CHECK(persons("Wij werken met Brakkenhorst Transport N.V. samen.", "nl").empty());
  CHECK(persons("Hallo team Fleet,\nwij hebben een vraag.", "nl").empty());
  // A person after the county line or before a plain word stays a name.
  CHECK(persons("Kind regards,\nNiamh Brakkenstein\nEnnis, Co. Clare", "en") == V{"Niamh Brakkenstein"});
  CHECK(persons("Hallo Fleur,\nwij hebben een vraag.", "nl") == V{"Fleur"});
}

TEST_CASE("counter-evidence: products, quoted words, kin vocatives, chatbots", "[names][blind34]") {
  CHECK(persons("I ordered GS-40918273 (Puma Sky Runner 90, size 9) last week.", "en").empty());
  CHECK(persons("My Brakko Show 8 stopped working.", "en").empty());
  CHECK(persons("BESTELLING: DE LUNA MATRAS 90X200", "nl").empty());
  CHECK(persons("It keeps responding to \"Alexa\" all the time.", "en").empty());
  CHECK(persons("Maman, tu peux venir ?", "fr").empty());
  CHECK(persons("Hi! I'm Sparky, your virtual assistant.", "en").empty());
  // A person before a date, a person in a closing, a person introducing themself.
  CHECK(persons("Meeting with Fleur Brakkenstein 12 March.", "en") == V{"Fleur Brakkenstein"});
  CHECK(persons("Hi! I'm Fleur Brakkenstein, your new account manager.", "en") == V{"Fleur Brakkenstein"});
  CHECK(persons("Bonjour Maman Brakkenstein, merci.", "fr").size() <= 1);
}

TEST_CASE("counter-evidence: colour before a vehicle, camel-case brand; initial on a signature", "[names][blind34]") {
  CHECK(persons("His vehicle was a grey Morris Minor, WN68 BZR.", "en").empty());
  CHECK(persons("I bought a SodaBrakk Terra (EAN 7290113763029) yesterday.", "en").empty());
  // A colour without an article describes a person; a plain word before is no brand.
  CHECK(persons("L'acteur et chanteur noir Paul Brakkenstein déclare en avril.", "fr") ==
        V{"Paul Brakkenstein"});
  CHECK(persons("I asked Fleur Brakkenstein yesterday.", "en") == V{"Fleur Brakkenstein"});
  CHECK(persons("Meilleures salutations\nM. Marchetaux", "fr") == V{"M. Marchetaux"});
  CHECK(persons("Bonjour,\nje suis M. Marchetaux.", "fr") == V{"Marchetaux"});
}
