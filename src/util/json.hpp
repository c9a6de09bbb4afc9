// Internal: a small streaming JSON writer with deterministic output (keys in the order written, two-space indent).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace paralign::json {

/// Escapes `s` as the inside of a JSON string (no quotes added). Invalid UTF-8 bytes become U+FFFD.
std::string escape(std::string_view s);

/// Builds a JSON text. Calls must nest correctly; `key` is needed before each value inside an object.
class Writer {
 public:
  explicit Writer(bool pretty = true) : pretty_(pretty) {}
  Writer& begin_object();
  Writer& end_object();
  Writer& begin_array();
  Writer& end_array();
  Writer& key(std::string_view k);
  Writer& value(std::string_view s);
  Writer& value(const char* s) { return value(std::string_view(s)); }
  Writer& value(const std::string& s) { return value(std::string_view(s)); }
  Writer& value(std::int64_t n);
  Writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
  Writer& value(std::size_t n) { return value(static_cast<std::int64_t>(n)); }
  Writer& value(double d);
  Writer& value(bool b);
  Writer& null();
  template <typename T>
  Writer& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  /// The text written so far (complete once every object and array is closed), with a final newline when pretty.
  std::string str() const { return pretty_ ? out_ + "\n" : out_; }
  /// Sends the text written so far to `out` and forgets it, so that a long document is never held whole; the
  /// text sent in pieces, then finish(), equals str().
  void drain(std::ostream& out) {
    out << out_;
    out_.clear();
  }
  /// drain(), then the final newline str() adds when pretty.
  void finish(std::ostream& out) {
    drain(out);
    if (pretty_) out << '\n';
  }

 private:
  void before_value();
  void newline();
  std::string out_;
  std::vector<int> counts_;  // items written in each open container
  bool pretty_;
  bool after_key_ = false;
};

}  // namespace paralign::json
