// Fuzz target for the PDF reader: Poppler on arbitrary bytes, then the plain-text path on whatever text it finds.
// parse_pdf must return a Document or a Status naming the file; never crash or hang.
//   cmake --preset fuzz && cmake --build build-fuzz --target pdf_fuzz
//   ./build-fuzz/fuzz/pdf_fuzz -max_total_time=60 -max_len=65536 tests/fuzz/corpus/pdf
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/read_formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  paralign::ReadOptions opts;
  opts.max_input_bytes = 4 << 20;
  auto doc = paralign::parse_pdf(bytes, "fuzz.pdf", opts);
  if (!doc.ok() && doc.status().where().file != "fuzz.pdf") std::abort();
  return 0;
}
