// paralign/tmx.hpp — translation memories: writing and reading TMX 1.4b, checking them, and TSV/JSON exports.
//
// The write stage turns aligned segments into TranslationUnits and streams them to a file: TmxWriter writes each
// unit as it is added (memory does not grow with the memory's size) into a temporary file beside the destination
// and renames it into place on finish(), so a failed or abandoned run leaves any previous file untouched. The
// header carries the seven attributes TMX 1.4b requires; the creation date is given by the caller (the library never
// reads the clock), so output is byte-for-byte reproducible. Language codes are kept as given and must have the
// shape of a BCP 47 tag (`zh-CN`, `zh`, `en-GB`); characters XML 1.0 forbids are removed and counted, never written.
//
// TmxReader streams memories written by other tools (UTF-8 or UTF-16; inline codes <bpt> <ept> <ph> <it> <hi> <sub>
// <ut> kept as markup beside the plain text, so they round-trip) with network access, entity expansion and DTD
// loading off. While reading it records every departure from TMX 1.4b it sees (validate_tmx() lists them).
//
//   paralign::TmxHeader header;
//   header.srclang = "zh-CN";
//   header.creationdate = "20261126T050000Z";   // from the caller: `--date` or the current time
//   auto writer = paralign::TmxWriter::open("A_59_181.tmx", header);
//   if (!writer) return writer.status();
//   paralign::TranslationUnit tu;
//   tu.tuid = "A/59/181:p1:s1";
//   tu.props = {{"x-symbol", "A/59/181"}, {"x-paragraph", "1"}};
//   tu.variants = {{"zh-CN", "本报告是根据大会第 58/58 号决议提交的。"},
//                  {"en-GB", "The present report is submitted pursuant to General Assembly resolution 58/58."}};
//   if (auto s = (*writer)->add(tu); !s.ok()) return s;
//   if (auto s = (*writer)->finish(); !s.ok()) return s;   // the file appears only now
//
// Thread-safety: the writers and the reader are single-threaded objects (one per thread); the free functions are
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

/// A <prop>: a typed property. Types paralign writes start with "x-" (x-symbol, x-paragraph, x-confidence, x-bead).
struct TmxProp {
  std::string type;
  std::string value;
  std::string lang;  ///< the prop's xml:lang, usually empty
  bool operator==(const TmxProp&) const = default;
};

/// Attributes other than the ones modelled by a field, in the order read (creationdate, changeid, usagecount...).
using TmxAttributes = std::vector<std::pair<std::string, std::string>>;

/// One language's segment in a unit (a <tuv> and its <seg>).
struct TmxVariant {
  TmxVariant() = default;
  TmxVariant(std::string lang_, std::string text_) : lang(std::move(lang_)), text(std::move(text_)) {}

  std::string lang;  ///< xml:lang as given (case kept), e.g. "zh-CN"
  std::string text;  ///< the segment's plain text: the <seg>'s text without the content of <bpt> <ept> <ph> <it> <ut>
  /// The <seg>'s inner XML when it holds inline codes (e.g. `Read <bpt i="1">&lt;b&gt;</bpt>this<ept i="1">&lt;/b&gt;</ept>`);
  /// empty for plain text. When set, the writer writes it instead of `text` (after checking it is well-formed and
  /// uses only TMX inline elements).
  std::string markup;
  std::vector<TmxProp> props;
  std::vector<std::string> notes;
  TmxAttributes attributes;  ///< other <tuv> attributes (creationdate, changeid...), written back as they are

  bool has_inline_codes() const { return !markup.empty(); }
  bool operator==(const TmxVariant&) const = default;
};

/// One translation unit (<tu>): an optional id, props and notes, and one variant per language (N-way memories hold
/// any number of languages).
struct TranslationUnit {
  std::string tuid;  ///< empty: no tuid attribute
  std::vector<TmxProp> props;
  std::vector<std::string> notes;
  std::vector<TmxVariant> variants;
  TmxAttributes attributes;  ///< other <tu> attributes (srclang, creationdate, usagecount...), written back as they are

  bool operator==(const TranslationUnit&) const = default;
};

/// The <header>. Defaults are paralign's profile (tmx/README.md); srclang must be set.
struct TmxHeader {
  std::string creationtool = "paralign";
  std::string creationtoolversion = PARALIGN_VERSION;
  std::string segtype = "sentence";  ///< block | paragraph | sentence | phrase
  std::string o_tmf = "paralign";    ///< the original memory format
  std::string adminlang = "en";
  std::string srclang;               ///< language of the source segments, or "*all*"
  std::string datatype = "plaintext";
  std::string creationdate;          ///< YYYYMMDDThhmmssZ given by the caller; empty: attribute left out
  std::string creationid;            ///< empty: attribute left out
  std::vector<TmxProp> props;
  std::vector<std::string> notes;
  TmxAttributes attributes;          ///< other header attributes (o-encoding, changedate...), written back as they are
};

// --- language codes and dates -----------------------------------------------------------------------------------

/// Checks that `tag` has the shape of a BCP 47 language tag (language[-extlang][-Script][-REGION][-variant]
/// [-extension][-x-private], letters in any case). Returns ok, or kInvalidArgument whose message names the tag and,
/// when a fix is evident, suggests it ("'zh_CN' is not a BCP 47 language tag; write 'zh-CN'"). Thread-safe.
Status check_language_tag(std::string_view tag);

/// The tag with underscores turned into hyphens and the case BCP 47 recommends (zh_cn → zh-CN, EN-us → en-US,
/// zh_hans → zh-Hans); the input unchanged when that does not give a valid tag. Thread-safe.
std::string suggest_language_tag(std::string_view tag);

/// True for a TMX date: exactly YYYYMMDDThhmmssZ with a real month, day, hour, minute and second. Thread-safe.
bool is_tmx_date(std::string_view date);

/// The TMX date for `seconds` since 1970-01-01 UTC, e.g. 20261126T050000Z. Thread-safe.
std::string tmx_date_from_unix(std::int64_t seconds);

// --- writing ----------------------------------------------------------------------------------------------------

/// Characters the writers removed or replaced, so the run's report can say how many.
struct CleanupCounts {
  std::size_t forbidden_removed = 0;  ///< characters XML 1.0 forbids (C0 controls but TAB LF CR, U+FFFE/U+FFFF, lone surrogates)
  std::size_t invalid_utf8 = 0;       ///< bytes that were not UTF-8, each written as U+FFFD
  std::size_t total() const { return forbidden_removed + invalid_utf8; }
};

struct TmxWriterOptions {
  std::vector<std::string> inputs;  ///< files the output must not overwrite (refused with kInvalidArgument)
  bool check_languages = true;      ///< refuse language codes that are not BCP 47-shaped
};

/// What the memory writers (TmxWriter, TsvWriter, JsonMemoryWriter) share, so that a caller can write any of the
/// three formats through one pointer. Each writes units one at a time into a temporary file beside the destination
/// and renames it into place on finish(). Single-threaded; not copyable.
class MemoryWriter {
 public:
  /// Discards the output unless finish() succeeded: the destination is left as it was.
  virtual ~MemoryWriter();
  MemoryWriter(const MemoryWriter&) = delete;
  MemoryWriter& operator=(const MemoryWriter&) = delete;

  /// Writes one unit now. Errors: kIo on a write failure; those each writer names for a unit it refuses (the unit is
  /// then not written and the writer can go on); kInvalidArgument once finished (TmxWriter: or after a failed write).
  Status add(const TranslationUnit& unit);

  /// Closes the memory and renames it into place. Errors: kIo (disk full, rename failed); the destination is then
  /// left as it was. Calling it twice is an error (kInvalidArgument).
  Status finish();

  /// Units written so far.
  std::size_t units_written() const;
  /// Characters removed or replaced so far.
  const CleanupCounts& cleanup() const;

  /// Each format's state and writing (src/tmx/writer_impl.hpp).
  struct Impl;

 protected:
  explicit MemoryWriter(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

/// Streams a TMX 1.4b memory to a file (or a stream). add() also refuses, with kInvalidArgument, a unit that has no
/// variant, a malformed language code, a prop without a type, or a variant whose markup is not well-formed TMX inline
/// content (the message gives the unit's index and tuid).
class TmxWriter : public MemoryWriter {
 public:
  /// Starts writing `path` (through a temporary file beside it) and writes the header. Errors: kInvalidArgument (a
  /// header attribute missing or malformed: srclang, adminlang, segtype, creationdate; output names an input),
  /// kIsDirectory, kIo.
  static Result<std::unique_ptr<TmxWriter>> open(const std::string& path, const TmxHeader& header,
                                                 const TmxWriterOptions& options = {});
  /// Writes to `out` instead of a file (the caller owns `out`, which must outlive the writer; nothing is undone on
  /// failure). Same errors as open() but the file ones.
  static Result<std::unique_ptr<TmxWriter>> open_stream(std::ostream& out, const TmxHeader& header,
                                                        const TmxWriterOptions& options = {});

 private:
  explicit TmxWriter(std::unique_ptr<Impl> impl);
};

/// Writes units as TSV: a header line of language codes, then one line per unit with each language's plain text in
/// its column (the first variant in that language, languages matched case-insensitively; empty when the unit has
/// none). Inside text, backslash, TAB, LF and CR are written as \\, \t, \n and \r; inline codes are left out (TSV
/// holds plain text). Forbidden characters are removed and counted as in TMX.
class TsvWriter : public MemoryWriter {
 public:
  /// Errors: kInvalidArgument (no language, or output names an input), kIsDirectory, kIo.
  static Result<std::unique_ptr<TsvWriter>> open(const std::string& path, const std::vector<std::string>& languages,
                                                 const std::vector<std::string>& inputs = {});

 private:
  explicit TsvWriter(std::unique_ptr<Impl> impl);
};

/// Writes units as one JSON document (schema in docs/tmx.md): {"format":"paralign-memory","version":1,"header":{...},
/// "units":[...]} with one unit per line, keys in a fixed order.
class JsonMemoryWriter : public MemoryWriter {
 public:
  /// Errors: kInvalidArgument (output names an input), kIsDirectory, kIo.
  static Result<std::unique_ptr<JsonMemoryWriter>> open(const std::string& path, const TmxHeader& header,
                                                        const std::vector<std::string>& inputs = {});

 private:
  explicit JsonMemoryWriter(std::unique_ptr<Impl> impl);
};

// --- reading and checking ---------------------------------------------------------------------------------------

/// A departure from TMX 1.4b found while reading, with the line it was found on.
struct TmxIssue {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::size_t line = 0;  ///< 1-based; 0 when not known
  std::string message;
};

struct TmxReaderOptions {
  std::size_t max_bytes = std::size_t{2} << 30;         ///< larger files are refused (kTooLarge)
  std::size_t max_depth = 64;                           ///< deeper element nesting is refused (kParse)
  std::size_t max_segment_bytes = std::size_t{1} << 20; ///< a longer <seg> is refused (kTooLarge)
  std::size_t max_issues = 1000;                        ///< issues kept beyond this are only counted
};

/// Streams the units of a TMX file. Single-threaded; not copyable.
class TmxReader {
 public:
  /// Opens `path` and reads up to the end of the header. Errors (with file and line): kNotFound, kIsDirectory,
  /// kTooLarge, kParse (not XML, not a <tmx> document, no <header>), kEncoding.
  static Result<std::unique_ptr<TmxReader>> open(const std::string& path, const TmxReaderOptions& options = {});
  /// Reads from bytes in memory; `name` is used in messages. `bytes` must outlive the reader.
  static Result<std::unique_ptr<TmxReader>> open_memory(std::string_view bytes, const std::string& name,
                                                        const TmxReaderOptions& options = {});
  ~TmxReader();
  TmxReader(const TmxReader&) = delete;
  TmxReader& operator=(const TmxReader&) = delete;

  const TmxHeader& header() const;
  /// Reads the next unit into `unit`; returns false at the end of the body. Structural problems that leave the
  /// unit readable (a note after a <tuv>, a bad date, a missing srclang variant) are recorded in issues(), not
  /// returned. Errors (with file and line): kParse (the XML is not well-formed, an entity reference other than the
  /// five predefined ones, nesting beyond max_depth), kTooLarge, kEncoding.
  Result<bool> next(TranslationUnit& unit);
  /// The departures from TMX 1.4b seen so far (at most max_issues).
  const std::vector<TmxIssue>& issues() const;
  /// All issues seen, including those beyond max_issues.
  std::size_t issue_count() const;
  /// Issues of severity kError seen, including those beyond max_issues.
  std::size_t error_count() const;
  /// The encoding the file was read in ("UTF-8", "UTF-16LE", ...) as declared or detected.
  std::string encoding() const;

  struct Impl;

 private:
  explicit TmxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// A whole memory in memory (for small files and tests; stream large ones with TmxReader).
struct TmxMemory {
  TmxHeader header;
  std::vector<TranslationUnit> units;
  std::vector<TmxIssue> issues;
};

/// Reads every unit of `path`. Errors: those of TmxReader::open and next.
Result<TmxMemory> read_tmx_file(const std::string& path, const TmxReaderOptions& options = {});

/// What validate_tmx found in one file.
struct TmxValidation {
  std::size_t units = 0;
  std::size_t errors = 0;    ///< issues of severity kError (all of them, even beyond max_issues)
  std::size_t warnings = 0;
  std::vector<TmxIssue> issues;
  bool valid() const { return errors == 0; }
};

/// Checks `path` the way a strict TMX 1.4b validator does: root and version; the header's seven required attributes
/// and their values; <note>/<prop> before <tuv>s; a <tuv> in srclang in every unit (unless "*all*"); valid xml:lang;
/// exactly one <seg> per <tuv>; dates YYYYMMDDThhmmssZ; custom prop types prefixed "x-"; inline codes paired and
/// allowed where they stand. A file that is not well-formed XML is returned as an error (kParse with its line);
/// otherwise the problems are in the result.
Result<TmxValidation> validate_tmx(const std::string& path, const TmxReaderOptions& options = {});

// --- statistics and merging --------------------------------------------------------------------------------------

/// Counts for one language of a memory.
struct TmxLanguageStats {
  std::size_t units = 0;       ///< units holding this language
  std::size_t segments = 0;    ///< <tuv>s in this language
  std::size_t characters = 0;  ///< code points of plain text (inline codes left out)
  std::size_t words = 0;       ///< runs of letters/digits, each Han/kana/hangul character counting as one word
  std::size_t inline_codes = 0;
};

struct TmxStats {
  std::size_t units = 0;
  std::size_t segments = 0;
  /// Keyed by the code as first written; codes differing only in case (zh-CN, ZH-CN) are counted together.
  std::map<std::string, TmxLanguageStats> languages;
  std::map<std::string, std::size_t> props;           ///< prop type → how many (unit and variant props)
  std::size_t notes = 0;

  /// Adds one unit's counts. Thread-compatible.
  void add(const TranslationUnit& unit);

 private:
  std::map<std::string, std::string> spelling_;  // lower-cased code -> the key used in `languages`
};

/// Counts the words of plain text as TmxLanguageStats::words does. Thread-safe.
std::size_t count_words(std::string_view text);

/// The identity merge uses to drop duplicates: the languages (lower-cased) and segments, inline codes included;
/// tuid, props and notes are not part of it. Thread-safe.
std::string unit_identity(const TranslationUnit& unit);

}  // namespace paralign
