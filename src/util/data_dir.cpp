#include "util/data_dir.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "util/atomic_file.hpp"
#include "util/utf8.hpp"

namespace paralign::data {

namespace fs = std::filesystem;

namespace {

bool is_dir(const std::string& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

constexpr std::size_t kMaxDataFileBytes = std::size_t{16} << 20;

// The data folder of an installed paralign sits beside its binary's folder (PREFIX/bin/paralign and
// PREFIX/share/paralign), whatever PREFIX the package or `cmake --install --prefix` chose. Empty when the running
// executable cannot be located (no /proc).
std::string data_dir_beside_executable() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  return (exe.parent_path().parent_path() / "share" / "paralign").string();
}

}  // namespace

Result<std::string> find_data_dir(std::string_view override_dir) {
  if (!override_dir.empty()) {
    std::string dir(override_dir);
    if (!is_dir(dir)) return Status(ErrorCode::kNotFound, fmt::format("data folder {} does not exist", dir));
    return dir;
  }
  if (const char* env = std::getenv("PARALIGN_DATA_DIR"); env != nullptr && *env != '\0') {
    std::string dir(env);
    if (!is_dir(dir)) {
      return Status(ErrorCode::kNotFound, fmt::format("data folder {} (from $PARALIGN_DATA_DIR) does not exist", dir));
    }
    return dir;
  }
  // Installed first: an installed binary must use the data it was installed with, even when the source tree it
  // was built from is still on the machine.
  const std::string beside = data_dir_beside_executable();
  if (!beside.empty() && is_dir(beside)) return beside;
#ifdef PARALIGN_SOURCE_DATA_DIR
  if (is_dir(PARALIGN_SOURCE_DATA_DIR)) return std::string(PARALIGN_SOURCE_DATA_DIR);
#endif
#ifdef PARALIGN_INSTALL_DATA_DIR
  if (is_dir(PARALIGN_INSTALL_DATA_DIR)) return std::string(PARALIGN_INSTALL_DATA_DIR);
#endif
  std::string tried;
  if (!beside.empty()) tried += " " + beside;
#ifdef PARALIGN_SOURCE_DATA_DIR
  tried += std::string(" ") + PARALIGN_SOURCE_DATA_DIR;
#endif
#ifdef PARALIGN_INSTALL_DATA_DIR
  tried += std::string(" ") + PARALIGN_INSTALL_DATA_DIR;
#endif
  return Status(ErrorCode::kNotFound,
                fmt::format("no paralign data folder found (tried:{}); set $PARALIGN_DATA_DIR", tried));
}

Result<std::string> find_data_file(std::string_view relative, std::string_view override_dir) {
  Result<std::string> dir = find_data_dir(override_dir);
  if (!dir) return dir.status();
  std::string path = (fs::path(*dir) / fs::path(std::string(relative))).string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Status(ErrorCode::kNotFound, fmt::format("data file {} does not exist", path), Location{path});
  }
  return path;
}

Result<std::vector<DataLine>> parse_data_lines(std::string_view text, const std::string& name) {
  std::size_t bad = 0;
  if (!utf8::valid(text, &bad)) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n' ? 1 : 0;
    return Status(ErrorCode::kEncoding, "invalid UTF-8", Location{name, line, bad, true});
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    return Status(ErrorCode::kParse, "data files must not start with a byte order mark", Location{name, 1, 0, true});
  }
  std::vector<DataLine> out;
  std::size_t pos = 0;
  std::size_t line_no = 0;
  while (pos < text.size()) {
    ++line_no;
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    const std::size_t line_start = pos;
    pos = eol + 1;
    if (line.find('\r') != std::string_view::npos) {
      return Status(ErrorCode::kParse, "CR in line (data files use LF line ends)",
                    Location{name, line_no, line_start, true});
    }
    if (utf8::trim(line).empty() || line.front() == '#') continue;
    DataLine entry;
    entry.line = line_no;
    std::size_t f = 0;
    while (true) {
      std::size_t tab = line.find('\t', f);
      const std::string_view field = line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f);
      if (field.empty()) {
        return Status(ErrorCode::kParse, "empty field (two TABs in a row, or a TAB at an end of the line)",
                      Location{name, line_no, line_start + f, true});
      }
      if (utf8::trim(field).size() != field.size()) {
        return Status(ErrorCode::kParse, fmt::format("field \"{}\" has leading or trailing spaces", field),
                      Location{name, line_no, line_start + f, true});
      }
      entry.fields.emplace_back(field);
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::vector<DataLine>> read_data_lines(const std::string& path) {
  Result<std::string> text = read_file(path, kMaxDataFileBytes);
  if (!text) return text.status();
  return parse_data_lines(*text, path);
}

}  // namespace paralign::data
