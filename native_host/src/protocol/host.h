// The host loop: reads frames, decodes, dispatches, writes (chunked) replies until the browser
// closes stdin. Bad input gets an error reply and the loop goes on; it never crashes on input.
#pragma once

#include "protocol/dispatcher.h"
#include "protocol/framing.h"

namespace veil::protocol {

struct HostIo {
  ReadFn read;
  WriteFn write;
};

// Returns the process exit code: 0 at end of input (also when it ends inside a frame, or the
// browser stops reading), 1 when reading fails.
int run_host(const HostIo& io, Dispatcher& dispatcher);

}  // namespace veil::protocol
