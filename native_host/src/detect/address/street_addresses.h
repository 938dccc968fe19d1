// Recognizer "street_addresses": street lines with a house number in the conventions of
// NL/BE ("Kerkstraat 12a", "Laan van Meerdervoort 1001-B", "Grote Markt 7 bus 3"),
// FR ("12 bis rue de la Paix", "Avenue Louise 231"), DE/AT/CH ("Hauptstraße 5",
// "Am Markt 3", "Mariahilfer Straße 88/2/14") and UK/IE/US ("221B Baker Street",
// "Flat 3, 14 Elm Road", "1600 Pennsylvania Ave NW, Apt 4B"), post-office boxes
// ("Postbus 123", "BP 45", "Postfach 12 34", "PO Box 12"), and the CITY next to a postal
// code (after it, or before it for UK/US) or after an address. Street words and city cues
// come from the rule's lists (shared_rules/entities/address.json); cities from the city
// dictionaries. Postal codes come from the engine's POSTAL_CODE regex candidates; the
// recognizer adds one only right after an address it found.
#pragma once

#include <memory>

#include "common/error.h"
#include "detect/recognizer.h"

namespace veil::detect::address {

Result<std::unique_ptr<Recognizer>> make_street_addresses(const RuleSet& rules, std::uint32_t rule_index);

// A recognizer that emits nothing: rules that only give another recognizer a label to emit
// with (e.g. CITY and POSTAL_CODE for street_addresses, linked EMAIL for person_names).
Result<std::unique_ptr<Recognizer>> make_label_only(const RuleSet& rules, std::uint32_t rule_index);

}  // namespace veil::detect::address
