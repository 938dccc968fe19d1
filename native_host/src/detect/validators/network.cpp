// Validators for network identifiers: e-mail addresses (plain and obfuscated as
// "jan [at] mail [dot] nl"), IPv4/IPv6 addresses, and URLs that carry personal data in their
// path or query (plain homepages are not personal and are rejected).
#include <arpa/inet.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "detect/validators/builtin.h"
#include "detect/validators/util.h"

namespace veil::detect::validators {
namespace {

using namespace vutil;

bool local_char_ok(unsigned char c) {
  if (c >= 0x80) return true;  // internationalised local parts (RFC 6531)
  if (is_alnum(static_cast<char>(c))) return true;
  static constexpr std::string_view kSpecials = ".!#$%&'*+/=?^_`{|}~-";
  return kSpecials.find(static_cast<char>(c)) != std::string_view::npos;
}

bool domain_ok(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t labels = 0;
  std::string_view last;
  std::size_t pos = 0;
  while (pos <= domain.size()) {
    std::size_t dot = domain.find('.', pos);
    if (dot == std::string_view::npos) dot = domain.size();
    std::string_view label = domain.substr(pos, dot - pos);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (unsigned char c : label)
      if (!(c >= 0x80 || is_alnum(static_cast<char>(c)) || c == '-')) return false;
    ++labels;
    last = label;
    pos = dot + 1;
  }
  if (labels < 2) return false;
  // The top-level domain is letters (or an IDN A-label).
  if (last.size() < 2) return false;
  if (last.substr(0, 4) == "xn--" || last.substr(0, 4) == "XN--") return true;
  for (unsigned char c : last)
    if (!(c >= 0x80 || is_alpha(static_cast<char>(c)))) return false;
  return true;
}

bool email_ok(std::string_view s) {
  if (s.size() > 254) return false;
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos)
    return false;
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  for (unsigned char c : local)
    if (!local_char_ok(c)) return false;
  return domain_ok(domain);
}

// The marker word inside brackets, or empty.
std::string bracket_word(std::string_view s, std::size_t i, std::size_t& end) {
  static constexpr std::string_view kOpen = "[({<";
  static constexpr std::string_view kClose = "])}>";
  const std::size_t kind = kOpen.find(s[i]);
  if (kind == std::string_view::npos) return {};
  std::size_t j = i + 1;
  while (j < s.size() && s[j] == ' ') ++j;
  std::size_t w = j;
  while (j < s.size() && is_alpha(s[j])) ++j;
  std::string word = lower(s.substr(w, j - w));
  while (j < s.size() && s[j] == ' ') ++j;
  if (j >= s.size() || s[j] != kClose[kind] || word.empty()) return {};
  end = j + 1;
  return word;
}

bool is_at_word(const std::string& w) { return w == "at" || w == "arobase" || w == "aapje" || w == "ät"; }
bool is_dot_word(const std::string& w) {
  return w == "dot" || w == "punt" || w == "point" || w == "punkt" || w == "period";
}

double shannon_bits(std::string_view s) {
  int counts[256] = {};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  for (int c : counts) {
    if (c == 0) continue;
    double p = static_cast<double>(c) / s.size();
    h -= p * std::log2(p);
  }
  return h;
}

bool looks_like_token(std::string_view seg) {
  if (seg.size() < 20) return false;
  std::size_t digits = 0, letters = 0;
  for (char c : seg) {
    if (is_digit(c)) ++digits;
    else if (is_alpha(c)) ++letters;
    else if (c != '-' && c != '_' && c != '.' && c != '~' && c != '%') return false;
  }
  return digits >= 3 && letters >= 3 && shannon_bits(seg) >= 3.5;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    if (next > pos) out.push_back(s.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

// A personal site: the domain's own label spells a name that the message writes as two
// capitalised words ("Emma Kok" ... https://www.emmakokfotografie.nl), with particles allowed
// in between ("Jan de Vries" -> jandevries.nl). Looks 400 bytes back and 200 ahead.
bool host_spells_nearby_name(const ValidatorInput& in, std::string_view host) {
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view label = host.substr(0, dot);
  if (const std::size_t inner = label.rfind('.'); inner != std::string_view::npos)
    label = label.substr(inner + 1);
  if (label.size() < 5) return false;
  std::string compact;
  for (char c : label)
    if (is_alpha(c)) compact.push_back(c);
  const std::size_t from = in.start > 400 ? in.start - 400 : 0;
  const std::size_t to = std::min(in.text.size(), in.end + 200);
  struct Word {
    std::string low;
    bool capital;
  };
  std::vector<Word> words;
  for (std::size_t i = from; i < to;) {
    if (!is_alpha(in.text[i])) {
      // A line break or punctuation ends a run of name words.
      if (in.text[i] != ' ' && !words.empty() && !words.back().low.empty())
        words.push_back({"", false});
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < to && is_alpha(in.text[j])) ++j;
    const bool ascii_word = j >= to || static_cast<unsigned char>(in.text[j]) < 0x80;
    if (ascii_word) words.push_back({lower(in.text.substr(i, j - i)), is_upper(in.text[i])});
    i = j;
    while (i < to && static_cast<unsigned char>(in.text[i]) >= 0x80) ++i;
  }
  for (std::size_t a = 0; a < words.size(); ++a) {
    if (!words[a].capital || words[a].low.size() < 3) continue;
    const std::size_t p1 = compact.find(words[a].low);
    if (p1 == std::string::npos) continue;
    for (std::size_t b = a + 1; b < words.size() && b <= a + 3; ++b) {
      if (words[b].low.empty()) break;
      if (!words[b].capital) continue;
      if (words[b].low.size() >= 2 && compact.find(words[b].low, p1 + words[a].low.size()) !=
                                          std::string::npos)
        return true;
      break;
    }
  }
  return false;
}

}  // namespace

namespace {

// A company's role address ("klantenservice@webshop.nl", "service-clients@telco.fr"): a role
// word as the whole local part or its first piece, at a domain that is no personal mailbox
// provider. Such addresses are the shop's own contact details, not the customer's personal
// data. A role word at gmail.com, web.de, hetnet.nl... is someone's own address and stays.
// Both lists are data in the rule: "role_local_part" and "personal_mail_domain" (labels).
bool in_list(const Rule& rule, const char* list, std::string_view word) {
  const auto it = rule.lists.find(list);
  if (it == rule.lists.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& w) { return w == word; });
}

bool is_company_role_address(std::string_view address, const Rule& rule) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string local = lower(address.substr(0, at));
  const std::string domain = lower(address.substr(at + 1));
  const std::size_t cut = local.find_first_of(".-_+");
  const bool role = in_list(rule, "role_local_part", local) ||
                    (cut != std::string::npos && cut > 0 && in_list(rule, "role_local_part", local.substr(0, cut)));
  if (!role) return false;
  // Every label but the top-level one: "mail.gmx.at" -> mail, gmx.
  std::size_t pos = 0;
  const std::size_t tld = domain.rfind('.');
  while (tld != std::string::npos && pos < tld) {
    std::size_t dot = domain.find('.', pos);
    if (dot == std::string::npos) dot = domain.size();
    if (in_list(rule, "personal_mail_domain", std::string_view(domain).substr(pos, dot - pos))) return false;
    pos = dot + 1;
  }
  return true;
}

}  // namespace

Validation email(const ValidatorInput& in) {
  std::string_view s = in.match;
  std::size_t end = s.size();
  while (end > 0 && is_trailing_punct(s[end - 1])) --end;
  std::size_t start = 0;
  while (start < end && (s[start] == '<' || s[start] == '(' || s[start] == '"')) ++start;
  if (!email_ok(s.substr(start, end - start))) return reject();
  if (in.rule && is_company_role_address(s.substr(start, end - start), *in.rule)) return reject();
  Validation v = accept();
  if (start != 0 || end != s.size()) return trimmed(v, start, end);
  return v;
}

Validation email_obfuscated(const ValidatorInput& in) {
  const std::string_view s = in.match;
  std::string out;
  bool bracketed_at = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t end = 0;
    std::string word = bracket_word(s, i, end);
    if (!word.empty() && (is_at_word(word) || is_dot_word(word))) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (is_at_word(word)) {
        bracketed_at = true;
        out.push_back('@');
      } else {
        out.push_back('.');
      }
      i = end;
      while (i < s.size() && s[i] == ' ') ++i;
      continue;
    }
    if (s[i] == ' ') {
      std::size_t k = i;
      while (k < s.size() && s[k] == ' ') ++k;
      std::size_t bracket_end = 0;
      if (k < s.size() && !bracket_word(s, k, bracket_end).empty()) {
        i = k;
        continue;
      }
      // Only " dot " may stand unbracketed, and only once the "at" is bracketed.
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      std::size_t w = j;
      while (j < s.size() && is_alpha(s[j])) ++j;
      std::string next = lower(s.substr(w, j - w));
      if (bracketed_at && is_dot_word(next) && j < s.size() && s[j] == ' ') {
        out.push_back('.');
        i = j;
        while (i < s.size() && s[i] == ' ') ++i;
        continue;
      }
      return reject();
    }
    if (s[i] == '@') return reject();  // a plain address is the email rule's
    out.push_back(s[i]);
    ++i;
  }
  if (!bracketed_at || !email_ok(out)) return reject();
  // Prose can spell "look [at] this [dot] thing": demand a common top-level domain.
  static constexpr std::string_view kTlds[] = {
      "nl", "be", "fr", "de", "at", "ch", "uk", "ie", "lu", "eu", "com", "net", "org", "info",
      "io", "es", "it", "pt", "pl", "dk", "se", "no", "fi", "us", "ca", "biz", "me", "email",
      "online", "nu", "li", "cz", "gr", "hu", "ro", "co", "app", "dev", "shop"};
  const std::string tld = lower(std::string_view(out).substr(out.rfind('.') + 1));
  bool known = false;
  for (auto t : kTlds)
    if (tld == t) known = true;
  if (!known) return reject();
  return accept(0.0, "OBFUSCATED");
}

Validation ipv4(const ValidatorInput& in) {
  const std::string_view s = in.match;
  auto parts = split(s, '.');
  if (parts.size() != 4 || std::count(s.begin(), s.end(), '.') != 3) return reject();
  bool all_zero = true;
  for (auto p : parts) {
    if (p.empty() || p.size() > 3) return reject();
    for (char c : p)
      if (!is_digit(c)) return reject();
    if (p.size() > 1 && p[0] == '0') return reject();
    const int v = to_int(p);
    if (v > 255) return reject();
    if (v != 0) all_zero = false;
  }
  if (all_zero) return reject();
  // Part of a longer dotted number (an OID, a version like 1.2.3.4.5)?
  if (in.start >= 2 && in.text[in.start - 1] == '.' && is_digit(in.text[in.start - 2]))
    return reject();
  if (in.end + 1 < in.text.size() && in.text[in.end] == '.' && is_digit(in.text[in.end + 1]))
    return reject();
  return accept(0.0, "IPV4");
}

Validation ipv6(const ValidatorInput& in) {
  std::string s(in.match);
  if (s.size() < 3 || s.size() > 45 || std::count(s.begin(), s.end(), ':') < 2) return reject();
  unsigned char buf[16];
  if (inet_pton(AF_INET6, s.c_str(), buf) != 1) return reject();
  bool all_zero = std::all_of(std::begin(buf), std::end(buf), [](unsigned char b) { return b == 0; });
  if (all_zero) return reject();
  // "::1" and friends are loopback, not a person's address, but still mask them: a paste
  // that shows them is technical; score them lower.
  return accept(buf[0] == 0 ? -0.1 : 0.0, "IPV6");
}

Validation url_personal(const ValidatorInput& in) {
  std::string_view s = in.match;
  std::size_t end = s.size();
  while (end > 0 && is_trailing_punct(s[end - 1])) {
    if (s[end - 1] == ')' && std::count(s.begin(), s.begin() + end, '(') >=
                                 std::count(s.begin(), s.begin() + end, ')'))
      break;
    --end;
  }
  s = s.substr(0, end);
  const std::string low = lower(s);
  std::string_view rest = low;
  if (auto p = rest.find("://"); p != std::string_view::npos) rest = rest.substr(p + 3);
  const std::size_t host_end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, host_end);
  if (auto at = host.find('@'); at != std::string_view::npos) {
    // user:password@host carries credentials.
    Validation v = accept(0.1, "URL_CREDENTIALS");
    return end != in.match.size() ? trimmed(v, 0, end) : v;
  }
  if (host.substr(0, 4) == "www.") host = host.substr(4);
  if (host.find('.') == std::string_view::npos) return reject();
  std::string_view after = host_end == std::string_view::npos ? std::string_view{} : rest.substr(host_end);
  std::string_view path = after.substr(0, after.find_first_of("?#"));
  std::string_view query;
  if (auto q = after.find('?'); q != std::string_view::npos) {
    query = after.substr(q + 1);
    query = query.substr(0, query.find('#'));
  }
  bool personal = false;
  if (after.find('@') != std::string_view::npos || after.find("%40") != std::string_view::npos)
    personal = true;

  static constexpr std::string_view kKeys[] = {
      "email", "e-mail", "mail", "emailaddress", "token", "access_token", "auth", "apikey",
      "api_key", "key", "name", "naam", "nom", "prenom", "vorname", "nachname", "firstname",
      "lastname", "first_name", "last_name", "fullname", "phone", "tel", "telefoon",
      "telephone", "mobile", "id", "uid", "userid", "user_id", "user", "username", "login",
      "customer", "customerid", "customer_id", "klant", "klantnummer", "session",
      "sessionid", "session_id", "sid", "code", "reset", "password", "pwd", "iban",
      "address", "adres", "adresse", "zip", "postcode", "dob", "birthdate", "order",
      "orderid", "order_id", "ordernumber", "bsn", "ssn", "account", "member"};
  for (auto pair : split(query, '&')) {
    std::string_view key = pair.substr(0, pair.find('='));
    std::string_view value = pair.find('=') == std::string_view::npos
                                 ? std::string_view{}
                                 : pair.substr(pair.find('=') + 1);
    if (value.empty()) continue;
    for (auto k : kKeys)
      if (key == k) personal = true;
    if (looks_like_token(value)) personal = true;
  }

  static constexpr std::string_view kProfileSegments[] = {
      "u", "user", "users", "profile", "profiles", "in", "people", "member", "members",
      "account", "accounts", "klant", "klanten", "customer", "customers", "patient",
      "patients", "employee", "employees", "medewerker", "mitarbeiter", "client", "clients",
      "kunde", "kunden", "author", "unsubscribe", "reset", "reset-password", "verify",
      "invite", "invitation"};
  static constexpr std::string_view kSocialHosts[] = {
      "facebook.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "threads.net",
      "github.com", "gitlab.com", "linkedin.com", "youtube.com", "medium.com", "m.facebook.com",
      "nl.linkedin.com", "de.linkedin.com", "fr.linkedin.com", "uk.linkedin.com", "xing.com",
      "pinterest.com", "snapchat.com", "bsky.app", "vimeo.com", "soundcloud.com", "behance.net",
      "dribbble.com", "strava.com", "calendly.com", "linktr.ee", "paypal.me", "wa.me", "t.me",
      "flickr.com", "mastodon.social"};
  static constexpr std::string_view kGenericSegments[] = {
      "about", "help", "login", "signup", "home", "explore", "settings", "privacy", "terms",
      "pages", "groups", "events", "watch", "search", "hashtag", "features", "pricing",
      "company", "jobs", "legal", "policies", "share", "sharer", "sharer.php", "intent"};
  const auto segments = split(path, '/');
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto seg = segments[i];
    if (seg.front() == '@' || seg.front() == '~') personal = true;
    if (looks_like_token(seg)) personal = true;
    if (i + 1 < segments.size())
      for (auto p : kProfileSegments)
        if (seg == p) personal = true;
  }
  for (auto h : kSocialHosts) {
    if (host == h && !segments.empty()) {
      bool generic = false;
      for (auto g : kGenericSegments)
        if (segments[0] == g) generic = true;
      if (!generic) personal = true;
    }
  }
  if (!personal && host_spells_nearby_name(in, host)) personal = true;
  if (!personal) return reject();
  Validation v = accept();
  return end != in.match.size() ? trimmed(v, 0, end) : v;
}

}  // namespace veil::detect::validators
