// Internal: outputs are written to a temporary file beside the destination and renamed into place, so a failed run
// never leaves a half-written file over a good one.
#pragma once

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

/// A file being written. Write through stream(); commit() renames it into place. If commit() is not called (an
/// error, an exception), the destructor removes the temporary file and the destination is untouched.
class AtomicFile {
 public:
  /// Opens a temporary file in the destination's folder. Fails with kIo when the folder is not writable, and with
  /// kInvalidArgument when `path` names one of `inputs` (same file by identity, not only by spelling).
  static Result<AtomicFile*> open(const std::string& path, const std::vector<std::string>& inputs = {});

  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ofstream& stream() { return out_; }
  /// Flushes, checks for write errors (full disk) and renames into place.
  Status commit();

 private:
  AtomicFile(std::string path, std::string tmp);
  std::string path_;
  std::string tmp_;
  std::ofstream out_;
  bool committed_ = false;
};

/// Writes `content` to `path` atomically.
Status write_file_atomically(const std::string& path, std::string_view content,
                             const std::vector<std::string>& inputs = {});

/// Reads a whole file. Errors: kNotFound, kIsDirectory, kIo, kTooLarge (over `max_bytes`).
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

}  // namespace paralign
