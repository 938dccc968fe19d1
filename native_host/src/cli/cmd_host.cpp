// `veil host`: the browser's native-messaging host. Chrome starts it with argv[1] =
// chrome-extension://<id>/ (main.cpp passes the whole argv here); `veil host` without an origin
// is for tests and local use and skips the origin check. stdout carries frames only.
#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/paths.h"
#include "protocol/dispatcher.h"
#include "protocol/host.h"
#include "protocol/origin.h"
#include "rules/loader.h"
#include "service/service.h"

namespace veil::cli {
namespace {

Result<std::unique_ptr<service::Service>> open_service() {
  service::ServiceOptions options;
  options.data_dir = paths::data_dir();
  options.cache_dir = paths::cache_dir();
  options.rules_dir = rules::default_rules_dir();
  return service::Service::open(std::move(options));
}

// True when `id` is the Veil extension or listed as allowed. The settings are read only
// when the cheaper sources do not already allow it (they need the service).
bool origin_allowed(const std::string& id, protocol::ServiceHandle& services) {
  if (protocol::ids_from_environment().count(id)) return true;
  if (protocol::ids_from_manifests(protocol::extension_manifest_candidates()).count(id)) return true;
  auto svc = services.get();
  if (!svc) return false;
  auto settings = (*svc)->get_settings();
  if (!settings) return false;
  for (const auto& extra : settings->extra_extension_ids)
    if (extra == id) return true;
  return false;
}

}  // namespace

int cmd_host(const Argv& args) {
  std::optional<std::string> origin;
  if (!args.empty() && args[0].rfind("chrome-extension://", 0) == 0) {
    // Chrome's form; later arguments (Windows: --parent-window=<hwnd>) are not ours to check.
    origin = args[0];
  } else {
    auto parsed = parse_args(args, {}, {"--help"});
    if (!parsed || parsed->has("--help") || !parsed->positional.empty()) {
      std::cerr << "Usage: veil host\n"
                   "Speaks native-messaging frames on stdin/stdout (docs/protocol.md) without an origin\n"
                   "check; browsers start it as 'veil chrome-extension://<id>/'.\n";
      return parsed && parsed->has("--help") ? 0 : 2;
    }
  }

  // A browser that goes away must not kill us mid-write to the vault; writes then fail cleanly.
  std::signal(SIGPIPE, SIG_IGN);
  // Frames go to a private copy of stdout; anything else printing to stdout lands on stderr.
  int proto = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (proto < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::cerr << "veil host: cannot set up stdout for frames\n";
    return 1;
  }

  protocol::ServiceHandle services(open_service);
  if (origin) {
    auto id = protocol::extension_id_from_origin(*origin);
    if (!id || !origin_allowed(*id, services)) {
      std::cerr << "veil host: refusing connection from '" << origin->substr(0, 80)
                << "': not the Veil extension. Allow another extension ID in the settings "
                   "(extra_extension_ids) or in VEIL_ALLOWED_EXTENSION_IDS.\n";
      ::close(proto);
      return 3;
    }
  }

  protocol::Dispatcher dispatcher(services);
  protocol::HostIo io{protocol::fd_reader(STDIN_FILENO), protocol::fd_writer(proto)};
  int rc = protocol::run_host(io, dispatcher);
  ::close(proto);
  return rc;
}

}  // namespace veil::cli
