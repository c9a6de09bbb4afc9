// paralign/qa.hpp — checks of a translation memory before publication, written to be right on Chinese.
//
// The QA stage reads units (one per aligned sentence or block, with the text of every language) and reports the
// places where a translation disagrees with its source or with itself: a figure or a date that changed, a symbol or
// resolution number mistyped, a glossary term rendered with a deprecated or unapproved word, the same sentence
// translated two ways, a numbered paragraph on one side only, a target left untranslated, unbalanced brackets, a
// misspelt word. The checks compare values, not strings: 六十二 = ６２ = 62, 650万 = 6.5 million, 2004 年 7 月 15 日 =
// 15 July 2004; （ counts as (, 。 against . is never a finding, and "three" for 三 is how UN English writes it.
//
// A QaChecker is built once (glossary parsed, Hunspell dictionaries and the UN word list loaded) and is then const:
// check() may be called from several threads at once. Input comes from the TMX reader (`paralign qa --tmx`) or the
// align pipeline (`paralign qa SRC TGT...`), both turned into a QaInput.
//
//   paralign::QaInput in;
//   in.languages = {"zh", "en"};
//   paralign::QaUnit u;
//   u.sides = {{"截至 2004 年 7 月 15 日，共收到六十二份答复。"}, {"As at 15 July 2004, 26 replies had been received."}};
//   in.units.push_back(u);
//   paralign::QaOptions opts;
//   opts.glossary_path = "corpora/data/glossary/un-sample.csv";
//   auto checker = paralign::QaChecker::create(opts);
//   if (!checker) return checker.status();
//   paralign::QaResult r = checker->check(in);   // one finding: number.mismatch 六十二 ↔ 26
//
// Check ids are dotted, family first (term., consistency., number., date., reference., structure., form.,
// spelling.); docs/qa-checks.md lists each one with an example and how to silence it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/align.hpp"
#include "paralign/document.hpp"
#include "paralign/status.hpp"

namespace paralign {

// --- input --------------------------------------------------------------------------------------------------------

/// One language's side of a unit.
struct QaSide {
  std::string text;                 ///< the segment, UTF-8; empty when this language has nothing in the unit
  std::string paragraph;            ///< the paragraph number this segment opens ("12"), "" when it opens none
  std::vector<int> footnotes;       ///< numbers of the footnote markers the segment carried, in order
};

/// One unit of the memory: the sides of every language (QaInput::languages order) that translate each other.
struct QaUnit {
  std::vector<QaSide> sides;  ///< one per language (missing trailing sides count as empty)
  std::string id;             ///< the unit's id (TMX tuid), "" when none
  std::string paragraph;      ///< the paragraph number or label the unit belongs to, for display ("12", "II.A")
  std::string symbol;         ///< the document symbol ("A/59/181"), for display; "" when not known
};

/// The whole memory to check. languages[0] is the source; the others are its translations.
struct QaInput {
  std::vector<std::string> languages;  ///< language codes as given ("zh", "en-GB"); the primary subtag selects rules
  std::vector<QaUnit> units;           ///< in memory order; Finding::unit indexes this vector
};

// --- output -------------------------------------------------------------------------------------------------------

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

/// "info", "warning", "error".
std::string_view to_string(Severity severity);
/// Parses "info", "warning", "error"; false for anything else.
bool parse_severity(std::string_view text, Severity* out);

/// A half-open byte range in one language's text of the unit.
struct QaSpan {
  std::string language;    ///< the language code (as in QaInput::languages)
  std::size_t offset = 0;  ///< byte offset into that side's text
  std::size_t length = 0;  ///< length in bytes
};

/// One problem found.
struct Finding {
  std::string check;            ///< dotted id, family first: "number.mismatch", "term.deprecated"
  Severity severity = Severity::kWarning;
  std::size_t unit = 0;         ///< index into QaInput::units (for TMX input, the <tu>'s 0-based position)
  std::string language;         ///< the target language the finding is about ("" for source-only findings)
  std::vector<QaSpan> spans;    ///< the offending text, on either side
  std::string message;          ///< one sentence for the reviser
  std::string key;              ///< suppression key: check + hash of the unit's normalised source and target text
};

/// Per glossary term: how often its source appeared and how often the target complied.
struct TermReport {
  std::string source;         ///< the source term as in the glossary
  std::string language;       ///< target language
  std::string approved;       ///< the approved rendering(s), joined by " | "
  std::size_t occurrences = 0;
  std::size_t compliant = 0;
  std::size_t violations = 0;
};

/// Everything check() found.
struct QaResult {
  std::vector<std::string> languages;
  std::vector<Finding> findings;                 ///< sorted by unit, then check id; suppressed ones left out
  std::map<std::string, std::size_t> by_check;   ///< findings per check id
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t suppressed = 0;                    ///< findings silenced by the ignore list
  std::size_t units = 0;                         ///< units checked
  std::vector<TermReport> terms;                 ///< per glossary term and target language, in glossary order
  std::vector<std::string> notes;                ///< what could not be checked (a dictionary missing...)

  /// True when some finding has severity >= `level`.
  bool has_findings_at(Severity level) const;
};

// --- the stage ----------------------------------------------------------------------------------------------------

/// How the checker runs. Every field has a working default.
struct QaOptions {
  std::string glossary_path;             ///< CSV/TSV or TBX-Basic glossary; "" for none
  std::string ignore_path;               ///< suppression list (one key per line, # comments); "" for none
  std::string data_dir;                  ///< folder holding wordlists/ ("" = $PARALIGN_DATA_DIR or the default)
  std::string hunspell_dir = "/usr/share/hunspell";  ///< where the .aff/.dic dictionaries are looked for
  bool spelling = true;                  ///< run the spelling check (needs a dictionary for the target language)
  bool consistency = true;               ///< run the memory-wide consistency checks
  std::vector<std::string> disabled;     ///< check ids or families ("spelling", "form.spaces") not to run
  std::size_t untranslated_run = 4;      ///< Han characters in a row that make a non-Chinese target untranslated
};

namespace detail {
struct QaCheckerImpl;
}

/// The QA stage. Built once, then const and thread-safe.
class QaChecker {
 public:
  /// Loads the glossary, the ignore list, the UN word list and the Hunspell dictionaries the options call for.
  /// Errors: kNotFound/kIo for a glossary or ignore file that cannot be read, kParse (file and line) for a
  /// malformed glossary. A missing Hunspell dictionary is not an error: the spelling check for that language is
  /// skipped and QaResult::notes says so.
  static Result<QaChecker> create(const QaOptions& options);

  /// Runs every enabled check over `input`. Pure; thread-safe.
  QaResult check(const QaInput& input) const&;
  /// The same checks with the same result, for a checker used once: when no copy of it remains, its Hunspell
  /// dictionaries (some 47 MB for en, fr, es, ru) are let go as soon as the checks that read them are done, before
  /// the memory-wide checks, which lowers the peak on a large memory. `std::move(*checker).check(input)`.
  QaResult check(const QaInput& input) &&;

 private:
  explicit QaChecker(std::shared_ptr<const detail::QaCheckerImpl> impl) : impl_(std::move(impl)) {}
  QaResult run(const QaInput& input, bool sole_owner) const;
  std::shared_ptr<const detail::QaCheckerImpl> impl_;
};

// --- terms without a glossary --------------------------------------------------------------------------------

/// How recurring terms and their renderings are discovered. Every field has a working default.
struct TermDiscoveryOptions {
  std::string data_dir;                   ///< folder holding wordlists/ and dict/ ("" = $PARALIGN_DATA_DIR or default)
  std::size_t min_units = 3;              ///< units a source term must occur in to be considered
  std::size_t min_chars = 2;              ///< shortest Chinese term, in characters
  std::size_t max_chars = 8;              ///< longest Chinese n-gram considered (titles in 《》 may be longer)
  std::size_t max_words = 4;              ///< longest rendering, in target words
  double min_dice = 0.3;                  ///< Dice coefficient a rendering needs with its source term
  std::size_t min_rendering_units = 2;    ///< units a rendering (first, second...) must cover to count
  std::size_t min_shared_frames = 2;      ///< source variants: identical two-character frames both terms fill
  std::size_t min_shared_contexts = 4;    ///< source variants: distinct left/right neighbours both terms have
  double min_context_overlap = 0.15;      ///< source variants: shared neighbours / all neighbours of the two
};

/// One way a source term is rendered in one target language.
struct TermRendering {
  std::string text;                 ///< the rendering as first written in the memory ("brokering")
  std::vector<std::size_t> units;   ///< units whose source has the term and whose target has this rendering
  double dice = 0;                  ///< Dice coefficient of the term and the rendering over all units
};

/// A recurring source term and its renderings in one target language, the commonest first.
struct DiscoveredTerm {
  std::string source;                      ///< the source term ("居间转卖")
  std::size_t language = 0;                ///< index of the target language in QaInput::languages
  std::vector<std::size_t> units;          ///< units whose source has the term
  std::vector<TermRendering> renderings;   ///< best first; two or more = rendered in several ways
};

/// Two source terms one rendering translates ("brokering" for 居间转卖 and for 中介).
struct SharedRendering {
  std::string rendering;
  std::size_t language = 0;                      ///< index of the target language
  std::vector<std::string> sources;              ///< the source terms, commonest first
  std::vector<std::vector<std::size_t>> units;   ///< per source: units where it occurs without the others and
                                                 ///< the target has the rendering
};

/// Two source terms the text uses in the same places: likely variants of one term (居间转卖 / 中介).
struct SourceVariant {
  std::string first, second;                          ///< the commoner first
  std::vector<std::size_t> first_units, second_units;  ///< units where each occurs
  std::vector<std::string> frames;                    ///< the shared frames, "非法…和贩"
  std::size_t shared_contexts = 0;                    ///< distinct neighbours both have
};

/// What discover() found.
struct TermDiscovery {
  std::vector<DiscoveredTerm> terms;            ///< per source term and target language, in source-term order
  std::vector<SharedRendering> shared;          ///< renderings shared by two or more source terms
  std::vector<SourceVariant> variants;          ///< source-side variants (Chinese source only)
};

namespace detail {
struct TermDiscovererImpl;
}

/// Discovers, without a glossary, the recurring terms of a memory's source (Chinese n-grams bounded by punctuation,
/// titles in 《》, Latin acronyms, the entries of corpora/data/dict/un-terms.zh-en.tsv), their renderings in each
/// target by co-occurrence over the units (Dice coefficient, mutual best partners), and pairs of source terms that
/// fill the same contexts (source-side variants). docs/qa-checks.md describes the method and what it reports on
/// A/59/181. Built once, then const and thread-safe.
class TermDiscoverer {
 public:
  /// Loads the data files (wordlists/zh-function-chars.txt, zh-coordinators.txt, stop-<lang>.txt, dict/).
  /// Errors: kNotFound when the data folder or a required file is missing, kParse for a malformed file.
  static Result<TermDiscoverer> create(const TermDiscoveryOptions& options);
  /// Runs the discovery over `input`. Pure; thread-safe.
  TermDiscovery discover(const QaInput& input) const;

 private:
  explicit TermDiscoverer(std::shared_ptr<const detail::TermDiscovererImpl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const detail::TermDiscovererImpl> impl_;
};

/// Every check id the QA stage can report, sorted. docs/qa-checks.md documents each (a test checks it).
const std::vector<std::string>& qa_check_ids();

// --- building the input ------------------------------------------------------------------------------------------

/// Units from the block alignment of `pivot` with each of `translations` (paragraph level: one unit per group of
/// pivot blocks that some translation pairs together; a target block without counterpart is a unit of its own, after
/// its neighbours). Paragraph numbers and footnote markers come from the read stage. With no translation, one unit
/// per pivot block (the source-only checks). Errors: those of align_documents (e.g. kMismatch for different symbols
/// unless options.force). Thread-safe.
Result<QaInput> qa_input_from_documents(const Document& pivot, const std::vector<Document>& translations,
                                        const AlignOptions& options);

/// Units from tab-separated text: a first line of language codes (the first is the source), then one unit per line
/// with each language's text in its column. "\t", "\n" and "\\" inside a cell are a TAB, a newline and a
/// backslash (as `paralign tmx --tsv` writes them). A line opening with "12." (or "12．") sets that side's paragraph.
/// Errors: kParse (line) for a line with more columns than languages; kEmpty without a header.
Result<QaInput> qa_input_from_tsv(std::string_view text, const std::string& name);

/// Units from a TMX memory, one per <tu> in file order (so Finding::unit is the <tu>'s 0-based position). The
/// languages are the header's srclang first (compared case-insensitively), then the others in order of first
/// appearance. The unit's paragraph and symbol come from the x-paragraph and x-symbol props; a side opening with
/// "12." has paragraph 12. Errors: those of the TMX reader (kNotFound, kParse with file and line...), kEmpty when
/// the memory has no unit.
Result<QaInput> qa_input_from_tmx(const std::string& path);

/// The suppression key of a finding: "<check>:<16 hex digits>", the hash taken over the normalised (white space
/// collapsed, full-width folded) source text and target text of the unit, so it survives re-alignment and
/// re-ordering. Pure.
std::string suppression_key(std::string_view check, std::string_view source, std::string_view target);

}  // namespace paralign
