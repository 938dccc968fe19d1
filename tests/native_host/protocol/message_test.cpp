// Message codec: envelope validation with the documented error codes, the lone-surrogate and
// invalid UTF-8 cases, the depth limit, reply encoding and chunk splitting.
#include <catch2/catch.hpp>
#include <string>

#include "common/limits.h"
#include "protocol/message.h"

using namespace veil;
using namespace veil::protocol;

namespace {

DecodeResult decode(const std::string& s) { return decode_request(s); }

}  // namespace

TEST_CASE("protocol message: a valid request decodes", "[protocol]") {
  auto r = decode(R"({"v":1,"id":"a1","op":"scan","text":"hello"})");
  REQUIRE(r.request);
  CHECK(r.request->id == "a1");
  CHECK(r.request->op == "scan");
  CHECK(r.request->message["text"] == "hello");
  auto n = decode(R"({"v":1,"id":42,"op":"hello"})");
  REQUIRE(n.request);
  CHECK(n.request->id == 42);
}

TEST_CASE("protocol message: envelope errors carry the documented codes", "[protocol]") {
  struct Case {
    const char* payload;
    ErrorCode code;
    json id;
  };
  const Case cases[] = {
      {R"({"v":1,"id":1,"op":)", ErrorCode::kMalformedJson, nullptr},
      {"not json", ErrorCode::kMalformedJson, nullptr},
      {"[1,2,3]", ErrorCode::kWrongType, nullptr},
      {R"("just a string")", ErrorCode::kWrongType, nullptr},
      {R"({"v":1,"op":"hello"})", ErrorCode::kMissingField, nullptr},
      {R"({"v":1,"id":1.5,"op":"hello"})", ErrorCode::kWrongType, nullptr},
      {R"({"v":1,"id":[1],"op":"hello"})", ErrorCode::kWrongType, nullptr},
      {R"({"id":7,"op":"hello"})", ErrorCode::kMissingField, 7},
      {R"({"v":"1","id":7,"op":"hello"})", ErrorCode::kWrongType, 7},
      {R"({"v":2,"id":7,"op":"hello"})", ErrorCode::kUnsupportedVersion, 7},
      {R"({"v":-1,"id":7,"op":"hello"})", ErrorCode::kUnsupportedVersion, 7},
      {R"({"v":1,"id":"x"})", ErrorCode::kMissingField, "x"},
      {R"({"v":1,"id":"x","op":5})", ErrorCode::kWrongType, "x"},
  };
  for (const auto& c : cases) {
    INFO(c.payload);
    auto r = decode(c.payload);
    REQUIRE_FALSE(r.request);
    CHECK(r.error.code == c.code);
    CHECK(r.id == c.id);
  }
}

TEST_CASE("protocol message: an id longer than the limit is refused", "[protocol]") {
  std::string id(kMaxIdBytes + 1, 'i');
  auto r = decode(R"({"v":1,"id":")" + id + R"(","op":"hello"})");
  REQUIRE_FALSE(r.request);
  CHECK(r.error.code == ErrorCode::kInvalidArgument);
}

TEST_CASE("protocol message: invalid UTF-8 bytes are refused", "[protocol]") {
  auto r = decode(std::string("{\"v\":1,\"id\":1,\"op\":\"scan\",\"text\":\"a\xff\xfe\"}"));
  REQUIRE_FALSE(r.request);
  CHECK(r.error.code == ErrorCode::kInvalidUtf8);
  auto overlong = decode(std::string("{\"v\":1,\"id\":1,\"op\":\"scan\",\"text\":\"\xc0\xaf\"}"));
  REQUIRE_FALSE(overlong.request);
  CHECK(overlong.error.code == ErrorCode::kInvalidUtf8);
}

TEST_CASE("protocol message: lone surrogate escapes are invalid UTF-8 and keep the id", "[protocol]") {
  for (const char* text : {R"(\ud800)", R"(a\udc00b)", R"(\ud800\u0041)", R"(\uDBFF)"}) {
    INFO(text);
    auto r = decode(std::string(R"({"v":1,"id":"s1","op":"scan","text":")") + text + R"("})");
    REQUIRE_FALSE(r.request);
    CHECK(r.error.code == ErrorCode::kInvalidUtf8);
    CHECK(r.id == "s1");
  }
  auto pair = decode(R"({"v":1,"id":"s2","op":"scan","text":"\ud83d\ude00"})");
  REQUIRE(pair.request);
  CHECK(pair.request->message["text"] == "\xF0\x9F\x98\x80");
  auto literal = decode(R"({"v":1,"id":"s3","op":"scan","text":"\\ud800"})");
  REQUIRE(literal.request);
  CHECK(literal.request->message["text"] == "\\ud800");
}

TEST_CASE("protocol message: nesting deeper than the limit is malformed", "[protocol]") {
  std::string deep = R"({"v":1,"id":1,"op":"presets","preset":)" + std::string(200, '[') + std::string(200, ']') + "}";
  auto r = decode(deep);
  REQUIRE_FALSE(r.request);
  CHECK(r.error.code == ErrorCode::kMalformedJson);
  std::string ok = R"({"v":1,"id":1,"op":"presets","preset":)" + std::string(10, '[') + std::string(10, ']') + "}";
  CHECK(decode(ok).request);
}

TEST_CASE("protocol message: replies follow the envelope", "[protocol]") {
  auto ok = json::parse(encode_result("r1", json{{"n", 3}}));
  CHECK(ok == json{{"v", 1}, {"id", "r1"}, {"ok", true}, {"result", {{"n", 3}}}});
  auto err = json::parse(encode_error(nullptr, make_error(ErrorCode::kUnknownOp, "unknown op 'x'")));
  CHECK(err["v"] == 1);
  CHECK(err["id"].is_null());
  CHECK(err["ok"] == false);
  CHECK(err["error"]["code"] == 204);
  CHECK(err["error"]["name"] == "unknown_op");
  CHECK(err["error"]["message"] == "unknown op 'x'");
}

TEST_CASE("protocol message: a small reply is one frame", "[protocol]") {
  std::string reply = encode_result(1, json{{"text", "short"}});
  auto frames = split_reply(1, reply, limits::kOutboundChunkPayloadBytes);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0] == reply);
}

TEST_CASE("protocol message: big replies are chunked under the frame limit and reassemble exactly", "[protocol]") {
  // Quotes and backslashes double when escaped; multi-byte characters must not be split.
  std::string text;
  while (text.size() < 3 * 1024 * 1024) text += "\"quoted\\\" Zoë — 日本語 😀 ";
  std::string reply = encode_result("big", json{{"text", text}});
  auto frames = split_reply("big", reply, limits::kOutboundChunkPayloadBytes);
  REQUIRE(frames.size() > 3);
  std::string joined;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    INFO("frame " << i);
    CHECK(frames[i].size() <= limits::kMaxOutboundFrameBytes);
    auto f = json::parse(frames[i]);  // throws if a chunk split a character
    CHECK(f["v"] == 1);
    CHECK(f["id"] == "big");
    CHECK(f["chunk"]["seq"] == i);
    CHECK(f["chunk"]["last"] == (i + 1 == frames.size()));
    joined += f["chunk"]["data"].get<std::string>();
  }
  CHECK(joined == reply);
  CHECK(json::parse(joined)["result"]["text"] == text);
}

TEST_CASE("protocol message: typed field access names the field", "[protocol]") {
  json m = {{"s", "x"}, {"n", 5}, {"b", true}, {"nul", nullptr}};
  CHECK(*require_string(m, "s") == "x");
  CHECK(require_string(m, "missing").error().code == ErrorCode::kMissingField);
  CHECK(require_string(m, "n").error().code == ErrorCode::kWrongType);
  CHECK(require_string(m, "n").error().message.find("'n'") != std::string::npos);
  CHECK_FALSE(optional_string(m, "missing")->has_value());
  CHECK_FALSE(optional_string(m, "nul")->has_value());
  CHECK(optional_string(m, "b").error().code == ErrorCode::kWrongType);
  CHECK(**optional_bool(m, "b") == true);
  CHECK(optional_bool(m, "s").error().code == ErrorCode::kWrongType);
  CHECK(**optional_int(m, "n") == 5);
  CHECK(optional_int(m, "s").error().code == ErrorCode::kWrongType);
}
