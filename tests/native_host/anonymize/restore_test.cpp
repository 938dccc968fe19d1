// Tolerant restore: the mutations models make, the delimiter rules, unknown and ambiguous
// reports with positions, and streaming equivalence at every split point.
#include "anonymize/restore.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

namespace {

using veil::anonymize::PlaceholderLookup;
using veil::anonymize::RestoreOutput;
using veil::anonymize::RestoreStatus;
using veil::anonymize::StreamingRestorer;
using veil::anonymize::restore_text;

PlaceholderLookup lookup_of(std::map<std::string, std::string> values) {
  return [values = std::move(values)](std::string_view canonical) -> std::optional<std::string> {
    auto it = values.find(std::string(canonical));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

const std::map<std::string, std::string> kVault = {
    {"[NAME_1]", "Jan Jansen"}, {"[NAME_10]", "Piet"},          {"[EMAIL_1]", "jan@example.nl"},
    {"[ORDER_2]", "A-123"},     {"[NAAM_1]", "Els"},            {"[IBAN_3]", "NL91ABNA0417164300"},
};

std::string restored(const std::string& text) { return restore_text(text, lookup_of(kVault)).text; }

}  // namespace

TEST_CASE("restore: mutations models make are restored", "[restore]") {
  struct Row {
    const char* input;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {"Dear [NAME_1],", "Dear Jan Jansen,"},
      {"Dear NAME_1,", "Dear Jan Jansen,"},
      {"Dear [Name_1],", "Dear Jan Jansen,"},
      {"Dear [name_1],", "Dear Jan Jansen,"},
      {"Dear Name_1,", "Dear Jan Jansen,"},
      {"Dear [NAME 1],", "Dear Jan Jansen,"},
      {"Dear [NAME-1],", "Dear Jan Jansen,"},
      {"Dear [NAME1],", "Dear Jan Jansen,"},
      {"Dear [NAME\xC2\xA0" "1],", "Dear Jan Jansen,"},
      {"Dear \\[NAME\\_1\\],", "Dear Jan Jansen,"},
      {"Dear \\[NAME_1],", "Dear Jan Jansen,"},
      {"Dear NAME\\_1,", "Dear Jan Jansen,"},
      {"Dear **[NAME_1]**,", "Dear **Jan Jansen**,"},
      {"Dear *NAME_1*,", "Dear *Jan Jansen*,"},
      {"Dear _NAME_1_,", "Dear _Jan Jansen_,"},
      {"[NAME_1]'s order", "Jan Jansen's order"},
      {"[NAME_1]s order", "Jan Jansens order"},
      {"NAME_1's order", "Jan Jansen's order"},
      {"NAME_1-ын", "Jan Jansen-ын"},
      {"Dear {NAME_1},", "Dear Jan Jansen,"},
      {"Dear {{NAME_1}},", "Dear Jan Jansen,"},
      {"Dear (NAME_1),", "Dear Jan Jansen,"},
      {"Dear <NAME_1>,", "Dear Jan Jansen,"},
      {"Dear [[NAME_1]],", "Dear Jan Jansen,"},
      {"Dear [[NAME_1],", "Dear [Jan Jansen,"},
      {"Dear \xEF\xBC\xBBNAME_1\xEF\xBC\xBD,", "Dear Jan Jansen,"},
      {"Dear \xE3\x80\x90NAME_1\xE3\x80\x91,", "Dear Jan Jansen,"},
      {"Dear [ NAME_1 ],", "Dear Jan Jansen,"},
      {"Dear [  name 1  ],", "Dear Jan Jansen,"},
      {"Dear \xE2\x80\x9CNAME_1\xE2\x80\x9D,", "Dear \xE2\x80\x9CJan Jansen\xE2\x80\x9D,"},
      {"Dear [NAME_10],", "Dear Piet,"},
      {"Dear NAME_10.", "Dear Piet."},
      {"Beste [NAAM_1],", "Beste Els,"},
      {"Mail EMAIL_1.", "Mail jan@example.nl."},
      {"Order (order 2) shipped", "Order A-123 shipped"},
      {"IBAN: [IBAN_3]\n", "IBAN: NL91ABNA0417164300\n"},
      {"[NAME_1][NAME_10]", "Jan JansenPiet"},
      {"[NAME_1], [NAME_10] and NAME_1", "Jan Jansen, Piet and Jan Jansen"},
      {"NAME_1 0612345678", "Jan Jansen 0612345678"},
  };
  for (const auto& row : rows) {
    INFO("input: " << row.input);
    CHECK(restored(row.input) == row.expected);
  }
  CHECK(rows.size() >= 20);
}

TEST_CASE("restore: ordinary text and near-misses are left alone", "[restore]") {
  const std::vector<std::string> untouched = {
      "XNAME_12 and XNAME_1",  // label inside a longer word
      "write your NAME 1 time",  // bare forms need an underscore
      "Name-1 is fine",
      "FOO_NAME_1",             // continues an identifier
      "NAME_1abc",              // followed by letters
      "NAMES_1",                // not a label
      "NAME_01",                // leading zero: never a placeholder
      "[NAME_0]",
      "ÉNAME_1",                // non-ASCII letter before
      "1NAME_1",
      "[NAME_c3f9a2]",          // a hash token
      "[NAME_1234567890]",      // more than 9 digits
      "**NAME**_1",
  };
  for (const auto& text : untouched) {
    INFO("input: " << text);
    const RestoreOutput out = restore_text(text, lookup_of(kVault));
    CHECK(out.text == text);
    CHECK(out.placeholders.empty());
  }
}

TEST_CASE("restore: [NAME_1] never matches inside [NAME_10]", "[restore]") {
  const auto only_one = lookup_of({{"[NAME_1]", "Jan"}});
  for (const std::string text : {"[NAME_10]", "NAME_10", "[NAME 10]", "\\[NAME\\_10\\]"}) {
    INFO("input: " << text);
    const RestoreOutput out = restore_text(text, only_one);
    CHECK(out.text == text);
    REQUIRE(out.placeholders.size() == 1);
    CHECK(out.placeholders[0].placeholder == "[NAME_10]");
    CHECK(out.placeholders[0].status == RestoreStatus::kUnknown);
  }
  CHECK(restore_text("[NAME_1] [NAME_10]", only_one).text == "Jan [NAME_10]");
}

TEST_CASE("restore: unknown placeholders are reported with positions and left as they are", "[restore]") {
  const std::string text = "Hi [NAME_7] and NAME_1!";
  const RestoreOutput out = restore_text(text, lookup_of(kVault));
  CHECK(out.text == "Hi [NAME_7] and Jan Jansen!");
  REQUIRE(out.placeholders.size() == 2);
  const auto& unknown = out.placeholders[0];
  CHECK(unknown.status == RestoreStatus::kUnknown);
  CHECK(unknown.placeholder == "[NAME_7]");
  CHECK(unknown.found == "[NAME_7]");
  CHECK(unknown.entity_label == "PERSON");
  CHECK(unknown.start == 3);
  CHECK(unknown.end == 11);
  CHECK(unknown.output_start == 3);
  CHECK(unknown.output_end == 11);
  const auto& known = out.placeholders[1];
  CHECK(known.status == RestoreStatus::kRestored);
  CHECK(known.placeholder == "[NAME_1]");
  CHECK(known.found == "NAME_1");
  CHECK(known.start == 16);
  CHECK(known.end == 22);
  CHECK(known.output_start == 16);
  CHECK(known.output_end == 26);
  CHECK(out.text.substr(known.output_start, known.output_end - known.output_start) == "Jan Jansen");
}

TEST_CASE("restore: a form with two known readings is ambiguous and not replaced", "[restore]") {
  const auto both = lookup_of({{"[NAME_1]", "Jan"}, {"[NAME_12]", "Kees"}});
  for (const std::string text : {"[NAME_1 2]", "NAME_1_2", "[NAME_1-2]"}) {
    INFO("input: " << text);
    const RestoreOutput out = restore_text("x " + text + " y", both);
    CHECK(out.text == "x " + text + " y");
    REQUIRE(out.placeholders.size() == 1);
    const auto& p = out.placeholders[0];
    CHECK(p.status == RestoreStatus::kAmbiguous);
    CHECK(p.start == 2);
    CHECK(p.end == 2 + text.size());
    CHECK(p.output_start == 2);
    CHECK(p.output_end == 2 + text.size());
    CHECK(p.candidates == std::vector<std::string>{"[NAME_1]", "[NAME_12]"});
  }
  // Only one reading is valid: a space is not an underscore outside brackets, and inside
  // brackets the closer decides.
  CHECK(restore_text("NAME_1 2", both).text == "Jan 2");
  CHECK(restore_text("[NAME 1 2]", both).text == "Kees");
  // One of the two readings unknown: the known one wins, nothing is guessed.
  CHECK(restore_text("[NAME_1 2]", lookup_of({{"[NAME_12]", "Kees"}})).text == "Kees");
  CHECK(restore_text("[NAME_1 2]", lookup_of({{"[NAME_1]", "Jan"}})).text == "[Jan 2]");
}

TEST_CASE("restore: custom label lists restrict what is looked for", "[restore]") {
  const auto lookup = lookup_of({{"[TICKET_4]", "T-998"}, {"[NAME_1]", "Jan"}});
  const RestoreOutput out = restore_text("[TICKET_4] for [NAME_1]", lookup, {"ticket", "bad_label", ""});
  CHECK(out.text == "T-998 for [NAME_1]");
  REQUIRE(out.placeholders.size() == 1);
  CHECK(out.placeholders[0].entity_label.empty());
}

namespace {

RestoreOutput stream(const std::vector<std::string>& chunks, const PlaceholderLookup& lookup,
                     std::vector<std::string>* outputs = nullptr) {
  StreamingRestorer restorer(lookup);
  RestoreOutput all;
  auto take = [&](RestoreOutput part) {
    if (outputs) outputs->push_back(part.text);
    all.text += part.text;
    for (auto& p : part.placeholders) all.placeholders.push_back(std::move(p));
  };
  for (const auto& chunk : chunks) take(restorer.feed(chunk));
  take(restorer.finish());
  return all;
}

void require_same(const RestoreOutput& a, const RestoreOutput& b) {
  REQUIRE(a.text == b.text);
  REQUIRE(a.placeholders.size() == b.placeholders.size());
  for (std::size_t k = 0; k < a.placeholders.size(); ++k) {
    const auto& x = a.placeholders[k];
    const auto& y = b.placeholders[k];
    CHECK(x.placeholder == y.placeholder);
    CHECK(x.found == y.found);
    CHECK(x.status == y.status);
    CHECK(x.candidates == y.candidates);
    CHECK(x.start == y.start);
    CHECK(x.end == y.end);
    CHECK(x.output_start == y.output_start);
    CHECK(x.output_end == y.output_end);
  }
}

}  // namespace

TEST_CASE("restore: streaming equals one-shot at every split point", "[restore]") {
  const auto lookup = lookup_of({{"[NAME_1]", "Jan Jansen"}, {"[NAME_12]", "Kees"}, {"[NAME_10]", "Piet"},
                                 {"[EMAIL_1]", "jan@example.nl"}});
  const std::vector<std::string> texts = {
      "Dear [NAME_1], thanks.",
      "Dear \\[NAME\\_1\\] and **[NAME_10]**'s mail EMAIL_1 \xEF\xBC\xBBName 12\xEF\xBC\xBD!",
      "[[NAME_1]] [ NAME_1 ] {NAME_1} <NAME_1> (NAME_1) [NAME_1 2] NAME_1_2 NAME_1 2",
      "XNAME_12 FOO_NAME_1 NAME_1abc [NAME_7] caf\xC3\xA9 \xE2\x80\x9CNAME_1\xE2\x80\x9D end",
      "NAME_1",
      "[NAME_1",
      "trailing [ ",
      "\xE3\x80\x90NAME_10\xE3\x80\x91 [NAME\xC2\xA0" "1] _NAME_1_",
  };
  for (const auto& text : texts) {
    const RestoreOutput one_shot = restore_text(text, lookup);
    for (std::size_t split = 0; split <= text.size(); ++split) {
      INFO("text: " << text << " split at " << split);
      require_same(stream({text.substr(0, split), text.substr(split)}, lookup), one_shot);
    }
    std::vector<std::string> bytes;
    for (char c : text) bytes.emplace_back(1, c);
    INFO("text: " << text << " byte by byte");
    std::vector<std::string> outputs;
    require_same(stream(bytes, lookup, &outputs), one_shot);
    for (const auto& piece : outputs) {
      // No emitted piece ends inside a UTF-8 sequence.
      if (piece.empty()) continue;
      const unsigned char last = static_cast<unsigned char>(piece.back());
      CHECK((last < 0x80 || (last & 0xC0) == 0x80));
      const unsigned char first = static_cast<unsigned char>(piece.front());
      CHECK((first & 0xC0) != 0x80);
    }
  }
}

TEST_CASE("restore: streaming emits what is final and holds an unfinished placeholder", "[restore]") {
  StreamingRestorer restorer(lookup_of(kVault));
  // The opener is held with the unfinished label; the space before it is final.
  CHECK(restorer.feed("Dear [NA").text == "Dear ");
  const RestoreOutput second = restorer.feed("ME_1], thanks");
  CHECK(second.text == "Jan Jansen,");  // the last word may still grow, so it waits
  REQUIRE(second.placeholders.size() == 1);
  CHECK(second.placeholders[0].start == 5);
  CHECK(second.placeholders[0].end == 13);
  CHECK(second.placeholders[0].output_start == 5);
  CHECK(second.placeholders[0].output_end == 15);
  CHECK(restorer.finish().text == " thanks");
  CHECK(restorer.feed("more").text.empty());
}
