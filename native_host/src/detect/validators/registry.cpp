// Name -> function table for validators (see validator.h). Filled in by the validator files.
#include "detect/validators/validator.h"

namespace veil::detect {

ValidatorFn find_validator(std::string_view) { return nullptr; }
std::vector<std::string> validator_names() { return {}; }

}  // namespace veil::detect
