// Fuzzes the frame reader: arbitrary bytes, delivered in short reads of a size chosen by the
// first input byte, with a small frame limit so oversized frames are exercised too. Checks the
// reader's promises: payloads have the announced length, and a written frame reads back intact.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "protocol/framing.h"

using namespace veil::protocol;

namespace {

constexpr std::size_t kLimit = 4096;

ReadFn bytes_reader(const std::uint8_t* data, std::size_t size, std::size_t step, std::size_t* pos) {
  return [data, size, step, pos](char* buf, std::size_t want) -> long {
    std::size_t n = std::min({want, step, size - *pos});
    if (n) std::memcpy(buf, data + *pos, n);
    *pos += n;
    return static_cast<long>(n);
  };
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::size_t step = 1 + data[0] % 17;
  ++data;
  --size;
  std::size_t pos = 0;
  FrameReader reader(bytes_reader(data, size, step, &pos), kLimit);
  for (int frames = 0; frames < 10000; ++frames) {
    FrameResult r = reader.next();
    if (r.status == FrameStatus::kFrame) {
      if (r.payload.size() != r.length || r.length == 0 || r.length > kLimit) std::abort();
      std::string wire;
      WriteFn sink = [&wire](const char* d, std::size_t n) -> long {
        std::size_t k = std::min<std::size_t>(n, 5);
        wire.append(d, k);
        return static_cast<long>(k);
      };
      if (!write_frame(sink, r.payload)) std::abort();
      std::size_t back_pos = 0;
      FrameReader back(bytes_reader(reinterpret_cast<const std::uint8_t*>(wire.data()), wire.size(), 3, &back_pos), kLimit);
      FrameResult again = back.next();
      if (again.status != FrameStatus::kFrame || again.payload != r.payload) std::abort();
      if (back.next().status != FrameStatus::kEof) std::abort();
      continue;
    }
    if (r.status == FrameStatus::kEmpty || r.status == FrameStatus::kTooLarge) continue;
    break;  // kEof, kTruncated, kIoError end the stream
  }
  if (pos > size) std::abort();
  return 0;
}
