// Maps protocol ops (docs/protocol.md) to service calls: checks each op's fields, converts the
// service's byte offsets to UTF-16 and turns every outcome into a reply (never throws). The
// service is opened lazily on first need, so `hello` answers even when the vault is broken.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/error.h"
#include "protocol/message.h"
#include "service/service.h"

namespace veil::protocol {

// Owns the Service once opened; retries the open on each call until it succeeds.
class ServiceHandle {
 public:
  using Opener = std::function<Result<std::unique_ptr<service::Service>>()>;
  explicit ServiceHandle(Opener opener);
  ~ServiceHandle();
  Result<service::Service*> get();

 private:
  Opener opener_;
  std::unique_ptr<service::Service> service_;
};

class Dispatcher {
 public:
  explicit Dispatcher(ServiceHandle& services);
  // The serialized reply (a result or an error) for one decoded request.
  std::string handle(const Request& request);

 private:
  Result<json> dispatch(const Request& request);
  Result<json> hello();
  Result<json> scan(const json& m);
  Result<json> anonymize(const json& m);
  Result<json> restore(const json& m);
  Result<json> forget(const json& m);
  Result<json> scopes();
  Result<json> entries(const json& m);
  Result<json> presets(const json& m);
  Result<json> settings(const json& m);
  Result<json> stats();

  ServiceHandle& services_;
};

}  // namespace veil::protocol
