// Tests for the customer-email cues of the person_names recognizer found on the blind test
// set: a salutation title right before an ordinary word, academic titles, initials and quoted
// "X wrote" headers with the name in the address, relation words before and after a first
// name, a lower-case sign-off after a dash; and the counter-evidence: job titles and
// departments, firm names "X & Y <legal form>", subject lines, nouns after articles, and
// language names. Names are invented (ordinary words used as surnames on purpose). Each
// class has a positive and a negative case. Runs the real engine with the shipped rules.
#include <catch2/catch.hpp>

#include "../../support/shipped_engine.h"

using namespace veil;
using test::contains;
using test::persons;

using V = std::vector<std::string>;

TEST_CASE("a salutation title makes an ordinary word a name", "[names][email]") {
  CHECK(persons("Sehr geehrte Frau Glück,\n\nich warte noch auf das Geld.", "de") == V{"Glück"});
  CHECK(persons("Geachte heer Kraai,\n\nDank voor uw bericht.", "nl") == V{"Kraai"});
  CHECK(persons("Bonjour Madame Bonheur,\n\nmerci pour votre message.", "fr") == V{"Bonheur"});
  CHECK(persons("Dear Mr Grey,\n\nthank you for your order.", "en") == V{"Grey"});
  CHECK(persons("Ik heb de heer Kraai gisteren gebeld.", "nl") == V{"Kraai"});
  // The noun "Frau" after an article, a title after a comma, an all-caps "MS".
  CHECK(persons("Es hat eine Frau Anfang 40 angerufen.", "de").empty());
  CHECK(persons("Ich habe das Glück gehabt, sagte sie.", "de").empty());
  CHECK(persons("Die Frau Doktor war sehr nett.", "de").empty());
  CHECK(persons("I still use MS Word for invoices.", "en").empty());
  CHECK(persons("Send it to 12 Oak Hollow Dr, Austin please.", "en").empty());
}

TEST_CASE("academic titles are titles, not names", "[names][email]") {
  CHECK(persons("Sehr geehrter Herr Mag. Wolkenbruch,\n\nanbei die Unterlagen.", "de") == V{"Wolkenbruch"});
  CHECK(persons("Mit freundlichen Grüßen\nMag. Ferdinand Wolkenbruch\nSchadenreferent", "de") ==
        V{"Ferdinand Wolkenbruch"});
  CHECK(persons("Sehr geehrte Frau Dipl.-Ing. Wolkenbruch,", "de") == V{"Wolkenbruch"});
  const auto v = persons("Kind regards,\n\nDr Oliver Quenby MBE\n", "en");
  CHECK(v == V{"Oliver Quenby"});
}

TEST_CASE("initials before an ordinary word; quoted header with the name in the address", "[names][email]") {
  CHECK(contains(persons("Bedankt.\n> mvg K. Kraai", "nl"), "K. Kraai"));
  const std::string t = "Op 9 mrt 2024 om 21:03 schreef JORIS KRAAI <jkraai@hetnet.nl>:\n> goedenavond";
  CHECK(contains(persons(t, "nl"), "JORIS KRAAI"));
  const std::string d = "Am 3. März 2024 schrieb SABINE GLÜCK <sabine.glueck@gmx.de>:\n> Hallo";
  CHECK(contains(persons(d, "de"), "SABINE GLÜCK"));
  const std::string f = "Le 5 mars 2024, BONHEURT Claire <claire.bonheurt@orange.fr> a écrit :\n> Bonjour";
  CHECK(contains(persons(f, "fr"), "BONHEURT Claire"));
  // The shop's own address: no name in the local part.
  CHECK(persons("On Monday, Customer Care <support@shop.example> wrote:\n> Hi", "en").empty());
  CHECK(persons("Mijn bank is de ING Bank in Utrecht.", "nl").empty());
}

TEST_CASE("relation words before and after a first name", "[names][email]") {
  CHECK(contains(persons("hi, my daughter fenna ordered a present on my card", "en"), "fenna"));
  CHECK(contains(persons("my son jayden broke the screen of his tablet", "en"), "jayden"));
  CHECK(contains(persons("The heater broke again. Mark from next door had a look at it.", "en"), "Mark"));
  CHECK(contains(persons("Kunnen jullie dit oppakken? Mark (een collega van me) heeft hetzelfde.", "nl"), "Mark"));
  CHECK(contains(persons("Können Sie helfen? Mark (mein Nachbar) hat das gleiche Problem.", "de"), "Mark"));
  // An ordinary lower-case word after a relation word, a capitalised noun before "from".
  CHECK(persons("my son will call you tomorrow about the order", "en").empty());
  CHECK(persons("The Parcel from next door was delivered.", "en").empty());
}

TEST_CASE("lower-case sign-off after a dash at the end", "[names][email]") {
  CHECK(persons("hey my order arrived damaged. can i get a replacement? - fenna", "en") == V{"fenna"});
  CHECK(persons("hey my order arrived damaged - thanks", "en").empty());
  CHECK(persons("the box - fenna said - was empty when it came", "en").empty());
}

TEST_CASE("job titles, departments and firm names are not persons", "[names][email]") {
  CHECK(persons("Dear Data Protection Officer,\n\nplease send me my data.", "en").empty());
  CHECK(persons("Dear Customer Service Manager,\n\nplease refund me.", "en").empty());
  const std::string en =
      "Yours faithfully,\n\nOliver Quenby\nSenior Partner, Quenby & Marsh Solicitors LLP\nLeeds";
  CHECK(persons(en, "en") == V{"Oliver Quenby"});
  const std::string de = "Gruß\nDirk Wolkenbruch\nPersonalabteilung, Wolkenbruch & Söhne GmbH\n";
  CHECK(persons(de, "de") == V{"Dirk Wolkenbruch"});
  CHECK(persons("Gruß\nDirk Wolkenbruch\nKundenabteilung\n", "de") == V{"Dirk Wolkenbruch"});
  CHECK(persons("Best,\nAnna Kraaier\nHead of Customer Experience", "en") == V{"Anna Kraaier"});
  CHECK(persons("Dear Billing Department,\n\nplease check invoice 22.", "en").empty());
  // A real name beside a firm stays a name.
  CHECK(contains(persons("Ich habe mit Dirk Wolkenbruch bei Brandt & Co gesprochen.", "de"), "Dirk Wolkenbruch"));
}

TEST_CASE("subject lines and nouns after articles are not names", "[names][email]") {
  const std::string t =
      "Betreff: AW: Schaden zu Polizze 4471902-KFZ\n\nSehr geehrte Frau Glück,\n\nanbei das Foto vom Schaden. "
      "Sie wollten Fotos des Schadens.";
  CHECK(persons(t, "de") == V{"Glück"});
  CHECK(persons("Onderwerp: Levering Kraai Tafel 22\n\nBeste,\n\nWaar blijft mijn tafel?", "nl").empty());
  // A name cue on the subject line still counts.
  CHECK(contains(persons("Betreff: Rückruf Frau Wolkenbruch\n\nHallo,", "de"), "Wolkenbruch"));
  CHECK(contains(persons("Subject: Refund for Fenna Wolkenbruch\n\nHi,", "en"), "Fenna Wolkenbruch"));
}

TEST_CASE("language names are not names", "[names][email]") {
  CHECK(persons("Sorry, mijn Nederlands is niet zo goed, so in English: the app crashes.", "nl").empty());
  CHECK(persons("Können Sie mir auf Englisch oder Deutsch antworten?", "de").empty());
  CHECK(persons("Je ne parle pas bien Français, sorry.", "fr").empty());
}

TEST_CASE("a name that is an ordinary word is not linked to the noun after an article", "[names][email]") {
  const std::string t = "Sehr geehrte Frau Glück,\n\nich hatte das Glück nicht. Frau Glück sagte mir zu.";
  CHECK(persons(t, "de") == V{"Glück", "Glück"});
  // A name without an article before it still joins its group.
  const std::string n = "Sehr geehrte Frau Glück,\n\nGlück hat mir zugesagt.";
  CHECK(persons(n, "de") == V{"Glück", "Glück"});
}

TEST_CASE("French 'son' is no relation word; initials after an article stay unsure", "[names][email]") {
  CHECK(persons("Elle a convaincu son mari de ne pas partir.", "fr").empty());
  CHECK(persons("Gegenüber der FS E. 550 hatten die Motoren mehr Leistung.", "de").empty());
}
