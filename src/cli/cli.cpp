#include "cli/cli.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <fstream>

#include "cli/commands.hpp"
#include "util/data_dir.hpp"

namespace paralign::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"inspect", "read one document and show its structure (paragraphs, headings, footnotes, symbols)",
       &cmd_inspect},
      {"align", "pair a Chinese report with its other language versions and write a memory (TMX, TSV, JSON)",
       &cmd_align},
      {"qa", "check a translation against its original: terms, numbers, dates, references, structure", &cmd_qa},
      {"batch", "align and check a whole collection of documents", &cmd_batch},
      {"tmx", "work on memories: validate, stats, merge, convert", &cmd_tmx},
      {"terms", "extract term pairs for a CAT tool's termbase", &cmd_terms},
  };
  return kCommands;
}

namespace {

void print_help(std::ostream& out) {
  out << "paralign " PARALIGN_VERSION
         " - translation memories and QA for the language versions of UN reports\n\n"
         "usage: paralign COMMAND [options] FILES\n\ncommands:\n";
  for (const auto& c : commands()) {
    out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary << '\n';
  }
  out << "\n'paralign COMMAND --help' shows a command's options and examples.\n"
         "exit status: 0 done, 1 QA findings at or above --fail-on, 2 bad usage or unreadable input, "
         "3 internal error\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(args.empty() ? err : out);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    out << "paralign " PARALIGN_VERSION "\n";
    // The second line says which data folder (abbreviations, word lists, number words) this binary uses, so that a
    // user can see at once whether an installed copy finds its files.
    Result<std::string> data_dir = data::find_data_dir();
    out << "data: " << (data_dir ? *data_dir : "not found (" + data_dir.status().message() + ")") << "\n";
    return kExitOk;
  }
  const auto& table = commands();
  auto it = std::find_if(table.begin(), table.end(), [&](const Command& c) { return args[0] == c.name; });
  if (it == table.end()) {
    err << "paralign: unknown command '" << args[0] << "'; run 'paralign --help' for the list\n";
    return kExitUsage;
  }
  Context ctx{std::vector<std::string>(args.begin() + 1, args.end()), out, err};
  try {
    return it->fn(ctx);
  } catch (const std::bad_alloc&) {
    err << "paralign: out of memory\n";
    return kExitInternal;
  } catch (const std::exception& e) {
    err << "paralign: internal error: " << e.what() << " (please report this)\n";
    return kExitInternal;
  }
}

}  // namespace paralign::cli
