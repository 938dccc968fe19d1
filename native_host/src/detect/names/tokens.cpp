// Implements tokens.h.
#include "detect/names/tokens.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace veil::detect::names {

namespace {

inline bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

struct Cp {
  UChar32 c;
  std::int32_t next;
};

inline Cp decode(std::string_view s, std::int32_t i) {
  UChar32 c;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  std::int32_t n = static_cast<std::int32_t>(s.size());
  U8_NEXT(p, i, n, c);
  return {c, i};
}

inline bool is_letter(UChar32 c) {
  if (c < 0x80) return ascii_alpha(static_cast<unsigned char>(c));
  return u_isalpha(c);
}

inline bool is_join(UChar32 c) { return c == '\'' || c == 0x2019 || c == '-'; }

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  std::int32_t i = 0;
  const std::int32_t n = static_cast<std::int32_t>(text.size());
  int newlines = 0;
  bool space = false;
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      if (newlines < 255) ++newlines;
      space = true;
      ++i;
      continue;
    }
    if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') {
      space = true;
      ++i;
      continue;
    }
    Cp cp = decode(text, i);
    Token t;
    t.start = static_cast<std::uint32_t>(i);
    t.newlines_before = static_cast<std::uint8_t>(newlines);
    t.space_before = space;
    newlines = 0;
    space = false;
    if (cp.c < 0) {  // invalid: the caller validated; be safe anyway
      t.kind = TokenKind::kPunct;
      t.end = static_cast<std::uint32_t>(cp.next);
      i = cp.next;
      out.push_back(t);
      continue;
    }
    if (is_letter(cp.c)) {
      t.kind = TokenKind::kWord;
      bool all_up = true, all_low = true;
      int letters = 0;
      std::int32_t j = i;
      while (j < n) {
        Cp c = decode(text, j);
        if (c.c >= 0 && is_letter(c.c)) {
          const bool up = c.c < 0x80 ? (c.c >= 'A' && c.c <= 'Z') : (u_isupper(c.c) || u_istitle(c.c));
          const bool low = c.c < 0x80 ? (c.c >= 'a' && c.c <= 'z') : u_islower(c.c);
          if (letters == 0) t.upper_initial = up;
          all_up = all_up && up;
          all_low = all_low && low;
          ++letters;
          j = c.next;
          continue;
        }
        if (c.c >= 0 && (is_join(c.c) || u_hasBinaryProperty(c.c, UCHAR_DIACRITIC)) && c.next < n) {
          Cp after = decode(text, c.next);
          if (after.c >= 0 && is_letter(after.c)) {
            j = c.next;
            continue;
          }
        }
        break;
      }
      t.end = static_cast<std::uint32_t>(j);
      t.letters = static_cast<std::uint16_t>(letters > 60000 ? 60000 : letters);
      t.all_upper = all_up && letters > 0;
      t.all_lower = all_low;
      i = j;
    } else if (cp.c < 0x80 ? (b >= '0' && b <= '9') : u_isdigit(cp.c)) {
      t.kind = TokenKind::kNumber;
      std::int32_t j = cp.next;
      while (j < n) {
        Cp c = decode(text, j);
        if (c.c >= 0 && (c.c < 0x80 ? (c.c >= '0' && c.c <= '9') : u_isdigit(c.c))) {
          j = c.next;
        } else {
          break;
        }
      }
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else {
      t.kind = TokenKind::kPunct;
      t.end = static_cast<std::uint32_t>(cp.next);
      i = cp.next;
    }
    out.push_back(t);
  }
  return out;
}

std::string fold(std::string_view word) {
  bool ascii = true;
  for (char ch : word) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.resize(word.size());
    for (std::size_t k = 0; k < word.size(); ++k) {
      char ch = word[k];
      out[k] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
  u.toUTF8String(out);
  return out;
}

std::string fold_ascii(std::string_view word) {
  const std::string f = fold(word);
  std::string out;
  out.reserve(f.size());
  static const struct {
    const char* from;
    const char* to;
  } kMap[] = {{"à", "a"}, {"á", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "ae"}, {"å", "a"}, {"æ", "ae"}, {"ç", "c"},
              {"è", "e"}, {"é", "e"}, {"ê", "e"}, {"ë", "e"}, {"ì", "i"}, {"í", "i"}, {"î", "i"}, {"ï", "i"},
              {"ñ", "n"}, {"ò", "o"}, {"ó", "o"}, {"ô", "o"}, {"õ", "o"}, {"ö", "oe"}, {"ø", "o"}, {"ù", "u"},
              {"ú", "u"}, {"û", "u"}, {"ü", "ue"}, {"ý", "y"}, {"ÿ", "y"}, {"ß", "ss"}, {"œ", "oe"}};
  for (std::size_t k = 0; k < f.size();) {
    const unsigned char c = static_cast<unsigned char>(f[k]);
    if (c < 0x80) {
      out += f[k];
      ++k;
      continue;
    }
    bool mapped = false;
    for (const auto& m : kMap) {
      const std::size_t len = std::char_traits<char>::length(m.from);
      if (f.compare(k, len, m.from) == 0) {
        out += m.to;
        k += len;
        mapped = true;
        break;
      }
    }
    if (!mapped) {
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      out.append(f, k, len);
      k += len;
    }
  }
  return out;
}

}  // namespace veil::detect::names
