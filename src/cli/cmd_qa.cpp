#include "cli/commands.hpp"

namespace paralign::cli {

// Placeholder until the 'qa' command lands: says so plainly and exits with the usage status.
int cmd_qa(Context& ctx) { return usage_error(ctx, "the 'qa' command is not available in this build yet"); }

}  // namespace paralign::cli
