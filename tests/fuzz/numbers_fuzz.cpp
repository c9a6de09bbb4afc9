// libFuzzer target for find_quantities: any bytes, in each language, must give quantities whose spans lie inside
// the input, point at the bytes they report, come in text order without overlapping, and carry a non-empty key.
// The first byte picks the language so the fuzzer explores every language's rules.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/numbers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kLangs[] = {"zh", "en", "fr", "es", "ru", "ar", "xx"};
  const char* lang = kLangs[data[0] % 7];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t last_end = 0;
  for (const paralign::Quantity& q : paralign::find_quantities(text, lang)) {
    if (q.offset < last_end || q.offset + q.length > text.size() || q.length == 0) std::abort();
    if (text.substr(q.offset, q.length) != q.text || q.key.empty()) std::abort();
    last_end = q.offset + q.length;
  }
  return 0;
}
