// paralign/read.hpp — reading a file into a Document.
//
// Reads the bytes, finds their encoding (a BOM, then ICU's detector; --encoding overrides), converts to UTF-8,
// normalises line ends, detects the language (zh, en, fr, es, ru, ar) unless given, and hands the text to the
// structure stage.
//
//   paralign::ReadOptions opts;
//   auto doc = paralign::read_document("corpora/A_59_181.zh.txt", opts);
//   if (!doc) { /* doc.status().to_string(): "corpora/A_59_181.zh.txt: ..." */ }
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "paralign/document.hpp"
#include "paralign/status.hpp"

namespace paralign {

struct ReadOptions {
  std::string encoding;   ///< "" to detect; else an ICU converter name such as "UTF-8", "GB18030", "windows-1252"
  std::string language;   ///< "" to detect from the text
  std::string symbol;     ///< "" to find the symbol in the text
  bool segmented = false; ///< input is one sentence per line
  std::size_t max_input_bytes = std::size_t{512} << 20;  ///< larger inputs are refused (kTooLarge)
  /// DOCX: a zip entry larger than this when inflated is refused (kTooLarge) before it is inflated.
  std::size_t max_unpacked_bytes = std::size_t{256} << 20;
  /// DOCX: an entry of more than 64 KB that inflates to more than this many times its stored size is refused
  /// (a zip bomb); Word's own XML compresses 5 to 20 times.
  std::size_t max_compression_ratio = 100;
};

/// Text decoded to UTF-8 with LF line ends and no BOM.
struct DecodedText {
  std::string text;
  std::string encoding;  ///< the source encoding, as named by ICU
};

/// Decodes `bytes` (from file `name`, used in messages): --encoding, else a BOM, else strict UTF-8, else ICU's
/// detector when confident (docs/formats.md). Drops a BOM; CRLF and lone CR become LF. One pass; thread-safe.
/// Errors: kEmpty (no bytes, or only white space), kBinary (NUL bytes in a file not in UTF-16/32), kEncoding (a
/// byte invalid in the declared or detected encoding, with its line and byte; or no confident guess),
/// kInvalidArgument (an unknown encoding name), kTooLarge (over max_input_bytes).
Result<DecodedText> decode_text(std::string_view bytes, const std::string& name, const ReadOptions& options);

/// Guesses the language of UTF-8 text from its script and common words: "zh", "en", "fr", "es", "ru", "ar", or ""
/// when there is too little text to tell. Reads at most the first megabyte. Latin-script languages use
/// corpora/data/language-words.tsv (found via $PARALIGN_DATA_DIR, the source tree or the installed share/paralign);
/// when that file cannot be found, Latin-script text gives "". Thread-safe.
std::string detect_language(std::string_view text);

/// Reads, decodes and structures one file. The format is found by detect_format (read_formats.hpp: magic bytes,
/// then the extension): DOCX, PDF and HTML go to their readers, UN Parallel Corpus XML to parse_unpc, other XML to
/// read_xml_document (read_xml.hpp) with the language and size limit given here; everything else is text. Thread-safe (the language word list is loaded once,
/// on first use). Errors: kNotFound, kIsDirectory, kIo, kTooLarge, kInvalidArgument (an unknown language), plus
/// those of decode_text and build_structure (or of the XML reader), each naming the file.
Result<Document> read_document(const std::string& path, const ReadOptions& options);

}  // namespace paralign
