// Fuzzes the message codec: decode arbitrary bytes as a request; for every request that
// decodes, encode a reply carrying the whole message and check that splitting it into small
// chunks reassembles to the same bytes and that every chunk frame is valid JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "protocol/message.h"

using namespace veil::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view payload(reinterpret_cast<const char*>(data), size);
  DecodeResult decoded = decode_request(payload);
  if (!decoded.request) {
    // The error reply must always be encodable.
    std::string reply = encode_error(decoded.id, decoded.error);
    if (reply.empty()) std::abort();
    return 0;
  }
  const Request& request = *decoded.request;
  std::string reply = encode_result(request.id, request.message);
  std::size_t budget = 16 + (size % 64);
  std::string joined;
  std::size_t seq = 0;
  for (const std::string& frame : split_reply(request.id, reply, budget)) {
    auto parsed = parse_json(frame);
    if (!parsed) std::abort();
    const json& f = *parsed;
    if (reply.size() <= budget) {
      joined = frame;
      break;
    }
    if (f["chunk"]["seq"] != seq++) std::abort();
    joined += f["chunk"]["data"].get<std::string>();
  }
  if (joined != reply) std::abort();
  return 0;
}
