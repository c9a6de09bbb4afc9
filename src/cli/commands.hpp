// Internal to the CLI: the table of commands and the helpers every command uses to parse its options.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "paralign/status.hpp"

namespace paralign::cli {

namespace po = boost::program_options;

/// What every command gets: its arguments (after the command name) and the two streams.
struct Context {
  std::vector<std::string> args;
  std::ostream& out;
  std::ostream& err;
  bool verbose = false;
  bool quiet = false;
};

using CommandFn = int (*)(Context&);

struct Command {
  const char* name;
  const char* summary;
  CommandFn fn;
};

/// All commands, in the order `paralign --help` lists them.
const std::vector<Command>& commands();

// One function per command, each in its own file src/cli/cmd_<name>.cpp.
int cmd_inspect(Context& ctx);
int cmd_align(Context& ctx);
int cmd_qa(Context& ctx);
int cmd_batch(Context& ctx);
int cmd_tmx(Context& ctx);
int cmd_terms(Context& ctx);

/// How a command describes itself for --help.
struct Usage {
  std::string synopsis;               ///< e.g. "paralign inspect [options] FILE"
  std::string description;            ///< one paragraph
  std::vector<std::string> examples;  ///< worked examples, one command line each (with a comment line before)
};

/// Adds the options every command shares (--help, --verbose, --quiet, --config) to `desc`.
void add_common_options(po::options_description& desc);

/// Parses ctx.args against `desc` and `positional` into `vm`, also reading --config FILE and the per-user
/// $XDG_CONFIG_HOME/paralign/config.ini. Returns an exit status when the command should stop now (after printing
/// --help, or a usage error with the closest option name suggested); std::nullopt to go on.
std::optional<int> parse_command_line(Context& ctx, const po::options_description& desc,
                                      const po::positional_options_description& positional, const Usage& usage,
                                      po::variables_map& vm);

/// Prints a Status as one line "paralign: file:line: message" and returns the matching exit code.
int report_error(Context& ctx, const Status& status);

/// Prints "paralign: message" to standard error and returns kExitUsage.
int usage_error(Context& ctx, const std::string& message);

/// Prints a warning to standard error unless --quiet.
void warn(Context& ctx, const std::string& message);

}  // namespace paralign::cli
