// Native-messaging framing (docs/protocol.md): a 32-bit native-order (little-endian) length,
// then that many bytes of UTF-8 JSON. Reads and writes loop over short transfers and EINTR.
// Knows nothing about JSON; must never print to stdout (stdout is the frame channel).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/error.h"

namespace veil::protocol {

// Reads up to `size` bytes into `buffer`: returns the count (> 0), 0 at end of stream, or -1
// on an error (errno set). May return fewer bytes than asked.
using ReadFn = std::function<long(char* buffer, std::size_t size)>;
// Writes up to `size` bytes: returns the count written (>= 0) or -1 on an error.
using WriteFn = std::function<long(const char* data, std::size_t size)>;

// Read/write functions over a file descriptor that retry on EINTR.
ReadFn fd_reader(int fd);
WriteFn fd_writer(int fd);

enum class FrameStatus {
  kFrame,      // payload holds one complete frame
  kEof,        // clean end of stream at a frame boundary
  kTruncated,  // the stream ended inside a frame (header or payload)
  kEmpty,      // a zero-length frame (consumed; the stream stays in sync)
  kTooLarge,   // a frame over the limit, read and discarded (the stream stays in sync)
  kIoError,    // read failed
};

struct FrameResult {
  FrameStatus status = FrameStatus::kEof;
  std::string payload;        // only for kFrame
  std::uint32_t length = 0;   // the announced length (kFrame, kTooLarge, kTruncated)
};

class FrameReader {
 public:
  FrameReader(ReadFn read, std::size_t max_frame_bytes);
  FrameResult next();

 private:
  // Reads exactly `size` bytes unless the stream ends first; returns the count, or -1 on error.
  long read_exact(char* buffer, std::size_t size);
  // Reads and drops `size` bytes; false when the stream ended or failed first.
  bool discard(std::size_t size, bool* io_error);

  ReadFn read_;
  std::size_t max_frame_bytes_;
};

// Writes one frame (header and payload) completely. kIo when the peer is gone.
Status write_frame(const WriteFn& write, std::string_view payload);

// The 4-byte header for a payload of `length` bytes.
std::string frame_header(std::uint32_t length);

}  // namespace veil::protocol
