// See measure.h. POSIX only: benchmarks run on the Linux build machines.
#include "bench/measure.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

extern char** environ;

namespace veil::bench {

Percentiles percentiles(std::vector<double> samples) {
  Percentiles p;
  p.n = samples.size();
  if (samples.empty()) return p;
  std::sort(samples.begin(), samples.end());
  // Nearest-rank percentiles: p99 of 100 samples is the 99th value, never interpolated down.
  auto rank = [&](double q) {
    std::size_t k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size())));
    return samples[std::min(samples.size(), std::max<std::size_t>(k, 1)) - 1];
  };
  p.p50 = rank(0.50);
  p.p99 = rank(0.99);
  p.max = samples.back();
  return p;
}

double median(std::vector<double> samples) { return percentiles(std::move(samples)).p50; }

std::size_t self_peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return static_cast<std::size_t>(std::stoull(line.substr(6)));
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<std::size_t>(ru.ru_maxrss);
}

std::size_t count_codepoints(const std::string& utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

Error io_error(const char* what) { return make_error(ErrorCode::kIo, std::string(what) + ": " + std::strerror(errno)); }

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool read_all(int fd, char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

}  // namespace

Result<HostProcess> HostProcess::spawn(const std::vector<std::string>& argv,
                                       const std::map<std::string, std::string>& env) {
  int in_pipe[2], out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) return io_error("pipe");
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    return io_error("pipe");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);

  std::map<std::string, std::string> merged;
  for (char** e = environ; *e; ++e) {
    const std::string kv = *e;
    const auto eq = kv.find('=');
    if (eq != std::string::npos) merged[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : env) merged[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : merged) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (auto& s : argv_copy) args.push_back(s.data());
  args.push_back(nullptr);

  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  if (rc != 0) {
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    errno = rc;
    return io_error("spawn");
  }
  HostProcess h;
  h.pid_ = pid;
  h.to_child_ = in_pipe[1];
  h.from_child_ = out_pipe[0];
  return h;
}

HostProcess::HostProcess(HostProcess&& other) noexcept
    : pid_(other.pid_), to_child_(other.to_child_), from_child_(other.from_child_) {
  other.pid_ = -1;
  other.to_child_ = -1;
  other.from_child_ = -1;
}

HostProcess::~HostProcess() {
  if (pid_ > 0) (void)finish();
}

Result<std::string> HostProcess::request(const std::string& json) {
  const std::uint32_t len = static_cast<std::uint32_t>(json.size());
  char header[4];
  std::memcpy(header, &len, 4);  // native byte order, as Chrome sends it
  if (!write_all(to_child_, header, 4) || !write_all(to_child_, json.data(), json.size())) {
    return make_error(ErrorCode::kIo, "host closed its input");
  }
  std::string joined;
  for (;;) {
    char rh[4];
    if (!read_all(from_child_, rh, 4)) return make_error(ErrorCode::kIo, "host closed its output");
    std::uint32_t rlen = 0;
    std::memcpy(&rlen, rh, 4);
    std::string frame(rlen, '\0');
    if (!read_all(from_child_, frame.data(), rlen)) return make_error(ErrorCode::kIo, "short frame from host");
    // Cheap test first: only chunk frames need parsing here.
    if (frame.find("\"chunk\"") == std::string::npos) return frame;
    try {
      const auto j = nlohmann::json::parse(frame);
      if (!j.contains("chunk")) return frame;
      joined += j["chunk"].at("data").get<std::string>();
      if (j["chunk"].value("last", false)) return joined;
    } catch (const std::exception&) {
      return make_error(ErrorCode::kMalformedJson, "unparseable frame from host");
    }
  }
}

// VmHWM of a live child. Not ru_maxrss from wait4: with posix_spawn's vfork-style clone the
// child inherits the parent's high-water mark at exec, which would report the bench's own peak.
std::size_t child_peak_rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return static_cast<std::size_t>(std::stoull(line.substr(6)));
  }
  return 0;
}

Result<std::size_t> HostProcess::finish() {
  // Nothing grows after the last reply, so the high-water mark read now is the child's peak.
  const std::size_t peak = pid_ > 0 ? child_peak_rss_kib(pid_) : 0;
  if (to_child_ >= 0) ::close(to_child_);
  to_child_ = -1;
  if (from_child_ >= 0) ::close(from_child_);
  from_child_ = -1;
  if (pid_ <= 0) return make_error(ErrorCode::kInternal, "no child");
  int status = 0;
  rusage ru{};
  pid_t r;
  do {
    r = wait4(pid_, &status, 0, &ru);
  } while (r < 0 && errno == EINTR);
  pid_ = -1;
  if (r < 0) return io_error("wait");
  if (peak == 0) return make_error(ErrorCode::kIo, "host exited before its memory could be read");
  return peak;
}

}  // namespace veil::bench
