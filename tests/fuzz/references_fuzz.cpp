// libFuzzer target for find_references: any bytes must give references whose spans lie inside the input, point at
// the bytes they report, come in text order without overlapping, and carry a non-empty key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/references.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t last_end = 0;
  for (const paralign::Reference& r : paralign::find_references(text)) {
    if (r.offset < last_end || r.offset + r.length > size || r.length == 0) std::abort();
    if (text.substr(r.offset, r.length) != r.text || r.key.empty()) std::abort();
    last_end = r.offset + r.length;
  }
  return 0;
}
