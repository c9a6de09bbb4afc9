#include "normalize/data_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace paralign::data {

std::string default_dir() {
  if (const char* env = std::getenv("PARALIGN_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
#ifdef PARALIGN_SOURCE_DATA_DIR
  if (std::filesystem::is_directory(PARALIGN_SOURCE_DATA_DIR, ec)) return PARALIGN_SOURCE_DATA_DIR;
#endif
#ifdef PARALIGN_INSTALL_DATA_DIR
  return PARALIGN_INSTALL_DATA_DIR;
#else
  return "corpora/data";
#endif
}

Status bad_row(const std::string& dir, const std::string& relative, const Row& row, const std::string& what) {
  Location where;
  where.file = dir + "/" + relative;
  where.line = row.line;
  return Status(ErrorCode::kParse, what, where);
}

Result<std::vector<Row>> read_tsv(const std::string& dir, const std::string& relative, std::size_t min_cols,
                                  std::size_t max_cols) {
  const std::string path = dir + "/" + relative;
  Location file_only;
  file_only.file = path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status(ErrorCode::kNotFound, fmt::format("language data file is missing (data folder: {})", dir),
                  file_only);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open language data file", file_only);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::size_t bad = 0;
  if (!utf8::valid(text, &bad)) {
    Location where = file_only;
    where.byte = bad;
    where.has_byte = true;
    return Status(ErrorCode::kEncoding, "language data file is not valid UTF-8", where);
  }
  std::vector<Row> rows;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Row row;
    row.line = line_no;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      row.cols.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.cols.size() < min_cols || row.cols.size() > max_cols)
      return bad_row(dir, relative, row,
                     fmt::format("expected {} to {} TAB-separated columns, found {}", min_cols, max_cols,
                                 row.cols.size()));
    for (const std::string& col : row.cols)
      if (col.empty()) return bad_row(dir, relative, row, "empty column");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace paralign::data
