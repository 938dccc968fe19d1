// See anonymizer.h: the real service::Service with an injected random key and a throw-away
// data folder, so the vault (SQLite + libsodium) is on the measured path.
#include "bench/anonymizer.h"

#include "service/service.h"
#include "vault/key_provider.h"

namespace veil::bench {
namespace {

class ServiceAnonymizer : public Anonymizer {
 public:
  explicit ServiceAnonymizer(std::unique_ptr<service::Service> s) : service_(std::move(s)) {}
  Result<std::size_t> anonymize(const std::string& text, const std::string& scope) override {
    service::AnonymizeRequest req;
    req.text = text;
    req.scope = scope;
    auto r = service_->anonymize(req);
    if (!r) return r.error();
    return r->entities.size();
  }

 private:
  std::unique_ptr<service::Service> service_;
};

}  // namespace

Result<std::unique_ptr<Anonymizer>> open_anonymizer(const std::filesystem::path& data_dir,
                                                    const std::filesystem::path& cache_dir,
                                                    const std::filesystem::path& rules_dir) {
  service::ServiceOptions o;
  o.data_dir = data_dir;
  o.cache_dir = cache_dir;
  o.rules_dir = rules_dir;
  o.key_provider = std::make_shared<vault::StaticKeyProvider>(vault::MasterKey::random());
  auto s = service::Service::open(std::move(o));
  if (!s) return s.error();
  return std::unique_ptr<Anonymizer>(std::make_unique<ServiceAnonymizer>(std::move(*s)));
}

}  // namespace veil::bench
