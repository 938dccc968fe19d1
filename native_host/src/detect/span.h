// What detection produces: labelled byte ranges of the original text.
#pragma once

#include <cstddef>
#include <string>

namespace veil::detect {

struct Span {
  std::size_t start = 0;  // byte offset into the original text
  std::size_t end = 0;    // exclusive
  std::string label;      // vocabulary of DESIGN §9: PERSON, EMAIL, PHONE, IBAN, ...
  std::string subtype;    // e.g. NL_BSN, FIRST_LAST, OBFUSCATED
  std::string rule_id;
  double score = 0.0;
  // Spans with the same non-negative group are one entity (a full name and, later, the
  // surname alone; a name and the email local part made of it). The anonymizer gives a
  // group one placeholder, keyed by the group's first span.
  int entity_group = -1;
};

}  // namespace veil::detect
