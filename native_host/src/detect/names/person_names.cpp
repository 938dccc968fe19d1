// Implements the "person_names" recognizer (see person_names.h). One pass builds tokens and
// lines; each token is folded at most once and looked up once in a map from word to list bits
// (first name, surname, stop word, particle, place...); cue phrases before a chain cost one
// lookup per word boundary for all cue lists together. Chains look only at a few neighbouring
// tokens, and linking, coordination and email matching work on the chains found, so the cost
// stays linear in the text.
#include "detect/names/person_names.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/names/lexicon.h"
#include "detect/names/tokens.h"

namespace veil::detect::names {

namespace {

// What the lists say about one folded word, so that each token costs one hash lookup
// (cached per token) instead of one per list.
enum : std::uint32_t {
  kFirst = 1u << 0,
  kLast = 1u << 1,
  kCity = 1u << 2,
  kPlace = 1u << 3,
  kStop = 1u << 4,
  kParticle = 1u << 5,
  kOrg = 1u << 6,
  kDet = 1u << 7,
  kPron = 1u << 8,
  kConj = 1u << 9,
  kPlacePrefix = 1u << 10,
  kLead = 1u << 11,
  kVerbAfter = 1u << 12,
  kVerbAfter1 = 1u << 13,  // first word of a two-word verb ("a déclaré")
  kVerbBefore = 1u << 14,
  kJob = 1u << 15,  // job title or department word ("Officer", "Personalabteilung")
  kMonth = 1u << 30,  // month name or abbreviation ("Jan", "Okt")
  kCommon0 = 1u << 16,  // + index of the word list's language (up to 14 languages)
  kLangName = 1u << 31,  // "English", "Nederlands", "Deutsch": counter-evidence in every language
};
// Cue phrases that may end the text before a chain.
enum : std::uint32_t {
  kCueTitle = 1u << 0,
  kCueIntro = 1u << 1,
  kCueGreeting = 1u << 2,
  kCueClosing = 1u << 3,
  kCueRelation = 1u << 4,
  kCueRole = 1u << 5,
  kCueVerb = 1u << 6,
  kCueQuote = 1u << 7,  // "schreef", "wrote", "a écrit" before "X <x@...>"
};

using BitMap = std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>>;

// Suffixes bucketed by their last two bytes: a word is compared with the few suffixes that
// end like it, not with the whole list.
class SuffixSet {
 public:
  void add(const std::string& s) {
    if (s.size() >= 2) by_tail_[tail(s)].push_back(s);
  }
  // True if `k` ends with a suffix and has at least `min_extra` bytes before it.
  bool match(std::string_view k, std::size_t min_extra) const {
    if (k.size() < 2) return false;
    auto it = by_tail_.find(tail(k));
    if (it == by_tail_.end()) return false;
    for (const auto& s : it->second)
      if (k.size() >= s.size() + min_extra && k.substr(k.size() - s.size()) == s) return true;
    return false;
  }

 private:
  static std::uint16_t tail(std::string_view s) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[s.size() - 2]) << 8 |
                                      static_cast<unsigned char>(s[s.size() - 1]));
  }
  std::unordered_map<std::uint16_t, std::vector<std::string>> by_tail_;
};

struct Chain {
  std::size_t first = 0, last = 0;  // token indexes, inclusive
  std::vector<std::size_t> words;   // name words (not particles, not initials)
  int initials = 0;
  int particles = 0;
  bool lowercase = false;
  bool all_caps = false;
  double score = 0.0;
  bool blocked = false;  // never a name (organisation, street, part of an email or URL)
  bool plain = false;    // capitalised words only, none an ordinary word, city or place
  int group = -1;
};

class PersonNames final : public Recognizer {
 public:
  PersonNames(const RuleSet& rules, std::uint32_t rule_index) : rule_index_(rule_index) {
    const Rule& r = rules.rules.at(rule_index);
    // The word lists are only needed to build word_bits_; the sets themselves are dropped.
    const Lexicon lx = Lexicon::from_rules(rules);
    titles_ = phrase_set(r, "title");
    greetings_ = phrase_set(r, "greeting");
    intros_ = phrase_set(r, "intro");
    headers_ = phrase_set(r, "header");
    relations_ = phrase_set(r, "relation");
    closings_ = phrase_set(r, "closing");
    particles_ = phrase_set(r, "particle");
    stop_ = phrase_set(r, "stop");
    org_ = phrase_set(r, "organisation");
    street_suffixes_ = phrase_set(r, "street_suffix");
    roles_ = phrase_set(r, "role");
    verbs_before_ = phrase_set(r, "verb_before");
    verbs_after_ = phrase_set(r, "verb_after");
    determiners_ = phrase_set(r, "determiner");
    lead_particles_ = phrase_set(r, "lead_particle");
    place_prefixes_ = phrase_set(r, "place_prefix");
    pronouns_ = phrase_set(r, "pronoun");
    conjunctions_ = phrase_set(r, "conjunction");
    coordination_langs_ = phrase_set(r, "coordination");
    titles_strong_ = phrase_set(r, "title_strong");
    jobs_ = phrase_set(r, "job");
    subjects_ = phrase_set(r, "subject");
    language_names_ = phrase_set(r, "language_name");
    relations_after_ = phrase_set(r, "relation_after");
    max_relation_after_ = max_length(relations_after_);
    quote_headers_ = phrase_set(r, "quote_header");
    fields_ = phrase_set(r, "field");
    months_ = phrase_set(r, "month");
    appositions_ = phrase_set(r, "apposition");
    group_before_ = phrase_set(r, "group_before");
    aux_after_ = phrase_set(r, "aux_after");
    person_nouns_ = phrase_set(r, "person_noun");
    bots_ = phrase_set(r, "bot");
    bot_possessives_ = phrase_set(r, "bot_possessive");
    colours_ = phrase_set(r, "colour");
    // Role mailboxes ("serviceclient@", "support@"): the contact rule's list, read only.
    for (const auto& rule : rules.rules) {
      auto it = rule.lists.find("role_local_part");
      if (it == rule.lists.end()) continue;
      for (const auto& w : it->second) role_mailboxes_.insert(fold_ascii(w));
    }
    for (const auto& [name, list] : r.lists)
      if (name.rfind("common_borrow.", 0) == 0) common_borrow_[name.substr(14)] = list;
    noun_suffixes_ = phrase_set(r, "noun_suffix");
    role_endings_list_ = phrase_set(r, "role_ending");
    for (const auto* s : {&titles_, &greetings_, &closings_})
      for (const auto& w : *s)
        if (w.find(' ') == std::string::npos) stop_.insert(w);
    // A role noun is never part of the name it introduces ("Minister Schily"), unless it is
    // also a surname ("König", "Prins", "Advocaat"): those stay possible name words.
    for (const auto* set : {&roles_, &relations_, &jobs_})
      for (const auto& w : *set)
        if (w.find(' ') == std::string::npos && !lx.first_names.contains(w) && !lx.last_names.contains(w))
          stop_.insert(w);
    max_cue_ = 0;
    for (const auto* s : {&titles_, &greetings_, &intros_, &headers_, &relations_, &closings_, &roles_, &verbs_before_,
                          &quote_headers_})
      max_cue_ = std::max(max_cue_, max_length(*s));
    build_maps(lx);
    all_common_ = common_mask("auto") | kStop;
    auto p = r.params.find("threshold");
    threshold_ = p != r.params.end() ? p->second : 0.5;
    for (std::uint32_t i = 0; i < rules.rules.size(); ++i) {
      if (rules.rules[i].label != "EMAIL") continue;
      if (rules.rules[i].kind == RuleKind::kRecognizer && rules.rules[i].recognizer == "name_linked_email") {
        linked_email_rule_ = static_cast<int>(i);
      } else {
        email_rules_.push_back(i);
      }
    }
  }

  void recognize(const RecognizerInput& in, std::vector<Candidate>& out) const override;

 private:
  void build_maps(const Lexicon& lx) {
    std::size_t words = lx.first_names.size() + lx.last_names.size() + lx.cities.size() + lx.places.size();
    for (const auto& [lang, set] : lx.common) words += set.size();
    word_bits_.reserve(words);
    auto mark = [&](const WordSet& set, std::uint32_t bit) {
      for (const auto& w : set) word_bits_[w] |= bit;
    };
    mark(lx.first_names, kFirst);
    mark(lx.last_names, kLast);
    mark(lx.cities, kCity);
    mark(lx.places, kPlace);
    mark(stop_, kStop);
    mark(particles_, kParticle);
    mark(org_, kOrg);
    mark(determiners_, kDet);
    mark(pronouns_, kPron);
    mark(conjunctions_, kConj);
    mark(place_prefixes_, kPlacePrefix);
    mark(lead_particles_, kLead);
    mark(language_names_, kLangName);
    mark(months_, kMonth);
    // A job word that is also a name ("Head", "Lead") does not end a job title: "Murray Head".
    for (const auto& w : jobs_)
      if (w.find(' ') == std::string::npos && !lx.first_names.contains(w) && !lx.last_names.contains(w))
        word_bits_[w] |= kJob;
    for (const auto& v : verbs_after_) {
      const auto sp = v.find(' ');
      if (sp == std::string::npos) word_bits_[v] |= kVerbAfter;
      else word_bits_[v.substr(0, sp)] |= kVerbAfter1;
    }
    for (const auto& v : verbs_before_)
      if (v.find(' ') == std::string::npos) word_bits_[v] |= kVerbBefore;
    std::uint32_t index = 0;
    for (const auto& [lang, set] : lx.common) {
      if (index >= 14) break;  // bits 16..29; 30 and 31 are kMonth and kLangName
      lang_bit_[lang] = kCommon0 << index++;
      mark(set, lang_bit_[lang]);
    }
    auto cue = [&](const WordSet& set, std::uint32_t bit) {
      for (const auto& w : set) cue_bits_[w] |= bit;
    };
    cue(titles_, kCueTitle);
    cue(intros_, kCueIntro);
    cue(greetings_, kCueGreeting);
    cue(closings_, kCueClosing);
    cue(relations_, kCueRelation);
    cue(roles_, kCueRole);
    cue(verbs_before_, kCueVerb);
    cue(quote_headers_, kCueQuote);
    for (const auto& w : roles_)
      if (w.size() >= 5 && w.find(' ') == std::string::npos) role_suffixes_.add(w);
    for (const auto& w : noun_suffixes_) noun_suffix_set_.add(w);
    for (const auto& w : role_endings_list_) role_endings_.add(w);
    for (const auto& w : street_suffixes_) street_suffix_set_.add(w);
  }
  std::uint32_t lookup(std::string_view k) const {
    auto it = word_bits_.find(k);
    return it == word_bits_.end() ? 0 : it->second;
  }
  // Ordinary-word bits that count for a text in `lang`: its own list, "*" lists, and the
  // lists it borrows nouns from; every list for "auto".
  std::uint32_t common_mask(std::string_view lang) const {
    std::uint32_t m = 0;
    if (lang.empty() || lang == "auto") {
      for (const auto& [l, bit] : lang_bit_) m |= bit;
      return m;
    }
    auto own = lang_bit_.find(lang);
    if (own != lang_bit_.end()) m |= own->second;
    auto any = lang_bit_.find(std::string_view("*"));
    if (any != lang_bit_.end()) m |= any->second;
    auto borrow = common_borrow_.find(lang);
    if (borrow != common_borrow_.end())
      for (const auto& l : borrow->second) {
        auto b = lang_bit_.find(l);
        if (b != lang_bit_.end()) m |= b->second;
      }
    return m;
  }
  // Cue bits of every phrase that ends `before` on a word boundary ("-" counts as one, so
  // "us-präsident" ends with the role "präsident"): one lookup per boundary for all lists.
  std::uint32_t cue_bits(std::string_view before) const {
    std::uint32_t out = 0;
    const std::size_t n = before.size();
    for (std::size_t len = 1; len <= std::min(n, max_cue_); ++len) {
      const std::size_t at = n - len;
      const unsigned char ch = static_cast<unsigned char>(before[at]);
      if ((ch & 0xC0) == 0x80) continue;  // not a code point start
      if (at > 0) {
        const unsigned char p = static_cast<unsigned char>(before[at - 1]);
        const bool prev_alnum = (p >= 'a' && p <= 'z') || (p >= '0' && p <= '9') || p >= 0x80;
        const bool cur_alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
        if (prev_alnum && cur_alnum) continue;
      }
      auto it = cue_bits_.find(before.substr(at));
      if (it != cue_bits_.end()) out |= it->second;
    }
    return out;
  }

  struct Ctx {
    std::string_view text;
    std::string_view lang;
    const std::vector<Token>& toks;
    mutable std::vector<std::string> keys;  // fold() of word tokens, filled lazily: each token folded once
    mutable std::vector<char> have_key;
    std::vector<std::size_t> line_of;
    std::vector<std::size_t> line_first, line_last;
    std::vector<char> closing_line;
    std::vector<char> subject_line;  // "Betreff: ...", "Subject: RE: ..."
    std::uint32_t common_mask = 0;
    mutable std::vector<std::uint32_t> bits;  // list bits of key(i), filled lazily
    mutable std::vector<char> have_bits;
    std::string_view keys_view(std::size_t i) const { return key(i); }
    const std::string& key(std::size_t i) const {
      if (!have_key[i]) {
        std::string k = fold(token_text(text, toks[i]));
        if (k.size() > 2 && (k.compare(k.size() - 2, 2, "'s") == 0)) k.resize(k.size() - 2);
        keys[i] = std::move(k);
        have_key[i] = 1;
      }
      return keys[i];
    }
  };

  bool is_word(const Ctx& c, std::size_t i) const { return c.toks[i].kind == TokenKind::kWord; }
  // Bytes of a possessive "'s" / "’s" ending word token `i` ("Tom's"), else 0.
  std::size_t possessive_len(const Ctx& c, std::size_t i) const {
    const std::string_view w = token_text(c.text, c.toks[i]);
    if (w.size() > 3 && w.substr(w.size() - 2) == "'s") return 2;
    if (w.size() > 5 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return 4;
    return 0;
  }
  std::uint32_t tb(const Ctx& c, std::size_t i) const {
    if (!c.have_bits[i]) {
      c.bits[i] = c.toks[i].kind == TokenKind::kWord ? lookup(c.key(i)) : 0;
      c.have_bits[i] = 1;
    }
    return c.bits[i];
  }
  bool has(const Ctx& c, std::size_t i, std::uint32_t bit) const {
    return i < c.toks.size() && c.toks[i].kind == TokenKind::kWord && (tb(c, i) & bit) != 0;
  }
  bool first_tok(const Ctx& c, std::size_t i) const { return (tb(c, i) & kFirst) || first_part_in(c.key(i)); }
  bool last_tok(const Ctx& c, std::size_t i) const { return (tb(c, i) & kLast) || any_part_in(c.key(i), kLast); }
  bool common_tok(const Ctx& c, std::size_t i) const {
    return (tb(c, i) & (c.common_mask | kLangName)) || noun_shaped(c.key(i)) || lowercase_part(c, i);
  }
  bool punct_is(const Ctx& c, std::size_t i, char ch) const {
    return i < c.toks.size() && c.toks[i].kind == TokenKind::kPunct && c.toks[i].end - c.toks[i].start == 1 &&
           c.text[c.toks[i].start] == ch;
  }
  // "J." / "J.P." / "J. P." / "H.-D.": returns the index after the initials, or `i` when none.
  std::size_t initials_end(const Ctx& c, std::size_t i) const {
    const auto& t = c.toks;
    auto initial_at = [&](std::size_t j) {
      return j + 1 < t.size() && t[j].kind == TokenKind::kWord && t[j].letters == 1 && t[j].upper_initial &&
             punct_is(c, j + 1, '.') && !t[j + 1].space_before;
    };
    std::size_t j = i;
    while (initial_at(j)) {
      if (j > i && t[j].newlines_before) break;
      j += 2;
      if (j + 1 < t.size() && punct_is(c, j, '-') && !t[j].space_before && initial_at(j + 1) &&
          !t[j + 1].space_before)
        ++j;
    }
    return j;
  }
  bool is_name_word(Ctx& c, std::size_t i, bool lowercase_chain) const {
    const Token& t = c.toks[i];
    if (t.kind != TokenKind::kWord || t.letters < 2) return false;
    const std::uint32_t b = tb(c, i);
    if (b & kStop) return false;
    if (lowercase_chain) return t.all_lower && (b & (kFirst | kLast));
    return t.upper_initial;
  }
  bool is_particle(Ctx& c, std::size_t i) const {
    const Token& t = c.toks[i];
    if (t.kind != TokenKind::kWord) return false;
    return (tb(c, i) & kParticle) != 0;
  }
  // A lower-case particle may open a name only if it is one that names start with ("van Dam",
  // "de Vries", "von Weizsäcker"); "der", "des", "la", "du" there are articles ("der Wall").
  bool may_lead(Ctx& c, std::size_t i) const {
    return !c.toks[i].all_lower || (tb(c, i) & kLead);
  }
  bool in_first(std::string_view k) const { return (lookup(k) & kFirst) || first_part_in(k); }
  bool in_last(std::string_view k) const { return (lookup(k) & kLast) || any_part_in(k, kLast); }
  // "Jean-Pierre", "Hans-Dieter": the first part is a first name and every other part a name
  // too, so "Olympia-Tickets" is not a first name.
  bool first_part_in(std::string_view k) const {
    auto dash = k.find('-');
    if (dash == std::string_view::npos || !(lookup(k.substr(0, dash)) & kFirst)) return false;
    std::size_t pos = dash + 1;
    while (pos < k.size()) {
      auto next = k.find('-', pos);
      if (next == std::string_view::npos) next = k.size();
      const std::string_view part = k.substr(pos, next - pos);
      if (!part.empty() && !(lookup(part) & (kFirst | kLast | kParticle))) return false;
      pos = next + 1;
    }
    return true;
  }
  // Ordinary word of the text's language, of a language it borrows nouns from (German text
  // is full of English and Dutch loan nouns: "Chance", "Link", "Block"), or noun-shaped.
  bool is_common(const Ctx& c, std::string_view k) const { return (lookup(k) & c.common_mask) || noun_shaped(k); }
  // "IP-adres", "Frau-passen": a hyphenated word with a lower-case part is no name; nor is
  // "Homeoffice-IP", "Kunden-ID" (an acronym after a word that is not in capitals).
  bool lowercase_part(const Ctx& c, std::size_t i) const {
    const std::string_view w = token_text(c.text, c.toks[i]);
    for (std::size_t p = w.find('-'); p != std::string_view::npos && p + 1 < w.size(); p = w.find('-', p + 1)) {
      const unsigned char ch = static_cast<unsigned char>(w[p + 1]);
      if (!c.toks[i].all_upper && ch >= 'A' && ch <= 'Z') {
        std::size_t e = p + 1, upper = 0;
        while (e < w.size() && w[e] >= 'A' && w[e] <= 'Z') ++e, ++upper;
        if (upper >= 2 && (e == w.size() || w[e] == '-')) return true;
      }
      if (ch < 'a' || ch > 'z') continue;
      const std::size_t e = w.find('-', p + 1);
      if (!(lookup(w.substr(p + 1, e == std::string_view::npos ? std::string_view::npos : e - p - 1)) & kParticle))
        return true;
    }
    return false;
  }
  // "Europaminister", "Mossad-chef" end with a role; "accordeonist", "Pianistin" with a role
  // ending (names.json "role_ending", which needs a longer stem).
  bool role_suffix(std::string_view k) const { return role_suffixes_.match(k, 3) || role_endings_.match(k, 4); }
  // ... unless the word is itself a name ("Baptiste", "Christ").
  bool role_tok(const Ctx& c, std::size_t i) const {
    return !(tb(c, i) & (kFirst | kLast)) && role_suffix(c.key(i));
  }
  // German, Dutch and French derivational endings ("-ierung", "-schaft", "-heid", "-tion")
  // mark ordinary nouns; German capitalises them all.
  bool noun_shaped(std::string_view k) const { return noun_suffix_set_.match(k, 3); }
  bool any_part_in(std::string_view k, std::uint32_t bit) const {
    if (k.find('-') == std::string_view::npos) return false;
    std::size_t pos = 0;
    while (pos <= k.size()) {
      auto dash = k.find('-', pos);
      if (dash == std::string_view::npos) dash = k.size();
      if (dash > pos && (lookup(k.substr(pos, dash - pos)) & bit)) return true;
      pos = dash + 1;
    }
    return false;
  }
  bool has_street_suffix(std::string_view k) const { return street_suffix_set_.match(k, 0); }

  bool followed_by_org(const Ctx& c, std::size_t end) const {
    std::size_t from = end;
    while (from < c.text.size() && (c.text[from] == ' ' || c.text[from] == ',')) ++from;
    const std::string next = fold(c.text.substr(from, std::min<std::size_t>(24, c.text.size() - from)));
    // An organisation word or phrase starts `next` and ends where a letter does not follow:
    // one set lookup per such end instead of a compare per listed organisation word.
    for (std::size_t cut = 1; cut <= next.size(); ++cut) {
      const unsigned char after = cut < next.size() ? static_cast<unsigned char>(next[cut]) : ' ';
      if ((after >= 'a' && after <= 'z') || after >= 0x80) continue;
      if (org_.contains(std::string_view(next).substr(0, cut))) return true;
    }
    return false;
  }
  Chain build_chain(Ctx& c, std::size_t i) const;
  // Drops leading words without dictionary support ("Mail Jan", "Goedemorgen Sanne") when
  // the rest of the chain has some.
  void trim_leading(Ctx& c, Chain& ch) const {
    // A compound role noun opens the chain: "Europaminister Wendelmuth", "Bäderleiter Schmid".
    while (ch.words.size() >= 2 && ch.words.front() == ch.first && ch.initials == 0 &&
           role_tok(c, ch.first)) {
      ch.words.erase(ch.words.begin());
      ch.first = ch.words.front();
      ch.particles = 0;
    }
    // A role word that is also a surname opens the chain: "Bruder Manfred", "König Ludwig"
    // (not one that is a given name too: "Noor Meijer").
    while (ch.words.size() >= 2 && ch.words.front() == ch.first && ch.initials == 0 &&
           !(tb(c, ch.first) & kFirst) && (cue_bits(c.key(ch.first)) & kCueRole) &&
           (first_tok(c, ch.words[1]) || last_tok(c, ch.words[1]))) {
      ch.words.erase(ch.words.begin());
      ch.first = ch.words.front();
      ch.particles = 0;
    }
    while (ch.words.size() >= 2 && ch.words.front() == ch.first && ch.initials == 0) {
      const bool support = first_tok(c, ch.first) || last_tok(c, ch.first);
      bool rest_support = false;
      for (std::size_t w = 1; w < ch.words.size(); ++w)
        rest_support = rest_support || first_tok(c, ch.words[w]) || last_tok(c, ch.words[w]);
      if (support || !rest_support) break;
      // "DUPONT Claire <claire.dupont@...>": the address vouches for the unknown head.
      if (local_part_matches(c, ch, ch.first)) break;
      // "premier Ehud Barak": an unknown first name after a title, role or speech verb is part
      // of the name; only uncued chains ("Mail Jan", "Goedemorgen Sanne") lose their head.
      if (cue_bits(before_on_line(c, ch.first)) & (kCueTitle | kCueRole | kCueVerb | kCueIntro)) break;
      // "Hoogachtend,\nMarjolein de Groot-Bakker": a signature line's head that is no
      // ordinary word is the first name, known or not.
      if (after_closing_line(c, ch.first) && !common_tok(c, ch.first)) break;
      ch.words.erase(ch.words.begin());
      ch.first = ch.first + 1;
      while (ch.first < ch.words.front() && !is_particle(c, ch.first)) ++ch.first;
      // "Vorgaben der Wall Street" must not leave "der Wall", nor "Royaume-Uni de
      // Grande-Bretagne" "de Grande-Bretagne": after a dropped capitalised word a lower-case
      // particle means "of", not a surname particle.
      ch.first = ch.words.front();
      ch.particles = 0;
    }
  }
  void score_chain(Ctx& c, Chain& ch) const;
  // Token `tok` opens a line that comes at most three lines after a closing line.
  bool after_closing_line(const Ctx& c, std::size_t tok) const {
    const std::size_t line = c.line_of[tok];
    if (c.line_first[line] != tok) return false;
    for (std::size_t back = 1; back <= 3 && back <= line; ++back)
      if (c.closing_line[line - back]) return true;
    return false;
  }
  struct TitleRun {
    bool adjacent = false;  // a title stands right before the chain
    bool strong = false;    // ... and it is a salutation title that makes any capitalised word a name
  };
  TitleRun title_run(const Ctx& c, const Chain& ch) const;
  bool relation_after(const Ctx& c, const Chain& ch) const;
  // The address right after the chain ("X <x@...>") has a local part containing one of the
  // chain's words (or the word `only`, when given).
  bool local_part_matches(const Ctx& c, const Chain& ch, std::size_t only = SIZE_MAX) const;
  // Only punctuation (at most a few tokens) follows token `last` to the end of the text.
  bool ends_text(const Ctx& c, std::size_t last) const {
    if (c.toks.size() - last > 4) return false;
    for (std::size_t k = last + 1; k < c.toks.size(); ++k)
      if (c.toks[k].kind != TokenKind::kPunct) return false;
    return true;
  }
  std::string before_on_line(const Ctx& c, std::size_t tok) const;
  // `line` (folded, trailing punctuation removed) ends with a closing phrase that follows a
  // separator ("/", ",", "-", "&") or another closing.
  bool closing_suffix(std::string_view line) const {
    for (std::size_t at = line.size(); at-- > 1;) {
      if (line[at - 1] != ' ' && line[at - 1] != ',' && line[at - 1] != '/') continue;
      if (!closings_.contains(line.substr(at))) continue;
      std::string_view head = line.substr(0, at);
      while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
      if (head.empty()) return true;
      const char p = head.back();
      if (p == '/' || p == ',' || p == '-' || p == '&' || p == '|') return true;
      if (closings_.contains(head)) return true;
    }
    return false;
  }
  // "<support@...>", "<service-client.be@...>" at token `lt` (a "<"): the local part, or its
  // first part before ".", "-", "_" or "+", is a role mailbox.
  bool role_mailbox_after(const Ctx& c, std::size_t lt) const {
    const std::size_t from = c.toks[lt].end;
    std::size_t at = from;
    while (at < c.text.size() && at < from + 64 && c.text[at] != '@' && c.text[at] != '>' && c.text[at] != ' ' &&
           c.text[at] != '\n')
      ++at;
    if (at >= c.text.size() || c.text[at] != '@' || at == from) return false;
    const std::string local = fold_ascii(c.text.substr(from, at - from));
    if (role_mailboxes_.contains(local)) return true;
    const std::size_t cut = local.find_first_of(".-_+");
    return cut != std::string::npos && role_mailboxes_.contains(std::string_view(local).substr(0, cut));
  }

  // Cues from news and legal text (see names.json): a role noun before ("minister", "US-Präsident"),
  // a speech verb before or after ("zegt X", "X sagte", "selon X", "X said").
  double speech_cue(Ctx& c, const Chain& ch, std::uint32_t cues, bool sentence_start) const;
  bool proper_noun_person_evidence(Ctx& c, const Chain& ch) const;

  std::uint32_t rule_index_;
  WordSet titles_, greetings_, intros_, headers_, relations_, closings_, particles_, stop_, org_, street_suffixes_;
  WordSet roles_, verbs_before_, verbs_after_, determiners_, lead_particles_, place_prefixes_, pronouns_,
      noun_suffixes_, conjunctions_, coordination_langs_;
  SuffixSet role_suffixes_;  // roles of 5+ bytes, matched as compound endings
  SuffixSet noun_suffix_set_, street_suffix_set_, role_endings_;
  WordSet role_endings_list_;
  WordSet titles_strong_, jobs_, subjects_, language_names_, relations_after_, quote_headers_;
  WordSet fields_;          // name-field labels of forms ("Nom", "Voornaam", "Surname")
  WordSet months_;          // "Jan", "Okt", "June" before a day number
  WordSet appositions_;     // "me" in "ring me, Sam, on ..."
  WordSet group_before_;    // "team" in "Hallo team Fleet": a group's name follows
  WordSet aux_after_;       // "sera", "is", "heeft" after a sentence-opening first name
  WordSet person_nouns_;    // "lad", "bezorger" a few words before ", Josh,"
  WordSet colours_;         // "grey" in "a grey Ford Focus"
  WordSet bots_, bot_possessives_;  // "I'm Sparky, your virtual assistant"
  WordSet role_mailboxes_;  // role local parts ("support", "serviceclient")
  std::size_t max_relation_after_ = 0;
  BitMap word_bits_;  // folded word -> k* bits
  BitMap cue_bits_;   // folded cue phrase -> kCue* bits
  std::map<std::string, std::uint32_t, std::less<>> lang_bit_;  // word-list language -> kCommon0 << i
  std::map<std::string, std::vector<std::string>, std::less<>> common_borrow_;  // lang -> other word lists
  std::size_t max_cue_ = 0;
  std::uint32_t all_common_ = 0;  // ordinary-word bits of every language, and stop words
  double threshold_ = 0.5;
  std::vector<std::uint32_t> email_rules_;
  int linked_email_rule_ = -1;  // emits linked copies; its priority wins equal extents
};

Chain PersonNames::build_chain(Ctx& c, std::size_t i) const {
  const auto& t = c.toks;
  Chain ch;
  ch.first = i;
  ch.lowercase = t[i].kind == TokenKind::kWord && t[i].all_lower;
  std::size_t j = i;
  std::size_t last_good = i;
  bool any = false;
  int guard = 0;
  while (j < t.size() && guard++ < 8) {
    if (j > i && (t[j].newlines_before > 0 || !t[j].space_before)) break;
    const std::size_t ie = ch.lowercase ? j : initials_end(c, j);
    // "Brinkhorst Logistiek B.V.": a legal form after the words is no run of initials.
    if (ie > j && !ch.words.empty() &&
        org_.contains(fold(c.text.substr(t[j].start, t[ie - 1].end - t[j].start))))
      break;
    if (ie > j) {
      ++ch.initials;
      last_good = ie - 1;
      any = true;
      j = ie;
      continue;
    }
    if (is_particle(c, j)) {
      // A run of particles opens with one that names start with: "van der Berg", but not
      // "Leiter der Niederlassung" or "Chance zur Führung".
      if (!may_lead(c, j)) break;
      // Particles count only when a name word follows ("van der Berg", "d'Hondt").
      std::size_t k = j;
      int n = 0;
      while (k < t.size() && n < 3 && is_particle(c, k) &&
             (k == j || (t[k].space_before && !t[k].newlines_before))) {
        ++k;
        ++n;
        if (k + 1 < t.size() && (punct_is(c, k, '\'') || punct_is(c, k, '.')) && !t[k].space_before) ++k;
      }
      if (k < t.size() && !t[k].newlines_before && is_name_word(c, k, ch.lowercase)) {
        ch.particles += n;
        j = k;
        continue;
      }
      break;
    }
    if (is_name_word(c, j, ch.lowercase)) {
      ch.words.push_back(j);
      last_good = j;
      any = true;
      ++j;
      continue;
    }
    break;
  }
  ch.last = last_good;
  (void)any;
  ch.all_caps = !ch.words.empty();
  for (auto w : ch.words) ch.all_caps = ch.all_caps && t[w].all_upper;
  return ch;
}

std::string PersonNames::before_on_line(const Ctx& c, std::size_t tok) const {
  const std::size_t line = c.line_of[tok];
  const std::size_t from_tok = c.line_first[line];
  std::size_t from = c.toks[from_tok].start;
  const std::size_t to = c.toks[tok].start;
  if (to - from > max_cue_ + 8) from = to - (max_cue_ + 8);
  while (from < to && (static_cast<unsigned char>(c.text[from]) & 0xC0) == 0x80) ++from;
  std::string b = fold(c.text.substr(from, to - from));
  while (!b.empty() && (b.back() == ' ' || b.back() == '\t' || b.back() == ',' || b.back() == ':')) b.pop_back();
  return b;
}

PersonNames::TitleRun PersonNames::title_run(const Ctx& c, const Chain& ch) const {
  const auto& t = c.toks;
  TitleRun out;
  const std::size_t first = ch.first;
  const std::size_t line = c.line_of[first];
  // Walk back over up to three title words ("Herr Mag.", "Frau Dipl.-Ing.", "de heer"),
  // each followed by nothing but a glued "." or "-".
  std::size_t k = first, outer = first;
  bool outer_dot = false;
  for (int n = 0; n < 3 && k > 0; ++n) {
    std::size_t j = k - 1;
    bool dot = false;
    for (int g = 0; g < 2 && j > 0 && t[j].kind == TokenKind::kPunct && !t[j].space_before &&
                    (punct_is(c, j, '.') || punct_is(c, j, '-'));
         ++g) {
      dot = dot || punct_is(c, j, '.');
      --j;
    }
    if (t[j].kind != TokenKind::kWord || c.line_of[j] != line || (k == first && !t[first].space_before)) break;
    const std::string& key = c.key(j);
    std::string with_dot = key + ".";
    const bool is_title = titles_.contains(key) || (dot && titles_.contains(with_dot));
    if (!is_title) break;
    out.strong = out.strong || titles_strong_.contains(key) || (dot && titles_strong_.contains(with_dot));
    outer = j;
    outer_dot = dot;
    k = j;
  }
  const Token& o = t[outer];
  // The title is not right before the chain ("Dr, Austin"), or "MS Word", "DR Congo" (an
  // all-caps title without its dot counts only before an all-caps name): no title cue.
  if (outer == first || (o.all_upper && o.letters <= 2 && !outer_dot && !ch.all_caps)) return TitleRun{};
  out.adjacent = true;
  if (!out.strong) return out;
  // "eine Frau Anfang 40": a title word after an article is the noun (but "de heer" is a title).
  if (outer > 0 && c.line_of[outer - 1] == line && t[outer - 1].kind == TokenKind::kWord && has(c, outer - 1, kDet)) {
    std::string two = c.key(outer - 1);
    two += ' ';
    two += c.key(outer);
    if (!titles_.contains(two)) out.strong = false;
  }
  // A lower-case short title ("ms", "mr") only after a greeting or at a line start.
  if (out.strong && o.all_lower && o.letters < 4 && c.line_first[line] != outer &&
      !(cue_bits(before_on_line(c, outer)) & kCueGreeting))
    out.strong = false;
  return out;
}

bool PersonNames::relation_after(const Ctx& c, const Chain& ch) const {
  const auto& t = c.toks;
  std::size_t k = ch.last + 1;
  if (k >= t.size() || c.line_of[k] != c.line_of[ch.last]) return false;
  if (punct_is(c, k, '(') || punct_is(c, k, ',')) ++k;
  if (k >= t.size() || c.line_of[k] != c.line_of[ch.last] || t[k].kind != TokenKind::kWord || !t[k].all_lower)
    return false;
  const std::size_t from = t[k].start;
  const std::size_t len = std::min<std::size_t>(max_relation_after_ + 4, c.text.size() - from);
  const std::string next = fold(c.text.substr(from, len));
  // One lookup per word end ("from", "from next", "from next door").
  for (std::size_t p = 1; p <= next.size() && p <= max_relation_after_; ++p) {
    const bool end = p == next.size() || next[p] == ' ' || next[p] == ')' || next[p] == ',' || next[p] == '.';
    if (end && relations_after_.contains(std::string_view(next).substr(0, p))) return true;
  }
  return false;
}

bool PersonNames::local_part_matches(const Ctx& c, const Chain& ch, std::size_t only) const {
  if (!punct_is(c, ch.last + 1, '<')) return false;
  const std::size_t from = c.toks[ch.last + 1].end;
  std::size_t at = from;
  while (at < c.text.size() && at < from + 64 && c.text[at] != '@' && c.text[at] != '>' && c.text[at] != ' ' &&
         c.text[at] != '\n')
    ++at;
  if (at >= c.text.size() || c.text[at] != '@' || at == from) return false;
  const std::string local = fold_ascii(c.text.substr(from, at - from));
  for (auto w : ch.words) {
    if (only != SIZE_MAX && w != only) continue;
    const std::string a = fold_ascii(c.key(w));
    std::size_t pos = 0;
    while (pos <= a.size()) {  // each part of "hans-peter"
      std::size_t dash = a.find('-', pos);
      if (dash == std::string::npos) dash = a.size();
      if (dash - pos >= 3 && local.find(std::string_view(a).substr(pos, dash - pos)) != std::string::npos) return true;
      pos = dash + 1;
    }
  }
  return false;
}

// A personal pronoun of the third person ("hij", "zij", "il", "elle", "he", "she", "him",
// "her") in the next 40 tokens: the text goes on about a person.
bool PersonNames::proper_noun_person_evidence(Ctx& c, const Chain& ch) const {
  const auto& t = c.toks;
  const std::size_t a = ch.last + 1;
  for (std::size_t k = a; k < t.size() && k <= ch.last + 40; ++k) {
    if (t[k].kind != TokenKind::kWord || !t[k].all_lower) continue;
    const std::string& w = c.key(k);
    if (w == "hij" || w == "zij" || w == "he" || w == "she" || w == "il" || w == "elle" || w == "his" || w == "him" ||
        w == "her" || w == "hem" || w == "lui")
      return true;
  }
  return false;
}

double PersonNames::speech_cue(Ctx& c, const Chain& ch, std::uint32_t cues, bool sentence_start) const {
  const auto& t = c.toks;
  double cue = 0.0;
  {
    // cue_bits() treats "-" as a word boundary, so "us-präsident" and "ex-minister" count.
    if (cues & kCueRole) cue = std::max(cue, 0.45);
    // Compounds: "Europaminister", "Bäderleiter", "topzwemmer", "televisiemaker".
    const std::size_t p = ch.first - 1;
    if (cue < 0.45 && ch.first > 0 && t[ch.first].space_before && t[p].kind == TokenKind::kWord &&
        c.line_of[p] == c.line_of[ch.first]) {
      if (role_tok(c, p)) cue = std::max(cue, 0.45);
    }
    if (cues & kCueVerb) cue = std::max(cue, 0.4);
  }
  // "Merkel sagte", "Durant zei", "Smith, said": a speech verb right after the name.
  // No comma in between: in "..., zegt Durant" the speaker follows the verb.
  const std::size_t a = ch.last + 1;
  const std::size_t line = c.line_of[ch.first];
  std::size_t verb_end = 0;  // token after the verb, 0 when there is no verb
  if (a < t.size() && c.line_of[a] == line && t[a].kind == TokenKind::kWord && t[a].all_lower) {
    const std::uint32_t vb = tb(c, a);
    if (vb & kVerbAfter) {
      verb_end = a + 1;
    } else if ((vb & kVerbAfter1) && a + 1 < t.size() && c.line_of[a + 1] == line && t[a + 1].kind == TokenKind::kWord) {
      // two-word forms: "a déclaré", "heeft gezegd", "hat gesagt"
      std::string two = c.key(a);
      two += ' ';
      two += c.key(a + 1);
      if (verbs_after_.contains(two)) verb_end = a + 2;
    }
  }
  if (verb_end > 0) {
    // At the start of a sentence the verb-second order of Dutch and German puts adverbs
    // there too ("Gestern sagte er"): then a pronoun follows the verb and the cue does not
    // hold. A subject-verb start ("Schily zei dat") outweighs the lost capitalisation signal.
    if (!sentence_start) {
      cue = std::max(cue, 0.4);
    } else if (!(verb_end < t.size() && t[verb_end].kind == TokenKind::kWord && (tb(c, verb_end) & kPron))) {
      // Words outside the dictionaries stay just below: "Vandaag vindt ... plaats".
      bool known = false;
      for (auto w : ch.words) known = known || first_tok(c, w) || last_tok(c, w);
      cue = std::max(cue, known || ch.initials > 0 ? 0.5 : 0.45);
    }
  }
  // "Durant: ' Sluiting loketten...'": a quote attributed at the start of a line.
  if (c.line_first[line] == ch.first && punct_is(c, ch.last + 1, ':') && ch.last + 2 < t.size() &&
      c.line_of[ch.last + 2] == line) {
    const std::string_view q = token_text(c.text, t[ch.last + 2]);
    if (q == "\"" || q == "'" || q == "\xC2\xAB" || q == "\xE2\x80\x9E" || q == "\xE2\x80\x9C") cue = std::max(cue, 0.5);
  }
  // "Shimon Peres (73)": an age in brackets right after the name.
  if (punct_is(c, ch.last + 1, '(') && ch.last + 3 < t.size() && t[ch.last + 2].kind == TokenKind::kNumber &&
      punct_is(c, ch.last + 3, ')') && t[ch.last + 2].end - t[ch.last + 2].start <= 3 && c.line_of[ch.last + 3] == line)
    cue = std::max(cue, 0.45);
  return cue;
}

void PersonNames::score_chain(Ctx& c, Chain& ch) const {
  const auto& t = c.toks;
  const std::size_t nw = ch.words.size();
  const std::size_t first = ch.first;
  const std::string before = before_on_line(c, first);
  const std::uint32_t cues = before.empty() ? 0 : cue_bits(before);
  bool title_before = (cues & kCueTitle) != 0;
  // A title counts only right before the chain: not across a comma ("Oak Hollow Dr, Austin")
  // and not as an all-caps two-letter word before a normal one ("MS Word").
  bool strong_title = false;
  if (title_before) {
    const TitleRun tr = title_run(c, ch);
    title_before = tr.adjacent;
    strong_title = tr.strong;
  }
  if (nw == 0) {
    // "Mme G.", "M. D. R.": initials after a title stand for a (pseudonymised) person.
    ch.score = ch.initials > 0 && title_before ? 0.6 : 0.0;
    return;
  }
  int fn = 0, ln = 0, common = 0, city = 0, place = 0, unknown = 0;
  bool org_word = false;  // "Bank", "Solicitors": blocks the chain unless a person cue outweighs it
  for (auto w : ch.words) {
    const std::string& k = c.key(w);
    const std::uint32_t b = tb(c, w);
    const bool f = first_tok(c, w), l = last_tok(c, w);
    fn += f;
    ln += l;
    unknown += !f && !l;
    common += common_tok(c, w);
    city += (b & kCity) != 0;
    place += (b & kPlace) || any_part_in(k, kPlace);
    if (has_street_suffix(k) && k.size() > 5) ch.blocked = true;
    if (b & kOrg) org_word = true;
  }
  // "San Remo", "Camp David", "New York", "Puerto Rico": a place word opens the chain or
  // stands right before it.
  if (t[ch.words.front()].upper_initial && (tb(c, ch.words.front()) & kPlacePrefix)) ch.blocked = true;
  // The same for "St. Peter", "St. Moritz"; and an organisation word right before ("Verlag Paul
  // Haupt", "FC Chelsea", "Telecom Italia") makes the chain part of its name.
  if (first > 0 && t[first].space_before && t[first - 1].upper_initial && c.line_of[first - 1] == c.line_of[first] &&
      has(c, first - 1, kPlacePrefix | kOrg))
    ch.blocked = true;
  if (first > 1 && punct_is(c, first - 1, '.') && !t[first - 1].space_before && t[first - 2].upper_initial &&
      c.line_of[first - 2] == c.line_of[first] && has(c, first - 2, kPlacePrefix))
    ch.blocked = true;
  ch.plain = common == 0 && city == 0 && place == 0 && !ch.all_caps && !ch.lowercase;
  const bool fn_first = first_tok(c, ch.words.front());
  const bool back_last = last_tok(c, ch.words.back());
  const bool ln_last = back_last || first_tok(c, ch.words.back());
  // A capitalised particle before a known surname ("DE VRIES", "Van Dam", "De Vries" at a
  // sentence start) is a surname in any case and at any position, even when the surname is
  // also a word or a village ("vries", "Vries").
  const bool particle_surname = ch.particles > 0 && nw == 1 && (tb(c, ch.words.front()) & kLast) &&
                                t[first].upper_initial && is_particle(c, first) && ch.initials == 0;
  double s = 0.0;
  if (nw >= 2) {
    if (fn_first && ln_last) {
      s = 0.85;
    } else if (fn_first) {
      // "Robert Melders": a first name that is also a word, then an unknown capitalised word
      // that is no ordinary word, is still more likely a name than "Rose Gold".
      const bool last_plain = !(tb(c, ch.words.back()) & c.common_mask) && !noun_shaped(c.key(ch.words.back()));
      s = common >= static_cast<int>(nw) - 1 ? (nw == 2 && last_plain ? 0.52 : 0.35) : 0.62;
    } else if (ln_last && back_last) {
      s = 0.45;
    } else if (fn + ln > 0) {
      s = 0.4;
    } else {
      s = 0.15;
    }
    if (common == static_cast<int>(nw)) s -= 0.45;
    if (ch.particles > 0) s += 0.1;
    if (nw > 3) s -= 0.2;
    // "Sierra Nevada", "Dakota du Nord": a chain that ends in a region is the region.
    if ((tb(c, ch.words.back()) & kPlace) && !back_last) s -= 0.4;
  } else {
    const bool f = fn > 0, l = ln > 0;
    if (ch.initials > 0) {
      s = l ? 0.85 : 0.6;
    } else if (f && l) {
      s = 0.45;
    } else if (f) {
      s = 0.42;
    } else if (l) {
      // With the mid-sentence bonus a lone known surname reaches the threshold ("zei Peres");
      // ordinary words, places and articles before it pull it back below.
      s = 0.4;
    } else {
      s = 0.1;
    }
    if (ch.particles > 0) s += 0.15;
    // Mid-sentence, a capitalised dictionary name that is no ordinary word is a name.
    if ((f || l) && !common && !city && !place && ch.initials == 0 && !ch.all_caps && !ch.lowercase) s += 0.1;
    // After particles ("Van der Voort") an ordinary word is far more likely a surname.
    if (common && ch.initials == 0) s -= ch.particles > 0 ? 0.15 : 0.3;
    if ((city || place) && ch.initials == 0 && !particle_surname) s -= 0.3;
  }
  if (ch.initials > 0 && nw >= 1 && s < 0.6) s = 0.6;
  // Capitalisation carries no signal at the start of a sentence.
  const bool sentence_start = first == 0 || t[first].newlines_before > 0 || punct_is(c, first - 1, '.') ||
                              punct_is(c, first - 1, '!') || punct_is(c, first - 1, '?');
  // (A dictionary name that is no ordinary word, city or place keeps its score there: the
  // words that open sentences are articles, pronouns and adverbs, which the lists do not hold.)
  if (sentence_start && nw == 1 && ch.initials == 0 && !particle_surname &&
      !(fn + ln > 0 && ch.plain && t[first].letters >= 4))
    s -= 0.1;
  // Dutch, French and English capitalise proper nouns alone: mid-sentence (not after a colon
  // or an opening quote), two plain capitalised words in no name list make a proper name,
  // most often a person's ("minister Vandenbroucke Hermans" aside); an organisation or place
  // word, an article before or an org suffix after pulls it back below or blocks it.
  if (coordination_langs_.contains(c.lang) && !sentence_start && nw == 2 && fn + ln == 0 &&
      ch.plain && ch.initials == 0 && !org_word && first > 0 && !punct_is(c, first - 1, ':') &&
      !(t[first - 1].kind == TokenKind::kPunct && !t[first].space_before)) {
    bool ok = true;
    for (auto w : ch.words) ok = ok && t[w].letters >= 3 && !(tb(c, w) & all_common_) && !noun_shaped(c.key(w));
    // Inflected adjectives open names of bodies and places: "Europese Unie", "Sociale Zaken".
    const std::string& k0 = c.key(ch.words.front());
    if (k0.size() >= 3 && k0.back() == 'e' && std::string_view("aeiouy").find(k0[k0.size() - 2]) == std::string_view::npos)
      ok = false;
    if (ok && proper_noun_person_evidence(c, ch)) s += 0.35;
  }
  if (coordination_langs_.contains(c.lang) && !sentence_start && nw == 1 && fn + ln == 0 &&
      ch.plain && ch.initials == 0 && ch.particles == 0 && !org_word && first > 0 && !punct_is(c, first - 1, ':') &&
      !(t[first - 1].kind == TokenKind::kPunct && !t[first].space_before) && t[first].letters >= 4 &&
      !(tb(c, first) & all_common_) && !noun_shaped(c.key(first)) &&
      !(t[first - 1].kind == TokenKind::kWord && has(c, first - 1, kDet))) {
    const std::string& k0 = c.key(first);
    const bool adj = k0.size() >= 3 && k0.back() == 'e' && std::string_view("aeiouy").find(k0[k0.size() - 2]) == std::string_view::npos;
    if (!adj) {
      const std::string_view pw = t[first - 1].kind == TokenKind::kWord ? std::string_view(c.key(first - 1)) : std::string_view();
      const bool loc_prep = pw == "in" || pw == "uit" || pw == "naar" || pw == "te" || pw == "dans" || pw == "à" ||
                            pw == "from" || pw == "to" || pw == "at" || pw == "near" || pw == "into" || pw == "'s" ||
                            pw == "entre";
      // "Court of Appeal", "Raad van State": a connector between capitalised words joins one name.
      const bool joined = (pw == "of" || pw == "de" || pw == "van" || pw == "du" || pw == "des") && first >= 2 &&
                          t[first - 2].upper_initial && c.line_of[first - 2] == c.line_of[first];
      const bool plural = k0.size() > 5 && (k0.ends_with("ers") || k0.ends_with("ijnen") || k0.ends_with("ing") ||
                                            k0.ends_with("ie") || k0.ends_with("ten") ||
                                            k0.ends_with("ish") || k0.ends_with("ese"));
      // "model Sparta M8b": a word with digits after it makes the chain a brand or product.
      bool code_after = false;
      if (ch.last + 1 < t.size() && c.line_of[ch.last + 1] == c.line_of[first] && t[ch.last + 1].kind == TokenKind::kWord)
        for (std::size_t q = t[ch.last + 1].start; q < c.text.size() && c.text[q] != ' ' && c.text[q] != ','; ++q)
          code_after = code_after || (c.text[q] >= '0' && c.text[q] <= '9');
      if (!loc_prep && !joined && !plural && !code_after && proper_noun_person_evidence(c, ch)) s += 0.4;
    }
  }
  if (ch.all_caps && fn + ln == 0) s -= 0.4;
  if (ch.all_caps && nw == 1 && ch.initials == 0 && !particle_surname) s -= 0.15;
  if (ch.lowercase) s -= 0.35;
  // What stands right before: an article or possessive ("seinem Tod", "einer Chance", "de
  // Baai", "la Commission") or a number ("15 Tore", "7 Mio") makes the chain a noun phrase.
  // German capitalises every noun, so this is its main counter-evidence next to the word lists.
  if (first > 0 && t[first].space_before && c.line_of[first - 1] == c.line_of[first] && ch.initials == 0) {
    // ("my son Jayden": "son" ends a relation phrase here, it is no French article.)
    // ("hi its Dave": "its" ends an intro phrase here.)
    if (t[first - 1].all_lower && has(c, first - 1, kDet) && !(cues & (kCueRelation | kCueIntro))) s -= nw == 1 ? 0.4 : 0.25;
    if (t[first - 1].kind == TokenKind::kNumber && nw == 1) s -= 0.3;
    // Article + lower-case word + capitalised word: "die dramatische Lage", "der rechten
    // Wade", "einen schönen Blick" -- an adjective between article and noun.
    if (nw == 1 && first > 1 && t[first - 1].kind == TokenKind::kWord && t[first - 1].all_lower &&
        t[first - 1].space_before && c.line_of[first - 2] == c.line_of[first] && t[first - 2].all_lower &&
        has(c, first - 2, kDet) && !(tb(c, first - 1) & (kVerbBefore | kParticle)) && !(cues & kCueRelation))
      s -= 0.3;
  }

  // Cues before the chain on the same line.
  double cue = 0.0;
  if (!before.empty()) {
    if (title_before) cue = std::max(cue, 0.5);
    if (cues & kCueIntro) cue = std::max(cue, 0.5);
    if (cues & kCueGreeting) cue = std::max(cue, 0.42);
    if (cues & kCueClosing) cue = std::max(cue, 0.45);
    // "my daughter Fenna", "mijn collega Mark": right before a first name the relation is
    // nearly sure; across a comma or before an unknown word it is a hint.
    // An unknown capitalised word right after the relation word, mid-sentence, is a name too
    // ("haar meter Godelieve"), a little less sure.
    if (cues & kCueRelation) {
      const bool adjacent = t[first - 1].kind == TokenKind::kWord;
      cue = std::max(cue, adjacent && fn_first ? 0.5 : adjacent && ch.plain && !sentence_start && nw <= 2 ? 0.45 : 0.3);
    }
    // Header lines need their colon ("Van: Jan", not "A son origine" or "de Jong").
    if (c.line_first[c.line_of[first]] + 2 >= first && punct_is(c, first - 1, ':') && headers_.contains(before))
      cue = std::max(cue, 0.45);
  }
  if (!ch.lowercase) cue = std::max(cue, speech_cue(c, ch, cues, sentence_start));
  // "Tom's bank details", "under jo's name": a first name with a possessive before a noun.
  // ("for Valentine's again": not for a first name that is also an ordinary word.)
  const bool possessive = possessive_len(c, ch.words.back()) > 0 && ch.words.back() == ch.last;
  // ("im Miller's in ...", "India's beroemdste": not before a short function word or a
  // conjunction, nor for a place.)
  if (possessive && fn_first && nw <= 2 && common == 0 && city == 0 && place == 0 && ch.last + 1 < t.size() &&
      t[ch.last + 1].kind == TokenKind::kWord && t[ch.last + 1].all_lower &&
      !(tb(c, ch.last + 1) & (kConj | kPron | kDet)) && !((tb(c, ch.last + 1) & kStop) && t[ch.last + 1].letters <= 2) &&
      c.line_of[ch.last + 1] == c.line_of[first])
    cue = std::max(cue, 0.45);
  // "ring me, sam, on 07841 ...": a first name in commas right after an object pronoun.
  if (fn_first && nw <= 2 && first >= 2 && punct_is(c, first - 1, ',') && punct_is(c, ch.last + 1, ',') &&
      t[first - 2].kind == TokenKind::kWord && c.line_of[first - 2] == c.line_of[first] &&
      appositions_.contains(c.key(first - 2)))
    cue = std::max(cue, 0.5);
  // "the lad in the shop, Josh i think,": a first name after a comma that closes a phrase
  // about a person ("lad", "bezorger", "livreur" at most six words back).
  if (fn_first && nw == 1 && ch.initials == 0 && first >= 2 && punct_is(c, first - 1, ',') &&
      (punct_is(c, ch.last + 1, ',') ||
       (ch.last + 1 < t.size() && t[ch.last + 1].kind == TokenKind::kWord && t[ch.last + 1].all_lower)) &&
      c.line_of[ch.last + 1 < t.size() ? ch.last + 1 : ch.last] == c.line_of[first]) {
    for (std::size_t k = first - 1, n = 0; k-- > 0 && n < 6 && c.line_of[k] == c.line_of[first]; ++n) {
      if (t[k].kind != TokenKind::kWord) break;
      if (t[k].all_lower && person_nouns_.contains(c.key(k))) {
        cue = std::max(cue, 0.45);
        break;
      }
    }
  }
  // "Léa sera absente", "Bram heeft gebeld": a known first name that is no ordinary word
  // opening a sentence right before an auxiliary or copula.
  // (Not a word of any language's list: Dutch "Dan is ..." is "then".)
  if (sentence_start && nw == 1 && ch.initials == 0 && fn > 0 && ch.plain && t[first].letters >= 3 &&
      !(tb(c, first) & all_common_) && ch.last + 1 < t.size() &&
      t[ch.last + 1].kind == TokenKind::kWord && t[ch.last + 1].all_lower && t[ch.last + 1].space_before &&
      c.line_of[ch.last + 1] == c.line_of[first] && aux_after_.contains(c.key(ch.last + 1)) &&
      // Verb-second: "Dan is het ...", "Dan moet men ...": an adverb before the verb, then
      // the subject. After a name subject comes the rest of the predicate.
      ch.last + 2 < t.size() && t[ch.last + 2].kind == TokenKind::kWord && t[ch.last + 2].all_lower &&
      !(tb(c, ch.last + 2) & (kPron | kDet)))
    cue = std::max(cue, 0.15);
  // "on Jan 15", "am Okt. 3", "15 June": a month name next to a day number is a date.
  if (nw == 1 && ch.initials == 0 && (tb(c, ch.words.front()) & kMonth)) {
    std::size_t n = ch.last + 1;
    if (punct_is(c, n, '.') && !t[n].space_before) ++n;
    auto day = [&](std::size_t k) {
      return k < t.size() && t[k].kind == TokenKind::kNumber && c.line_of[k] == c.line_of[first] &&
             (t[k].end - t[k].start <= 2 || t[k].end - t[k].start == 4);
    };
    if (day(n) || (first > 0 && day(first - 1))) ch.blocked = true;
  }
  // "Van Diepenbeek", "De Prins" mid-sentence: a capitalised particle that is not a sentence's
  // first word is a Flemish/Dutch surname (an article "De" only before a known surname).
  if ((!sentence_start || particle_surname) && ch.particles > 0 && t[first].upper_initial &&
      (!t[first].all_upper || particle_surname) && is_particle(c, first) &&
      (!has(c, first, kDet) || last_tok(c, ch.words.front())))
    s += 0.25;
  // Signature: the chain fills its line (up to punctuation) right after a closing line.
  const std::size_t line = c.line_of[first];
  const bool starts_line = c.line_first[line] == first;
  std::size_t after = ch.last + 1;
  bool fills_line = starts_line;
  if (fills_line && after < t.size() && c.line_of[after] == line) {
    // allow trailing punctuation or a separator such as "|" before other content
    fills_line = t[after].kind == TokenKind::kPunct &&
                 (punct_is(c, after, ',') || punct_is(c, after, '|') || punct_is(c, after, '.') ||
                  punct_is(c, after, '<') || punct_is(c, after, '(') || punct_is(c, after, '-'));
  }
  // "Washington, DC 20500" under a signature is the address, not a second name.
  if (fills_line && nw == 1 && (city || place)) {
    for (std::size_t k = after; k < t.size() && c.line_of[k] == line; ++k)
      if (t[k].kind == TokenKind::kNumber) fills_line = false;
  }
  if (fills_line) {
    bool after_closing = false;
    for (std::size_t back = 1; back <= 3 && back <= line; ++back) {
      if (c.closing_line[line - back]) after_closing = true;
    }
    if (after_closing) cue = std::max(cue, 0.5);
    else if (line + 6 >= c.line_first.size()) cue = std::max(cue, 0.12);
    // A line that holds nothing but a first name and a surname (a byline, a signature).
    if (nw >= 2 && fn_first && c.line_last[line] == ch.last) cue = std::max(cue, 0.2);
  }
  // "Mark from next door", "Mark (een collega van me)": a first name before a relation phrase.
  const bool rel_after = fn_first && nw <= 2 && relation_after(c, ch);
  if (rel_after) cue = std::max(cue, 0.55);
  // "... can i get a replacement? - jess": a first name after a dash ends the message.
  if (fn_first && nw <= 2 && first > 0 && t[first - 1].kind == TokenKind::kPunct && t[first - 1].space_before &&
      c.line_of[first - 1] == line && ends_text(c, ch.last)) {
    const std::string_view d = token_text(c.text, t[first - 1]);
    if (d == "-" || d == "\xE2\x80\x93" || d == "\xE2\x80\x94") cue = std::max(cue, 0.5);
  }
  // "schreef PETER BANK <pbank@hetnet.nl>": the address right after the chain is built from it.
  bool email_match = false;
  if (punct_is(c, ch.last + 1, '<') && c.line_of[ch.last + 1] == line) {
    email_match = local_part_matches(c, ch);
    if (email_match) cue = std::max(cue, 0.6);
    else if (cues & kCueQuote) cue = std::max(cue, 0.45);
    // "Service client MaBoutique <serviceclient@...>": one word in no name list before a
    // role mailbox is the shop's name.
    if (!email_match && nw == 1 && fn + ln == 0 && role_mailbox_after(c, ch.last + 1)) ch.blocked = true;
  }
  // Subject lines are full of capitalised nouns ("Betreff: AW: Schaden zu Polizze"): without a
  // cue only a first name + surname counts there.
  if (c.subject_line[line] && cue < 0.3 && !(nw >= 2 && fn_first && (back_last || ch.plain))) s -= 0.3;
  // "Ville : Brest", "Tél. : ...": one word opening a line before a colon and a value is a
  // form label (not a quote attribution "Durant: '...'", which speech_cue scored).
  // An interview answer ("Schwarz: Ich bin ...") starts with a pronoun or article.
  if (starts_line && nw == 1 && ch.initials == 0 && cue < 0.5 && punct_is(c, ch.last + 1, ':') &&
      ch.last + 2 < t.size() && c.line_of[ch.last + 2] == line &&
      !(t[ch.last + 2].kind == TokenKind::kWord && (tb(c, ch.last + 2) & (kPron | kDet))))
    s -= 0.4;
  // "groet van kim", "gr kim", "- jess" closing the message: a first name after a closing
  // word on the last line signs it, even when it is also an ordinary word.
  const bool signoff = fn_first && nw <= 2 && (cues & kCueClosing) && ends_text(c, ch.last);
  if (ch.lowercase && cue < 0.4) {
    ch.score = 0;
    return;
  }
  s += cue;

  // What follows: organisation suffixes, email or URL parts, street numbers.
  if (after < t.size() && c.line_of[after] == line) {
    // ("Tom's bank details": after a possessive comes what the person owns.)
    if (!possessive && followed_by_org(c, t[ch.last].end)) ch.blocked = true;
    if (!possessive && followed_by_org(c, t[ch.words.back()].end)) ch.blocked = true;
    // "Banks & Hope Solicitors LLP", "Vogel & Söhne GmbH": the first part of a firm name.
    if (punct_is(c, after, '&')) {
      for (std::size_t k = after + 1; k < t.size() && k <= after + 5 && c.line_of[k] == line; ++k) {
        if (t[k].kind == TokenKind::kPunct && !punct_is(c, k, '.') && !punct_is(c, k, '&')) break;
        if (has(c, k, kOrg)) {
          ch.blocked = true;
          break;
        }
      }
    }
    // "Data Protection Officer", "Customer Service": a job title or department, not a name.
    if (t[after].kind == TokenKind::kWord && t[after].space_before && has(c, after, kJob)) ch.blocked = true;
    if (punct_is(c, after, '@') && !t[after].space_before) ch.blocked = true;
    if (!t[after].space_before && (punct_is(c, after, '.') || punct_is(c, after, '/')) && after + 1 < t.size() &&
        !t[after + 1].space_before && t[after + 1].kind == TokenKind::kWord)
      ch.blocked = true;
    if (t[after].kind == TokenKind::kNumber && has_street_suffix(c.key(ch.words.back()))) ch.blocked = true;
    // "Bristol SW1A 1AA", "Apt 4B": a word glued to digits is part of a code.
    if (t[after].kind == TokenKind::kNumber && !t[after].space_before) ch.blocked = true;
  }
  // "@Sebastian:" -- an @-mention of a known first name (the "@" opens a word, it is no
  // part of an address) names a person.
  const bool mention = first > 0 && punct_is(c, first - 1, '@') && !t[first].space_before && fn_first && nw <= 2 &&
                       ch.initials == 0 && (first == 1 || t[first - 1].space_before || t[first - 1].newlines_before) &&
                       !(ch.last + 1 < t.size() && !t[ch.last + 1].space_before &&
                         (punct_is(c, ch.last + 1, '.') || punct_is(c, ch.last + 1, '@')));
  if (mention) s = std::max(s, threshold_ + 0.05);
  if (first > 0 && !t[first].space_before && !mention &&
      (punct_is(c, first - 1, '@') || punct_is(c, first - 1, '.') || punct_is(c, first - 1, '/') ||
       punct_is(c, first - 1, '_')))
    ch.blocked = true;
  // "a grey Ford Focus", "een zwarte Brakko Golf": a colour before the chain makes it a
  // vehicle or product; so does a camel-case brand word ("SodaStream Terra").
  if (first > 0 && t[first].space_before && c.line_of[first - 1] == line && t[first - 1].kind == TokenKind::kWord &&
      ch.initials == 0) {
    // (Only after an article: "le chanteur noir Paul ..." describes a person.)
    if (t[first - 1].all_lower && colours_.contains(c.key(first - 1)) && first >= 2 &&
        c.line_of[first - 2] == line && has(c, first - 2, kDet))
      ch.blocked = true;
    const std::string_view pw = token_text(c.text, t[first - 1]);
    if (t[first - 1].upper_initial && pw.find('-') == std::string_view::npos && pw.find('\'') == std::string_view::npos)
      for (std::size_t q = 4; q + 1 < pw.size(); ++q)
        if (pw[q] >= 'A' && pw[q] <= 'Z' && pw[q - 1] >= 'a' && pw[q - 1] <= 'z') {
          ch.blocked = true;
          break;
        }
  }
  // "Hallo team Fleet", "afdeling Noord": after a group word comes the group's name.
  if (first > 0 && t[first].space_before && c.line_of[first - 1] == line && t[first - 1].kind == TokenKind::kWord &&
      group_before_.contains(c.key(first - 1)) && !strong_title)
    ch.blocked = true;
  // "(Nike Air Max 90, size 9", "Echo Show 8 stopped", "EMMA MATRAS 90X200": a capitalised
  // chain right before a model number or size is a product, unless a person cue stands before.
  if (after < t.size() && c.line_of[after] == line && t[after].space_before && ch.initials == 0 &&
      !(cues & (kCueTitle | kCueIntro | kCueRelation | kCueClosing)) && !email_match) {
    // The size may be split into several tokens ("90" "X200"): read the text itself.
    std::size_t num_end = t[after].start;
    while (num_end < c.text.size() && num_end < t[after].start + 12 &&
           ((c.text[num_end] >= '0' && c.text[num_end] <= '9') || c.text[num_end] == 'x' || c.text[num_end] == 'X'))
      ++num_end;
    const unsigned char next_ch = num_end < c.text.size() ? static_cast<unsigned char>(c.text[num_end]) : ' ';
    const std::string_view num = c.text.substr(t[after].start, num_end - t[after].start);
    bool digits = !num.empty() && num[0] >= '1' && num[0] <= '9' && !std::isalpha(next_ch) && next_ch < 0x80;
    bool times = false;
    for (char x : num) {
      if (x == 'x' || x == 'X') times = true;
      else if (x < '0' || x > '9') digits = false;
    }
    const bool model = digits && (num.size() <= 3 || (times && num.back() != 'x' && num.back() != 'X'));
    // The number ends a phrase: "90, size", "8 stopped", "90)". A score, a percentage or a
    // count before a noun ("Brakovic 2 - 0", "43,45%", "20 Pullover") keeps the name; so does
    // a date ("12 March").
    std::size_t n2 = after + 1;
    while (n2 < t.size() && t[n2].start < num_end) ++n2;
    bool phrase_end = n2 >= t.size() || c.line_of[n2] != line;
    if (!phrase_end && t[n2].kind == TokenKind::kWord)
      phrase_end = t[n2].all_lower && t[n2].space_before && !has(c, n2, kMonth);
    else if (!phrase_end && (punct_is(c, n2, ',') || punct_is(c, n2, ')') || punct_is(c, n2, '.')) &&
             !t[n2].space_before)
      phrase_end = n2 + 1 >= t.size() || t[n2 + 1].space_before || t[n2 + 1].newlines_before;
    // (A first name and a known surname before it stay a name: the chain must hold a word
    // outside the name lists or an ordinary word: "Air", "Show", "MATRAS".)
    if (model && (times || (phrase_end && (common > 0 || unknown > 0 || !(fn_first && back_last)))))
      ch.blocked = true;
  }
  // ... and one word in quotes ("responding to \"Alexa\"") is a wake word, nickname or
  // product, unless a cue makes it a person.
  if (nw == 1 && ch.initials == 0 && first > 0 && ch.last + 1 < t.size() && !t[first].space_before &&
      !t[ch.last + 1].space_before && cue < 0.5) {
    const std::string_view o = token_text(c.text, t[first - 1]), q = token_text(c.text, t[ch.last + 1]);
    if ((o == "\"" && q == "\"") || (o == "\xE2\x80\x9C" && q == "\xE2\x80\x9D")) ch.blocked = true;
  }
  // "I'm Sparky, your virtual assistant": a chatbot introducing itself.
  if (punct_is(c, ch.last + 1, ',') && ch.last + 2 < t.size() && c.line_of[ch.last + 2] == line &&
      t[ch.last + 2].kind == TokenKind::kWord && bot_possessives_.contains(c.key(ch.last + 2))) {
    for (std::size_t k = ch.last + 3; k < t.size() && k <= ch.last + 5 && c.line_of[k] == line; ++k) {
      if (t[k].kind != TokenKind::kWord) break;
      if (bots_.contains(c.key(k))) {
        ch.blocked = true;
        break;
      }
    }
  }
  // An org word ("Bank") in the chain blocks it, except after initials ("P. Bank"), a
  // salutation title ("heer Bank") or before an address made of the name.
  const bool person_form = (strong_title && nw <= 2) || email_match || rel_after || signoff;
  if (org_word && !person_form && !(ch.initials > 0 && nw == 1)) ch.blocked = true;
  // "Sehr geehrte Frau Hoffnung", "Geachte heer Bank", "Mark from next door": the cue makes
  // even an ordinary word a name.
  if (person_form && (!ch.lowercase || signoff) && nw <= 3) s = std::max(s, threshold_ + 0.1);
  ch.score = std::clamp(s, 0.0, 1.0);
}

void PersonNames::recognize(const RecognizerInput& in, std::vector<Candidate>& out) const {
  const std::vector<Token>& toks = in.tokens;
  if (toks.empty()) return;
  Ctx c{in.text, in.lang, toks, {}, {}, {}, {}, {}, {}, {}, 0, {}, {}};
  c.keys.resize(toks.size());
  c.have_key.assign(toks.size(), 0);
  c.bits.resize(toks.size());
  c.have_bits.assign(toks.size(), 0);
  c.common_mask = common_mask(in.lang);
  c.line_of.resize(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (i == 0 || toks[i].newlines_before > 0) {
      c.line_first.push_back(i);
      c.line_last.push_back(i);
    }
    c.line_of[i] = c.line_first.size() - 1;
    c.line_last.back() = i;
  }
  c.closing_line.assign(c.line_first.size(), 0);
  for (std::size_t l = 0; l < c.line_first.size(); ++l) {
    const std::size_t a = toks[c.line_first[l]].start, b = toks[c.line_last[l]].end;
    if (b - a > 48) continue;
    std::string line = fold(in.text.substr(a, b - a));
    while (!line.empty() && (line.back() == ',' || line.back() == '.' || line.back() == '!' || line.back() == ' '))
      line.pop_back();
    if (closings_.count(line) || line == "--" || line == "-- " || line == "__") c.closing_line[l] = 1;
    // "Dziękuję / dank u wel", "Merci, Äddi": a short line that ends with a closing after a
    // separator.
    else if (closing_suffix(line)) c.closing_line[l] = 1;
  }
  c.subject_line.assign(c.line_first.size(), 0);
  for (std::size_t l = 0; l < c.line_first.size(); ++l) {
    std::size_t k = c.line_first[l];
    if (k < toks.size() && punct_is(c, k, '>')) ++k;  // quoted
    if (k + 1 < toks.size() && toks[k].kind == TokenKind::kWord && toks[k].letters <= 9 && punct_is(c, k + 1, ':') &&
        subjects_.contains(c.key(k)))
      c.subject_line[l] = 1;
  }

  // Form fields: "Nom : LE GALL", "Voornaam: jan", "Surname: O'Neill": after a name-field
  // label and its colon, the rest of the line (one to four words, any case) is a name.
  std::vector<std::size_t> field_last(toks.size(), SIZE_MAX);
  for (std::size_t l = 0; l < c.line_first.size(); ++l) {
    std::size_t k = c.line_first[l];
    const std::size_t e = c.line_last[l];
    while (k < e && toks[k].kind == TokenKind::kPunct && (punct_is(c, k, '>') || punct_is(c, k, '*') || punct_is(c, k, '-')))
      ++k;
    std::size_t colon = k;
    while (colon <= e && colon < k + 8 &&
           (toks[colon].kind == TokenKind::kWord || punct_is(c, colon, ',') ||
            (punct_is(c, colon, '.') && colon > k && !toks[colon].space_before)))
      ++colon;
    if (colon == k || colon >= e || !punct_is(c, colon, ':')) continue;
    if (!fields_.contains(fold(in.text.substr(toks[k].start, toks[colon - 1].end - toks[k].start)))) continue;
    std::size_t v = colon + 1, last = e;
    while (last > v && toks[last].kind == TokenKind::kPunct && (punct_is(c, last, '.') || punct_is(c, last, ','))) --last;
    if (toks[last].kind != TokenKind::kWord) continue;
    int words = 0;
    bool ok = true;
    for (std::size_t j = v; j <= last && ok; ++j) {
      if (toks[j].kind == TokenKind::kWord) {
        ++words;
        ok = toks[j].letters > 0 && (toks[j].letters == 1 || !(tb(c, j) & kStop) || is_particle(c, j));
      } else {
        ok = punct_is(c, j, '.') && j > v && toks[j - 1].letters == 1 && !toks[j].space_before;
      }
    }
    if (ok && words >= 1 && words <= 4) field_last[v] = last;
  }

  std::vector<Chain> chains;
  for (std::size_t i = 0; i < toks.size();) {
    const Token& t = toks[i];
    if (t.kind != TokenKind::kWord) {
      ++i;
      continue;
    }
    if (field_last[i] != SIZE_MAX) {
      Chain ch;
      ch.first = i;
      ch.last = field_last[i];
      for (std::size_t j = i; j <= ch.last; ++j) {
        if (toks[j].kind != TokenKind::kWord) continue;
        if (toks[j].letters == 1) ++ch.initials;
        else if (is_particle(c, j) && j < ch.last) ++ch.particles;
        else ch.words.push_back(j);
      }
      if (!ch.words.empty()) {
        ch.score = threshold_ + 0.3;
        chains.push_back(std::move(ch));
        i = field_last[i] + 1;
        continue;
      }
    }
    // "juf An", "tante Jo": a first name that is also a stop word, right after a lower-case
    // relation word.
    if (t.upper_initial && !t.all_upper && t.letters >= 2 && (tb(c, i) & kStop) && (tb(c, i) & kFirst) && i > 0 &&
        toks[i - 1].kind == TokenKind::kWord && toks[i - 1].all_lower && t.space_before && !t.newlines_before &&
        (cue_bits(c.key(i - 1)) & kCueRelation) &&
        !(i + 1 < toks.size() && toks[i + 1].kind == TokenKind::kWord && toks[i + 1].upper_initial && toks[i + 1].space_before &&
          !toks[i + 1].newlines_before)) {
      Chain ch;
      ch.first = ch.last = i;
      ch.words.push_back(i);
      score_chain(c, ch);
      if (ch.score >= threshold_) {
        chains.push_back(std::move(ch));
        ++i;
        continue;
      }
    }
    // "groet d. oudshoorn": a lower-case initial and surname after a closing word.
    if (t.all_lower && t.letters == 1 && i + 2 < toks.size() && punct_is(c, i + 1, '.') && !toks[i + 1].space_before &&
        toks[i + 2].kind == TokenKind::kWord && toks[i + 2].all_lower && toks[i + 2].letters >= 2 &&
        toks[i + 2].space_before && !toks[i + 2].newlines_before && !(tb(c, i + 2) & kStop) &&
        (i + 3 >= toks.size() || toks[i + 3].kind != TokenKind::kWord || toks[i + 3].newlines_before) &&
        (cue_bits(before_on_line(c, i)) & kCueClosing)) {
      Chain ch;
      ch.first = i;
      ch.last = i + 2;
      ch.initials = 1;
      ch.lowercase = true;
      ch.words.push_back(i + 2);
      ch.score = threshold_ + 0.1;
      chains.push_back(std::move(ch));
      i += 3;
      continue;
    }
    // A line that is only "(KS)" or "(ABx)": a news article's author initials (byline).
    if (t.upper_initial && t.letters >= 2 && t.letters <= 4 && i > 0 && punct_is(c, i - 1, '(') &&
        punct_is(c, i + 1, ')') && c.line_first[c.line_of[i]] == i - 1 && c.line_last[c.line_of[i]] == i + 1) {
      const std::string_view w = token_text(in.text, t);
      int upper = 0;
      for (char ch : w) upper += ch >= 'A' && ch <= 'Z';
      if (upper >= 2 && upper + 1 >= static_cast<int>(w.size()) && w.size() == t.letters) {
        Chain ch;
        ch.first = ch.last = i;
        ch.words.push_back(i);
        ch.initials = 1;  // reported as a full name, never linked to other chains by its letters
        ch.score = threshold_ + 0.1;
        chains.push_back(std::move(ch));
        i += 2;
        continue;
      }
    }
    // Lower-case words are folded and looked up only when they could start a lower-case name.
    // An initial opens a chain even when its letter is a stop word ("A. Durand", "I. Jansen").
    const bool can_start = (t.upper_initial && !(tb(c, i) & kStop)) ||
                           (t.letters == 1 && t.upper_initial && initials_end(c, i) > i) ||
                           (t.all_lower && t.letters >= 2 && (tb(c, i) & (kFirst | kStop)) == kFirst);
    if (!can_start) {
      ++i;
      continue;
    }
    if (t.letters == 1 && punct_is(c, i + 1, '.') && c.key(i).size() == 1) {
      const char title[2] = {c.key(i)[0], '.'};
      // ("M.J. de Groot": glued initials, not "M." and a name.)
      // ("Meilleures salutations\nM. Rochat": on a signature line "M." is an initial.)
      const bool glued_initials = (i + 2 < toks.size() && !toks[i + 2].space_before && initials_end(c, i) > i + 2) ||
                                  after_closing_line(c, i);
      if (titles_.contains(std::string_view(title, 2)) && !glued_initials) {
        ++i;  // "M. Dupont": a title, not an initial
        continue;
      }
    }
    // "De Baai van Heist", "Het Midden-Oosten", "Le Gouvernement": a capitalised article at the
    // start of a sentence opens a name only when a known surname follows ("De Vries").
    if (t.upper_initial && i + 1 < toks.size() && has(c, i, kDet) && is_particle(c, i) &&
        (i == 0 || toks[i].newlines_before > 0 || punct_is(c, i - 1, '.') || punct_is(c, i - 1, '"') ||
         punct_is(c, i - 1, '\'')) &&
        !(toks[i + 1].kind == TokenKind::kWord && last_tok(c, i + 1))) {
      ++i;
      continue;
    }
    Chain ch = build_chain(c, i);
    trim_leading(c, ch);
    if (ch.words.empty() && ch.initials == 0) {
      ++i;
      continue;
    }
    score_chain(c, ch);
    if (ch.words.empty() && ch.score < threshold_) {
      ++i;
      continue;
    }
    chains.push_back(ch);
    i = ch.last + 1;
  }

  // Coordination: "Barak en Arafat", "Clinton et Eltsine": an unsure chain of plain
  // capitalised words joined by a conjunction to a sure name is a name too. Only in languages
  // that capitalise proper nouns alone (names.json "coordination"): German coordinates
  // capitalised common nouns ("Frauen und Männern"). One pass each way, so linear.
  if (coordination_langs_.contains(in.lang)) {
    auto joined = [&](const Chain& a, const Chain& b) {  // a right before b
      const std::size_t j = a.last + 1;
      return j + 1 == b.first && c.line_of[j] == c.line_of[b.first] && toks[j].kind == TokenKind::kWord &&
             toks[j].all_lower && (tb(c, j) & kConj);
    };
    auto sure = [&](const Chain& x) { return !x.blocked && x.score >= threshold_ && !x.lowercase; };
    auto lift = [&](Chain& x) {
      if (x.blocked || !x.plain || x.score >= threshold_ || x.score < 0.05) return;
      for (auto w : x.words)
        if (toks[w].letters < 3) return;
      x.score = threshold_ + 0.02;
    };
    for (std::size_t k = 0; k + 1 < chains.size(); ++k)
      if (sure(chains[k]) && joined(chains[k], chains[k + 1])) lift(chains[k + 1]);
    for (std::size_t k = chains.size(); k-- > 1;)
      if (sure(chains[k]) && joined(chains[k - 1], chains[k])) lift(chains[k - 1]);
  }

  // Signatures of two people: "Hartelijke groet,\nAnnemiek en Bas Hoekstra", "Annemiek und
  // Bas": a first word that is no ordinary word, opening a line after a closing, joined by a
  // conjunction to a sure name that ends the line, in any language.
  for (std::size_t k = 0; k + 1 < chains.size(); ++k) {
    Chain& a = chains[k];
    const Chain& b = chains[k + 1];
    const std::size_t j = a.last + 1;
    if (a.blocked || a.score >= threshold_ || a.words.size() != 1 || a.initials > 0 || a.lowercase || a.all_caps ||
        j + 1 != b.first || !after_closing_line(c, a.first) || c.line_of[j] != c.line_of[a.first] ||
        c.line_of[b.first] != c.line_of[a.first] || toks[j].kind != TokenKind::kWord || !toks[j].all_lower ||
        !(tb(c, j) & kConj) || b.blocked || b.score < threshold_ || b.lowercase)
      continue;
    const std::size_t line = c.line_of[b.last];
    if (c.line_last[line] != b.last && !(b.last + 1 < toks.size() && toks[b.last + 1].kind == TokenKind::kPunct))
      continue;
    if (toks[a.words.front()].letters < 3 || common_tok(c, a.words.front())) continue;
    a.score = threshold_ + 0.05;
  }

  // Entity groups: full names first, then short forms that repeat their words.
  std::map<std::string, int, std::less<>> group_of_word;
  std::vector<std::vector<std::string>> group_words;
  auto add_group = [&](Chain& ch) {
    int g = -1;
    for (auto w : ch.words) {
      auto it = group_of_word.find(c.key(w));
      if (it != group_of_word.end()) {
        g = it->second;
        break;
      }
    }
    if (g < 0) {
      g = static_cast<int>(group_words.size());
      group_words.emplace_back();
    }
    for (auto w : ch.words) {
      group_of_word.emplace(c.key(w), g);
      group_words[g].push_back(c.key(w));
    }
    ch.group = g;
  };
  for (auto& ch : chains)
    if (!ch.blocked && ch.score >= threshold_ && ch.words.size() >= 2) add_group(ch);
  for (auto& ch : chains)
    if (!ch.blocked && ch.score >= threshold_ && ch.words.size() < 2) add_group(ch);
  for (auto& ch : chains) {
    if (ch.blocked || ch.group >= 0 || ch.lowercase) continue;
    // "ich habe die Hoffnung ..." after "Frau Hoffnung", "Fotos des Schadens": after an
    // article a repeated ordinary word (or its genitive) is the noun again, not the person.
    const bool after_article = ch.first > 0 && toks[ch.first].space_before &&
                               c.line_of[ch.first - 1] == c.line_of[ch.first] && toks[ch.first - 1].all_lower &&
                               has(c, ch.first - 1, kDet) && ch.initials == 0;
    if (after_article && ch.words.size() == 1 && common_tok(c, ch.words.front())) continue;
    // "Hope you're well", "Will any afternoon work?", "Mark my words" after "Hope Mitchell":
    // an ordinary word opening a sentence before a pronoun or determiner is a verb.
    if (ch.words.size() == 1 && ch.initials == 0 && ch.first + 1 < toks.size() &&
        common_tok(c, ch.words.front()) && toks[ch.first + 1].kind == TokenKind::kWord && toks[ch.first + 1].all_lower &&
        (ch.first == 0 || toks[ch.first].newlines_before > 0 || punct_is(c, ch.first - 1, '.') ||
         punct_is(c, ch.first - 1, '!') || punct_is(c, ch.first - 1, '?') || punct_is(c, ch.first - 1, ':'))) {
      std::string_view next = c.key(ch.first + 1);
      const std::size_t apo = next.find('\'');
      if (apo != std::string_view::npos) next = next.substr(0, apo);
      if (lookup(next) & (kPron | kDet)) continue;
    }
    int g = -1;
    bool all = true;
    for (auto w : ch.words) {
      auto it = group_of_word.find(c.key(w));
      if (it == group_of_word.end() || (g >= 0 && it->second != g)) {
        all = false;
        break;
      }
      g = it->second;
    }
    if (all && g >= 0) {
      ch.group = g;
      ch.score = std::max(ch.score, 0.7);
      continue;
    }
    // German genitive of a found name: "Merkels Politik" after "Angela Merkel" (the noun
    // after it is capitalised too, so only the first word is taken).
    if (!ch.words.empty() && ch.initials == 0 && !ch.all_caps && ch.first == ch.words.front() && !after_article) {
      const std::string& k = c.key(ch.words.front());
      if (k.size() > 4 && k.back() == 's') {
        auto it = group_of_word.find(std::string_view(k).substr(0, k.size() - 1));
        if (it != group_of_word.end()) {
          ch.group = it->second;
          ch.score = std::max(ch.score, 0.7);
          ch.last = ch.words.front();
          ch.words.resize(1);
        }
      }
    }
  }
  for (const auto& ch : chains) {
    if (ch.blocked || ch.score < threshold_ || ch.group < 0) continue;
    Candidate cand;
    cand.start = toks[ch.first].start;
    cand.end = toks[ch.last].end;
    // "Tom's bank details": the name without the possessive ending.
    if (!ch.words.empty() && ch.words.back() == ch.last) cand.end -= static_cast<std::uint32_t>(possessive_len(c, ch.last));
    cand.rule_index = rule_index_;
    cand.score = ch.score;
    cand.subtype = ch.words.size() >= 2 || ch.initials ? "FULL_NAME" : "NAME_PART";
    cand.entity_group = ch.group;
    out.push_back(std::move(cand));
  }

  // Email addresses whose local part is made of a found name join that name's group.
  if (group_words.empty()) return;
  // fold_ascii of every group word -> the first group that has it. An email's local part is
  // matched by looking up its substrings (a local part is short), so the cost does not grow
  // with the number of names in the text.
  std::unordered_map<std::string, int> group_of_ascii;
  std::size_t longest_word = 0;
  bool ascii_built = false;
  for (const auto& e : in.regex_candidates) {
    if (std::find(email_rules_.begin(), email_rules_.end(), e.rule_index) == email_rules_.end()) continue;
    if (!ascii_built) {
      ascii_built = true;
      for (std::size_t g = 0; g < group_words.size(); ++g)
        for (const auto& w : group_words[g]) {
          std::string a = fold_ascii(w);
          if (a.size() < 3) continue;
          longest_word = std::max(longest_word, a.size());
          group_of_ascii.emplace(std::move(a), static_cast<int>(g));
        }
    }
    const std::string_view value = in.text.substr(e.start, e.end - e.start);
    const auto at = value.find('@');
    if (at == std::string_view::npos) continue;
    std::string local;
    for (char ch : fold_ascii(value.substr(0, at))) {
      if (std::isalpha(static_cast<unsigned char>(ch))) local += ch;
      else local += ' ';
    }
    int best = -1;
    for (std::size_t from = 0; from < local.size(); ++from) {
      for (std::size_t len = 3; len <= longest_word && from + len <= local.size(); ++len) {
        auto it = group_of_ascii.find(local.substr(from, len));
        if (it != group_of_ascii.end() && (best < 0 || it->second < best)) best = it->second;
      }
    }
    if (best < 0) continue;
    Candidate dup = e;
    if (linked_email_rule_ >= 0) dup.rule_index = static_cast<std::uint32_t>(linked_email_rule_);
    dup.score = std::min(1.0, e.score + 0.01);
    dup.entity_group = best;
    out.push_back(std::move(dup));
  }
}

}  // namespace

Result<std::unique_ptr<Recognizer>> make_person_names(const RuleSet& rules, std::uint32_t rule_index) {
  return std::unique_ptr<Recognizer>(new PersonNames(rules, rule_index));
}

}  // namespace veil::detect::names
