// Fuzz target for segmented input (one sentence per line): the structure stage with StructureOptions::segmented,
// and the aligner's line-keeping reader (build_segmented_document). Each source line must stand inside its block's
// text, in order.
//   cmake --preset fuzz && cmake --build build-fuzz --target segmented_fuzz
//   ./build-fuzz/fuzz/segmented_fuzz -max_total_time=60 tests/fuzz/corpus/segmented
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/align.hpp"
#include "paralign/read.hpp"
#include "paralign/structure.hpp"

namespace {

void check(const paralign::Document& doc) {
  for (const paralign::Block& b : doc.blocks) {
    std::size_t last = 0;
    for (const paralign::SourceLine& s : b.source_lines) {
      if (s.offset > b.text.size() || s.offset < last) std::abort();
      last = s.offset;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  paralign::ReadOptions opts;
  opts.segmented = true;
  opts.max_input_bytes = 4 << 20;
  auto decoded = paralign::decode_text(bytes, "fuzz.txt", opts);
  if (!decoded) return 0;
  paralign::StructureOptions so;
  so.segmented = true;
  so.language = paralign::detect_language(decoded->text);
  auto doc = paralign::build_structure(decoded->text, so);
  if (doc) check(*doc);
  check(paralign::build_segmented_document(decoded->text, so.language, "fuzz.txt"));
  return 0;
}
