// Internal to the CLI: reading the documents `qa` and `terms extract` are given into the units they check.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "paralign/qa.hpp"

namespace paralign::cli {

/// Adds --force and --max-input-mb, the options of commands that read and align documents themselves.
void add_document_input_options(po::options_description& desc);

/// Reads `files` (the source first; at least one) with the limit of --max-input-mb and aligns the others with the
/// source (refusing different symbols unless --force). Sets *described to the source's symbol, else its path.
/// Errors: those of read_document and qa_input_from_documents; kInvalidArgument for a bad --max-input-mb.
Result<QaInput> qa_input_from_files(const std::vector<std::string>& files, const po::variables_map& vm,
                                    std::string* described);

}  // namespace paralign::cli
