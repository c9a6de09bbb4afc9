// Fuzz target for the read stage's decoding and language detection. The first byte picks how the rest is declared
// (detect, UTF-8, GB18030, UTF-16LE, windows-1252); whatever the bytes, decode_text must either fail with a
// status naming the input or return valid UTF-8 without CR or NUL, and detect_language must return one of the
// known codes or "".
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DPARALIGN_FUZZ=ON -DBUILD_TESTING=OFF
//   cmake --build build-fuzz --target decode_fuzz && ./build-fuzz/fuzz/decode_fuzz -max_total_time=60
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unicode/ustring.h>

#include "paralign/read.hpp"

namespace {

bool valid_utf8(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8(nullptr, 0, &n, s.data(), static_cast<int32_t>(s.size()), &err);
  return err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(err);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kDeclared[] = {"", "UTF-8", "GB18030", "UTF-16LE", "windows-1252"};
  paralign::ReadOptions opts;
  opts.encoding = kDeclared[data[0] % 5];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto decoded = paralign::decode_text(bytes, "fuzz.txt", opts);
  if (!decoded) {
    if (decoded.status().message().empty() || decoded.status().where().file != "fuzz.txt") std::abort();
    return 0;
  }
  const std::string& text = decoded->text;
  if (!valid_utf8(text) || text.find('\r') != std::string::npos || text.find('\0') != std::string::npos) {
    std::abort();
  }
  const std::string lang = paralign::detect_language(text);
  if (!(lang.empty() || lang == "zh" || lang == "en" || lang == "fr" || lang == "es" || lang == "ru" ||
        lang == "ar")) {
    std::abort();
  }
  return 0;
}
