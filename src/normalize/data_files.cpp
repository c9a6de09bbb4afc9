#include "normalize/data_files.hpp"

#include <fmt/format.h>

namespace paralign::data {

Status bad_row(const Table& table, const DataLine& row, const std::string& what) {
  Location where;
  where.file = table.path;
  where.line = row.line;
  return Status(ErrorCode::kParse, what, where);
}

Result<Table> read_table(const std::string& relative, const std::string& override_dir, std::size_t min_cols,
                         std::size_t max_cols) {
  auto path = find_data_file(relative, override_dir);
  if (!path) return path.status();
  auto lines = read_data_lines(*path);
  if (!lines) return lines.status();
  Table table{*path, std::move(*lines)};
  for (const DataLine& row : table.rows)
    if (row.fields.size() < min_cols || row.fields.size() > max_cols)
      return bad_row(table, row,
                     fmt::format("expected {} to {} TAB-separated columns, found {}", min_cols, max_cols,
                                 row.fields.size()));
  return table;
}

}  // namespace paralign::data
