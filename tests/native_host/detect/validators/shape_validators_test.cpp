// Postal codes, licence plates, tracking codes (UPS and UPU S10 check digits, DHL mod 7),
// order ids after a keyword and ID document numbers.
#include <catch2/catch.hpp>

#include "validator_test_util.h"

using veil::detect::test::kept;
using veil::detect::test::run;
using veil::detect::test::run_in;
using veil::detect::test::valid;

TEST_CASE("postal_nl: digits, letter pairs, years", "[postal]") {
  CHECK(run_in("postal_nl", "Keizersgracht 1, 1015 CJ Amsterdam", "1015 CJ").valid);
  CHECK(run_in("postal_nl", "Adres: Dorpsstraat 4\n2000 AB Haarlem", "2000 AB").valid);
  CHECK(valid("postal_nl", "1234AB"));
  CHECK_FALSE(valid("postal_nl", "0123 AB"));
  CHECK_FALSE(valid("postal_nl", "1234 SS"));
  CHECK_FALSE(run_in("postal_nl", "the 2024 EU rules", "2024 EU").valid);
}

TEST_CASE("postal_uk: outward and inward rules", "[postal]") {
  CHECK(valid("postal_uk", "SW1A 1AA"));
  CHECK(valid("postal_uk", "EC1A 1BB"));
  CHECK(valid("postal_uk", "M1 1AE"));
  CHECK_FALSE(valid("postal_uk", "QA1 1AA"));
  CHECK_FALSE(valid("postal_uk", "SW1A 1AC"));
}

TEST_CASE("postal_us: state and ZIP, narrowed to the ZIP", "[postal]") {
  const std::string m = "CA 94105-1234";
  auto v = run("postal_us", m);
  REQUIRE(v.valid);
  CHECK(kept(v, m) == "94105-1234");
  CHECK_FALSE(valid("postal_us", "XX 94105"));
  CHECK_FALSE(valid("postal_us", "NY 00000"));
}

TEST_CASE("postal_city: a code followed by a city on an address line", "[postal]") {
  CHECK(run_in("postal_city", "Rue de la Loi 16, 1000 Bruxelles", "1000").valid);
  CHECK(run_in("postal_city", "Musterstraße 5\n10115 Berlin", "10115").valid);
  CHECK(run_in("postal_city", "12 rue de Rivoli, 75001 Paris", "75001").valid);
  CHECK(run_in("postal_city", "Bahnhofstrasse 1, CH-8001 Zürich", "CH-8001").subtype == "CH");
  CHECK(run_in("postal_city", "Wohnhaft in A-1010 Wien", "A-1010").valid);
  CHECK_FALSE(run_in("postal_city", "In 2019 Paris was hot", "2019").valid);
  CHECK_FALSE(run_in("postal_city", "1600 Pennsylvania Avenue", "1600").valid);
  CHECK_FALSE(run_in("postal_city", "Preis 1000 euro", "1000").valid);
  CHECK_FALSE(run_in("postal_city", "Hoofdstraat 12\n1234 Kerkstraat", "1234").valid);
  // Mid-sentence codes are kept but scored down (they need address context).
  CHECK(run_in("postal_city", "order 12345 Shipped", "12345").score_delta < 0);
}

TEST_CASE("plate_nl: Dutch side codes", "[plate]") {
  CHECK(valid("plate_nl", "12-BDF-3"));
  CHECK(valid("plate_nl", "G-123-BB"));
  CHECK(valid("plate_nl", "AB-12-34"));
  CHECK(run("plate_nl", "1-KBB-23").subtype == "NL");
  // Vowels are not issued in new side codes: kept only next to a context word.
  CHECK(run("plate_nl", "12-ABC-3").score_delta < 0);
  CHECK(run("plate_nl", "5XLP38").score_delta < 0);  // compact: context word needed
  CHECK_FALSE(valid("plate_nl", "5AEI38"));
  CHECK_FALSE(valid("plate_nl", "12-34-56"));
  CHECK_FALSE(valid("plate_nl", "ABC-DEF-1"));
}

TEST_CASE("plate: French, Belgian, German and UK shapes", "[plate]") {
  CHECK(run("plate", "AB-123-CD").subtype == "FR");
  CHECK(run("plate", "1-ABC-123").subtype == "BE");
  CHECK(run("plate", "B-MW 1234").subtype == "DE");
  CHECK(run("plate", "M AB 123").subtype == "DE");
  CHECK(run("plate", "AB12 CDE").subtype == "UK");
  CHECK_FALSE(valid("plate", "SS-123-AB"));
  CHECK_FALSE(valid("plate", "AB-000-CD"));
  CHECK_FALSE(valid("plate", "0-ABC-123"));
  CHECK_FALSE(valid("plate", "hello world"));
}

TEST_CASE("plate: Austrian, Swiss, Irish, US and older shapes", "[plate]") {
  CHECK(run("plate", "W-12345A").subtype == "AT");
  CHECK(run("plate", "G-473 KL").subtype == "AT");
  CHECK(run("plate", "ZH 123456").subtype == "CH");
  CHECK(run("plate", "191-D-12345").subtype == "IE");
  CHECK(run("plate", "07-C-4412").subtype == "IE");
  CHECK(run("plate", "KJH 4421").subtype == "US");
  CHECK(run("plate", "7ABC123").valid);
  CHECK(run("plate", "LÖ-AB 123").subtype == "DE");
  CHECK(run("plate", "AB123CD").subtype == "FR");
  // Shapes that also read as product codes need a context word (negative delta).
  CHECK(run("plate", "AB123CD").score_delta < 0);
  CHECK(run("plate", "ZH 123456").score_delta < 0);
  CHECK(run("plate", "KJH 4421").score_delta < 0);
  CHECK(run("plate", "191-D-12345").score_delta > 0);
  CHECK_FALSE(valid("plate", "191-X-12345"));   // no such county
  CHECK_FALSE(valid("plate", "193-D-12345"));   // half-year digit is 1 or 2
  CHECK_FALSE(valid("plate", "XY 123456"));     // no such canton
  CHECK_FALSE(valid("plate", "W-1234567A"));
  // Mixed separators are Austrian, not a French SIV plate with an excluded letter.
  CHECK(run("plate", "GU-123 AB").subtype == "AT");
  CHECK_FALSE(valid("plate", "AU-123-CD"));
}

TEST_CASE("postal_uk: lower case only with context", "[postal]") {
  CHECK(run("postal_uk", "sw1a 1aa").score_delta < 0);
  CHECK(run("postal_uk", "SW1A 1AA").score_delta == 0);
}

TEST_CASE("postal_after_keyword: the code after the cue", "[postal]") {
  const std::string a = "Zip code 90210";
  auto v = run("postal_after_keyword", a);
  REQUIRE(v.valid);
  CHECK(kept(v, a) == "90210");
  const std::string b = "ZIP: 10001-1234";
  v = run("postal_after_keyword", b);
  REQUIRE(v.valid);
  CHECK(kept(v, b) == "10001-1234");
  CHECK(valid("postal_after_keyword", "Postleitzahl ist 1010"));
  CHECK_FALSE(valid("postal_after_keyword", "zip 1111"));
  CHECK_FALSE(valid("postal_after_keyword", "PLZ 123"));
  CHECK_FALSE(
      run_in("postal_after_keyword", "Postcode 1234 SS bestaat niet", "Postcode 1234").valid);
}

TEST_CASE("postal_ie: Eircode routing key and identifier", "[postal]") {
  CHECK(run("postal_ie", "V93 X2C4").subtype == "IE");
  CHECK(valid("postal_ie", "D02 X285"));
  CHECK(valid("postal_ie", "D6W FR44"));
  CHECK(valid("postal_ie", "H91E2K3"));
  CHECK_FALSE(valid("postal_ie", "B12 X2C4"));   // B is no routing letter
  CHECK_FALSE(valid("postal_ie", "V93 XBC4"));   // B is not in the identifier alphabet
  CHECK_FALSE(valid("postal_ie", "A651234"));    // compact and all digits
  CHECK_FALSE(valid("postal_ie", "V03 X2C4"));   // outside Dublin areas start at 10
}

TEST_CASE("tracking codes with check digits", "[tracking]") {
  CHECK(valid("tracking_ups", "1Z999AA10123456784"));
  CHECK(valid("tracking_ups", "1Z 12345E 66 0527 2234"));
  CHECK_FALSE(valid("tracking_ups", "1Z999AA10123456785"));
  CHECK_FALSE(valid("tracking_ups", "1Z999AA1012345678"));
  CHECK(run("tracking_s10", "RR123456785FR").subtype == "TRACKING_S10_FR");
  CHECK_FALSE(valid("tracking_s10", "RR123456784FR"));
  CHECK(valid("tracking_dhl", "1234567891"));
  CHECK_FALSE(valid("tracking_dhl", "1234567892"));
}

TEST_CASE("tracking codes by shape", "[tracking]") {
  CHECK(run("tracking", "3SABCD123456789").subtype == "TRACKING_POSTNL");
  CHECK(run("tracking", "JJD000390007012345678").subtype == "TRACKING_DHL");
  CHECK(run("tracking", "6A12345678901").subtype == "TRACKING_COLISSIMO");
  CHECK(run("tracking", "323299901234567890123456").subtype == "TRACKING_BPOST");
  CHECK_FALSE(valid("tracking", "3SABCD"));
  CHECK_FALSE(valid("tracking", "HELLO123"));
}

TEST_CASE("order_id keeps the id after the keyword", "[order_id]") {
  const std::string a = "bestelnummer: 2024-NL-88412.";
  auto v = run("order_id", a);
  REQUIRE(v.valid);
  CHECK(kept(v, a) == "2024-NL-88412");
  const std::string b = "order number is A77812";
  v = run("order_id", b);
  REQUIRE(v.valid);
  CHECK(kept(v, b) == "A77812");
  CHECK(valid("order_id", "Rechnungsnummer RE/2024/0117"));
  const std::string c = "Mijn bestelling was #100482771.";
  v = run("order_id", c);
  REQUIRE(v.valid);
  CHECK(kept(v, c) == "#100482771");
  // The cue inside a longer word is not a cue.
  CHECK_FALSE(run_in("order_id", "Sozialversicherungsnummer: 2682 030491",
                     "versicherungsnummer: 2682").valid);
  CHECK_FALSE(run_in("order_id", "Geschäftsbestellung 12345", "bestellung 12345").valid);
  CHECK_FALSE(valid("order_id", "order number is pending"));
  CHECK_FALSE(valid("order_id", "factuur 12.03.2024"));
  CHECK_FALSE(valid("order_id", "commande 123"));
  CHECK_FALSE(valid("order_id", "Bestellung 12.50"));
}

TEST_CASE("document_number: length and digit mix", "[document_number]") {
  CHECK(valid("document_number", "NW92BD8K1"));
  CHECK(valid("document_number", "12AB34567"));
  CHECK(valid("document_number", "123456789"));
  CHECK_FALSE(valid("document_number", "ABCDEFGH"));
  CHECK_FALSE(valid("document_number", "12345"));
  CHECK_FALSE(valid("document_number", "1234567"));
  CHECK(valid("document_number", "X4RTBPFW4"));      // French ID card since 2021
  CHECK_FALSE(valid("document_number", "PASSWORD1"));
  CHECK_FALSE(valid("document_number", "ABCDEFGH12"));
}

TEST_CASE("postal_city wants a place name of three letters or more", "[postal]") {
  CHECK_FALSE(run_in("postal_city", "Postcode 1234 SS bestaat niet", "1234").valid);
  CHECK(run_in("postal_city", "Adresse: 1000 BRUXELLES", "1000").valid);
}

TEST_CASE("order_id refuses a bare year", "[order_id]") {
  CHECK_FALSE(valid("order_id", "order of 2024"));
  CHECK(valid("order_id", "order 2024-001"));
}

TEST_CASE("postal_us wants the state as a word of its own", "[postal]") {
  CHECK_FALSE(run_in("postal_us", "RMA 55123 was issued", "MA 55123").valid);
  CHECK(run_in("postal_us", "Boston, MA 02108", "MA 02108").valid);
}

TEST_CASE("plate_nl: lower case only with context", "[plate]") {
  CHECK(run("plate_nl", "gj-412-k").valid);
  CHECK(run("plate_nl", "gj-412-k").score_delta < 0);
  CHECK(run("plate_nl", "GJ-412-K").score_delta > 0);
}

TEST_CASE("postal_nl: eras are not codes", "[postal]") {
  CHECK_FALSE(run_in("postal_nl", "Hammurabi (c. 1792 BC) was", "1792 BC").valid);
  CHECK(run_in("postal_nl", "Dorpsstraat 4, 2000 AD Haarlem", "2000 AD").valid);
}

TEST_CASE("plate_strict and plate_nl_strict refuse the shapes that need a plate word", "[plate]") {
  CHECK(valid("plate_strict", "AB-123-CD"));
  CHECK(valid("plate_strict", "B-MW 1234"));
  CHECK(valid("plate_strict", "191-D-12345"));
  CHECK_FALSE(valid("plate_strict", "ABC-123"));   // also a model number
  CHECK_FALSE(valid("plate_strict", "KJH 4421"));
  CHECK_FALSE(valid("plate_strict", "AB123CD"));
  CHECK(valid("plate_nl_strict", "GJ-412-K"));
  CHECK_FALSE(valid("plate_nl_strict", "12-ABC-3"));
  CHECK_FALSE(valid("plate_nl_strict", "gj-412-k"));
}
