// Fuzz target for the HTML reader (libxml2's HTML parser, the block walk, footnote references and sections, the
// paragraph layout and the structure stage after it). parse_html must return a Document whose blocks all hold
// text, or a Status naming the file.
//   cmake --preset fuzz && cmake --build build-fuzz --target html_fuzz
//   ./build-fuzz/fuzz/html_fuzz -max_total_time=60 tests/fuzz/corpus/html
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "paralign/read_formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  paralign::ReadOptions opts;
  opts.max_input_bytes = 4 << 20;
  auto doc = paralign::parse_html(bytes, "fuzz.html", opts);
  if (!doc.ok()) {
    if (doc.status().where().file != "fuzz.html") std::abort();
    return 0;
  }
  for (const paralign::Block& b : doc->blocks) {
    for (const paralign::FootnoteMarker& m : b.markers)
      if (m.offset > b.text.size()) std::abort();
  }
  return 0;
}
