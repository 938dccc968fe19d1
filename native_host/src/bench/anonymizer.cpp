// See anonymizer.h. The service layer (service/service.cpp) has not landed in this build, so
// the anonymize measurements report themselves as unavailable.
#include "bench/anonymizer.h"

namespace veil::bench {

Result<std::unique_ptr<Anonymizer>> open_anonymizer(const std::filesystem::path&, const std::filesystem::path&,
                                                    const std::filesystem::path&) {
  return make_error(ErrorCode::kNotFound, "the service layer (anonymize) is not in this build");
}

}  // namespace veil::bench
