#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"

namespace paralign::cli {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest_option(const po::options_description& desc, std::string name) {
  while (!name.empty() && name.front() == '-') name.erase(0, 1);
  if (auto eq = name.find('='); eq != std::string::npos) name.resize(eq);
  std::string best;
  std::size_t best_d = 4;
  for (const auto& opt : desc.options()) {
    const std::string& candidate = opt->long_name();
    if (candidate.empty()) continue;
    const std::size_t d = edit_distance(name, candidate);
    const bool prefix = candidate.rfind(name, 0) == 0 && !name.empty();
    if (prefix || d < best_d) {
      best = candidate;
      best_d = prefix ? 0 : d;
    }
  }
  return best;
}

void print_usage(std::ostream& out, const po::options_description& desc, const Usage& usage) {
  out << "usage: " << usage.synopsis << "\n\n" << usage.description << "\n\n" << desc << '\n';
  if (!usage.examples.empty()) {
    out << "examples:\n";
    for (const auto& e : usage.examples) out << "  " << e << '\n';
  }
}

}  // namespace

void add_common_options(po::options_description& desc) {
  desc.add_options()("help,h", "show this help and exit")("verbose,v", "say more about what is done")(
      "quiet,q", "print nothing but errors")("config", po::value<std::string>()->value_name("FILE"),
                                             "read options from an INI file (same names as the long options)");
}

std::optional<int> parse_command_line(Context& ctx, const po::options_description& desc,
                                      const po::positional_options_description& positional, const Usage& usage,
                                      po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(ctx.args).options(desc).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_usage(ctx.out, desc, usage);
      return kExitOk;
    }
    // Options on the command line win over --config, which wins over the per-user file.
    std::vector<std::string> configs;
    if (vm.count("config")) configs.push_back(vm["config"].as<std::string>());
    std::string user_dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
      user_dir = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
      user_dir = std::string(home) + "/.config";
    }
    if (!user_dir.empty()) {
      const std::string user_file = user_dir + "/paralign/config.ini";
      if (std::filesystem::is_regular_file(user_file)) configs.push_back(user_file);
    }
    for (std::size_t i = 0; i < configs.size(); ++i) {
      std::ifstream in(configs[i]);
      if (!in) {
        ctx.err << "paralign: " << configs[i] << ": cannot read the configuration file\n";
        return kExitUsage;
      }
      // Unknown keys in the per-user file are allowed (it serves every command); in --config they are errors.
      const bool allow_unregistered = i > 0 || !vm.count("config");
      po::store(po::parse_config_file(in, desc, allow_unregistered), vm);
    }
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    std::string msg = std::string("paralign: unknown option '") + e.get_option_name() + "'";
    const std::string hint = closest_option(desc, e.get_option_name());
    if (!hint.empty()) msg += "; did you mean '--" + hint + "'?";
    ctx.err << msg << " (see --help)\n";
    return kExitUsage;
  } catch (const po::error& e) {
    ctx.err << "paralign: " << e.what() << " (see --help)\n";
    return kExitUsage;
  }
  ctx.verbose = vm.count("verbose") > 0;
  ctx.quiet = vm.count("quiet") > 0;
  return std::nullopt;
}

int report_error(Context& ctx, const Status& status) {
  ctx.err << "paralign: " << status.to_string() << '\n';
  return status.code() == ErrorCode::kInternal ? kExitInternal : kExitUsage;
}

int usage_error(Context& ctx, const std::string& message) {
  ctx.err << "paralign: " << message << '\n';
  return kExitUsage;
}

void warn(Context& ctx, const std::string& message) {
  if (!ctx.quiet) ctx.err << "paralign: warning: " << message << '\n';
}

}  // namespace paralign::cli
