// E-mail (plain and obfuscated), IPv4/IPv6 and personal-URL validators, valid and invalid.
#include <catch2/catch.hpp>

#include "validator_test_util.h"

using veil::detect::test::kept;
using veil::detect::test::run;
using veil::detect::test::run_in;
using veil::detect::test::valid;

TEST_CASE("email accepts sane addresses", "[email]") {
  CHECK(valid("email", "jan@example.nl"));
  CHECK(valid("email", "jan.de.vries+shop@mail.example.co.uk"));
  CHECK(valid("email", "o'brien@example.ie"));
  CHECK(valid("email", "info@xn--mnchen-3ya.de"));
  CHECK(valid("email", "müller@beispiel.de"));
}

TEST_CASE("email rejects broken local parts, domains and TLDs", "[email]") {
  CHECK_FALSE(valid("email", "jan..vries@example.nl"));
  CHECK_FALSE(valid("email", ".jan@example.nl"));
  CHECK_FALSE(valid("email", "jan@localhost"));
  CHECK_FALSE(valid("email", "jan@example.123"));
  CHECK_FALSE(valid("email", "jan@-example.nl"));
  CHECK_FALSE(valid("email", "a@b@example.nl"));
  CHECK_FALSE(valid("email", std::string(65, 'a') + "@example.nl"));
}

TEST_CASE("email drops trailing sentence punctuation", "[email]") {
  const std::string m = "jan@example.nl).";
  auto v = run("email", m);
  REQUIRE(v.valid);
  CHECK(kept(v, m) == "jan@example.nl");
}

TEST_CASE("email_obfuscated needs a bracketed at", "[email_obfuscated]") {
  CHECK(valid("email_obfuscated", "jan [at] mail [dot] nl"));
  CHECK(valid("email_obfuscated", "jan(at)mail.nl"));
  CHECK(valid("email_obfuscated", "jan [at] mail dot nl"));
  CHECK(valid("email_obfuscated", "marie {at} exemple [point] fr"));
  CHECK(run("email_obfuscated", "jan(at)mail.nl").subtype == "OBFUSCATED");
  CHECK_FALSE(valid("email_obfuscated", "jan at mail dot nl"));     // prose risk
  CHECK_FALSE(valid("email_obfuscated", "look [at] this [dot] thing"));  // no TLD
  CHECK_FALSE(valid("email_obfuscated", "jan@mail.nl"));            // plain address
}

TEST_CASE("ipv4: octets, zeros, dotted sequences", "[ipv4]") {
  CHECK(valid("ipv4", "192.168.1.20"));
  CHECK(valid("ipv4", "8.8.8.8"));
  CHECK_FALSE(valid("ipv4", "256.1.1.1"));
  CHECK_FALSE(valid("ipv4", "0.0.0.0"));
  CHECK_FALSE(valid("ipv4", "01.2.3.4"));
  CHECK_FALSE(run_in("ipv4", "OID 1.3.6.1.4.1 here", "1.3.6.1").valid);
  CHECK_FALSE(run_in("ipv4", "build 2.10.3.4.7", "10.3.4.7").valid);
}

TEST_CASE("ipv6 uses inet_pton", "[ipv6]") {
  CHECK(valid("ipv6", "2001:db8::1"));
  CHECK(valid("ipv6", "fe80::1ff:fe23:4567:890a"));
  CHECK(valid("ipv6", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
  CHECK_FALSE(valid("ipv6", "12:30:45"));
  CHECK_FALSE(valid("ipv6", "aa:bb:cc:dd:ee:ff"));
  CHECK_FALSE(valid("ipv6", "::"));
  CHECK_FALSE(valid("ipv6", "2001:db8:::1"));
}

TEST_CASE("url_personal: profile paths, personal query keys, tokens", "[url_personal]") {
  CHECK(valid("url_personal", "https://www.linkedin.com/in/jan-de-vries-12345"));
  CHECK(valid("url_personal", "https://shop.example.nl/account/orders?email=jan@example.nl"));
  CHECK(valid("url_personal", "https://example.com/reset?token=9fA3kQ7zLm2Xp8Rt4Vb6"));
  CHECK(valid("url_personal", "https://example.fr/profile/marie.dupont"));
  CHECK(valid("url_personal", "https://www.facebook.com/marie.dupont.75"));
  CHECK(valid("url_personal", "https://mastodon.social/@jan"));
  CHECK(valid("url_personal", "https://track.example.de/t?name=Hans%20Meier&id=42"));
  CHECK(valid("url_personal", "https://jan:geheim@ftp.example.nl/files"));
}

TEST_CASE("url_personal rejects plain pages", "[url_personal]") {
  CHECK_FALSE(valid("url_personal", "https://www.example.nl"));
  CHECK_FALSE(valid("url_personal", "https://www.example.nl/contact"));
  CHECK_FALSE(valid("url_personal", "https://www.bol.com/nl/nl/l/boeken/8299/"));
  CHECK_FALSE(valid("url_personal", "https://www.facebook.com/help"));
  CHECK_FALSE(valid("url_personal", "https://example.com/search?q=shoes&page=2"));
}

TEST_CASE("url_personal trims the closing punctuation of a sentence", "[url_personal]") {
  const std::string m = "https://example.fr/profile/marie.dupont).";
  auto v = run("url_personal", m);
  REQUIRE(v.valid);
  CHECK(kept(v, m) == "https://example.fr/profile/marie.dupont");
}

TEST_CASE("url_personal: a homepage whose domain spells the writer's name", "[url_personal]") {
  const std::string sig =
      "Groetjes,\nEmma Kok\n--\nEmma Kok | Fotografie\nhttps://www.emmakokfotografie.nl\n";
  CHECK(run_in("url_personal", sig, "https://www.emmakokfotografie.nl").valid);
  const std::string particle = "Jan de Vries\nwww.jandevries.nl";
  CHECK(run_in("url_personal", particle, "www.jandevries.nl").valid);
  // One name word is not enough, and a shop's own site is no homepage of the writer.
  CHECK_FALSE(run_in("url_personal", "Groet, Emma\nhttps://www.emmakok.nl",
                     "https://www.emmakok.nl").valid);
  CHECK_FALSE(
      run_in("url_personal", "Emma Kok\nZie https://www.bol.com", "https://www.bol.com").valid);
  CHECK_FALSE(
      run_in("url_personal", "Deutsche Bahn AG\nhttps://www.bahn.de", "https://www.bahn.de").valid);
}

TEST_CASE("url_personal: social profiles written without a scheme", "[url_personal]") {
  CHECK(valid("url_personal", "instagram.com/emily.carter"));
  CHECK(valid("url_personal", "linkedin.com/in/jan-de-vries-12345"));
  CHECK_FALSE(valid("url_personal", "instagram.com/explore"));
}

TEST_CASE("url_personal: payment, chat and booking links name a person", "[url_personal]") {
  CHECK(valid("url_personal", "https://paypal.me/janjansen"));
  CHECK(valid("url_personal", "https://wa.me/31612345678"));
  CHECK(valid("url_personal", "https://calendly.com/sophie-martin/30min"));
  CHECK(valid("url_personal", "https://www.xing.com/profile/Hans_Mueller42"));
  CHECK_FALSE(valid("url_personal", "https://calendly.com/pricing"));
}

TEST_CASE("the shop's role addresses are not personal; role words at mailbox providers are", "[email]") {
  veil::detect::Rule rule;
  rule.lists["role_local_part"] = {"klantenservice", "service", "info", "support"};
  rule.lists["personal_mail_domain"] = {"gmail", "hotmail"};
  auto check = [&](const std::string& address) {
    veil::detect::ValidatorInput in;
    in.match = address;
    in.text = address;
    in.end = address.size();
    in.rule = &rule;
    return veil::detect::find_validator("email")(in).valid;
  };
  CHECK_FALSE(check("klantenservice@webwinkel.nl"));
  CHECK_FALSE(check("service-clients@telco.fr"));
  CHECK_FALSE(check("info.be@shop.example"));
  CHECK(check("info@gmail.com"));
  CHECK(check("support@hotmail.co.uk"));
  CHECK(check("jan.info@bedrijf.nl"));
  CHECK(valid("email", "klantenservice@webwinkel.nl"));  // without the rule's lists: an address
}
