// paralign/references.hpp — document symbols, resolution and decision numbers, and URLs in a sentence.
//
// References are the surest anchors between language versions: a translator never changes "A/59/150",
// "1373 (2001)" or "http://www.un.org". find_references() finds them in text of any of the six languages and gives
// each a `key` that is equal across languages: full-width forms folded, white space dropped, the keyword that marks
// a resolution or decision reduced to a prefix. The aligner scores sentence pairs by their shared keys; the QA
// checks report a reference present in one language and missing in the other; find_quantities() (numbers.hpp) skips
// reference spans so that the digits of A/59/181 are not read as numbers.
//
//   for (const paralign::Reference& r : paralign::find_references("安全理事会第1373（2001）号决议"))
//     std::cout << paralign::to_string(r.kind) << ' ' << r.key << '\n';   // resolution res:1373(2001)
//
// What is found (details and the data files in docs/references-and-numbers.md):
//   symbol      A/59/150, S/PV.4896, E/CN.4/2004/L.1, A/C.1/58/L.34/Rev.1: a series from
//               corpora/data/references/symbol-series.txt, then '/'-separated elements, with at least one digit.
//               key: the symbol, full-width folded ("Ａ/59/150" → "A/59/150").
//               A joint symbol (A/54/860-S/2000/385) gives two symbol references, both with `joint` set; the
//               second starts right after the hyphen.
//   resolution  58/241 or 1373 (2001) when a resolution word stands before it (resolution, résolution,
//               резолюции, القرار, … up to three words before, as in "резолюции Генеральной Ассамблеи 58/241") or
//               after it (第58/241号决议), and every further number of the same list ("resolutions 58/241 and
//               59/1", 第1267（1999）号和第1333（2000）号决议). The span covers the number only ("58/241",
//               "1373（2001）"), not the keyword. key: "res:58/241", "res:1373(2001)".
//               Also the style used until 1976, numbered with the session: "217 A (III)", 第1514(XV)号决议,
//               "217 ألف (د-3)"; key "res:217A(3)", "res:1514(15)" (references/session-numbers.tsv).
//   decision    the same with decision words: "decision 7/03", 第7/03号决定. key: "dec:7/03".
//   url         http://, https:// or www. up to the first space or non-ASCII character; trailing . , ; : ! ?
//               quotes and an unbalanced closing bracket are left out. key: "url:" + the URL without its scheme,
//               scheme and host in lower case, without a trailing '/'.
// Not references: 2001-2010, 24/7, 3/4, page numbers, and N/N without a resolution or decision word.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

/// What a reference names.
enum class ReferenceKind {
  kSymbol,      ///< a UN document symbol: A/59/150, S/PRST/2004/1
  kResolution,  ///< a resolution number: 58/241, 1373 (2001)
  kDecision,    ///< a decision number: 7/03
  kUrl,         ///< a web address
};

/// The name of a kind: "symbol", "resolution", "decision", "url".
std::string_view to_string(ReferenceKind kind);

/// One reference found in a text.
struct Reference {
  ReferenceKind kind = ReferenceKind::kSymbol;
  std::string text;         ///< as written (the bytes text[offset, offset + length))
  std::string key;          ///< normalised for comparison across languages (see the file comment)
  std::size_t offset = 0;   ///< byte offset into the text
  std::size_t length = 0;   ///< length in bytes
  bool joint = false;       ///< a part of a joint symbol such as A/54/860-S/2000/385
};

namespace detail {
struct ReferenceRules;
}

/// Finds references with the rules read from a data folder. Build once; then const and safe to share between
/// threads.
class ReferenceFinder {
 public:
  /// Reads references/symbol-series.txt and references/keywords.tsv under `data_dir` ("" = the default data
  /// folder: $PARALIGN_DATA_DIR, the source tree's corpora/data, or the installed share/paralign).
  /// Errors: kNotFound, kIo, kEncoding, kParse naming the file and line (including duplicate entries).
  static Result<ReferenceFinder> load(const std::string& data_dir = "");

  /// The references in `text` (UTF-8; invalid bytes are skipped), in text order, not overlapping. Linear in the
  /// length of the text. Thread-safe.
  std::vector<Reference> find(std::string_view text) const;

 private:
  explicit ReferenceFinder(std::shared_ptr<const detail::ReferenceRules> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const detail::ReferenceRules> rules_;
};

/// The finder built from the default data folder on first use (thread-safe initialisation), or the Status that
/// explains why it could not be built.
const Result<ReferenceFinder>& default_reference_finder();

/// find() with the default finder. Pure and thread-safe. Finds nothing when the installed data files are missing
/// or broken (a broken installation, not an input error): callers check default_reference_finder() first, as the
/// aligner, the QA checker and the CLI do, and report its Status.
std::vector<Reference> find_references(std::string_view text);

}  // namespace paralign
