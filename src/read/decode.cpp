// Decoding a file's bytes to UTF-8: the encoding is taken from --encoding, else a byte-order mark, else a strict
// UTF-8 check, else ICU's charset detector when it is sure enough. Every step is one pass over the input, so a
// 50 MB file on a single line costs what a 50 MB file of short lines costs.
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <string>

#include "paralign/read.hpp"
#include "read/decode_internal.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

// Below this ICU confidence (0..100) a guess is not trusted and the user is asked for --encoding. Real reports in
// GB18030 score 100 and French or Spanish prose in windows-1252 scores 80 or more; a handful of accented words
// scores under 20.
constexpr int kMinConfidence = 40;

// How much of the input the detector looks at: enough for a stable guess, small enough to keep detection cheap.
constexpr std::size_t kDetectSample = std::size_t{64} << 10;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

std::string hex_bytes(std::string_view b) {
  std::string out;
  for (std::size_t i = 0; i < b.size() && i < 4; ++i) {
    if (!out.empty()) out += ' ';
    out += fmt::format("0x{:02X}", static_cast<unsigned char>(b[i]));
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Case- and punctuation-insensitive comparison of charset names, as ICU does it ("utf8" == "UTF-8").
bool same_charset(const std::string& a, const char* b) { return ucnv_compareNames(a.c_str(), b) == 0; }

// UTF-16 and UTF-32 hold NUL bytes in ordinary text; single-byte and multi-byte charsets do not.
bool is_wide_charset(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name.c_str(), &err));
  return U_SUCCESS(err) && cnv && ucnv_getMinCharSize(cnv.get()) > 1;
}

Status binary_status(const std::string& name, std::size_t at, std::string_view bytes) {
  Location where{name, line_at(bytes, at), at, true};
  return Status(ErrorCode::kBinary,
                fmt::format("not a text file: NUL byte at byte {} (if it is UTF-16 without a byte-order mark, give "
                            "--encoding UTF-16LE or --encoding UTF-16BE)",
                            at),
                where);
}

// Appends UTF-16 code units to UTF-8 output; a lead surrogate at the end of a chunk waits in `pending`.
void append_utf16(std::string& out, const UChar* begin, const UChar* end, UChar& pending) {
  for (const UChar* p = begin; p < end; ++p) {
    const char32_t u = *p;
    if (pending) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        utf8::append(out, 0x10000 + ((static_cast<char32_t>(pending) - 0xD800) << 10) + (u - 0xDC00));
        pending = 0;
        continue;
      }
      utf8::append(out, 0xFFFD);  // ICU's stop callback makes this unreachable; keep the output valid anyway
      pending = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      pending = static_cast<UChar>(u);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      utf8::append(out, 0xFFFD);
    } else {
      utf8::append(out, u);
    }
  }
}

// Converts `bytes` from `charset` to UTF-8, stopping at the first byte sequence that is not valid in it.
// `base` is where `bytes` starts in the file (after a BOM), so positions in messages are file offsets.
Status convert_with_icu(std::string_view bytes, std::size_t base, const std::string& charset, const std::string& name,
                        const std::string& why, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err) || !cnv) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("unknown encoding '{}' (try UTF-8, UTF-16LE, UTF-16BE, GB18030, windows-1252)", charset),
                  {name});
  }
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2);
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  constexpr std::size_t kChunk = 1 << 15;
  std::unique_ptr<UChar[]> buf(new UChar[kChunk]);
  UChar pending = 0;
  for (;;) {
    UChar* target = buf.get();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, buf.get() + kChunk, &src, src_end, nullptr, true, &err);
    append_utf16(out, buf.get(), target, pending);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      char bad[32];
      int8_t bad_len = sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv.get(), bad, &bad_len, &e2);
      if (U_FAILURE(e2)) bad_len = 0;
      const std::size_t at =
          base + static_cast<std::size_t>(src - bytes.data()) - static_cast<std::size_t>(bad_len);
      const std::size_t line = 1 + static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
      const std::string what = err == U_TRUNCATED_CHAR_FOUND
                                   ? std::string("the file ends inside a character")
                                   : "bytes " + hex_bytes(std::string_view(bad, static_cast<std::size_t>(bad_len))) +
                                         " are not a character there";
      return Status(ErrorCode::kEncoding,
                    fmt::format("invalid {} at byte {}: {} ({}); give the right encoding with --encoding", charset, at,
                                what, why),
                    {name, line, at, true});
    }
    break;
  }
  if (pending) utf8::append(out, 0xFFFD);
  return {};
}

// The IANA/MIME name of a charset as users know it ("windows-1252" rather than ICU's internal "ibm-5348_P100-1997").
std::string display_name(const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(charset.c_str(), "", &err);
  if (U_FAILURE(err) || !canonical) canonical = charset.c_str();
  for (const char* standard : {"MIME", "IANA"}) {
    err = U_ZERO_ERROR;
    const char* n = ucnv_getStandardName(canonical, standard, &err);
    if (U_SUCCESS(err) && n) return n;
  }
  return charset;
}

// Encodings the detector may choose on its own. Others (Shift_JIS, EUC-KR, ISO-2022-*, EBCDIC...) are not UN
// report encodings; when the detector proposes one, the text is more likely something we misread, so we ask.
const char* accepted_detection(const char* detected) {
  static const char* const kAccepted[][2] = {
      {"GB18030", "GB18030"},           {"Big5", "Big5"},
      {"windows-1252", "windows-1252"}, {"ISO-8859-1", "windows-1252"},  // 1252 is 8859-1 plus printable C1
      {"windows-1251", "windows-1251"}, {"KOI8-R", "KOI8-R"},
      {"ISO-8859-5", "ISO-8859-5"},     {"windows-1256", "windows-1256"},
      {"ISO-8859-6", "ISO-8859-6"},
  };
  for (const auto& a : kAccepted) {
    if (std::strcmp(detected, a[0]) == 0) return a[1];
  }
  return nullptr;
}

// CRLF and lone CR become LF, in place, in one pass.
void normalise_line_ends(std::string& s) {
  if (s.find('\r') == std::string::npos) return;
  std::size_t w = 0;
  for (std::size_t r = 0; r < s.size(); ++r) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    } else {
      s[w++] = s[r];
    }
  }
  s.resize(w);
}

Status check_utf8(std::string_view bytes, std::size_t base, const std::string& name, const std::string& why,
                  std::string_view whole) {
  std::size_t bad = 0;
  if (utf8::valid(bytes, &bad)) return {};
  const std::size_t at = base + bad;
  return Status(ErrorCode::kEncoding,
                fmt::format("invalid UTF-8 at byte {} (byte 0x{:02X}) although {}; fix the file or give its real "
                            "encoding with --encoding",
                            at, static_cast<unsigned char>(whole[at]), why),
                {name, line_at(whole, at), at, true});
}

}  // namespace

std::size_t line_at(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++line;
    } else if (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')) {
      ++line;
    }
  }
  return line;
}

Result<DecodedText> decode_text(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge,
                  fmt::format("input is larger than the limit of {} MB (raise it with --max-input-mb)",
                              options.max_input_bytes >> 20),
                  {name});
  }
  if (bytes.empty()) return Status(ErrorCode::kEmpty, "the file is empty", {name});

  DecodedText result;
  std::string charset;  // what to convert from; empty for UTF-8, which needs only checking
  std::string why;      // how the encoding was chosen, for messages
  std::size_t skip = 0;  // bytes of BOM to drop
  bool checked = false;  // already known to be valid UTF-8

  if (!options.encoding.empty()) {
    charset = options.encoding;
    why = "--encoding " + options.encoding + " was given";
    if (same_charset(charset, "UTF-8")) {
      charset.clear();
      if (starts_with(bytes, "\xEF\xBB\xBF")) skip = 3;
    }
  } else if (starts_with(bytes, "\xEF\xBB\xBF")) {
    skip = 3;
    why = "the file starts with a UTF-8 byte-order mark";
  } else if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
    charset = "UTF-32LE", skip = 4, why = "the file starts with a UTF-32LE byte-order mark";
  } else if (starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    charset = "UTF-32BE", skip = 4, why = "the file starts with a UTF-32BE byte-order mark";
  } else if (starts_with(bytes, "\xFF\xFE")) {
    charset = "UTF-16LE", skip = 2, why = "the file starts with a UTF-16LE byte-order mark";
  } else if (starts_with(bytes, "\xFE\xFF")) {
    charset = "UTF-16BE", skip = 2, why = "the file starts with a UTF-16BE byte-order mark";
  } else {
    // No declaration: NUL bytes mean binary (UTF-16 without a BOM is not guessed; --encoding says it).
    if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
      return binary_status(name, static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data()), bytes);
    }
    if (utf8::valid(bytes)) {
      why = "the text is valid UTF-8";
      checked = true;
    } else {
      UErrorCode err = U_ZERO_ERROR;
      std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
      const std::string_view sample = bytes.substr(0, kDetectSample);
      ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
      const UCharsetMatch* match = U_SUCCESS(err) ? ucsdet_detect(det.get(), &err) : nullptr;
      const char* detected = match && U_SUCCESS(err) ? ucsdet_getName(match, &err) : nullptr;
      const int confidence = match && U_SUCCESS(err) ? ucsdet_getConfidence(match, &err) : 0;
      const char* accepted = detected ? accepted_detection(detected) : nullptr;
      if (!accepted || confidence < kMinConfidence) {
        std::size_t bad = 0;
        utf8::valid(bytes, &bad);
        return Status(ErrorCode::kEncoding,
                      fmt::format("cannot tell the encoding: not UTF-8 (byte {}), and the best guess{} is too "
                                  "uncertain; give it with --encoding (e.g. GB18030, windows-1252, UTF-16LE)",
                                  bad,
                                  detected ? fmt::format(" ({}, confidence {}/100)", detected, confidence)
                                           : std::string()),
                      {name, line_at(bytes, bad), bad, true});
      }
      charset = accepted;
      why = fmt::format("the text looks like {} (confidence {}/100)", accepted, confidence);
    }
  }

  const std::string_view body = bytes.substr(skip);
  if (!charset.empty() && !is_wide_charset(charset)) {
    if (const void* nul = std::memchr(body.data(), 0, body.size())) {
      return binary_status(name, skip + static_cast<std::size_t>(static_cast<const char*>(nul) - body.data()),
                           bytes);
    }
  }
  if (charset.empty()) {
    if (!checked) {
      if (Status st = check_utf8(body, skip, name, why, bytes); !st.ok()) return st;
    }
    if (const void* nul = std::memchr(body.data(), 0, body.size())) {
      return binary_status(name, skip + static_cast<std::size_t>(static_cast<const char*>(nul) - body.data()),
                           bytes);
    }
    result.text.assign(body);
    result.encoding = "UTF-8";
  } else {
    if (Status st = convert_with_icu(body, skip, charset, name, why, result.text); !st.ok()) return st;
    // A BOM that --encoding UTF-16 (without LE/BE) or similar left in place.
    if (starts_with(result.text, "\xEF\xBB\xBF")) result.text.erase(0, 3);
    if (const auto nul = result.text.find('\0'); nul != std::string::npos) {
      const std::size_t line = 1 + static_cast<std::size_t>(std::count(result.text.begin(),
                                                                        result.text.begin() + nul, '\n'));
      return Status(ErrorCode::kBinary, "not a text file: it holds the character U+0000", {name, line});
    }
    result.encoding = display_name(charset);
  }
  normalise_line_ends(result.text);
  if (utf8::trim(result.text).empty()) {
    return Status(ErrorCode::kEmpty, "the file holds only white space", {name});
  }
  return result;
}

}  // namespace paralign
