#include "cli/commands.hpp"

namespace paralign::cli {

// Placeholder until the 'terms' command lands: says so plainly and exits with the usage status.
int cmd_terms(Context& ctx) { return usage_error(ctx, "the 'terms' command is not available in this build yet"); }

}  // namespace paralign::cli
