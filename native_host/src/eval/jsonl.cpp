// JSONL codec for evaluation records; nlohmann exceptions stop here.
#include "eval/jsonl.h"

#include <nlohmann/json.hpp>

namespace veil::eval {

Result<std::vector<Record>> parse_jsonl(std::string_view content) {
  std::vector<Record> out;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      const auto j = nlohmann::json::parse(line);
      Record r;
      r.id = j.at("id").get<std::string>();
      r.lang = j.value("lang", std::string("auto"));
      r.text = j.at("text").get<std::string>();
      if (j.contains("spans")) {
        for (const auto& s : j.at("spans")) {
          LabeledSpan span;
          span.start = s.at("start").get<std::size_t>();
          span.end = s.at("end").get<std::size_t>();
          span.label = s.at("label").get<std::string>();
          r.spans.push_back(std::move(span));
        }
      }
      out.push_back(std::move(r));
    } catch (const nlohmann::json::exception&) {
      return make_error(ErrorCode::kInvalidArgument, "line " + std::to_string(line_no) + ": not a valid record");
    }
  }
  return out;
}

std::string to_jsonl_line(const Record& record) {
  nlohmann::json j;
  j["id"] = record.id;
  j["lang"] = record.lang;
  j["text"] = record.text;
  j["spans"] = nlohmann::json::array();
  for (const auto& s : record.spans) j["spans"].push_back({{"start", s.start}, {"end", s.end}, {"label", s.label}});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace veil::eval
