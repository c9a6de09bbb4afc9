// Fuzz target for the glossary reader (src/qa/glossary.hpp): CSV, TSV and TBX on arbitrary bytes. parse_glossary
// must return concepts whose terms all have a language, or a Status that says what is wrong; never crash or expand
// entities.
//   cmake --preset fuzz && cmake --build build-fuzz --target glossary_fuzz
//   ./build-fuzz/fuzz/glossary_fuzz -max_total_time=60 tests/fuzz/corpus/glossary
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "qa/glossary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto g = paralign::qa::parse_glossary(bytes, "fuzz.tbx", "zh", "en");
  if (!g) {
    if (g.status().message().empty()) std::abort();
    return 0;
  }
  for (const paralign::qa::Concept& c : g->concepts)
    for (const paralign::qa::Term& t : c.terms)
      if (t.language.empty()) std::abort();
  return 0;
}
