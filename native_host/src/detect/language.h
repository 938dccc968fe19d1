// A cheap language guess (nl, fr, de, en) from function words, for picking context words,
// phone regions and name cues when the caller says "auto".
#pragma once

#include <string>
#include <string_view>

namespace veil::detect {

// Looks at up to the first 8 KB. Returns "auto" when no language clearly wins.
std::string guess_language(std::string_view text);

}  // namespace veil::detect
