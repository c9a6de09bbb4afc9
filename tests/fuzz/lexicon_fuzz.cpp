// Fuzz target for the lexicon reader (paralign/sentence_align.hpp: parse_lexicons, the files --lexicon reads): on
// arbitrary bytes it returns lexicons or a Status that names the line; never a crash. What it accepts writes back to
// text that reads again to the same text (the reader and the writer agree).
//   cmake --preset fuzz && cmake --build build-fuzz --target lexicon_fuzz
//   ./build-fuzz/fuzz/lexicon_fuzz -max_total_time=60 tests/fuzz/corpus/lexicon
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "paralign/sentence_align.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto set = paralign::parse_lexicons(bytes, "fuzz.lex");
  if (!set) {
    if (set.status().message().empty() || set.status().where().line == 0) std::abort();
    return 0;
  }
  const std::string text = paralign::lexicons_text(*set);
  auto again = paralign::parse_lexicons(text, "again.lex");
  if (!again || paralign::lexicons_text(*again) != text) std::abort();
  return 0;
}
