// Internal: finding and reading the language data files under corpora/data/ (installed as share/paralign/).
//
// The files are UTF-8 text, one record a line, TAB-separated columns, '#' comment lines and blank lines ignored.
// Each stage that needs data reads it once, when its rule object is built, and reports a bad file as a Status that
// names the file and the line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "paralign/status.hpp"

namespace paralign::data {

/// The data folder used when the caller names none: $PARALIGN_DATA_DIR when set, else the source tree's
/// corpora/data when it exists (build tree, tests), else the installed share/paralign.
std::string default_dir();

/// One record of a data file: its columns and the 1-based line it came from.
struct Row {
  std::vector<std::string> cols;
  std::size_t line = 0;
};

/// Reads `dir`/`relative` as TSV. Each record must have between `min_cols` and `max_cols` columns.
/// Errors: kNotFound (file missing), kIo, kEncoding (not UTF-8), kParse (wrong column count, empty column),
/// each naming the file and line. Thread-safe.
Result<std::vector<Row>> read_tsv(const std::string& dir, const std::string& relative, std::size_t min_cols,
                                  std::size_t max_cols);

/// A kParse Status pointing at `row` of `dir`/`relative`.
Status bad_row(const std::string& dir, const std::string& relative, const Row& row, const std::string& what);

}  // namespace paralign::data
