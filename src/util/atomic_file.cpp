#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace paralign {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string path, std::string tmp) : path_(std::move(path)), tmp_(std::move(tmp)) {
  out_.open(tmp_, std::ios::binary | std::ios::trunc);
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(tmp_.c_str());
  }
}

Result<AtomicFile*> AtomicFile::open(const std::string& path, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const auto& in : inputs) {
    if (fs::exists(path, ec) && fs::equivalent(path, in, ec)) {
      return Status(ErrorCode::kInvalidArgument, "output would overwrite an input file; choose another output path",
                    {path});
    }
    if (fs::weakly_canonical(path, ec) == fs::weakly_canonical(in, ec)) {
      return Status(ErrorCode::kInvalidArgument, "output would overwrite an input file; choose another output path",
                    {path});
    }
  }
  if (fs::is_directory(path, ec)) {
    return Status(ErrorCode::kIsDirectory, "output path is a directory; give a file name", {path});
  }
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec)) {
    return Status(ErrorCode::kIo, "output folder does not exist: " + dir.string(), {path});
  }
  std::string tmpl = (dir / ("." + fs::path(path).filename().string() + ".XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0) {
    return Status(ErrorCode::kIo, std::string("cannot write in the output folder: ") + std::strerror(errno),
                  {path});
  }
  ::close(fd);
  auto* f = new AtomicFile(path, std::string(buf.data()));
  if (!f->out_) {
    delete f;
    return Status(ErrorCode::kIo, "cannot open a temporary file beside the output", {path});
  }
  return f;
}

Status AtomicFile::commit() {
  out_.flush();
  const bool good = static_cast<bool>(out_);
  out_.close();
  if (!good || out_.fail()) {
    return Status(ErrorCode::kIo, "writing failed (disk full?); the previous file is left as it was", {path_});
  }
  // The data must be on the disk before the rename makes it the file: otherwise a crash or power cut right after
  // the rename can leave an empty file where the user's previous output was.
  if (const int fd = ::open(tmp_.c_str(), O_RDONLY); fd >= 0) {
    const int synced = ::fsync(fd);
    ::close(fd);
    if (synced != 0) {
      return Status(ErrorCode::kIo,
                    std::string("writing failed: ") + std::strerror(errno) + "; the previous file is left as it was",
                    {path_});
    }
  }
  // Keep the permissions a new file would get (mkstemp creates 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmp_.c_str(), 0666 & ~mask);
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    return Status(ErrorCode::kIo, std::string("cannot rename the output into place: ") + std::strerror(errno),
                  {path_});
  }
  committed_ = true;
  return {};
}

Status write_file_atomically(const std::string& path, std::string_view content,
                             const std::vector<std::string>& inputs) {
  auto opened = AtomicFile::open(path, inputs);
  if (!opened) return opened.status();
  std::unique_ptr<AtomicFile> f(*opened);
  f->stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return f->commit();
}

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status(ErrorCode::kNotFound, "no such file", {path});
  if (fs::is_directory(st)) return Status(ErrorCode::kIsDirectory, "is a directory, not a file", {path});
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open for reading (permissions?)", {path});
  std::string data;
  if (fs::is_regular_file(st)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
      return Status(ErrorCode::kTooLarge,
                    "file is larger than the limit of " + std::to_string(max_bytes / (1024 * 1024)) +
                        " MB (raise it with --max-input-mb)",
                    {path});
    }
    if (!ec) data.reserve(size);
  }
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) {
      return Status(ErrorCode::kTooLarge, "input is larger than the limit (raise it with --max-input-mb)", {path});
    }
  }
  if (in.bad()) return Status(ErrorCode::kIo, "reading failed", {path});
  return data;
}

}  // namespace paralign
