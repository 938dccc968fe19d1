// Operators: names, partial masks, keyed hash tokens, redaction.
#include "anonymize/operators.h"

#include <array>
#include <catch2/catch.hpp>

#include "anonymize/restore.h"

using namespace veil::anonymize;

TEST_CASE("operators: names round-trip", "[operators]") {
  for (Operator op : {Operator::kReplace, Operator::kMask, Operator::kHash, Operator::kRedact, Operator::kKeep}) {
    CHECK(parse_operator(operator_name(op)) == op);
  }
  CHECK(operator_name(Operator::kMask) == "mask");
  CHECK_FALSE(parse_operator("Mask").has_value());
  CHECK_FALSE(parse_operator("").has_value());
}

TEST_CASE("operators: partial masks", "[operators]") {
  CHECK(mask_value("jan.jansen@mail.nl", "EMAIL") == "j***@m***.nl");
  CHECK(mask_value("jan@mail.example.co.uk", "EMAIL") == "j***@m***.uk");
  CHECK(mask_value("élise@mail.fr", "EMAIL") == "é***@m***.fr");
  CHECK(mask_value("NL91 ABNA 0417 1643 00", "IBAN") == "**************4300");
  CHECK(mask_value("4111 1111 1111 1234", "CREDIT_CARD") == "**** **** **** 1234");
  CHECK(mask_value("+31 6 12345678", "PHONE") == "+** * ******78");
  CHECK(mask_value("Jan van der Berg", "PERSON") == "J. v. d. B.");
  CHECK(mask_value("Anne-Marie Müller", "PERSON") == "A.-M. M.");
  CHECK(mask_value("Östersund", "CITY") == "Ö***");
  CHECK(mask_value("AB-123-CD", "ORDER_ID") == "A***");
  CHECK(mask_value("", "ORDER_ID").empty());
  CHECK(kRedactedText == "[REDACTED]");
}

TEST_CASE("operators: hash tokens are keyed, scoped, stable and never placeholders", "[operators]") {
  std::array<unsigned char, 32> key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(i);
  std::array<unsigned char, 32> other_key = key;
  other_key[0] ^= 1;

  const std::string a = hash_value(key, "chat/1", "Jan Jansen", "PERSON");
  REQUIRE(a.size() == std::string("[NAME_") .size() + 6 + 1);
  CHECK(a.rfind("[NAME_", 0) == 0);
  CHECK(a.back() == ']');
  CHECK((a[6] >= 'a' && a[6] <= 'f'));
  for (std::size_t i = 6; i < 12; ++i) CHECK(std::string("0123456789abcdef").find(a[i]) != std::string::npos);

  CHECK(hash_value(key, "chat/1", "  jan   JANSEN", "PERSON") == a);  // canonical value
  CHECK(hash_value(key, "chat/2", "Jan Jansen", "PERSON") != a);
  CHECK(hash_value(other_key, "chat/1", "Jan Jansen", "PERSON") != a);
  CHECK(hash_value(key, "chat/1", "Jan Jansen", "PERSON", "nl").rfind("[NAAM_", 0) == 0);

  // Restore never treats a hash token as a placeholder.
  int lookups = 0;
  const PlaceholderLookup lookup = [&](std::string_view) -> std::optional<std::string> {
    ++lookups;
    return std::string("LEAK");
  };
  for (int i = 0; i < 200; ++i) {
    const std::string token = hash_value(key, "s", "value " + std::to_string(i), "PERSON");
    CHECK(restore_text("x " + token + " y", lookup).text == "x " + token + " y");
  }
  CHECK(lookups == 0);
}
