// Tests for the person_names cues found on the second blind test set: lower-case and
// initial + surname sign-offs after a closing, a closing line with a separator before the
// closing ("... / dank u wel"), intro phrases ("hi its X", "née X"), a first name in commas
// after "me", possessives, name-field labels of forms ("Nom : X"), kin and school words
// ("zijn papa X", "juf X"), a first name before "from your team", a capitalised particle
// before a surname; and the counter-evidence: greetings before department nouns, form labels
// before a colon, Luxembourgish greetings and closings, sentence-initial verbs after a linked
// name ("Hope you're well"), month abbreviations before a day number, acronym compounds
// ("Homeoffice-IP"), "laut X", and a shop name before a role mailbox. Names are invented (or
// ordinary given names in invented combinations); each class has a positive and a negative
// case. Runs the real engine with the shipped rules.
#include <catch2/catch.hpp>

#include "../../support/shipped_engine.h"

using namespace veil;
using test::contains;
using test::persons;

using V = std::vector<std::string>;

TEST_CASE("lower-case and initial sign-offs after a closing word", "[names][signoff]") {
  // A first name that is also an ordinary word, after a short closing, ends the message.
  CHECK(persons("kan het morgen geleverd worden? gr roos", "nl") == V{"roos"});
  CHECK(persons("kan dat omlaag naar 150 euro?\n\ngroet j. brakkenstein", "nl") == V{"j. brakkenstein"});
  CHECK(persons("Is the parcel on its way?\n\nthanks f. pemberley", "en") == V{"f. pemberley"});
  // Not mid-message, and no initial without a closing.
  CHECK(persons("gr roos en tulpen zijn besteld, wanneer komen ze?", "nl").empty());
  CHECK(persons("zie punt b. hieronder", "nl").empty());
}

TEST_CASE("a closing after a separator makes the next line a signature", "[names][signoff]") {
  CHECK(persons("Het pakket is nog niet aangekomen.\n\nDziekuje / dank u wel\nWiesia", "nl") == V{"Wiesia"});
  CHECK(persons("Le colis est arrivé abîmé.\n\nMerci, Äddi,\nGwendal", "fr") == V{"Gwendal"});
  // A line that merely ends in a closing word is no closing line.
  CHECK(persons("Dat was niet de bedoeling bedankt\nKlantenportaal", "nl").empty());
}

TEST_CASE("intro phrases: hi its X, née, born", "[names][intro]") {
  CHECK(persons("hi its Dave again from flat 3, the boiler is off", "en") == V{"Dave"});
  CHECK(contains(persons("Titulaire : MARCHAND née KERVELLOU Armelle, née le 12/03/1980", "fr"), "KERVELLOU Armelle"));
  CHECK(contains(persons("Antragstellerin: Wendelmuth geb. Brakkenhoff, wohnhaft in Kiel", "de"), "Brakkenhoff"));
  // "its" before an ordinary noun.
  CHECK(persons("the sofa arrived but its Frame is broken", "en").empty());
}

TEST_CASE("a first name in commas after me; a possessive", "[names][cues]") {
  CHECK(persons("prob easier to ring me, sam, on the landline", "en") == V{"sam"});
  CHECK(persons("Bel mij, Sanne, als het pakket er is.", "nl") == V{"Sanne"});
  CHECK(persons("The invoice is attached. Tom's bank details are below.", "en") == V{"Tom"});
  CHECK(persons("the order is under jo's name (joanne brennan) but i am at home", "en") ==
        (V{"jo", "joanne brennan"}));
  // No name in commas after a verb, a possessive of an ordinary word or before "in".
  CHECK(persons("tell me, please, when it ships", "en").empty());
  CHECK(persons("I will not order for Valentine's again.", "en").empty());
}

TEST_CASE("name-field labels of forms", "[names][form]") {
  CHECK(persons("Nom : LE BRAKKEN\nPrénom : Yannig\nVille : Brest\n", "fr") == (V{"LE BRAKKEN", "Yannig"}));
  CHECK(persons("Naam: van der brakkenstein\nVoornaam: sanne\nWoonplaats: Gent", "nl") ==
        (V{"van der brakkenstein", "sanne"}));
  CHECK(persons("Vorname: Wiebke\nNachname: Brakkenhoff\nOrt: Kiel", "de") == (V{"Wiebke", "Brakkenhoff"}));
  CHECK(persons("Surname: PEMBERLEY-HOLT\nFirst name: Rosalind", "en") == (V{"PEMBERLEY-HOLT", "Rosalind"}));
  // A label that is no name field; a value that is a sentence; a form label that is also a
  // given name ("Ville") is no name.
  CHECK(persons("Ville : Brest\nCode postal : 29200", "fr").empty());
  CHECK(persons("Name: we have not received it yet", "en").empty());
  CHECK(persons("Betreff: Rechnung 2024-118 Kiel", "de").empty());
}

TEST_CASE("kin and school words before a name", "[names][relation]") {
  CHECK(persons("Of bel zijn papa Wannes op het werk.", "nl") == V{"Wannes"});
  CHECK(persons("Groetjes,\nEls Brakkenstein\n(mama van Jorre, 3B)", "nl") == (V{"Els Brakkenstein", "Jorre"}));
  CHECK(persons("Vanaf maart haalt haar meter Godewina haar op.", "nl") == V{"Godewina"});
  CHECK(persons("Het formulier ligt bij juf An van het secretariaat.", "nl") == V{"An"});
  // A kin word before an ordinary noun or a unit before a noun.
  CHECK(persons("Het stuk is 3 meter Lang genoeg.", "nl").empty());
  CHECK(persons("Ik ga met mama naar de winkel.", "nl").empty());
}

TEST_CASE("a first name before a team phrase; a conjunction that", "[names][relation]") {
  CHECK(persons("Quick one: Will from your team said he would call me back.", "en") == V{"Will"});
  CHECK(persons("Sorry to hear that Priya was unable to help you.", "en") == V{"Priya"});
  CHECK(persons("Ik heb Roos van de klantenservice gesproken.", "nl") == V{"Roos"});
  // The modal verb at a sentence start, also when the same word is a name elsewhere.
  CHECK(persons("I will be away. Will any afternoon next week work?\n\nThanks,\nWill Brakkenridge", "en") ==
        V{"Will Brakkenridge"});
  CHECK(persons("Hi Rosa,\n\nHope you're well!\n\nHope Pemberley", "en") == (V{"Rosa", "Hope Pemberley"}));
}

TEST_CASE("a capitalised particle before a known surname", "[names][particle]") {
  CHECK(persons("BEL MIJ OP IVM LEVERING KEUKEN. DE VRIES, ORDER 55102", "nl") == V{"DE VRIES"});
  // "De" as an article before an ordinary compound.
  CHECK(persons("De Cofidis-renner voelt zich niet fit.", "nl").empty());
}

TEST_CASE("greetings before departments, Luxembourgish greetings, labels", "[names][counter]") {
  CHECK(persons("Sehr geehrte Hausverwaltung,\n\nin meiner Wohnung tropft es.", "de").empty());
  CHECK(persons("Sehr geehrte Stadtverwaltung,\n\nbitte um Rückruf.", "de").empty());
  CHECK(persons("Bonjour, Moien,\n\nJe change d'adresse.\n\nMerci, Äddi,\nGwendal", "fr") == V{"Gwendal"});
  // A greeting still works before an unknown name.
  CHECK(persons("Sehr geehrte Frau Brakkenhoff,\n\nbitte um Rückruf.", "de") == V{"Brakkenhoff"});
}

TEST_CASE("laut X, acronym compounds, months before a day", "[names][counter]") {
  CHECK(persons("Meine IP laut Router ist 91.64.182.7 und der Zugriff kam laut Log von meiner Homeoffice-IP.", "de")
            .empty());
  CHECK(persons("Can I move my appointment with Dr. Pemberley on Jan 15 at 10:30?", "en") == V{"Pemberley"});
  CHECK(persons("Die Lieferung kam am Okt. 3 und am 4 Dez.", "de").empty());
  // A given name that is also a month abbreviation is still a name without a day number.
  CHECK(persons("I spoke to Jan Brakkenridge on Monday.", "en") == V{"Jan Brakkenridge"});
}

TEST_CASE("a shop name before a role mailbox", "[names][counter]") {
  CHECK(persons("De : Service client MaBoutikka <serviceclient@maboutikka.example>\nObjet : commande", "fr").empty());
  // A person's name (two words, or a known given name) before a role mailbox stays a name.
  CHECK(persons("De : Gwendal Kervellou <support@maboutikka.example>\nObjet : commande", "fr") ==
        V{"Gwendal Kervellou"});
  CHECK(persons("De : Yannick <support@maboutikka.example>\nObjet : commande", "fr") == V{"Yannick"});
}
