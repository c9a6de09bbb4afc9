// paralign/status.hpp — errors as values.
//
// Every stage of the library reports failure on input by returning a Status (or a Result<T> holding either a value
// or a Status), never by printing, exiting or throwing. A Status says what went wrong and where: the file, and when
// known the 1-based line and the byte offset. The command layer turns it into a one-line message and an exit code.
//
//   paralign::Result<paralign::Document> doc = paralign::read_document("A_59_181.zh.txt", {});
//   if (!doc) std::cerr << doc.status().to_string() << '\n';
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace paralign {

/// What kind of failure a Status reports. The CLI maps kInternal to exit 3 and the rest to exit 2.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  ///< an option or argument the caller gave is wrong
  kNotFound,         ///< a file does not exist
  kIsDirectory,      ///< a path names a directory where a file was expected
  kIo,               ///< reading or writing failed (permissions, full disk)
  kEmpty,            ///< an input holds no text
  kBinary,           ///< an input is not text (NUL bytes, control characters)
  kEncoding,         ///< an input is not valid in its (declared or detected) encoding
  kTooLarge,         ///< an input exceeds a configured limit
  kParse,            ///< an input is text but not in the expected format
  kMismatch,         ///< inputs do not belong together (e.g. different document symbols)
  kInternal,         ///< a bug in paralign
};

/// Where a failure was found. Empty file and zero line/byte mean "not known".
struct Location {
  std::string file;
  std::size_t line = 0;  ///< 1-based line, 0 when not known
  std::size_t byte = 0;  ///< byte offset in the file, meaningful when has_byte
  bool has_byte = false;
};

/// The outcome of an operation: ok, or an error code with a message and a location. Cheap to copy when ok.
class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, Location where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status ok_status() { return {}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  /// One line: "file:line: message" (parts that are not known are left out).
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  Location where_;
};

/// Either a value of type T or a non-ok Status; shaped like std::expected.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  /// The value; only valid when ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// The error; an ok Status when the Result holds a value.
  Status status() const { return ok() ? Status{} : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace paralign
