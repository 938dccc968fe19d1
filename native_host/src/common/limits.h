// Every explicit limit of the host in one place, so reviews and docs have one source of truth.
#pragma once

#include <chrono>
#include <cstddef>

namespace veil::limits {

// Native messaging (docs/protocol.md). Chrome kills the port for host->browser messages over
// 1 MiB, so replies are chunked well below that.
inline constexpr std::size_t kMaxInboundFrameBytes = 16u * 1024 * 1024;
inline constexpr std::size_t kMaxOutboundFrameBytes = 1024u * 1024;
inline constexpr std::size_t kOutboundChunkPayloadBytes = 768u * 1024;

// Largest text one anonymize/scan/restore request may carry (bytes of UTF-8).
inline constexpr std::size_t kMaxTextBytes = 8u * 1024 * 1024;
// The CLI streams larger inputs in blocks of this size, split at line boundaries.
inline constexpr std::size_t kCliBlockBytes = 4u * 1024 * 1024;

// Detection: candidates longer than this are dropped before validation (keeps
// pathological inputs linear). Large enough for a PEM private-key block (RSA-4096 ~3.3 KB).
inline constexpr std::size_t kMaxEntityBytes = 4096;
// Characters of context inspected around a candidate, when a rule does not say.
inline constexpr std::size_t kDefaultContextWindowBytes = 48;

// Vault retention bounds and default.
inline constexpr std::chrono::seconds kRetentionMin{60 * 60};
inline constexpr std::chrono::seconds kRetentionMax{365LL * 24 * 60 * 60};
inline constexpr std::chrono::seconds kRetentionDefault{7LL * 24 * 60 * 60};
inline constexpr int kVaultBusyTimeoutMs = 5000;

}  // namespace veil::limits
