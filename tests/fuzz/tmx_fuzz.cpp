// Fuzz target: the TMX reader on arbitrary bytes, and the writer on whatever it reads (the writer must accept every
// unit the reader produces, inline markup included, or refuse it with a Status; never crash or write invalid XML).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "paralign/tmx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  paralign::TmxReaderOptions options;
  options.max_bytes = 1 << 20;
  options.max_issues = 50;
  auto reader = paralign::TmxReader::open_memory(bytes, "fuzz.tmx", options);
  if (!reader) return 0;
  paralign::TmxHeader header = (*reader)->header();
  header.creationtool = "paralign";
  header.creationtoolversion = "fuzz";
  header.segtype = "sentence";
  header.o_tmf = "fuzz";
  header.adminlang = "en";
  header.datatype = "plaintext";
  header.creationdate.clear();
  if (header.srclang.empty()) header.srclang = "en";
  paralign::TmxWriterOptions wopts;
  wopts.check_languages = false;
  std::ostringstream out;
  auto writer = paralign::TmxWriter::open_stream(out, header, wopts);
  paralign::TmxStats stats;
  paralign::TranslationUnit unit;
  while (true) {
    auto more = (*reader)->next(unit);
    if (!more || !*more) break;
    stats.add(unit);
    (void)paralign::unit_identity(unit);
    if (writer) (void)(*writer)->add(unit);
  }
  if (writer && (*writer)->finish().ok()) {
    // What the writer wrote must read back.
    const std::string written = out.str();
    auto again = paralign::TmxReader::open_memory(written, "rewritten.tmx", options);
    if (!again) __builtin_trap();
    while (true) {
      auto more = (*again)->next(unit);
      if (!more) __builtin_trap();
      if (!*more) break;
    }
  }
  return 0;
}
