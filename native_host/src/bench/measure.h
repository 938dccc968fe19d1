// Measuring helpers for `veil bench`: percentiles, a clock, peak memory, and a real `veil host`
// child process spoken to over framed pipes exactly as Chrome does (docs/protocol.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

#include "common/error.h"

namespace veil::bench {

struct Percentiles {
  std::size_t n = 0;
  double p50 = 0, p99 = 0, max = 0;  // same unit as the samples
};
Percentiles percentiles(std::vector<double> samples);
double median(std::vector<double> samples);

inline double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Peak resident set of this process in KiB (VmHWM).
std::size_t self_peak_rss_kib();

// Number of Unicode code points (what JavaScript peers count, near enough, as characters).
std::size_t count_codepoints(const std::string& utf8);

// A child process with stdin/stdout pipes carrying native-messaging frames.
class HostProcess {
 public:
  // argv[0] is the executable path; `env` entries are added to (or override) the environment.
  static Result<HostProcess> spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env);
  HostProcess(HostProcess&& other) noexcept;
  HostProcess& operator=(HostProcess&&) = delete;
  HostProcess(const HostProcess&) = delete;
  ~HostProcess();

  // Sends one request frame and returns the reply's JSON text (chunked replies joined).
  Result<std::string> request(const std::string& json);
  // Reads the child's peak RSS (KiB, VmHWM), closes stdin (the host exits at EOF) and waits.
  Result<std::size_t> finish();

 private:
  HostProcess() = default;
  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
};

}  // namespace veil::bench
