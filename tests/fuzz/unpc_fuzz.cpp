// Fuzz target for the UN Parallel Corpus XML reader: parse_unpc must return a Document whose sentence starts and
// markers lie inside their blocks' text, or a Status naming the file. looks_like_unpc must not crash either.
//   cmake --preset fuzz && cmake --build build-fuzz --target unpc_fuzz
//   ./build-fuzz/fuzz/unpc_fuzz -max_total_time=60 tests/fuzz/corpus/unpc
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/read_formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)paralign::looks_like_unpc(bytes);
  paralign::ReadOptions opts;
  opts.max_input_bytes = 4 << 20;
  auto doc = paralign::parse_unpc(bytes, "fuzz.xml", opts);
  if (!doc.ok()) {
    if (doc.status().where().file != "fuzz.xml") std::abort();
    return 0;
  }
  for (const paralign::Block& b : doc->blocks) {
    for (const paralign::SourceLine& s : b.source_lines)
      if (s.offset > b.text.size()) std::abort();
    for (const paralign::FootnoteMarker& m : b.markers)
      if (m.offset > b.text.size()) std::abort();
  }
  return 0;
}
