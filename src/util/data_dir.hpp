// Finding and reading paralign's language data files (abbreviation lists, normalisation maps, word lists...).
//
// Every data file lives under one data folder, found in this order:
//   1. the folder the caller names (an options field such as SegmentOptions::data_dir), when not empty;
//   2. $PARALIGN_DATA_DIR, when set and not empty;
//   3. the source tree's corpora/data (PARALIGN_SOURCE_DATA_DIR), when it exists: a build used in place reads the
//      data being edited beside it rather than a possibly older installed copy;
//   4. the installed share/paralign (PARALIGN_INSTALL_DATA_DIR).
// A folder named by 1 or 2 that does not exist is an error, not a reason to fall back: the user asked for it.
//
// The common line format (docs/segmentation.md, "Data files"): UTF-8 without BOM, LF line ends, '#' starts a comment
// line, blank lines are ignored, one entry per line, fields separated by TAB. parse_data_lines() reads it for every
// stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign::data {

/// The data folder, following the order above. `override_dir` is step 1 ("" to skip it).
/// Errors: kNotFound naming each folder tried (or the overriding folder that does not exist). Thread-safe (reads
/// the environment).
Result<std::string> find_data_dir(std::string_view override_dir = {});

/// The full path of `relative` (e.g. "abbreviations/en.txt") inside the data folder.
/// Errors: those of find_data_dir; kNotFound when the file is not there (the message names the full path).
Result<std::string> find_data_file(std::string_view relative, std::string_view override_dir = {});

/// One entry line of a data file: its TAB-separated fields (as written, not trimmed) and its 1-based line number.
struct DataLine {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

/// Parses the common line format. `name` is the file name used in error locations.
/// Errors: kEncoding (invalid UTF-8, with line and byte), kParse (a BOM, a CR, an empty field, a field with
/// leading or trailing spaces). Pure function; thread-safe.
Result<std::vector<DataLine>> parse_data_lines(std::string_view text, const std::string& name);

/// Reads and parses a data file (at most 16 MiB). Errors: kNotFound, kIo, and those of parse_data_lines.
Result<std::vector<DataLine>> read_data_lines(const std::string& path);

}  // namespace paralign::data
