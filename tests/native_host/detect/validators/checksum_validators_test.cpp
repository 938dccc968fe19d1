// Check-digit validators against published test vectors (card networks' test numbers, the
// IBAN registry's examples, BZSt / INSEE / BSN examples), valid and invalid.
#include <catch2/catch.hpp>

#include "validator_test_util.h"

using veil::detect::test::run;
using veil::detect::test::valid;

TEST_CASE("luhn accepts issuers' test card numbers and names the brand", "[luhn]") {
  CHECK(run("luhn", "4111 1111 1111 1111").subtype == "VISA");
  CHECK(run("luhn", "5555-5555-5555-4444").subtype == "MASTERCARD");
  CHECK(run("luhn", "2223003122003222").subtype == "MASTERCARD");
  CHECK(run("luhn", "3782 822463 10005").subtype == "AMEX");
  CHECK(run("luhn", "6011111111111117").subtype == "DISCOVER");
  CHECK(run("luhn", "3530111333300000").subtype == "JCB");
  CHECK(run("luhn", "4000056655665556").valid);
}

TEST_CASE("luhn rejects bad checksums, unknown issuers and wrong lengths", "[luhn]") {
  CHECK_FALSE(valid("luhn", "4111 1111 1111 1112"));  // check digit off by one
  CHECK_FALSE(valid("luhn", "0000 0000 0000 0000"));
  CHECK_FALSE(valid("luhn", "1234567812345670"));     // Luhn-valid, no issuer starts with 1
  CHECK_FALSE(valid("luhn", "378282246310005 1"));    // AMEX prefix with 16 digits
  CHECK_FALSE(valid("luhn", "41111111111"));          // too short
}

TEST_CASE("siren and siret use Luhn, with La Poste's exception", "[luhn]") {
  CHECK(valid("siren", "732 829 320"));
  CHECK_FALSE(valid("siren", "732 829 321"));
  CHECK(valid("siret", "732 829 320 00074"));
  CHECK_FALSE(valid("siret", "732 829 320 00075"));
  CHECK(valid("siret", "35600000000001"));  // La Poste: digit sum multiple of 5
}

TEST_CASE("iban accepts registry examples, grouped or compact", "[iban]") {
  CHECK(run("iban", "NL91 ABNA 0417 1643 00").subtype == "NL");
  CHECK(valid("iban", "NL91ABNA0417164300"));
  CHECK(valid("iban", "nl91abna0417164300"));
  CHECK(valid("iban", "GB82 WEST 1234 5698 7654 32"));
  CHECK(valid("iban", "DE89 3704 0044 0532 0130 00"));
  CHECK(valid("iban", "BE68 5390 0754 7034"));
  CHECK(valid("iban", "FR14 2004 1010 0505 0001 3M02 606"));
  CHECK(valid("iban", "AT61 1904 3002 3457 3201"));
  CHECK(valid("iban", "CH93 0076 2011 6238 5295 7"));
  CHECK(valid("iban", "IE29 AIBK 9311 5212 3456 78"));
  CHECK(valid("iban", "ES91 2100 0418 4502 0005 1332"));
  CHECK(valid("iban", "IT60 X054 2811 1010 0000 0123 456"));
  CHECK(valid("iban", "LU28 0019 4006 4475 0000"));
  CHECK(valid("iban", "NO93 8601 1117 947"));
  CHECK(valid("iban", "PL61 1090 1014 0000 0712 1981 2874"));
}

TEST_CASE("iban rejects wrong checksums, lengths and countries", "[iban]") {
  CHECK_FALSE(valid("iban", "NL91 ABNA 0417 1643 01"));
  CHECK_FALSE(valid("iban", "NL92ABNA0417164300"));
  CHECK_FALSE(valid("iban", "DE89 3704 0044 0532 0130"));  // too short for DE
  CHECK_FALSE(valid("iban", "XX91ABNA0417164300"));        // no such country
  CHECK_FALSE(valid("iban", "AB12CD34EF56GH78"));
}

TEST_CASE("iban narrows an over-long candidate to the country length", "[iban]") {
  const std::string m = "NL91 ABNA 0417 1643 00 12";
  auto v = run("iban", m);
  REQUIRE(v.valid);
  CHECK(veil::detect::test::kept(v, m) == "NL91 ABNA 0417 1643 00");
}

TEST_CASE("nl_bsn applies the 11-check", "[nl_bsn]") {
  CHECK(valid("nl_bsn", "111222333"));
  CHECK(valid("nl_bsn", "123456782"));
  CHECK(valid("nl_bsn", "1234.56.782"));
  CHECK(valid("nl_bsn", "123 456 782"));
  CHECK_FALSE(valid("nl_bsn", "123456789"));
  CHECK_FALSE(valid("nl_bsn", "000000000"));
  CHECK_FALSE(valid("nl_bsn", "12345678"));  // padded to 012345678: fails the check
  CHECK_FALSE(valid("nl_bsn", "1234567820"));
}

TEST_CASE("be_national_number: mod 97 for both centuries", "[be_national_number]") {
  CHECK(valid("be_national_number", "85.07.30-033.28"));
  CHECK(valid("be_national_number", "85073003328"));
  CHECK(valid("be_national_number", "01.02.03-123.45"));  // born in 2001: 2 prefixed
  CHECK_FALSE(valid("be_national_number", "85.07.30-033.29"));
  CHECK_FALSE(valid("be_national_number", "85.13.30-033.28"));  // month 13
  CHECK_FALSE(valid("be_national_number", "00000000097"));
}

TEST_CASE("fr_nir: key 97 - n mod 97, Corsica 2A/2B", "[fr_nir]") {
  CHECK(valid("fr_nir", "2 95 10 99 126 111 93"));
  CHECK(valid("fr_nir", "185077512345608"));
  CHECK(valid("fr_nir", "253072B07300470"));
  CHECK_FALSE(valid("fr_nir", "2 95 10 99 126 111 94"));
  CHECK_FALSE(valid("fr_nir", "253072C07300470"));
  CHECK_FALSE(valid("fr_nir", "595109912611193"));  // sex digit 5
  CHECK_FALSE(valid("fr_nir", "29510991261119"));   // 14 characters
}

TEST_CASE("de_steuer_id: ISO 7064 MOD 11,10 and the repetition rule", "[de_steuer_id]") {
  CHECK(valid("de_steuer_id", "86095742719"));
  CHECK(valid("de_steuer_id", "47 036 892 816"));
  CHECK(valid("de_steuer_id", "65929970489"));
  CHECK(valid("de_steuer_id", "57549285017"));
  CHECK(valid("de_steuer_id", "25768131411"));
  CHECK_FALSE(valid("de_steuer_id", "86095742718"));  // check digit
  CHECK_FALSE(valid("de_steuer_id", "01234567890"));  // leading zero
  CHECK_FALSE(valid("de_steuer_id", "12345678903"));  // no repeated digit
  CHECK_FALSE(valid("de_steuer_id", "11123456780"));  // three in a row
}

TEST_CASE("uk_nino: prefix rules and suffix", "[uk_nino]") {
  CHECK(valid("uk_nino", "AB 12 34 56 C"));
  CHECK(valid("uk_nino", "JG103759A"));
  CHECK(valid("uk_nino", "AB123456"));
  CHECK_FALSE(valid("uk_nino", "QQ 12 34 56 C"));  // Q never first
  CHECK_FALSE(valid("uk_nino", "GB123456A"));      // reserved prefix
  CHECK_FALSE(valid("uk_nino", "AO123456A"));      // O never second
  CHECK_FALSE(valid("uk_nino", "AB123456E"));      // suffix A-D only
}

TEST_CASE("us_ssn: area, group and serial ranges", "[us_ssn]") {
  CHECK(valid("us_ssn", "536-22-8726"));
  CHECK(valid("us_ssn", "536228726"));
  CHECK_FALSE(valid("us_ssn", "000-12-3456"));
  CHECK_FALSE(valid("us_ssn", "666-12-3456"));
  CHECK_FALSE(valid("us_ssn", "912-12-3456"));
  CHECK_FALSE(valid("us_ssn", "536-00-3456"));
  CHECK_FALSE(valid("us_ssn", "536-22-0000"));
  CHECK_FALSE(valid("us_ssn", "078-05-1120"));  // the Woolworth wallet number
}

TEST_CASE("at_svnr: weighted mod-11 check digit and birth date", "[at_svnr]") {
  CHECK(run("at_svnr", "1237 010180").subtype == "AT_SVNR");
  CHECK(valid("at_svnr", "1237010180"));
  CHECK(valid("at_svnr", "1237 01 01 80"));
  CHECK(valid("at_svnr", "2682 030491"));
  CHECK_FALSE(valid("at_svnr", "1238 010180"));   // wrong check digit
  CHECK_FALSE(valid("at_svnr", "0237 010180"));   // serial cannot start with 0
  CHECK_FALSE(valid("at_svnr", "1235 320180"));   // day 32 (check digit would be 5)
  CHECK_FALSE(valid("at_svnr", "123701018"));     // nine digits
}

TEST_CASE("ch_ahv: 756 prefix and EAN-13 check digit", "[ch_ahv]") {
  CHECK(run("ch_ahv", "756.1374.9997.18").subtype == "CH_AHV");
  CHECK(valid("ch_ahv", "7561374999718"));
  CHECK(valid("ch_ahv", "756 1374 9997 18"));
  CHECK(valid("ch_ahv", "756.4299.2028.40"));
  CHECK_FALSE(valid("ch_ahv", "756.1374.9997.19"));
  CHECK_FALSE(valid("ch_ahv", "757.1374.9997.18"));  // not Switzerland
  CHECK_FALSE(valid("ch_ahv", "756.1374.9997.1"));
}

TEST_CASE("ie_ppsn: mod-23 check letter, optional second letter", "[ie_ppsn]") {
  CHECK(run("ie_ppsn", "8495810V").subtype == "IE_PPSN");
  CHECK(valid("ie_ppsn", "8495810 V"));
  CHECK(valid("ie_ppsn", "1234567T"));
  CHECK(valid("ie_ppsn", "1234567TW"));   // W counts as 0
  CHECK(valid("ie_ppsn", "1234567FA"));   // 2013 format: A counts 1 x 9
  CHECK(valid("ie_ppsn", "1234567tw"));   // written in lower case
  CHECK_FALSE(valid("ie_ppsn", "1234567FB"));
  CHECK_FALSE(valid("ie_ppsn", "8495810W"));
  CHECK_FALSE(valid("ie_ppsn", "0000000W"));
  CHECK_FALSE(valid("ie_ppsn", "123456T"));
}

TEST_CASE("de_rvnr: Rentenversicherungsnummer check digit", "[de_rvnr]") {
  CHECK(run("de_rvnr", "65 170839 J 003").subtype == "DE_RVNR");
  CHECK(valid("de_rvnr", "65170839J003"));
  CHECK_FALSE(valid("de_rvnr", "65 170839 J 004"));
  CHECK_FALSE(valid("de_rvnr", "65 171339 J 003"));  // month 13
  CHECK_FALSE(valid("de_rvnr", "65 170839 3 003"));  // no initial letter
}

TEST_CASE("be_eid_card: first ten digits mod 97", "[be_eid_card]") {
  CHECK(run("be_eid_card", "592-1234567-32").subtype == "BE_ID_CARD");
  CHECK(valid("be_eid_card", "592123456732"));
  CHECK_FALSE(valid("be_eid_card", "592-1234567-33"));
  CHECK_FALSE(valid("be_eid_card", "000-0000000-97"));
  CHECK_FALSE(valid("be_eid_card", "592-1234567-3"));
}

TEST_CASE("uk_driving_licence: DVLA layout", "[uk_driving_licence]") {
  CHECK(run("uk_driving_licence", "MORGA657054SM9IJ").subtype == "UK_DRIVING_LICENCE");
  CHECK(valid("uk_driving_licence", "JONES 710238 JA9 AB"));
  CHECK(valid("uk_driving_licence", "LEE99752214AB9CD"));   // short surname padded with 9
  CHECK_FALSE(valid("uk_driving_licence", "MORGA651354SM9IJ"));  // month 13
  CHECK_FALSE(valid("uk_driving_licence", "MORGA657004SM9IJ"));  // day 00
  CHECK_FALSE(valid("uk_driving_licence", "L9E99752214AB9CD"));  // padding inside the name
  CHECK_FALSE(valid("uk_driving_licence", "MORGA657054SM9I"));
}

TEST_CASE("tax_number: Steuernummer, numéro fiscal, UTR by layout", "[tax_number]") {
  CHECK(run("tax_number", "21/815/08150").subtype == "DE_STEUERNUMMER");
  CHECK(run("tax_number", "181/815/08155").subtype == "DE_STEUERNUMMER");
  CHECK(run("tax_number", "30 23 217 600 053").subtype == "FR_SPI");
  CHECK(run("tax_number", "12345 67890").subtype == "UK_UTR");
  CHECK_FALSE(valid("tax_number", "12/03/2024"));        // a date has too few digits
  CHECK_FALSE(valid("tax_number", "9023217600053"));     // SPI starts with 0-3
  CHECK_FALSE(valid("tax_number", "11111 11111"));
}
