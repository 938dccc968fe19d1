// The in-process anonymize path that `veil bench` measures (service layer with the real
// encrypted vault in a throw-away data folder). Kept behind this small interface so the bench
// builds even while the service is incomplete.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "common/error.h"

namespace veil::bench {

class Anonymizer {
 public:
  virtual ~Anonymizer() = default;
  // Anonymizes `text` in conversation `scope`; returns the number of entities replaced.
  virtual Result<std::size_t> anonymize(const std::string& text, const std::string& scope) = 0;
};

// A service with a static (injected) key, so no keyring is touched.
Result<std::unique_ptr<Anonymizer>> open_anonymizer(const std::filesystem::path& data_dir,
                                                    const std::filesystem::path& cache_dir,
                                                    const std::filesystem::path& rules_dir);

}  // namespace veil::bench
