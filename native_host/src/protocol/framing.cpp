// Native-messaging framing (see framing.h).
#include "protocol/framing.h"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace veil::protocol {

ReadFn fd_reader(int fd) {
  return [fd](char* buffer, std::size_t size) -> long {
    for (;;) {
      ssize_t n = ::read(fd, buffer, size);
      if (n < 0 && errno == EINTR) continue;
      return static_cast<long>(n);
    }
  };
}

WriteFn fd_writer(int fd) {
  return [fd](const char* data, std::size_t size) -> long {
    for (;;) {
      ssize_t n = ::write(fd, data, size);
      if (n < 0 && errno == EINTR) continue;
      return static_cast<long>(n);
    }
  };
}

FrameReader::FrameReader(ReadFn read, std::size_t max_frame_bytes)
    : read_(std::move(read)), max_frame_bytes_(max_frame_bytes) {}

long FrameReader::read_exact(char* buffer, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    long n = read_(buffer + done, size - done);
    if (n < 0) return -1;
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return static_cast<long>(done);
}

bool FrameReader::discard(std::size_t size, bool* io_error) {
  std::array<char, 64 * 1024> sink{};
  while (size > 0) {
    std::size_t want = size < sink.size() ? size : sink.size();
    long n = read_(sink.data(), want);
    if (n < 0) {
      *io_error = true;
      return false;
    }
    if (n == 0) return false;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

FrameResult FrameReader::next() {
  FrameResult result;
  char header[4];
  long got = read_exact(header, sizeof header);
  if (got < 0) {
    result.status = FrameStatus::kIoError;
    return result;
  }
  if (got == 0) {
    result.status = FrameStatus::kEof;
    return result;
  }
  if (got < 4) {
    result.status = FrameStatus::kTruncated;
    return result;
  }
  // Chrome writes the length in native byte order.
  std::uint32_t length = 0;
  std::memcpy(&length, header, sizeof length);
  result.length = length;
  if (length == 0) {
    result.status = FrameStatus::kEmpty;
    return result;
  }
  if (length > max_frame_bytes_) {
    bool io_error = false;
    if (discard(length, &io_error)) {
      result.status = FrameStatus::kTooLarge;
    } else {
      result.status = io_error ? FrameStatus::kIoError : FrameStatus::kTruncated;
    }
    return result;
  }
  result.payload.resize(length);
  got = read_exact(result.payload.data(), length);
  if (got < 0) {
    result.payload.clear();
    result.status = FrameStatus::kIoError;
    return result;
  }
  if (static_cast<std::size_t>(got) < length) {
    result.payload.clear();
    result.status = FrameStatus::kTruncated;
    return result;
  }
  result.status = FrameStatus::kFrame;
  return result;
}

std::string frame_header(std::uint32_t length) {
  std::string header(4, '\0');
  std::memcpy(header.data(), &length, sizeof length);
  return header;
}

Status write_frame(const WriteFn& write, std::string_view payload) {
  if (payload.size() > UINT32_MAX) return make_error(ErrorCode::kInternal, "frame too large to send");
  std::string buffer = frame_header(static_cast<std::uint32_t>(payload.size()));
  buffer.append(payload);
  std::size_t done = 0;
  while (done < buffer.size()) {
    long n = write(buffer.data() + done, buffer.size() - done);
    if (n <= 0) return make_error(ErrorCode::kIo, "cannot write to the browser (pipe closed)");
    done += static_cast<std::size_t>(n);
  }
  return Ok{};
}

}  // namespace veil::protocol
