// The host loop (see host.h). Diagnostics go to stderr, which Chrome inherits; stdout is
// reserved for frames and is written only through io.write.
#include "protocol/host.h"

#include <iostream>

#include "common/limits.h"
#include "protocol/message.h"

namespace veil::protocol {
namespace {

bool send(const HostIo& io, const json& id, const std::string& reply) {
  for (const auto& frame : split_reply(id, reply, limits::kOutboundChunkPayloadBytes)) {
    if (!write_frame(io.write, frame)) return false;
  }
  return true;
}

}  // namespace

int run_host(const HostIo& io, Dispatcher& dispatcher) {
  FrameReader reader(io.read, limits::kMaxInboundFrameBytes);
  for (;;) {
    FrameResult frame = reader.next();
    std::string reply;
    json id = nullptr;
    switch (frame.status) {
      case FrameStatus::kEof:
        return 0;
      case FrameStatus::kTruncated:
        std::cerr << "veil host: input ended inside a frame; exiting\n";
        return 0;
      case FrameStatus::kIoError:
        std::cerr << "veil host: cannot read from the browser; exiting\n";
        return 1;
      case FrameStatus::kEmpty:
        reply = encode_error(nullptr, make_error(ErrorCode::kMalformedFrame, "zero-length frame"));
        break;
      case FrameStatus::kTooLarge:
        reply = encode_error(nullptr, make_error(ErrorCode::kFrameTooLarge,
                                                 "frame of " + std::to_string(frame.length) +
                                                     " bytes exceeds the limit of " +
                                                     std::to_string(limits::kMaxInboundFrameBytes) +
                                                     " bytes; it was read and discarded"));
        break;
      case FrameStatus::kFrame: {
        DecodeResult decoded = decode_request(frame.payload);
        frame.payload = std::string();  // the request keeps its own copy of the fields
        if (!decoded.request) {
          reply = encode_error(decoded.id, decoded.error);
        } else {
          id = decoded.request->id;
          reply = dispatcher.handle(*decoded.request);
        }
        break;
      }
    }
    if (!send(io, id, reply)) {
      std::cerr << "veil host: the browser stopped reading; exiting\n";
      return 0;
    }
  }
}

}  // namespace veil::protocol
