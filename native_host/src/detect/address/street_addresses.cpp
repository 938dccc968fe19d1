// Implements street_addresses.h on the tokens of detect/names/tokens.h: the street forms
// are matched token by token around house numbers, so the cost is linear in the text.
#include "detect/address/street_addresses.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/names/lexicon.h"
#include "detect/names/tokens.h"

namespace veil::detect::address {

namespace {

using names::Token;
using names::TokenKind;
using names::WordSet;

class LabelOnly final : public Recognizer {
 public:
  void recognize(const RecognizerInput&, std::vector<Candidate>&) const override {}
};

class StreetAddresses final : public Recognizer {
 public:
  StreetAddresses(const RuleSet& rules, std::uint32_t rule_index) : rule_index_(rule_index) {
    const Rule& r = rules.rules.at(rule_index);
    suffixes_ = names::phrase_set(r, "street_suffix");
    street_words_ = names::phrase_set(r, "street_word");
    prefixes_ = names::phrase_set(r, "street_prefix");
    number_first_types_ = names::phrase_set(r, "number_first_type");
    en_types_ = names::phrase_set(r, "en_street_type");
    directions_ = names::phrase_set(r, "direction");
    unit_words_ = names::phrase_set(r, "unit");
    number_additions_ = names::phrase_set(r, "number_addition");
    po_boxes_ = names::phrase_set(r, "po_box");
    for (const auto& suffix : suffixes_) suffix_lengths_.push_back(suffix.size());
    std::sort(suffix_lengths_.begin(), suffix_lengths_.end());
    suffix_lengths_.erase(std::unique(suffix_lengths_.begin(), suffix_lengths_.end()), suffix_lengths_.end());
    connectors_ = names::phrase_set(r, "connector");
    city_before_ = names::phrase_set(r, "city_cue");
    stop_ = names::phrase_set(r, "stop");
    street_fields_ = names::phrase_set(r, "field_street");
    city_fields_ = names::phrase_set(r, "field_city");
    max_po_ = names::max_length(po_boxes_);
    const std::pair<const WordSet*, Flag> lists[] = {
        {&prefixes_, kPrefix},       {&number_first_types_, kNumberFirstType}, {&en_types_, kEnType},
        {&directions_, kDirection},  {&unit_words_, kUnit},                    {&number_additions_, kNumberAddition},
        {&connectors_, kConnector},  {&city_before_, kCityCue},                {&stop_, kStop}};
    for (const auto& [list, flag] : lists)
      for (const auto& w : *list) word_flags_[w] |= flag;
    for (const auto& phrase : po_boxes_) word_flags_[phrase.substr(0, phrase.find_first_of(" ."))] |= kPoBoxStart;
    auto lx = names::Lexicon::from_rules(rules, names::Lexicon::kCities);
    cities_ = std::move(lx.cities);
    city_phrases_ = std::move(lx.city_phrases);
    for (std::uint32_t i = 0; i < rules.rules.size(); ++i) {
      const Rule& o = rules.rules[i];
      if (o.kind == RuleKind::kRecognizer && o.recognizer == "address_city") city_rule_ = static_cast<int>(i);
      if (o.kind == RuleKind::kRecognizer && o.recognizer == "address_postal_code") postal_rule_ = static_cast<int>(i);
      if (o.kind != RuleKind::kRecognizer && o.label == "POSTAL_CODE") postal_rules_.push_back(i);
    }
  }

  void recognize(const RecognizerInput& in, std::vector<Candidate>& out) const override;

 private:
  // Which word lists a word is on, as bits: each token's key is looked up once, and the
  // street grammar below then tests bits instead of hashing the same key again per rule.
  enum Flag : std::uint16_t {
    kStreetSuffix = 1 << 0,  // a street word, or ends in a street suffix ("Kerkstraat")
    kPrefix = 1 << 1,
    kNumberFirstType = 1 << 2,
    kEnType = 1 << 3,
    kDirection = 1 << 4,
    kUnit = 1 << 5,
    kNumberAddition = 1 << 6,
    kConnector = 1 << 7,
    kCityCue = 1 << 8,
    kStop = 1 << 9,
    kPoBoxStart = 1 << 10,  // first word of a post-office-box phrase
    kKnown = 1 << 15,       // flags computed
  };

  struct Ctx {
    std::string_view text;
    const std::vector<Token>& t;
    const StreetAddresses& self;
    std::vector<std::string> keys;
    std::vector<char> have;
    std::vector<std::uint16_t> flags;
    const std::string& key(std::size_t i) {
      if (!have[i]) {
        keys[i] = names::fold(names::token_text(text, t[i]));
        have[i] = 1;
      }
      return keys[i];
    }
    bool is(std::size_t i, Flag f) {
      if (i >= t.size() || t[i].kind != TokenKind::kWord) return false;
      if (!(flags[i] & kKnown)) flags[i] = self.flags_of(key(i));
      return (flags[i] & f) != 0;
    }
  };

  std::uint16_t flags_of(const std::string& k) const {
    std::uint16_t f = kKnown;
    if (auto it = word_flags_.find(k); it != word_flags_.end()) f |= it->second;
    if (has_suffix(k)) f |= kStreetSuffix;
    return f;
  }

  bool punct_is(const Ctx& c, std::size_t i, char ch) const {
    return i < c.t.size() && c.t[i].kind == TokenKind::kPunct && c.t[i].end - c.t[i].start == 1 &&
           c.text[c.t[i].start] == ch;
  }
  bool same_line(const Ctx& c, std::size_t i) const { return i < c.t.size() && c.t[i].newlines_before == 0; }
  bool is_word(const Ctx& c, std::size_t i) const { return i < c.t.size() && c.t[i].kind == TokenKind::kWord; }
  bool is_number(const Ctx& c, std::size_t i, std::size_t max_digits = 5) const {
    return i < c.t.size() && c.t[i].kind == TokenKind::kNumber && c.t[i].end - c.t[i].start <= max_digits;
  }
  // A street word, or a word ending in a street suffix after at least three letters
  // ("Kerkstraat", "Hauptstraße"). One lookup per suffix length, not one compare per suffix:
  // this runs on every capitalised word of the text.
  bool has_suffix(const std::string& k) const {
    if (street_words_.count(k)) return true;
    for (std::size_t len : suffix_lengths_) {
      if (k.size() <= len + 2) break;
      if (suffixes_.count(k.substr(k.size() - len))) return true;
    }
    return false;
  }
  // House number with additions after a street name: "12", "12a", "1001-B", "88/2/14",
  // "12 bis", "7 bus 3", "27 hs". Returns the index after it, or `i` when there is none.
  std::size_t house_number_end(Ctx& c, std::size_t i) const {
    if (!is_number(c, i) || !same_line(c, i)) return i;
    std::size_t j = i + 1;
    if (is_word(c, j) && !c.t[j].space_before && c.t[j].letters <= 2) ++j;
    for (int guard = 0; guard < 3; ++guard) {
      if ((punct_is(c, j, '-') || punct_is(c, j, '/')) && !c.t[j].space_before && j + 1 < c.t.size() &&
          !c.t[j + 1].space_before &&
          ((c.t[j + 1].kind == TokenKind::kNumber && c.t[j + 1].end - c.t[j + 1].start <= 4) ||
           (is_word(c, j + 1) && c.t[j + 1].letters <= 2))) {
        j += 2;
        if (is_word(c, j) && !c.t[j].space_before && c.t[j].letters <= 2) ++j;
        continue;
      }
      break;
    }
    if (is_word(c, j) && same_line(c, j) && c.is(j, kNumberAddition)) {
      const std::string& k = c.key(j);
      ++j;
      if ((k == "bus" || k == "bte" || k == "boîte" || k == "box") && is_number(c, j) && same_line(c, j)) ++j;
    }
    return j;
  }
  // "l'Intendance", "d'Alsace": an elided article glued to a capitalised name (the tokenizer
  // keeps the apostrophe inside the word).
  static bool elided_name(const Ctx& c, std::size_t i) {
    const std::string_view w = names::token_text(c.text, c.t[i]);
    std::size_t name = 0;
    if (w.size() > 2 && (w[0] == 'l' || w[0] == 'd' || w[0] == 'L' || w[0] == 'D') && w[1] == '\'') name = 2;
    if (w.size() > 4 && (w[0] == 'l' || w[0] == 'd') && w.compare(1, 3, "\u2019") == 0) name = 4;
    return name > 0 && ((w[name] >= 'A' && w[name] <= 'Z') || static_cast<unsigned char>(w[name]) >= 0xC3);
  }
  bool starts_sentence_word(const Ctx& c, std::size_t i) const { return is_word(c, i) && c.t[i].upper_initial; }

  void emit(std::vector<Candidate>& out, const Ctx& c, std::size_t a, std::size_t b_excl, double score,
            const char* subtype) const {
    Candidate cand;
    cand.start = c.t[a].start;
    cand.end = c.t[b_excl - 1].end;
    cand.rule_index = rule_index_;
    cand.score = score;
    cand.subtype = subtype;
    out.push_back(std::move(cand));
  }

  std::size_t city_words_end(Ctx& c, std::size_t i, bool need_dictionary) const;
  void form_fields(std::string_view text, std::vector<Candidate>& out) const;

  std::uint32_t rule_index_;
  WordSet suffixes_, street_words_, prefixes_, number_first_types_, en_types_, directions_, unit_words_,
      number_additions_, po_boxes_, connectors_, city_before_, stop_;
  WordSet cities_, city_phrases_;
  std::vector<std::size_t> suffix_lengths_;  // distinct lengths of suffixes_, ascending
  WordSet street_fields_, city_fields_;       // form labels: "Adres", "Woonplaats", "Ville"...
  std::unordered_map<std::string, std::uint16_t> word_flags_;  // single-word list entries -> Flag bits
  std::size_t max_po_ = 0;
  int city_rule_ = -1;
  int postal_rule_ = -1;
  std::vector<std::uint32_t> postal_rules_;
};

// Capitalised city words starting at i ("Frankfurt am Main", "Alphen aan den Rijn",
// "Halle (Saale)", "Saint-Étienne"); with need_dictionary, only a known city.
std::size_t StreetAddresses::city_words_end(Ctx& c, std::size_t i, bool need_dictionary) const {
  if (!is_word(c, i) || !same_line(c, i)) return i;
  if (!c.t[i].upper_initial && !need_dictionary) return i;
  if (c.is(i, kStop)) return i;
  std::size_t j = i + 1;
  std::size_t best = i + 1;
  std::string phrase = c.key(i);
  bool known = cities_.count(phrase) > 0;
  std::size_t known_end = known ? j : i;
  for (int guard = 0; guard < 4 && j < c.t.size() && same_line(c, j); ++guard) {
    if (is_word(c, j) && c.t[j].space_before) {
      const std::string& k = c.key(j);
      if (c.is(j, kConnector) || c.t[j].upper_initial) {
        phrase += " " + k;
        ++j;
        if (c.t[j - 1].upper_initial && !c.is(j - 1, kConnector)) best = j;
        if (city_phrases_.count(phrase) || cities_.count(phrase)) known_end = j, known = true;
        continue;
      }
    }
    break;
  }
  if (need_dictionary) return known ? known_end : i;
  // Without a dictionary only the first word plus further capitalised words (no trailing
  // connector) are taken.
  if (known) return std::max(known_end, i + 1);
  return best > i + 2 ? i + 1 : best;
}

// Form blocks pasted into a message ("Adres: Kerkstraat 12", "Woonplaats: Utrecht", "Ville :
// Brest", "Street: 27 Wellington Crescent"): the label says what the rest of the line is, so
// a street without a recognisable shape and a city missing from the lists are still found.
// An address value stops before a part with a postal code or a known city ("9 Cotham Vale,
// Bristol BS6 6TH" -> "9 Cotham Vale"), which the postal and city rules report themselves.
void StreetAddresses::form_fields(std::string_view text, std::vector<Candidate>& out) const {
  if (street_fields_.empty() && city_fields_.empty()) return;
  auto blank = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; };
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon <= 40) {
      std::size_t a = 0;
      while (a < colon && (blank(line[a]) || line[a] == '-' || line[a] == '*' || line[a] == '>')) ++a;
      std::size_t b = colon;
      while (b > a && blank(line[b - 1])) --b;
      const std::string label = names::fold(line.substr(a, b - a));
      const bool street = street_fields_.contains(label);
      const bool city = !street && city_fields_.contains(label) && city_rule_ >= 0;
      std::size_t v = colon + 1;
      while (v < line.size() && blank(line[v])) ++v;
      std::size_t e = line.size();
      while (e > v && (blank(line[e - 1]) || line[e - 1] == '.' || line[e - 1] == ',' || line[e - 1] == ';')) --e;
      const std::string_view value = line.substr(v, e > v ? e - v : 0);
      auto emit_at = [&](std::size_t from, std::size_t to, std::uint32_t rule, double score, const char* subtype) {
        Candidate cand;
        cand.start = line_start + from;
        cand.end = line_start + to;
        cand.rule_index = rule;
        cand.score = score;
        cand.subtype = subtype;
        out.push_back(std::move(cand));
      };
      auto has_digit = [](std::string_view t) {
        return std::any_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      };
      auto has_letter = [](std::string_view t) {
        return std::any_of(t.begin(), t.end(), [](char ch) {
          return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || static_cast<unsigned char>(ch) >= 0xC3;
        });
      };
      if (street && !value.empty() && value.size() <= 120 && has_letter(value)) {
        // Keep comma-separated parts up to the first one that holds a postal code (digits
        // next to letters) or is a known city.
        std::size_t keep = 0, pos = 0;
        while (pos <= value.size()) {
          std::size_t comma = value.find(',', pos);
          if (comma == std::string_view::npos) comma = value.size();
          std::string_view part = value.substr(pos, comma - pos);
          while (!part.empty() && blank(part.front())) part.remove_prefix(1);
          const bool number_only = !part.empty() && !has_letter(part);
          if (pos > 0 && !number_only && (has_digit(part) || cities_.contains(names::fold(part)))) break;
          keep = comma;
          pos = comma + 1;
        }
        if (keep > 0) emit_at(v, v + keep, rule_index_, 0.85, "STREET");
      } else if (city && !value.empty() && value.size() <= 40 && has_letter(value) && !has_digit(value) &&
                 std::count(value.begin(), value.end(), ' ') <= 3) {
        emit_at(v, e, static_cast<std::uint32_t>(city_rule_), 0.8, "");
      }
    }
    line_start = line_end + 1;
  }
}

void StreetAddresses::recognize(const RecognizerInput& in, std::vector<Candidate>& out) const {
  const std::vector<Token>& toks = in.tokens;
  if (toks.empty()) return;
  Ctx c{in.text, toks, *this, std::vector<std::string>(toks.size()), std::vector<char>(toks.size(), 0),
        std::vector<std::uint16_t>(toks.size(), 0)};
  const std::size_t n = toks.size();
  struct Found {
    std::size_t a, b;  // token range [a, b)
  };
  std::vector<Found> found;
  std::vector<char> used(n, 0);

  for (std::size_t i = 0; i < n; ++i) {
    if (used[i]) continue;
    // D. Post-office boxes.
    if (c.is(i, kPoBoxStart)) {
      std::size_t j = i;
      std::string phrase;
      for (int w = 0; w < 4 && j < n && (j == i || same_line(c, j)); ++w, ++j) {
        if (!is_word(c, j) && !punct_is(c, j, '.')) break;
        if (is_word(c, j) && !phrase.empty() && c.t[j].space_before) phrase += ' ';
        phrase += is_word(c, j) ? c.key(j) : ".";
        if (po_boxes_.count(phrase) && is_number(c, j + 1, 6) && same_line(c, j + 1)) {
          std::size_t e = j + 2;
          if (is_number(c, e, 4) && same_line(c, e) && c.t[e - 1].end - c.t[e - 1].start <= 3) ++e;  // "12 34"
          found.push_back({i, e});
          std::fill(used.begin() + i, used.begin() + e, 1);
          break;
        }
        if (phrase.size() > max_po_) break;
      }
      if (used[i]) continue;
    }
    // A/B. Street name (suffix word or prefix word) followed by a house number.
    if (is_word(c, i) && (c.t[i].upper_initial || (c.t[i].all_lower && c.is(i, kStreetSuffix))) &&
        c.t[i].letters >= 2 && !c.is(i, kStop)) {
      const bool prefix = c.is(i, kPrefix) && c.t[i].upper_initial;
      // Scan forward over street-name words to a house number.
      std::size_t j = i;
      bool saw_suffix = false;
      for (int w = 0; w < 6 && j < n && (j == i || same_line(c, j)); ++w) {
        if (is_word(c, j)) {
          if (j > i && c.is(j, kStop)) break;
          if (j > i && !c.t[j].upper_initial && !(prefix && c.is(j, kConnector)) && !(prefix && elided_name(c, j)) &&
              !(c.t[i].all_lower && c.is(j, kStreetSuffix)))
            break;
          if (j > i && !prefix && c.is(j, kConnector) && !c.t[j].upper_initial) break;
          const bool suffix_word = c.is(j, kStreetSuffix);
          if (suffix_word) saw_suffix = true;
          ++j;
          if (punct_is(c, j, '.') && !c.t[j].space_before && suffix_word) ++j;  // "Bahnhofstr."
          continue;
        }
        break;
      }
      // A prefix word needs a name after it ("Am Markt 3", "In der Au 4"), and a bare generic
      // street word is no street ("Platz 7 in der Verfolgung" is a ranking). Without a suffix
      // word, a year is no house number: "Im Jahr 2002", "In 1940 werd…", "Rond 1240…".
      const bool bare_generic = j == i + 1 && suffixes_.contains(c.key(i));
      const bool named = (saw_suffix && !bare_generic) || (prefix && j > i + 1);
      const bool year_number = is_number(c, j) && c.t[j].end - c.t[j].start == 4 &&
                               (c.text[c.t[j].start] == '1' || c.text[c.t[j].start] == '2');
      if (named && !(year_number && !saw_suffix) && is_number(c, j) && same_line(c, j) && c.t[j].space_before) {
        // The street part must end on a capitalised word or a suffix word, not a connector.
        const std::size_t e = house_number_end(c, j);
        // Where the street name begins: the suffix word may have capitalised words before it
        // ("Mariahilfer Straße", "Burgemeester de Withstraat") that this loop started on.
        const bool lower = c.t[i].all_lower;
        if (e > j && !(lower && !saw_suffix)) {
          // Reject "in Gent 12": a single non-street capitalised word.
          found.push_back({i, e});
          std::fill(used.begin() + i, used.begin() + e, 1);
          continue;
        }
      }
    }
    // C. Number-first streets: FR "12 bis rue de la Paix", EN "221B Baker Street",
    // "1600 Pennsylvania Ave NW", with "Flat 3, " / "Apt 4B, " before and after.
    if (is_number(c, i) && (i == 0 || !is_word(c, i - 1) || c.t[i].space_before)) {
      std::size_t j = i + 1;
      if (is_word(c, j) && !c.t[j].space_before && c.t[j].letters <= 1) ++j;  // 221B
      if ((punct_is(c, j, '-')) && !c.t[j].space_before && is_number(c, j + 1)) j += 2;  // 12-14
      if (is_word(c, j) && same_line(c, j) && (c.key(j) == "bis" || c.key(j) == "ter")) ++j;
      std::size_t street_start = j;
      std::size_t e = j;
      bool ok = false;
      if (is_word(c, j) && same_line(c, j) && c.is(j, kNumberFirstType)) {
        // FR: type word then name words until a comma, a line end or a number.
        e = j + 1;
        if (punct_is(c, e, '.') && !c.t[e].space_before) ++e;  // "av."
        int words = 0;
        while (e < n && same_line(c, e) && words < 7) {
          if (is_word(c, e) && (c.t[e].upper_initial || c.is(e, kConnector) || elided_name(c, e)) &&
              (words > 0 || c.t[e].letters >= 2)) {
            ++e;
            ++words;
            continue;
          }
          if (punct_is(c, e, '\'') || punct_is(c, e, '-')) {
            ++e;
            continue;
          }
          break;
        }
        while (e > j + 1 && (c.is(e - 1, kConnector) || !is_word(c, e - 1))) --e;
        ok = words > 0 && e > j + 1;
      } else {
        // EN: capitalised words then a street type ("Baker Street", "Pennsylvania Ave NW").
        int words = 0;
        while (e < n && same_line(c, e) && words < 5 && is_word(c, e) && c.t[e].upper_initial) {
          ++e;
          ++words;
          if (c.is(e - 1, kEnType) && words >= 2) {
            ok = true;
            if (punct_is(c, e, '.') && !c.t[e].space_before) ++e;
            if (is_word(c, e) && same_line(c, e) && c.is(e, kDirection) && c.t[e].all_upper) ++e;
            break;
          }
        }
        // "W 42nd St": a direction and an ordinal first
        if (!ok && is_word(c, j) && c.is(j, kDirection) && is_number(c, j + 1, 3)) {
          std::size_t k = j + 2;
          if (is_word(c, k) && !c.t[k].space_before) ++k;
          if (is_word(c, k) && c.is(k, kEnType)) {
            e = k + 1;
            ok = true;
          }
        }
      }
      if (ok) {
        std::size_t a = i;
        // "Flat 3, " / "Apartment 12, " before the number
        if (a >= 3 && punct_is(c, a - 1, ',') && is_number(c, a - 2, 4) && is_word(c, a - 3) &&
            c.is(a - 3, kUnit))
          a -= 3;
        else if (a >= 2 && punct_is(c, a - 1, ',') && is_word(c, a - 2) && is_number(c, a - 3, 4) &&
                 !c.t[a - 2].space_before && a >= 4 && is_word(c, a - 4) && c.is(a - 4, kUnit))
          a -= 4;  // "Apt 4B, "
        // ", Apt 4B" / ", Suite 200" / ", appartement 12" after
        if (punct_is(c, e, ',') && same_line(c, e) && is_word(c, e + 1) && c.is(e + 1, kUnit) &&
            is_number(c, e + 2, 5) && same_line(c, e + 2)) {
          std::size_t k = e + 3;
          if (is_word(c, k) && !c.t[k].space_before && c.t[k].letters <= 2) ++k;
          e = k;
        }
        (void)street_start;
        found.push_back({a, e});
        std::fill(used.begin() + a, used.begin() + e, 1);
        i = e - 1;
        continue;
      }
    }
    // "Flat 3, Victoria Court" / "Apartment 12, The Maltings": a unit and a named building.
    if (is_word(c, i) && c.is(i, kUnit) && c.t[i].upper_initial && is_number(c, i + 1, 4) &&
        punct_is(c, i + 2, ',') && is_word(c, i + 3) && c.t[i + 3].upper_initial && same_line(c, i + 3)) {
      std::size_t e = i + 4;
      while (e < n && same_line(c, e) && is_word(c, e) && c.t[e].upper_initial && e < i + 7) ++e;
      if (e > i + 4 && c.is(e - 1, kEnType)) {
        found.push_back({i, e});
        std::fill(used.begin() + i, used.begin() + e, 1);
        i = e - 1;
      }
    }
  }

  for (const auto& f : found) emit(out, c, f.a, f.b, 0.85, "STREET");
  form_fields(in.text, out);

  // CITY (and POSTAL_CODE) around postal codes and after addresses.
  if (city_rule_ < 0) return;
  auto token_at = [&](std::size_t byte) -> std::size_t {
    auto it = std::lower_bound(toks.begin(), toks.end(), byte,
                               [](const Token& t, std::size_t b) { return t.start < b; });
    return static_cast<std::size_t>(it - toks.begin());
  };
  auto emit_city = [&](std::size_t a, std::size_t b_excl, double score) {
    if (b_excl <= a) return;
    Candidate cand;
    cand.start = toks[a].start;
    cand.end = toks[b_excl - 1].end;
    cand.rule_index = static_cast<std::uint32_t>(city_rule_);
    cand.score = score;
    out.push_back(std::move(cand));
  };
  std::vector<std::pair<std::size_t, std::size_t>> postal;  // byte ranges, sorted by start
  for (const auto& rc : in.regex_candidates)
    if (std::find(postal_rules_.begin(), postal_rules_.end(), rc.rule_index) != postal_rules_.end())
      postal.emplace_back(rc.start, rc.end);
  // Regex postal codes come sorted and do not overlap each other much; "covered" looks at the
  // few ranges starting at or before the byte instead of walking them all (dense text has
  // thousands of addresses and codes).
  std::sort(postal.begin(), postal.end());
  const auto regex_postal = static_cast<std::ptrdiff_t>(postal.size());
  // Codes added below follow their addresses, so that tail of `postal` is sorted too.
  auto in_sorted = [](auto first, auto last, std::size_t byte) {
    auto it = std::upper_bound(first, last, std::make_pair(byte, SIZE_MAX));
    for (int back = 0; back < 4 && it != first; ++back) {
      --it;
      if (it->first <= byte && byte < it->second) return true;
    }
    return false;
  };
  auto in_postal = [&](std::size_t byte) {
    return in_sorted(postal.begin(), postal.begin() + regex_postal, byte) ||
           in_sorted(postal.begin() + regex_postal, postal.end(), byte);
  };
  // A postal code right after an address we found, when the regexes did not report one.
  for (const auto& f : found) {
    std::size_t j = f.b;
    if (punct_is(c, j, ',')) ++j;
    if (j >= n) continue;
    if (in_postal(toks[j].start)) continue;
    std::size_t e = j;
    if (is_number(c, j, 5) && toks[j].end - toks[j].start >= 4) {
      e = j + 1;
      if (is_word(c, e) && same_line(c, e) && c.t[e].all_upper && c.t[e].letters == 2) ++e;  // NL "1234 AB"
    }
    if (e > j && postal_rule_ >= 0 && is_word(c, e) && same_line(c, e) && c.t[e].upper_initial) {
      Candidate cand;
      cand.start = toks[j].start;
      cand.end = toks[e - 1].end;
      cand.rule_index = static_cast<std::uint32_t>(postal_rule_);
      cand.score = 0.8;
      out.push_back(cand);
      postal.emplace_back(cand.start, cand.end);
    }
  }
  for (const auto& [ps, pe] : postal) {
    // After the code: "3581 BK Utrecht", "75002 Paris".
    std::size_t j = token_at(pe);
    if (j < n && same_line(c, j) && c.t[j].space_before) {
      const std::size_t e = city_words_end(c, j, false);
      if (e > j) emit_city(j, e, 0.8);
    }
    // Before the code: "Manchester M14 5RT", "Austin, TX 78701", "London NW1 6XE".
    std::size_t k = token_at(ps);
    if (k == 0 || toks[k].newlines_before) continue;
    std::size_t b = k;  // exclusive end of the city
    if (b >= 1 && is_word(c, b - 1) && c.t[b - 1].all_upper && c.t[b - 1].letters == 2) --b;  // state
    if (b >= 1 && punct_is(c, b - 1, ',')) --b;
    if (b == 0 || !is_word(c, b - 1) || (b < n && toks[b].newlines_before && b != k)) continue;
    std::size_t a = b - 1;
    while (a > 0 && is_word(c, a - 1) && c.t[a - 1].upper_initial && !toks[a].newlines_before && b - a < 3) --a;
    // only a known city, trying the longest phrase first
    for (std::size_t s = a; s < b; ++s) {
      if (city_words_end(c, s, true) == b) {
        emit_city(s, b, 0.75);
        break;
      }
    }
  }
  // "klaverweg 17 in zwolle", "Kerkstraat 12, Utrecht": a known city right after an address.
  for (const auto& f : found) {
    std::size_t j = f.b;
    if (punct_is(c, j, ',') || (is_word(c, j) && c.is(j, kCityCue))) ++j;
    if (j >= n || !same_line(c, j)) continue;
    if (in_postal(toks[j].start)) continue;
    const std::size_t e = city_words_end(c, j, true);
    if (e > j) emit_city(j, e, 0.75);
  }
}

}  // namespace

Result<std::unique_ptr<Recognizer>> make_street_addresses(const RuleSet& rules, std::uint32_t rule_index) {
  return std::unique_ptr<Recognizer>(new StreetAddresses(rules, rule_index));
}

Result<std::unique_ptr<Recognizer>> make_label_only(const RuleSet&, std::uint32_t) {
  return std::unique_ptr<Recognizer>(new LabelOnly());
}

}  // namespace veil::detect::address
