// Function-word language guess (see language.h). Short, unambiguous function words only:
// a word shared by two languages ("de", "die" in en/nl/de...) would blur the vote.
#include "detect/language.h"

#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

namespace veil::detect {
namespace {

const std::unordered_map<std::string, int>& word_table() {
  // value = language index into kLanguages
  static const std::unordered_map<std::string, int> table = [] {
    std::unordered_map<std::string, int> t;
    const char* nl[] = {"het", "een", "ik", "niet", "met", "voor", "mijn", "uw", "graag", "bestelling", "heb", "zijn",
                        "wij", "jullie", "maar", "ook", "nog", "naar", "wordt", "dank", "groet", "bij", "deze"};
    const char* fr[] = {"le", "les", "des", "et", "est", "je", "vous", "pour", "une", "pas", "que", "dans", "mon",
                        "votre", "nous", "avec", "sur", "merci", "commande", "bonjour", "suis", "du", "au"};
    const char* de[] = {"der", "das", "und", "ist", "ich", "nicht", "mit", "sie", "ein", "eine", "mein", "bitte",
                        "ihre", "wir", "auf", "für", "danke", "bestellung", "habe", "dem", "den", "zu", "auch"};
    const char* en[] = {"the", "and", "is", "you", "to", "of", "for", "my", "your", "not", "with", "please", "order",
                        "have", "this", "that", "we", "are", "thanks", "would", "be", "it", "was"};
    for (const char* w : nl) t.emplace(w, 0);
    for (const char* w : fr) t.emplace(w, 1);
    for (const char* w : de) t.emplace(w, 2);
    for (const char* w : en) t.emplace(w, 3);
    return t;
  }();
  return table;
}

}  // namespace

std::string guess_language(std::string_view text) {
  static const std::array<const char*, 4> kLanguages = {"nl", "fr", "de", "en"};
  std::array<int, 4> votes{};
  const auto& table = word_table();
  const std::size_t limit = std::min<std::size_t>(text.size(), 8192);
  std::string word;
  for (std::size_t i = 0; i <= limit; ++i) {
    const unsigned char c = i < limit ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalpha(c) || c >= 0x80) {
      word.push_back(static_cast<char>(c >= 0x80 ? c : std::tolower(c)));
    } else if (!word.empty()) {
      if (word.size() <= 10) {
        if (auto it = table.find(word); it != table.end()) ++votes[it->second];
      }
      word.clear();
    }
  }
  int best = 0;
  for (int k = 1; k < 4; ++k) {
    if (votes[k] > votes[best]) best = k;
  }
  int second = 0;
  for (int k = 0; k < 4; ++k) {
    if (k != best) second = std::max(second, votes[k]);
  }
  if (votes[best] < 2 || votes[best] < second + 2) return "auto";
  return kLanguages[best];
}

}  // namespace veil::detect
