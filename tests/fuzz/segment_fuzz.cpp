// libFuzzer target for the segment stage: split() and tokenize() on arbitrary bytes must not crash, and must keep
// their contracts (spans ascending, disjoint, trimmed, covering every non-space byte; tokens inside the sentence).
//
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DPARALIGN_FUZZ=ON -DBUILD_TESTING=OFF \
//         -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" \
//         -DPARALIGN_BENCH=OFF && cmake --build build-fuzz --target segment_fuzz -j2
//   mkdir -p /tmp/seg-corpus && cp tests/fuzz/corpus/segment/* /tmp/seg-corpus/   # libFuzzer adds to its corpus
//   build-fuzz/fuzz/segment_fuzz -max_total_time=120 -max_len=2048 /tmp/seg-corpus
//
// The first byte picks the language; the rest is the paragraph.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "paralign/segment.hpp"

namespace {

const char* const kLanguages[] = {"en", "zh", "fr", "es", "ru", "ar"};

// Decodes one well-formed code point at `i` (its byte count in `len`), or returns 0xFFFD with len 1. Written
// independently of src/util/utf8.cpp so the check does not share its bugs.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = 1;
  if (b0 < 0x80) return b0;
  const std::size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (n == 0 || b0 > 0xF4 || i + n > s.size()) return 0xFFFD;
  char32_t cp = b0 & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  len = n;
  return cp;
}

// The white space split() trims.
bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  const char32_t c = decode_at(s, i, len);
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<paralign::Segmenter> segmenters = [] {
    std::vector<paralign::Segmenter> v;
    for (const char* lang : kLanguages) {
      paralign::SegmentOptions opts;
      opts.language = lang;
      auto seg = paralign::Segmenter::create(opts);
      if (!seg) std::abort();
      v.push_back(*seg);
    }
    return v;
  }();
  if (size == 0) return 0;
  const std::size_t which = data[0] % segmenters.size();
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const auto spans = segmenters[which].split(text);
  std::vector<unsigned char> covered(text.size(), 0);
  std::size_t prev_end = 0;
  for (const auto& s : spans) {
    if (s.length == 0 || s.offset < prev_end || s.end() > text.size()) std::abort();
    std::size_t len = 0;
    if (is_space_at(text, s.offset, len)) std::abort();  // not trimmed at the start
    for (std::size_t i = s.offset; i < s.end(); ++i) covered[i] = 1;
    prev_end = s.end();
  }
  // Outside the spans there are only spaces.
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    if (!covered[i] && !is_space_at(text, i, len)) std::abort();
    i += covered[i] ? 1 : len;
  }
  const auto decisions = segmenters[which].explain(text);
  std::size_t kept = 0;
  for (const auto& d : decisions) kept += d.kept ? 1 : 0;
  if (!text.empty() && !spans.empty() && kept + 1 < spans.size()) std::abort();

  for (const auto& span : spans) {
    const std::string_view sentence = text.substr(span.offset, span.length);
    std::size_t prev = 0;
    for (const auto& t : paralign::tokenize(sentence, kLanguages[which])) {
      if (t.offset < prev || t.offset + t.length > sentence.size() || t.text.empty()) std::abort();
      prev = t.offset + t.length;
    }
  }
  return 0;
}
