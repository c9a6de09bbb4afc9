// Internal to the QA stage: the loaded checker and the check families, one file each.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "paralign/qa.hpp"
#include "qa/glossary.hpp"
#include "qa/speller.hpp"

namespace paralign::qa {

/// A glossary term ready for matching: its words' stems (alphabetic languages) or its text (Chinese, Japanese).
struct PreparedTerm {
  std::size_t concept_index = 0;
  std::size_t term_index = 0;  ///< into Concept::terms
  std::string language;
  std::string folded;                           ///< case-folded text, for substring matching
  std::vector<std::vector<std::string>> words;  ///< per word: its stems, for word matching
};

/// True for languages written without spaces between words, matched by substring.
bool is_unspaced_language(std::string_view primary);

/// The paragraph number a segment opens with ("12" for "12. The ..." or "12．..."), "" when none.
std::string leading_paragraph_number(std::string_view text);

/// Collapses white space, folds full-width forms and trims: the form compared by consistency and suppression.
std::string normalise_for_compare(std::string_view text);

}  // namespace paralign::qa

namespace paralign::qa {

/// Bounds of target/source length for one language pair (corpora/data/length-ratio.tsv).
struct LengthBounds {
  double low = 0, high = 0;
  std::size_t min_source_chars = 20;
};

/// Characters of `text` as the length ratio counts them: white space collapsed, full-width folded.
std::size_t compare_length(std::string_view text);

}  // namespace paralign::qa

namespace paralign::detail {

struct QaCheckerImpl {
  QaOptions options;
  qa::Glossary glossary;
  std::vector<qa::PreparedTerm> terms;  ///< every term of every language
  std::unordered_set<std::string> ignored;
  std::map<std::string, std::unique_ptr<qa::Speller>> spellers;  ///< by primary language
  std::vector<std::string> load_notes;
  std::optional<TermDiscoverer> discoverer;
  std::map<std::pair<std::string, std::string>, qa::LengthBounds> length_bounds;  ///< by (source, target)  ///< set when the consistency checks run

  bool enabled(std::string_view check) const;
  const qa::Speller* speller(const std::string& primary) const {
    auto it = spellers.find(primary);
    return it == spellers.end() ? nullptr : it->second.get();
  }
};

}  // namespace paralign::detail

namespace paralign::qa {

/// Collects findings for one check run; fills the suppression key from the unit's texts.
class FindingSink {
 public:
  FindingSink(const QaInput& input, std::vector<Finding>* out) : input_(input), out_(out) {}
  /// `target` is the index of the target language (0 for a source-only finding).
  void add(std::string check, Severity severity, std::size_t unit, std::size_t target, std::vector<QaSpan> spans,
           std::string message);
  const QaInput& input() const { return input_; }
  std::string_view text(std::size_t unit, std::size_t lang) const;

 private:
  const QaInput& input_;
  std::vector<Finding>* out_;
};

// The check families. Each reads the input and adds findings; none depends on another's findings.
void check_form(const detail::QaCheckerImpl& impl, FindingSink& sink);
void check_values(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes);
void check_terms(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<TermReport>* report);
void check_consistency(const detail::QaCheckerImpl& impl, FindingSink& sink);
void check_structure(const detail::QaCheckerImpl& impl, FindingSink& sink);
void check_discovered_terms(const detail::QaCheckerImpl& impl, FindingSink& sink);
void check_length_ratio(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes);
void check_spelling(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes);

}  // namespace paralign::qa
