// Fuzz target for the plain-text reader as `paralign inspect` runs it: decode (encoding detection), language
// detection, then the structure stage (reflow, furniture, notes and markers, heading/paragraph chains). Every
// block's markers must lie inside its text, and the document must come back or a Status name the file.
//   cmake --preset fuzz && cmake --build build-fuzz --target text_fuzz
//   ./build-fuzz/fuzz/text_fuzz -max_total_time=60 tests/fuzz/corpus/text
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/read.hpp"
#include "paralign/structure.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  paralign::ReadOptions opts;
  opts.max_input_bytes = 4 << 20;
  auto decoded = paralign::decode_text(bytes, "fuzz.txt", opts);
  if (!decoded) return 0;
  paralign::StructureOptions so;
  so.language = paralign::detect_language(decoded->text);
  so.path = "fuzz.txt";
  auto doc = paralign::build_structure(decoded->text, so);
  if (!doc) {
    if (doc.status().message().empty()) std::abort();
    return 0;
  }
  for (const paralign::Block& b : doc->blocks) {
    for (const paralign::FootnoteMarker& m : b.markers)
      if (m.offset > b.text.size()) std::abort();
    if (b.lines.first > b.lines.last) std::abort();
  }
  return 0;
}
