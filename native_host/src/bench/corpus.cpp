// Synthetic benchmark corpus: template sentences in four languages with planted values whose
// spacing follows a target density. See corpus.h. The vocabulary is invented here on purpose.
#include "bench/corpus.h"

#include <array>
#include <string_view>

namespace veil::bench {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {

enum Lang { kNl, kFr, kDe, kEn, kLangCount };

template <std::size_t N>
std::string_view pick(Rng& rng, const std::array<std::string_view, N>& items) {
  return items[rng.below(N)];
}

constexpr std::array<std::string_view, 16> kFirst = {
    "Jan", "Sanne", "Pieter", "Marloes", "Camille", "Julien", "Élodie", "Mathieu",
    "Jürgen", "Katrin", "Lukas", "Anneliese", "Oliver", "Emily", "Thomas", "Charlotte"};
constexpr std::array<std::string_view, 16> kLast = {
    "de Vries", "Jansen", "van den Berg", "Bakker", "Dubois", "Lefèvre", "Moreau", "Lambert",
    "Müller", "Schneider", "Schäfer", "Hoffmann", "Smith", "Taylor", "Brown", "Wilson"};
constexpr std::array<std::string_view, 8> kDomains = {
    "gmail.com", "outlook.com", "ziggo.nl", "telenet.be", "orange.fr", "web.de", "gmx.de", "btinternet.com"};
constexpr std::array<std::string_view, 8> kCities = {
    "Amsterdam", "Utrecht", "Rotterdam", "Groningen", "Eindhoven", "Haarlem", "Leiden", "Zwolle"};
constexpr std::array<std::string_view, 4> kBanks = {"ABNA", "RABO", "INGB", "TRIO"};

constexpr std::array<std::array<std::string_view, 14>, kLangCount> kFiller = {{
    {"Ik heb vorige week een bestelling geplaatst maar er is nog niets aangekomen.",
     "Kunt u mij laten weten wanneer het pakket wordt bezorgd?",
     "De verpakking was beschadigd en één van de glazen is gebroken.",
     "Ik wil graag mijn abonnement opzeggen per het einde van de maand.",
     "Volgens de website zou de levering binnen twee werkdagen zijn.",
     "Het apparaat maakt een vreemd geluid als ik het aanzet.",
     "Ik heb al twee keer gebeld maar niemand kon mij helpen.",
     "Graag ontvang ik een bevestiging per e-mail.",
     "Alvast bedankt voor uw snelle reactie.",
     "De factuur klopt niet, er staat een verkeerd bedrag op.",
     "Mijn buurman heeft het pakket aangenomen, maar de doos was leeg.",
     "Wij zijn erg teleurgesteld over de service.",
     "Is het mogelijk om het product te ruilen voor een andere maat?",
     "Ik hoor graag zo snel mogelijk van u."},
    {"J'ai passé une commande la semaine dernière et je n'ai toujours rien reçu.",
     "Pourriez-vous me dire quand le colis sera livré ?",
     "L'emballage était abîmé et un des verres est cassé.",
     "Je souhaite résilier mon abonnement à la fin du mois.",
     "Le site indiquait une livraison sous deux jours ouvrés.",
     "L'appareil fait un bruit étrange quand je l'allume.",
     "J'ai déjà appelé deux fois sans obtenir de réponse.",
     "Merci de me confirmer la prise en compte par courriel.",
     "Je vous remercie par avance pour votre réponse rapide.",
     "La facture ne correspond pas au montant payé.",
     "Mon voisin a réceptionné le colis mais le carton était vide.",
     "Nous sommes très déçus du service après-vente.",
     "Est-il possible d'échanger l'article contre une autre taille ?",
     "Dans l'attente de votre retour, je reste disponible."},
    {"Ich habe letzte Woche eine Bestellung aufgegeben, aber noch nichts erhalten.",
     "Können Sie mir sagen, wann das Paket zugestellt wird?",
     "Die Verpackung war beschädigt und ein Glas ist zerbrochen.",
     "Ich möchte mein Abonnement zum Monatsende kündigen.",
     "Laut Website sollte die Lieferung innerhalb von zwei Werktagen erfolgen.",
     "Das Gerät macht beim Einschalten ein seltsames Geräusch.",
     "Ich habe schon zweimal angerufen, aber niemand konnte helfen.",
     "Bitte schicken Sie mir eine Bestätigung per E-Mail.",
     "Vielen Dank im Voraus für Ihre schnelle Antwort.",
     "Die Rechnung stimmt nicht, der Betrag ist zu hoch.",
     "Mein Nachbar hat das Paket angenommen, aber der Karton war leer.",
     "Wir sind sehr enttäuscht vom Kundenservice.",
     "Kann ich den Artikel gegen eine andere Größe umtauschen?",
     "Ich freue mich auf Ihre baldige Rückmeldung."},
    {"I placed an order last week but nothing has arrived yet.",
     "Could you tell me when the parcel will be delivered?",
     "The packaging was damaged and one of the glasses is broken.",
     "I would like to cancel my subscription at the end of the month.",
     "The website said delivery would take two working days.",
     "The device makes a strange noise when I switch it on.",
     "I have already called twice but nobody could help me.",
     "Please send me a confirmation by email.",
     "Thank you in advance for your quick reply.",
     "The invoice is wrong, the amount is too high.",
     "My neighbour took in the parcel but the box was empty.",
     "We are very disappointed with the service.",
     "Is it possible to exchange the item for another size?",
     "I look forward to hearing from you soon."},
}};

constexpr std::array<std::string_view, kLangCount> kGreeting = {"Beste klantenservice,", "Bonjour,",
                                                                "Sehr geehrte Damen und Herren,", "Hello,"};
constexpr std::array<std::string_view, kLangCount> kClosing = {"Met vriendelijke groet", "Cordialement",
                                                               "Mit freundlichen Grüßen", "Kind regards"};

// Intro phrases per language and kind; the value follows directly.
struct Intro {
  std::string_view label;
  std::array<std::string_view, kLangCount> text;
};
constexpr std::array<Intro, 11> kIntros = {{
    {"PERSON", {"Mijn naam is ", "Je m'appelle ", "Mein Name ist ", "My name is "}},
    {"EMAIL", {"U kunt mij mailen op ", "Vous pouvez m'écrire à ", "Sie erreichen mich unter ", "You can email me at "}},
    {"PHONE", {"Bel mij gerust op ", "Appelez-moi au ", "Rufen Sie mich an unter ", "Please call me on "}},
    {"IBAN", {"Het geld mag terug naar rekening ", "Merci de rembourser sur le compte ",
              "Bitte erstatten Sie den Betrag auf das Konto ", "Please refund to account "}},
    {"ORDER_ID", {"Het gaat om bestelnummer ", "Il s'agit de la commande ", "Es geht um Bestellnummer ",
                  "It concerns order number "}},
    {"NATIONAL_ID", {"Mijn BSN is ", "Mon numéro BSN néerlandais est ", "Meine niederländische BSN lautet ",
                     "My Dutch BSN is "}},
    {"CREDIT_CARD", {"Ik betaalde met creditcard ", "J'ai payé avec la carte ", "Ich habe mit der Karte ",
                     "I paid with card "}},
    {"DATE_OF_BIRTH", {"Ik ben geboren op ", "Je suis né le ", "Ich bin geboren am ", "I was born on "}},
    {"POSTAL_CODE", {"Mijn adres is Dorpsstraat 12, ", "Mon adresse aux Pays-Bas : Dorpsstraat 12, ",
                     "Meine Adresse: Dorpsstraat 12, ", "My address is Dorpsstraat 12, "}},
    {"IP_ADDRESS", {"Mijn IP-adres is ", "Mon adresse IP est ", "Meine IP-Adresse ist ", "My IP address is "}},
    {"PERSON", {"Mijn partner ", "Mon conjoint ", "Mein Partner ", "My partner "}},
}};
constexpr std::array<std::string_view, kLangCount> kCardTail = {" betaald.", ".", " bezahlt.", "."};
constexpr std::array<std::string_view, kLangCount> kPartnerTail = {" belt ook nog.", " vous appellera aussi.",
                                                                    " ruft auch noch an.", " will call too."};

void append_digits(Rng& rng, std::string& out, int n) {
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
}

// Remainder of a digit/letter string mod 97 with letters as 10..35 (ISO 13616).
int mod97(std::string_view s) {
  int r = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      r = (r * 10 + (c - '0')) % 97;
    } else {
      const int v = (c >= 'a' ? c - 'a' : c - 'A') + 10;
      r = (r * 100 + v) % 97;
    }
  }
  return r;
}

std::string make_iban(Rng& rng) {
  std::string country, bban;
  switch (rng.below(3)) {
    case 0:
      country = "NL";
      bban = std::string(pick(rng, kBanks));
      append_digits(rng, bban, 10);
      break;
    case 1:
      country = "DE";
      append_digits(rng, bban, 18);
      break;
    default: {
      country = "BE";
      append_digits(rng, bban, 10);
      // Belgian BBAN carries its own check: the first ten digits mod 97 (0 becomes 97).
      long long v = std::stoll(bban);
      int k = static_cast<int>(v % 97);
      if (k == 0) k = 97;
      bban += (k < 10 ? "0" : "") + std::to_string(k);
      break;
    }
  }
  const int check = 98 - mod97(bban + country + "00");
  std::string compact = country + (check < 10 ? "0" : "") + std::to_string(check) + bban;
  std::string grouped;
  for (std::size_t i = 0; i < compact.size(); ++i) {
    if (i && i % 4 == 0) grouped.push_back(' ');
    grouped.push_back(compact[i]);
  }
  return grouped;
}

std::string make_bsn(Rng& rng) {
  for (;;) {
    std::string d;
    d.push_back(static_cast<char>('1' + rng.below(9)));
    append_digits(rng, d, 7);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (d[i] - '0');
    const int last = sum % 11;
    if (last == 10) continue;
    d.push_back(static_cast<char>('0' + last));
    return d;
  }
}

std::string make_card(Rng& rng) {
  std::string d = "4";
  append_digits(rng, d, 14);
  int sum = 0;
  // Luhn: double every second digit counting from the (future) check digit's left neighbour.
  for (int i = static_cast<int>(d.size()) - 1, k = 0; i >= 0; --i, ++k) {
    int v = d[i] - '0';
    if (k % 2 == 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  d.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
  return d.substr(0, 4) + " " + d.substr(4, 4) + " " + d.substr(8, 4) + " " + d.substr(12, 4);
}

std::string make_phone(Rng& rng, Lang lang) {
  std::string p;
  switch (lang) {
    case kNl:
      p = "06 ";
      p.push_back(static_cast<char>('1' + rng.below(5)));
      append_digits(rng, p, 7);
      break;
    case kFr:
      p = rng.below(2) ? "06" : "07";
      for (int i = 0; i < 4; ++i) {
        p.push_back(' ');
        p.push_back(static_cast<char>('1' + rng.below(9)));
        append_digits(rng, p, 1);
      }
      break;
    case kDe:
      p = "+49 151 ";
      p.push_back(static_cast<char>('1' + rng.below(9)));
      append_digits(rng, p, 7);
      break;
    default:
      p = "+44 7911 ";
      p.push_back(static_cast<char>('1' + rng.below(9)));
      append_digits(rng, p, 5);
      break;
  }
  return p;
}

std::string two(std::size_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string ascii_fold(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ') continue;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[++i]);
      out.push_back(d == 0xA9 || d == 0x89 ? 'e' : d == 0xBC ? 'u' : d == 0xA4 ? 'a' : 'e');
    }
  }
  return out;
}

std::string make_value(Rng& rng, std::string_view label, Lang lang) {
  if (label == "PERSON") return std::string(pick(rng, kFirst)) + " " + std::string(pick(rng, kLast));
  if (label == "EMAIL")
    return ascii_fold(pick(rng, kFirst)) + "." + ascii_fold(pick(rng, kLast)) + "@" + std::string(pick(rng, kDomains));
  if (label == "PHONE") return make_phone(rng, lang);
  if (label == "IBAN") return make_iban(rng);
  if (label == "ORDER_ID") {
    std::string o = "A";
    append_digits(rng, o, 8);
    return o;
  }
  if (label == "NATIONAL_ID") return make_bsn(rng);
  if (label == "CREDIT_CARD") return make_card(rng);
  if (label == "DATE_OF_BIRTH")
    return two(1 + rng.below(28)) + "-" + two(1 + rng.below(12)) + "-" + std::to_string(1950 + rng.below(50));
  if (label == "POSTAL_CODE") {
    std::string p = std::to_string(1000 + rng.below(9000)) + " ";
    p.push_back(static_cast<char>('A' + rng.below(26)));
    p.push_back(static_cast<char>('B' + rng.below(24)));
    return p;
  }
  return std::to_string(11 + rng.below(200)) + "." + std::to_string(rng.below(256)) + "." +
         std::to_string(rng.below(256)) + "." + std::to_string(1 + rng.below(254));
}

constexpr std::size_t kHalfFiller = 45;

struct Writer {
  Corpus& corpus;
  Rng& rng;
  std::size_t bytes_per_hit;
  std::size_t since_hit = 0;
  std::size_t gap = 0;

  void draw_gap() { gap = bytes_per_hit / 2 + rng.below(bytes_per_hit + 1); }

  void add(std::string_view s) {
    corpus.text.append(s);
    since_hit += s.size();
  }

  void planted_sentence(Lang lang) {
    const Intro& intro = kIntros[rng.below(kIntros.size())];
    add(intro.text[lang]);
    const std::string value = make_value(rng, intro.label, lang);
    const std::size_t start = corpus.text.size();
    // Spacing is measured between values, so the sentence around this one counts towards the next gap.
    since_hit = 0;
    add(value);
    corpus.planted.push_back({start, corpus.text.size(), std::string(intro.label)});
    ++corpus.planted_by_label[std::string(intro.label)];
    if (intro.label == "POSTAL_CODE") {
      add(" ");
      add(pick(rng, kCities));
      add(".");
    } else if (intro.label == "CREDIT_CARD") {
      add(kCardTail[lang]);
    } else if (intro.text[lang] == kIntros.back().text[lang]) {
      add(kPartnerTail[lang]);
    } else {
      add(".");
    }
    draw_gap();
  }

  void message(std::size_t target) {
    const Lang lang = static_cast<Lang>(rng.below(kLangCount));
    corpus.message_starts.push_back(corpus.text.size());
    add(kGreeting[lang]);
    add("\n\n");
    const std::size_t begin = corpus.text.size();
    std::size_t in_paragraph = 0;
    while (corpus.text.size() - begin < target) {
      // A filler sentence is about 60 bytes: plant a bit early, since the sentence around a value also takes room (tuned so dense measures ~100 B per value).
      if (since_hit + kHalfFiller >= gap) {
        planted_sentence(lang);
      } else {
        add(kFiller[lang][rng.below(kFiller[lang].size())]);
      }
      if (++in_paragraph >= 3 + rng.below(3)) {
        add("\n");
        in_paragraph = 0;
      } else {
        add(" ");
      }
    }
    add("\n");
    add(kClosing[lang]);
    add(",\n");
    if (since_hit >= gap) {
      const std::size_t start = corpus.text.size();
      add(std::string(pick(rng, kFirst)) + " " + std::string(pick(rng, kLast)));
      corpus.planted.push_back({start, corpus.text.size(), "PERSON"});
      ++corpus.planted_by_label["PERSON"];
      since_hit = 0;
      draw_gap();
    } else {
      add(lang == kFr ? "Un client" : lang == kDe ? "Ein Kunde" : lang == kNl ? "Een klant" : "A customer");
    }
    add("\n\n");
  }
};

}  // namespace

std::size_t density_bytes_per_hit(const std::string& name) {
  if (name == "dense") return 100;
  if (name == "sparse") return 2048;
  return 0;
}

Corpus generate_corpus(const CorpusOptions& options) {
  Corpus corpus;
  Rng rng(options.seed);
  Writer w{corpus, rng, options.bytes_per_hit ? options.bytes_per_hit : 100};
  w.draw_gap();
  corpus.text.reserve(options.bytes + 4096);
  while (corpus.text.size() < options.bytes) {
    const std::size_t target = options.message_bytes ? options.message_bytes : 300 + rng.below(2700);
    w.message(target);
  }
  return corpus;
}

std::string generate_message(std::size_t bytes, std::size_t bytes_per_hit, std::uint64_t seed) {
  CorpusOptions o;
  o.bytes = 1;
  o.bytes_per_hit = bytes_per_hit;
  o.seed = seed;
  // The body target leaves room for greeting and closing.
  o.message_bytes = bytes > 120 ? bytes - 80 : bytes;
  Corpus c = generate_corpus(o);
  return c.text;
}

}  // namespace veil::bench
