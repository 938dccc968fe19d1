// Birth-date validator: numeric and written dates in four languages, calendar and range checks.
#include <catch2/catch.hpp>

#include "detect/validators/builtin.h"
#include "validator_test_util.h"

using veil::detect::test::kept;
using veil::detect::test::run;
using veil::detect::test::valid;

TEST_CASE("date_of_birth accepts numeric dates", "[date_of_birth]") {
  CHECK(valid("date_of_birth", "12-03-1990"));
  CHECK(valid("date_of_birth", "12.03.1990"));
  CHECK(valid("date_of_birth", "1/3/1985"));
  CHECK(valid("date_of_birth", "1985-03-01"));
  CHECK(valid("date_of_birth", "29-02-2000"));    // leap year
  CHECK(valid("date_of_birth", "3/25/1985"));     // US order when day-first is impossible
}

TEST_CASE("date_of_birth accepts written dates in nl, fr, de, en", "[date_of_birth]") {
  CHECK(valid("date_of_birth", "12 januari 1990"));
  CHECK(valid("date_of_birth", "3 mrt. 1978"));
  CHECK(valid("date_of_birth", "12 mars 1990"));
  CHECK(valid("date_of_birth", "1er février 1975"));
  CHECK(valid("date_of_birth", "3. Mai 1985"));
  CHECK(valid("date_of_birth", "14. März 1960"));
  CHECK(valid("date_of_birth", "March 3, 1985"));
  CHECK(valid("date_of_birth", "3rd of March 1985"));
  CHECK(valid("date_of_birth", "21 Aug 2001"));
}

TEST_CASE("date_of_birth rejects impossible and implausible dates", "[date_of_birth]") {
  CHECK_FALSE(valid("date_of_birth", "31-02-1990"));
  CHECK_FALSE(valid("date_of_birth", "29-02-1900"));  // not a leap year
  CHECK_FALSE(valid("date_of_birth", "13-13-1990"));  // no reading works
  CHECK_FALSE(valid("date_of_birth", "12-03-1850"));
  CHECK_FALSE(valid("date_of_birth", "12-03-2099"));  // in the future
  CHECK_FALSE(valid("date_of_birth", "32 januari 1990"));
  CHECK_FALSE(valid("date_of_birth", "12 foo 1990"));
  CHECK_FALSE(valid("date_of_birth", "12-03-9"));  // a one-digit year is no year
}

TEST_CASE("date_of_birth trims a trailing comma", "[date_of_birth]") {
  const std::string m = "12 mars 1990,";
  auto v = run("date_of_birth", m);
  REQUIRE(v.valid);
  CHECK(kept(v, m) == "12 mars 1990");
}

TEST_CASE("parse_date_text returns the civil date", "[date_of_birth]") {
  veil::detect::validators::CivilDate d;
  REQUIRE(veil::detect::validators::parse_date_text("March 3, 1985", d));
  CHECK(d.year == 1985);
  CHECK(d.month == 3);
  CHECK(d.day == 3);
  REQUIRE(veil::detect::validators::parse_date_text("1990-12-24", d));
  CHECK(d.month == 12);
  CHECK(d.day == 24);
}

TEST_CASE("date_of_birth reads two-digit years", "[date_of_birth]") {
  veil::detect::validators::CivilDate d;
  REQUIRE(veil::detect::validators::parse_date_text("03.05.85", d));
  CHECK(d.year == 1985);
  CHECK(d.month == 5);
  CHECK(d.day == 3);
  REQUIRE(veil::detect::validators::parse_date_text("15/03/12", d));
  CHECK(d.year == 2012);
  CHECK(valid("date_of_birth", "15/03/85"));
  CHECK(valid("date_of_birth", "12-03-90"));  // "geb. 12-03-90": the rule demands a birth cue
  CHECK_FALSE(valid("date_of_birth", "31.02.85"));
  CHECK_FALSE(valid("date_of_birth", "03.05.8"));
}
