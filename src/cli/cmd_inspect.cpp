#include "cli/commands.hpp"

namespace paralign::cli {

// Placeholder until the 'inspect' command lands: says so plainly and exits with the usage status.
int cmd_inspect(Context& ctx) { return usage_error(ctx, "the 'inspect' command is not available in this build yet"); }

}  // namespace paralign::cli
