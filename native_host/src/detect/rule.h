// The in-memory form of shared_rules/: entity rules, dictionaries and recognizer configs.
// Plain data with no JSON here: rules/loader turns the JSON files into a RuleSet.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace veil::detect {

struct RuleExample {
  std::string text;
  std::vector<std::string> expect;  // values that must be found with this rule's label
};

struct ContextSpec {
  std::map<std::string, std::vector<std::string>> words;  // by language ("*" = any)
  std::map<std::string, std::vector<std::string>> negative_words;
  std::size_t window_before = 0;  // bytes; 0 = limits::kDefaultContextWindowBytes
  std::size_t window_after = 0;
  double boost = 0.0;             // added when a context word is near
  double penalty = 0.0;           // subtracted when a negative word is near
  bool required = false;          // no context word near: the hit is dropped
};

enum class RuleKind { kRegex, kDictionary, kRecognizer };

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::kRegex;
  std::string label;
  std::string subtype;
  std::vector<std::string> languages;  // empty = every language
  std::vector<std::string> countries;
  // kRegex: Hyperscan patterns (UTF-8). kDictionary: the entries themselves (loaded from
  // the files the rule names).
  std::vector<std::string> patterns;
  bool caseless = false;
  bool word_boundary = true;  // checked in code: Hyperscan's \b is ASCII-only
  std::string validator;      // name in the validator registry; empty = none
  double score = 0.5;
  ContextSpec context;
  int priority = 0;           // higher wins overlaps of equal extent
  bool emit = true;           // kDictionary: false = only a signal for recognizers
  // kRecognizer: which built-in recognizer, and its data (word lists and numbers).
  std::string recognizer;
  std::map<std::string, std::vector<std::string>> lists;
  std::map<std::string, double> params;
  std::vector<RuleExample> positive_examples;
  std::vector<std::string> negative_examples;
  std::string source_file;  // for error messages
};

struct RuleSet {
  std::vector<Rule> rules;
  std::string version;  // shared_rules/VERSION
  // Hash of everything that affects compilation; keys the database cache.
  std::string content_hash() const;
};

}  // namespace veil::detect
