#include "cli/commands.hpp"

namespace paralign::cli {

// Placeholder until the 'batch' command lands: says so plainly and exits with the usage status.
int cmd_batch(Context& ctx) { return usage_error(ctx, "the 'batch' command is not available in this build yet"); }

}  // namespace paralign::cli
