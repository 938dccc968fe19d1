// HostProcess: runs the real `veil` binary as a child with pipes on stdin, stdout and stderr,
// and speaks native-messaging frames to it, the way Chrome does. RAII: the destructor closes
// the pipes and reaps (or kills) the child. Test-only helper.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace veil::test {

class HostProcess {
 public:
  using json = nlohmann::json;

  // `args` follow the binary name; `env` entries override (or, with nullopt, remove) variables
  // of this process's environment.
  HostProcess(const std::vector<std::string>& args, const std::map<std::string, std::optional<std::string>>& env) {
    ::signal(SIGPIPE, SIG_IGN);  // a host that exits early must not kill the test runner
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC))
      throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);

    std::vector<std::string> argv_s{VEIL_BINARY_PATH};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::map<std::string, std::string> merged;
    for (char** e = environ; *e; ++e) {
      std::string kv = *e;
      auto eq = kv.find('=');
      if (eq != std::string::npos) merged[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : env) {
      if (v) merged[k] = *v;
      else merged.erase(k);
    }
    std::vector<std::string> env_s;
    for (const auto& [k, v] : merged) env_s.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    int rc = ::posix_spawn(&pid_, VEIL_BINARY_PATH, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    stderr_ = err[0];
    if (rc != 0) throw std::runtime_error("posix_spawn failed");
  }

  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  ~HostProcess() {
    close_stdin();
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (stdout_ >= 0) ::close(stdout_);
    if (stderr_ >= 0) ::close(stderr_);
  }

  // Writes bytes as they are (a frame, half a frame, garbage). False when the host is gone.
  bool write_raw(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(stdin_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  static std::string header(std::uint32_t length) {
    std::string h(4, '\0');
    std::memcpy(h.data(), &length, 4);
    return h;
  }

  bool send_payload(const std::string& payload) {
    return write_raw(header(static_cast<std::uint32_t>(payload.size())) + payload);
  }
  bool send(const json& message) { return send_payload(message.dump()); }

  // One frame's payload, or nullopt on EOF or timeout.
  std::optional<std::string> read_frame(std::chrono::milliseconds timeout = std::chrono::seconds(120)) {
    std::string h;
    if (!read_exact(h, 4, timeout)) return std::nullopt;
    std::uint32_t length = 0;
    std::memcpy(&length, h.data(), 4);
    last_frame_length_ = length;
    std::string payload;
    if (!read_exact(payload, length, timeout)) return std::nullopt;
    return payload;
  }

  // One reply, reassembled from chunks when the host chunked it. Records the chunk count.
  std::optional<json> read_reply(std::chrono::milliseconds timeout = std::chrono::seconds(120)) {
    chunks_ = 0;
    max_frame_length_ = 0;
    std::string joined;
    for (;;) {
      auto frame = read_frame(timeout);
      if (!frame) return std::nullopt;
      max_frame_length_ = std::max<std::size_t>(max_frame_length_, frame->size());
      json j = json::parse(*frame);
      if (!j.contains("chunk")) return j;
      if (j["chunk"]["seq"] != chunks_) throw std::runtime_error("chunk out of order");
      ++chunks_;
      joined += j["chunk"]["data"].get<std::string>();
      if (j["chunk"]["last"] == true) return json::parse(joined);
    }
  }

  std::optional<json> request(const json& message) {
    if (!send(message)) return std::nullopt;
    return read_reply();
  }

  void close_stdin() {
    if (stdin_ >= 0) ::close(stdin_);
    stdin_ = -1;
  }

  // Waits for the exit (killing the child after `timeout`); returns the exit code, or
  // 128 + signal when it died of a signal, or -1 when it had to be killed.
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    if (exit_code_) return *exit_code_;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      drain_stderr();
      int status = 0;
      pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        drain_stderr();
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return *exit_code_;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        exit_code_ = -1;
        return -1;
      }
      ::usleep(10 * 1000);
    }
  }

  const std::string& stderr_text() {
    drain_stderr();
    return stderr_text_;
  }
  int chunks() const { return chunks_; }
  std::size_t max_frame_length() const { return max_frame_length_; }

 private:
  bool read_exact(std::string& out, std::size_t size, std::chrono::milliseconds timeout) {
    out.resize(size);
    std::size_t done = 0;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (done < size) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd fds[2] = {{stdout_, POLLIN, 0}, {stderr_, POLLIN, 0}};
      int pr = ::poll(fds, 2, static_cast<int>(left.count()));
      if (pr < 0 && errno == EINTR) continue;
      if (pr <= 0) return false;
      if (fds[1].revents) drain_stderr();
      if (!fds[0].revents) continue;
      ssize_t n = ::read(stdout_, out.data() + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Keeps the stderr pipe from filling up (which would block the host).
  void drain_stderr() {
    if (stderr_ < 0) return;
    for (;;) {
      pollfd p{stderr_, POLLIN, 0};
      if (::poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP))) return;
      char buf[4096];
      ssize_t n = ::read(stderr_, buf, sizeof buf);
      if (n <= 0) {
        ::close(stderr_);
        stderr_ = -1;
        return;
      }
      stderr_text_.append(buf, static_cast<std::size_t>(n));
    }
  }

  pid_t pid_ = -1;
  int stdin_ = -1, stdout_ = -1, stderr_ = -1;
  std::optional<int> exit_code_;
  std::string stderr_text_;
  int chunks_ = 0;
  std::size_t max_frame_length_ = 0;
  std::size_t last_frame_length_ = 0;
};

}  // namespace veil::test
