// Internal to the CLI: the options and the reading of the units `qa` and `terms extract` work on, given as
// documents to align, a TMX memory or a TSV memory.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "paralign/qa.hpp"

namespace paralign::cli {

/// What --help says of --tmx and --tsv: each command does its own thing with the memory it is given.
struct MemoryInputHelp {
  const char* tmx;
  const char* tsv;
};

/// Fills `desc` with the options of a command that works on units (qa, terms extract), in the order --help lists
/// them: the common options, --tmx and --tsv, the command's own `options`, then --files (the positional arguments,
/// added to `positional`) and the options of reading documents (--force, --max-input-mb).
void add_unit_input_options(po::options_description& desc, po::positional_options_description& positional,
                            const MemoryInputHelp& help, const po::options_description& options);

/// The files given on the command line (--files or positional), empty when none.
std::vector<std::string> input_files(const po::variables_map& vm);

/// True when exactly one of the files, --tmx and --tsv was given (the caller says what is wrong otherwise).
bool has_one_unit_source(const po::variables_map& vm);

/// Units read for a command, with the files they came from.
struct LoadedUnits {
  QaInput input;
  std::vector<std::string> paths;  ///< the files read: an output must not overwrite them
  std::string described;           ///< the memory's path, else the source document's symbol, else its path
};

/// Reads the units from --tsv, from --tmx, or else from the files (the source first) with the limit of
/// --max-input-mb, aligning the others with the source (refusing different symbols unless --force).
/// Errors: those of read_file, qa_input_from_tsv, qa_input_from_tmx, read_document and qa_input_from_documents;
/// kInvalidArgument for a bad --max-input-mb.
Result<LoadedUnits> load_units(const po::variables_map& vm);

}  // namespace paralign::cli
