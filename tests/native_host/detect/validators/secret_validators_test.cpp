// Credentials: JWT structure, vendor API key lengths, entropy of generic secrets, and the
// password value after a key word.
#include <catch2/catch.hpp>

#include "validator_test_util.h"

using veil::detect::test::kept;
using veil::detect::test::run;
using veil::detect::test::valid;

namespace {
// {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"John Doe","iat":1516239022}
constexpr const char* kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi"
    "aWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
}  // namespace

TEST_CASE("jwt: header decodes to JSON with alg", "[jwt]") {
  CHECK(run("jwt", kJwt).subtype == "JWT");
  // {"typ":"JWT"} only: no alg.
  CHECK_FALSE(valid("jwt", "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.abc"));
  CHECK_FALSE(valid("jwt", "eyJhbGciOiJIUzI1NiJ9.notjson.sig"));
  CHECK_FALSE(valid("jwt", "a.b.c"));
}

TEST_CASE("api_key: vendor prefixes and lengths", "[api_key]") {
  CHECK(run("api_key", "AKIAIOSFODNN7EXAMPLE").subtype == "AWS");
  CHECK(run("api_key", "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ").subtype == "GITHUB");
  CHECK(run("api_key", "sk-proj-4fT9xQ2mZ7pL0cV8bN3kR6wY1hJ5sD").subtype == "OPENAI");
  CHECK(run("api_key", "sk_live_51H8xYz2eZvKYlo2C9aBcDeFg").subtype == "STRIPE");
  CHECK(run("api_key", "xoxb-123456789012-abcdefABCDEF").subtype == "SLACK");
  CHECK(run("api_key", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW").subtype == "GOOGLE");
  CHECK_FALSE(valid("api_key", "AKIA1234"));
  CHECK_FALSE(valid("api_key", "ghp_short"));
  CHECK_FALSE(valid("api_key", "sk-learn-preprocessing-module"));
}

TEST_CASE("secret_entropy keeps random values after a key word", "[secret_entropy]") {
  const std::string m = "api_key = \"q8Zr2LmX0vT7bN4kP9sW\"";
  auto v = run("secret_entropy", m);
  REQUIRE(v.valid);
  CHECK(kept(v, m) == "q8Zr2LmX0vT7bN4kP9sW");
  CHECK_FALSE(valid("secret_entropy", "secret: aaaaaaaaaaaaaaaa1"));
  CHECK_FALSE(valid("secret_entropy", "token: short1"));
  CHECK_FALSE(valid("secret_entropy", "secret = thisisjustalongword"));
}

TEST_CASE("password_value keeps the value only", "[password_value]") {
  const std::string a = "wachtwoord: Zomer2024!";
  auto v = run("password_value", a);
  REQUIRE(v.valid);
  CHECK(kept(v, a) == "Zomer2024!");
  const std::string b = "mein Passwort ist hunter22";
  v = run("password_value", b);
  REQUIRE(v.valid);
  CHECK(kept(v, b) == "hunter22");
  CHECK(valid("password_value", "mot de passe : Soleil#12"));
  CHECK_FALSE(valid("password_value", "password: ********"));
  CHECK_FALSE(valid("password_value", "wachtwoord: vergeten"));
  CHECK_FALSE(valid("password_value", "the password is incorrect"));
  CHECK_FALSE(valid("password_value", "my password is wrong"));
}

TEST_CASE("password_value after a past tense or a relative clause", "[password_value]") {
  const std::string a = "mein Passwort war Sommer2023!";
  auto v = run("password_value", a);
  REQUIRE(v.valid);
  CHECK(kept(v, a) == "Sommer2023!");
  const std::string b = "het tijdelijke wachtwoord dat ik kreeg was Tx9#mP2!qL";
  v = run("password_value", b);
  REQUIRE(v.valid);
  CHECK(kept(v, b) == "Tx9#mP2!qL");
  // Words, also with accents, after a verb are prose, not a password.
  CHECK_FALSE(valid("password_value", "mein Passwort war plötzlich"));
  CHECK_FALSE(valid("password_value", "le mot de passe était périmé"));
  CHECK_FALSE(valid("password_value", "the password you sent me was wrong"));
}

TEST_CASE("password_value wants a whole verb or a colon before the value", "[password_value]") {
  // "ingesteld" holds "est": the regex can split the word there, the validator refuses it.
  CHECK_FALSE(valid("password_value", "wachtwoord opnieuw ingesteld."));
  CHECK_FALSE(valid("password_value", "Passwort zurückgesetzt, bestätigt"));
  CHECK(valid("password_value", "password = \"S3cr3t-Pa55\""));
  CHECK(valid("password_value", "pw:hunter2!"));
}
