// Canonical forms: the vault's key for "the same value".
#include "anonymize/canonical.h"

#include <catch2/catch.hpp>

using veil::anonymize::canonical_value;

TEST_CASE("canonical: emails are case-folded and trimmed", "[canonical]") {
  CHECK(canonical_value("  Jan.Jansen@Mail.NL ", "EMAIL") == "jan.jansen@mail.nl");
  CHECK(canonical_value("STRASSE@EXAMPLE.DE", "EMAIL") == "strasse@example.de");
  CHECK(canonical_value("Straße@example.de", "EMAIL") == "strasse@example.de");  // full folding
  CHECK(canonical_value("ＪＡＮ@example.nl", "EMAIL") == "jan@example.nl");      // NFKC
}

TEST_CASE("canonical: phone numbers become E.164", "[canonical]") {
  CHECK(canonical_value("06 12345678", "PHONE", "NL") == "+31612345678");
  CHECK(canonical_value("+31 (0)6-1234 5678", "PHONE", "NL") == "+31612345678");
  CHECK(canonical_value("0031 20 123 4567", "PHONE", "NL") == "+31201234567");
  CHECK(canonical_value("0470 12 34 56", "PHONE", "BE") == "+32470123456");
  CHECK(canonical_value("02 123 45 67", "PHONE", "BE") == "+3221234567");
  CHECK(canonical_value("06 12 34 56 78", "PHONE", "FR") == "+33612345678");
  CHECK(canonical_value("+33 1 23 45 67 89", "PHONE", "NL") == "+33123456789");
  CHECK(canonical_value("030 1234567", "PHONE", "DE") == "+49301234567");
  CHECK(canonical_value("0151 23456789", "PHONE", "DE") == "+4915123456789");
  CHECK(canonical_value("020 7946 0018", "PHONE", "UK") == "+442079460018");
  CHECK(canonical_value("07700 900123", "PHONE", "GB") == "+447700900123");
  CHECK(canonical_value("(201) 555-0123", "PHONE", "US") == "+12015550123");
  CHECK(canonical_value("+1 201-555-0123", "PHONE", "NL") == "+12015550123");
  // Same number, different writing, same key.
  CHECK(canonical_value("06-12345678", "PHONE") == canonical_value("+31 6 1234 5678", "PHONE"));
  // libphonenumber cannot parse it: digits only.
  CHECK(canonical_value("ext. 12", "PHONE", "NL") == "12");
}

TEST_CASE("canonical: IBAN, card, names and others", "[canonical]") {
  CHECK(canonical_value("nl91 abna 0417 1643 00", "IBAN") == "NL91ABNA0417164300");
  CHECK(canonical_value("4111-1111 1111 1111", "CREDIT_CARD") == "4111111111111111");
  CHECK(canonical_value("  Jan   van der\tBERG ", "PERSON") == "jan van der berg");
  CHECK(canonical_value("Jan\xC2\xA0Jansen", "PERSON") == "jan jansen");  // NBSP
  CHECK(canonical_value("Müller", "PERSON") == canonical_value("MÜLLER", "PERSON"));
  CHECK(canonical_value("1234 ab", "POSTAL_CODE") == "1234AB");
  CHECK(canonical_value("ab-12-cd", "LICENSE_PLATE") == "AB12CD");
  CHECK(canonical_value("1234.56.789", "NATIONAL_ID") == "123456789");
  CHECK(canonical_value("  Order  AB-123 ", "ORDER_ID") == "Order AB-123");
  CHECK(canonical_value("ＡＢ１２３", "ORDER_ID") == "AB123");
}
