// Internal to the QA stage: the Hunspell adapter (spelling and stems) and word splitting for alphabetic languages.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace paralign::qa {

/// A word of a text: its bytes [offset, offset + length).
struct Word {
  std::string text;
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// The words of `text`: runs of letters, digits, apostrophes and inner hyphens/dots (so "A/59/181", "e.g." and
/// "peace-keeping" stay whole). Han characters are never part of a word.
std::vector<Word> split_words(std::string_view text);

/// Lower-cases with ICU's full case mapping (Russian and accented letters included).
std::string fold_case(std::string_view s);

/// One language's Hunspell dictionary plus extra accepted words. Thread-safe: Hunspell's lookups are guarded by a
/// mutex, since Hunspell objects keep per-call state.
class Speller {
 public:
  /// Opens `<dir>/<name>.aff` and `.dic`; nullptr when either file is missing.
  static std::unique_ptr<Speller> open(const std::string& dir, const std::string& name);
  ~Speller();

  /// Adds words that are always accepted (the UN word list); a word ending in '*' is a stem whose forms are all
  /// accepted ("гендерн*": гендерный, гендерного, гендерными), the ending at most four characters long.
  void accept(const std::vector<std::string>& words);
  /// True when the dictionary or the accepted words know `word` (exact case rules as Hunspell applies them).
  bool correct(std::string_view word) const;
  /// The stems of `word`, lower-cased, plus the lower-cased word itself.
  std::vector<std::string> stems(std::string_view word) const;

  struct Impl;

 private:
  explicit Speller(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Stems without a dictionary: the lower-cased word and the word with one common English/Romance inflection removed
/// (-s, -es, -ed, -ing). Used when no Hunspell dictionary is installed for the language.
std::vector<std::string> crude_stems(std::string_view word);

}  // namespace paralign::qa
