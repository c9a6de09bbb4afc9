// paralign/numbers.hpp — numbers, percentages, years and dates in a sentence, read as values.
//
// Figures survive translation while their spelling changes: 62% = 百分之六十二 = 62 per cent = 62 pour cent;
// 650万 = 6.5 million = 6,5 millions; 2004 年 7 月 15 日 = 15 July 2004 = 15 июля 2004 года = 15 تموز/يوليه 2004.
// find_quantities() reads each as a value with a canonical `key`, equal across languages, for the aligner's numbers
// scorer and the QA check that reports a figure missing or changed in translation.
//
//   for (const paralign::Quantity& q : paralign::find_quantities("2004 年 7 月 15 日，共有 650万 人", "zh"))
//     std::cout << paralign::to_string(q.kind) << ' ' << q.key << '\n';   // date 2004-07-15, number 6500000
//
// Keys (docs/references-and-numbers.md has the full list):
//   number   the value in plain decimal, no grouping, no trailing zeros: "62", "6500000", "1234.5"
//   percent  the value and '%': "58%", "4.5%"
//   year     a year's number: "2004" (the same key as the number 2004, so kinds may differ between languages
//            without hiding a match: "in 2004" is a year, 二〇〇四年 is a year, "2004 cases" is also a year)
//   ordinal  the number: "59" (fifty-ninth, 第五十九, 59th)
//   number   a fraction is written "n/d": "2/3" (三分之二, two thirds, deux tiers, 2/3); its value is n/d
//   date     ISO 8601, as complete as written: "2004-07-15", "2004-07" (July 2004), "--07-15" (15 July)
//   range    two dates or years joined by '/': "2004-06-14/2004-06-25" (14 to 25 June 2004), "2001/2010"
//            (2001-2010); the first end takes the missing month and year from the second.
//   time     a time of day on the 24-hour clock: "15:00" (下午3时, 3 p.m., 15 heures, 15.00 horas, 15 ч. 00 м.)
// Keys are comparable across kinds: compare `key` alone when matching figures between languages.
//
// Not quantities: digits inside references (A/59/181, 58/241: find_references spans are skipped), a paragraph
// label at the start of the text ("12.", "(3)", "一、"), digits glued to Latin letters (G77, H5N1), the words
// the articles "un", "une", "una", "uno" and the single numeral 一 alone.
//
// Soft quantities: some figures are rendered without a figure in a faithful translation — 两 ("both"), 三方
// ("tripartite"), "five-year" for 五年, "one" for 1, a footnote marker — so they are found and flagged `soft`: a
// soft quantity matches a figure on the other side like any other, but a checker does not report it as missing.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paralign/references.hpp"
#include "paralign/status.hpp"

namespace paralign {

/// What a quantity is.
enum class QuantityKind {
  kNumber,   ///< a cardinal number
  kPercent,  ///< a percentage; `value` is the number before the per-cent sign (62 for 62%)
  kYear,     ///< a year (2004年, 二〇〇四年, a bare 4-digit number from 1800 to 2199)
  kOrdinal,  ///< an ordinal (fifty-ninth, 第五十九, 59th); `value` is its number
  kDate,     ///< a calendar date, complete or partial
  kRange,    ///< a range of dates or years
  kTime,     ///< a time of day; `value` is the hour
};

/// The name of a kind: "number", "percent", "year", "ordinal", "date", "range", "time".
std::string_view to_string(QuantityKind kind);

/// One quantity found in a text.
struct Quantity {
  QuantityKind kind = QuantityKind::kNumber;
  double value = 0;        ///< the number (number, percent, year, ordinal); 0 for dates and ranges
  std::string key;         ///< canonical form, equal across languages (see the file comment)
  std::string text;        ///< as written (the bytes text[offset, offset + length))
  std::size_t offset = 0;  ///< byte offset into the text
  std::size_t length = 0;  ///< length in bytes
  bool soft = false;       ///< may be rendered without a figure in a faithful translation (see the file comment):
                           ///< a numeral of one Chinese character (两, 三, 第七), a number word under ten (five,
                           ///< ثلاثة), an article-like word (one, first), an approximate figure (数十, 一千多), a
                           ///< footnote-like marker, a bare number opening the text
};

/// A half-open byte range [first, second) of the text that holds no quantities.
using ByteSpan = std::pair<std::size_t, std::size_t>;

namespace detail {
struct NumberRules;
}

/// Reads quantities with the rules read from a data folder. Build once; then const and safe to share.
class QuantityFinder {
 public:
  /// Reads numbers/*.tsv and numbers/zh-measure-words.txt under `data_dir` ("" = the default data folder).
  /// Errors: kNotFound, kIo, kEncoding, kParse naming the file and line (including duplicate entries).
  static Result<QuantityFinder> load(const std::string& data_dir = "");

  /// The quantities in `text` (UTF-8) written in language `lang` (ISO 639-1: zh en fr es ru ar; other codes read
  /// like en, and month names of every language are tried), in text order, not overlapping. Nothing is read
  /// inside the `skip` spans (give the spans of find_references() results). Linear in the length of the text.
  /// Thread-safe.
  std::vector<Quantity> find(std::string_view text, std::string_view lang, const std::vector<ByteSpan>& skip) const;

 private:
  explicit QuantityFinder(std::shared_ptr<const detail::NumberRules> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const detail::NumberRules> rules_;
};

/// The finder built from the default data folder on first use, or the Status that explains why it could not be.
const Result<QuantityFinder>& default_quantity_finder();

/// The spans of `refs`, for QuantityFinder::find and the find_quantities overload.
std::vector<ByteSpan> spans_of(const std::vector<Reference>& refs);

/// Quantities in `text`, skipping the spans of find_references(text). Pure and thread-safe. Never throws: when the
/// installed data files are missing or broken it finds nothing, and default_quantity_finder() returns the Status
/// naming the file and line (check it once before relying on this function, as SentenceAligner::create and
/// QaChecker::create do).
std::vector<Quantity> find_quantities(std::string_view text, std::string_view lang);

/// Quantities in `text`, skipping exactly the given spans (none when empty): for callers that already hold the
/// text's references. Pure and thread-safe; finds nothing when the data files are broken, as above.
std::vector<Quantity> find_quantities(std::string_view text, std::string_view lang, const std::vector<ByteSpan>& skip);

}  // namespace paralign
