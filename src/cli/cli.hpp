// The command layer: turns an argument vector into calls to libparalign, and its results into output, messages
// and an exit status. main() only forwards argv here; tests call run() directly.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace paralign::cli {

/// Exit statuses, documented in docs/commands.md.
enum ExitCode : int {
  kExitOk = 0,        ///< done
  kExitFindings = 1,  ///< QA findings at or above --fail-on
  kExitUsage = 2,     ///< bad usage or unreadable input
  kExitInternal = 3,  ///< a bug in paralign
};

/// Runs `paralign args...` (args excludes the program name). Writes results to `out`, messages to `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace paralign::cli
