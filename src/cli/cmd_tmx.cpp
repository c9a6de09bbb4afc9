#include "cli/commands.hpp"

namespace paralign::cli {

// Placeholder until the 'tmx' command lands: says so plainly and exits with the usage status.
int cmd_tmx(Context& ctx) { return usage_error(ctx, "the 'tmx' command is not available in this build yet"); }

}  // namespace paralign::cli
