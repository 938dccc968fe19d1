// Frame reader and writer: round trips over short reads and writes, real pipes, and every
// way a stream can end or misbehave (EOF in a header or payload, zero-length, oversized).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <string>

#include "protocol/framing.h"

using namespace veil::protocol;

namespace {

// A byte source over a string that hands out at most `step` bytes per call.
ReadFn string_reader(std::string data, std::size_t step) {
  auto state = std::make_shared<std::pair<std::string, std::size_t>>(std::move(data), 0);
  return [state, step](char* buf, std::size_t size) -> long {
    auto& [bytes, pos] = *state;
    std::size_t n = std::min({size, step, bytes.size() - pos});
    std::copy_n(bytes.data() + pos, n, buf);
    pos += n;
    return static_cast<long>(n);
  };
}

std::string framed(const std::string& payload) { return frame_header(static_cast<std::uint32_t>(payload.size())) + payload; }

}  // namespace

TEST_CASE("protocol framing: header is 32-bit little-endian length", "[protocol]") {
  std::string h = frame_header(0x01020304);
  REQUIRE(h.size() == 4);
  CHECK(static_cast<unsigned char>(h[0]) == 0x04);
  CHECK(static_cast<unsigned char>(h[3]) == 0x01);
}

TEST_CASE("protocol framing: frames survive one-byte reads and three-byte writes", "[protocol]") {
  std::string wire;
  WriteFn tiny_writes = [&wire](const char* data, std::size_t size) -> long {
    std::size_t n = std::min<std::size_t>(size, 3);
    wire.append(data, n);
    return static_cast<long>(n);
  };
  REQUIRE(write_frame(tiny_writes, R"({"a":1})"));
  REQUIRE(write_frame(tiny_writes, "Ünïcödé ✓"));
  FrameReader reader(string_reader(wire, 1), 1024);
  auto a = reader.next();
  REQUIRE(a.status == FrameStatus::kFrame);
  CHECK(a.payload == R"({"a":1})");
  auto b = reader.next();
  REQUIRE(b.status == FrameStatus::kFrame);
  CHECK(b.payload == "Ünïcödé ✓");
  CHECK(reader.next().status == FrameStatus::kEof);
}

TEST_CASE("protocol framing: end of stream inside a header or payload is truncation", "[protocol]") {
  SECTION("inside the header") {
    FrameReader reader(string_reader(std::string("\x05\x00", 2), 4), 1024);
    CHECK(reader.next().status == FrameStatus::kTruncated);
  }
  SECTION("inside the payload") {
    std::string wire = framed("abcdef");
    wire.resize(wire.size() - 2);
    FrameReader reader(string_reader(wire, 4), 1024);
    auto r = reader.next();
    CHECK(r.status == FrameStatus::kTruncated);
    CHECK(r.payload.empty());
  }
  SECTION("empty stream is a clean end") {
    FrameReader reader(string_reader("", 4), 1024);
    CHECK(reader.next().status == FrameStatus::kEof);
  }
}

TEST_CASE("protocol framing: zero-length and oversized frames keep the stream in sync", "[protocol]") {
  std::string big(2000, 'x');
  std::string wire = framed("") + framed(big) + framed("after");
  FrameReader reader(string_reader(wire, 300), 1000);
  CHECK(reader.next().status == FrameStatus::kEmpty);
  auto tl = reader.next();
  CHECK(tl.status == FrameStatus::kTooLarge);
  CHECK(tl.length == 2000);
  auto after = reader.next();
  REQUIRE(after.status == FrameStatus::kFrame);
  CHECK(after.payload == "after");
  CHECK(reader.next().status == FrameStatus::kEof);
}

TEST_CASE("protocol framing: an oversized frame cut by EOF is truncation", "[protocol]") {
  std::string wire = frame_header(5000) + std::string(100, 'x');
  FrameReader reader(string_reader(wire, 64), 1000);
  CHECK(reader.next().status == FrameStatus::kTruncated);
}

TEST_CASE("protocol framing: read and write errors are reported, not thrown", "[protocol]") {
  FrameReader reader([](char*, std::size_t) -> long { errno = EIO; return -1; }, 1024);
  CHECK(reader.next().status == FrameStatus::kIoError);
  auto st = write_frame([](const char*, std::size_t) -> long { return -1; }, "x");
  REQUIRE_FALSE(st);
  CHECK(st.error().code == veil::ErrorCode::kIo);
}

TEST_CASE("protocol framing: real pipe round trip larger than the pipe buffer", "[protocol]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::string payload(300 * 1024, 'q');
  payload[12345] = 'Z';
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(fds[0]);
    bool ok = static_cast<bool>(write_frame(fd_writer(fds[1]), payload));
    ::close(fds[1]);
    ::_exit(ok ? 0 : 1);
  }
  ::close(fds[1]);
  FrameReader reader(fd_reader(fds[0]), 1024 * 1024);
  auto r = reader.next();
  auto end = reader.next();
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(r.status == FrameStatus::kFrame);
  CHECK(r.payload == payload);
  CHECK(end.status == FrameStatus::kEof);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
