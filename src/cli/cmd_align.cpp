#include "cli/commands.hpp"

namespace paralign::cli {

// Placeholder until the 'align' command lands: says so plainly and exits with the usage status.
int cmd_align(Context& ctx) { return usage_error(ctx, "the 'align' command is not available in this build yet"); }

}  // namespace paralign::cli
