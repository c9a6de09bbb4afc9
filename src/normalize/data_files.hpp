// Internal: reading the reference and quantity rule files through the shared data-folder lookup (util/data_dir.hpp)
// with a check of each record's column count.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "paralign/status.hpp"
#include "util/data_dir.hpp"

namespace paralign::data {

/// A data file read and checked: its records and its full path for error messages.
struct Table {
  std::string path;
  std::vector<DataLine> rows;
};

/// Finds `relative` in the data folder (`override_dir` first when not empty; see util/data_dir.hpp), reads it in
/// the common line format and checks that each record has between `min_cols` and `max_cols` fields.
/// Errors: those of find_data_file and read_data_lines; kParse for a wrong field count, naming file and line.
/// Thread-safe.
Result<Table> read_table(const std::string& relative, const std::string& override_dir, std::size_t min_cols,
                         std::size_t max_cols);

/// A kParse Status pointing at `row` of `table`.
Status bad_row(const Table& table, const DataLine& row, const std::string& what);

}  // namespace paralign::data
