// Name -> function table for validators (see validator.h). Rules name validators in
// shared_rules/entities/*.json; the loader rejects names missing from this table.
#include <algorithm>
#include <array>

#include "detect/validators/builtin.h"
#include "detect/validators/validator.h"

namespace veil::detect {
namespace {

struct Entry {
  std::string_view name;
  ValidatorFn fn;
};

namespace v = validators;

constexpr std::array<Entry, 45> kValidators{{
    {"api_key", v::api_key},
    {"at_svnr", v::at_svnr},
    {"be_eid_card", v::be_eid_card},
    {"be_national_number", v::be_national_number},
    {"ch_ahv", v::ch_ahv},
    {"date_of_birth", v::date_of_birth},
    {"de_rvnr", v::de_rvnr},
    {"de_steuer_id", v::de_steuer_id},
    {"document_number", v::document_number},
    {"email", v::email},
    {"email_obfuscated", v::email_obfuscated},
    {"fr_nir", v::fr_nir},
    {"ie_ppsn", v::ie_ppsn},
    {"iban", v::iban},
    {"ipv4", v::ipv4},
    {"ipv6", v::ipv6},
    {"jwt", v::jwt},
    {"luhn", v::luhn_card},
    {"nl_bsn", v::nl_bsn},
    {"order_id", v::order_id},
    {"password_value", v::password_value},
    {"phone", v::phone},
    {"plate", v::plate},
    {"plate_nl", v::plate_nl},
    {"plate_nl_strict", v::plate_nl_strict},
    {"plate_strict", v::plate_strict},
    {"postal_after_keyword", v::postal_after_keyword},
    {"postal_city", v::postal_city},
    {"postal_ie", v::postal_ie},
    {"postal_nl", v::postal_nl},
    {"postal_uk", v::postal_uk},
    {"postal_us", v::postal_us},
    {"secret_entropy", v::secret_entropy},
    {"siren", v::siren},
    {"siret", v::siret},
    {"tax_number", v::tax_number},
    {"tracking", v::tracking},
    {"tracking_dhl", v::tracking_dhl},
    {"tracking_s10", v::tracking_s10},
    {"tracking_ups", v::tracking_ups},
    {"uk_driving_licence", v::uk_driving_licence},
    {"uk_nino", v::uk_nino},
    {"url_personal", v::url_personal},
    {"us_ssn", v::us_ssn},
    {"username", v::username},
}};

}  // namespace

ValidatorFn find_validator(std::string_view name) {
  for (const auto& e : kValidators)
    if (e.name == name) return e.fn;
  return nullptr;
}

std::vector<std::string> validator_names() {
  std::vector<std::string> out;
  out.reserve(kValidators.size());
  for (const auto& e : kValidators) out.emplace_back(e.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace veil::detect
