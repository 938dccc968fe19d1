// Recognizer "person_names": finds person names by combining, into one score per candidate
// chain of capitalised words, initials and particles: first-name and surname dictionaries,
// capitalisation, counter-evidence (ordinary words and cities), cue words before the chain
// (titles, greetings, "my name is", header lines, closings), and the signature position; for
// news and legal text also role nouns ("minister", "Europaminister", "de Braziliaan"), speech
// verbs ("zegt X", "X sagte"), quote attribution, ages in brackets, bylines, coordination with
// a sure name, and counter-evidence from articles, numbers, places and organisation words.
// For customer email: a salutation title right before ("Frau Hoffnung", "heer Bank", also
// after academic titles "Herr Mag.") or a relation phrase after a first name ("Mark from next
// door") makes even an ordinary word a name; so does an address right after the chain whose
// local part repeats it ("schreef PETER BANK <pbank@...>"); a lower-case first name after a
// relation word or a closing dash counts. Job titles and departments ("Data Protection
// Officer", "Personalabteilung"), firms ("X & Y Solicitors LLP"), subject lines without a
// cue, nouns after an article and language names ("in English") are counter-evidence.
// Form fields ("Nom : LE GALL", "Voornaam: jan": after a name-field label the rest of the
// line is a name), sign-offs after a closing ("gr kim", "groet d. oudshoorn", a name under
// "… / dank u wel"), intro phrases ("hi its X", "née X"), "me, X,", possessives ("Tom's"),
// kin and school words ("zijn papa X", "juf An"), "X from your team" and a capitalised
// particle before a known surname ("DE VRIES") count too; form labels before a colon
// ("Ville : Brest"), month names before a day number ("Jan 15"), acronym compounds
// ("Homeoffice-IP"), a single unknown word before a role mailbox, and a sentence-initial
// ordinary word before a pronoun ("Hope you're well" after "Hope Mitchell") do not.
// Later short forms of a found name (and its German genitive) and email addresses built from
// it share its entity_group. All cue words come from the rule's lists
// (shared_rules/entities/names.json).
#pragma once

#include <memory>

#include "common/error.h"
#include "detect/recognizer.h"

namespace veil::detect::names {

Result<std::unique_ptr<Recognizer>> make_person_names(const RuleSet& rules, std::uint32_t rule_index);

}  // namespace veil::detect::names
