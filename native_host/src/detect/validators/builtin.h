// Declarations of the built-in validators, grouped by the file that defines them. The
// registry (registry.cpp) maps rule-facing names to these functions.
#pragma once

#include "detect/validators/validator.h"

namespace veil::detect::validators {

// checksum.cpp: public check-digit algorithms.
Validation luhn_card(const ValidatorInput& in);
Validation siren(const ValidatorInput& in);
Validation siret(const ValidatorInput& in);
Validation iban(const ValidatorInput& in);
Validation nl_bsn(const ValidatorInput& in);
Validation be_national_number(const ValidatorInput& in);
Validation fr_nir(const ValidatorInput& in);
Validation de_steuer_id(const ValidatorInput& in);
Validation uk_nino(const ValidatorInput& in);
Validation us_ssn(const ValidatorInput& in);
Validation at_svnr(const ValidatorInput& in);
Validation ch_ahv(const ValidatorInput& in);
Validation ie_ppsn(const ValidatorInput& in);
Validation de_rvnr(const ValidatorInput& in);
Validation be_eid_card(const ValidatorInput& in);
Validation uk_driving_licence(const ValidatorInput& in);
Validation tax_number(const ValidatorInput& in);

// network.cpp: addresses on the wire.
Validation email(const ValidatorInput& in);
Validation email_obfuscated(const ValidatorInput& in);
Validation ipv4(const ValidatorInput& in);
Validation ipv6(const ValidatorInput& in);
Validation url_personal(const ValidatorInput& in);

// phone.cpp: libphonenumber.
Validation phone(const ValidatorInput& in);

// date.cpp: birth dates, numeric and written (nl, fr, de, en).
Validation date_of_birth(const ValidatorInput& in);

// shapes.cpp: postal codes, plates, carrier tracking codes, order ids, document numbers.
Validation postal_nl(const ValidatorInput& in);
Validation postal_uk(const ValidatorInput& in);
Validation postal_us(const ValidatorInput& in);
Validation postal_ie(const ValidatorInput& in);
Validation postal_after_keyword(const ValidatorInput& in);
Validation postal_city(const ValidatorInput& in);
Validation plate_nl(const ValidatorInput& in);
Validation plate(const ValidatorInput& in);
Validation plate_strict(const ValidatorInput& in);
Validation plate_nl_strict(const ValidatorInput& in);
Validation tracking_ups(const ValidatorInput& in);
Validation tracking_s10(const ValidatorInput& in);
Validation tracking_dhl(const ValidatorInput& in);
Validation tracking(const ValidatorInput& in);
Validation order_id(const ValidatorInput& in);
Validation document_number(const ValidatorInput& in);

// secrets.cpp: credentials.
Validation jwt(const ValidatorInput& in);
Validation secret_entropy(const ValidatorInput& in);
Validation password_value(const ValidatorInput& in);
Validation api_key(const ValidatorInput& in);
Validation username(const ValidatorInput& in);

// Exposed for tests: the date a candidate denotes, if it is a real calendar date.
struct CivilDate {
  int year = 0, month = 0, day = 0;
};
bool parse_date_text(std::string_view text, CivilDate& out);

}  // namespace veil::detect::validators
