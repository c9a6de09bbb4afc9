// Internal to the library: the words that open a report's notes section, its summary and an annex, in the six
// official languages, read from corpora/data/structure/section-words.tsv. Used by the structure stage and by the
// readers of rich formats (DOCX, HTML) that must recognise a notes heading the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign::structure {

struct SectionWords {
  std::vector<std::string> notes, summary, annex;
};

/// The words, loaded once on first use (thread-safe); an error when the data file is missing or malformed.
const Result<SectionWords>& section_words_result();

/// The words; call only after section_words_result() succeeded (empty lists otherwise).
const SectionWords& section_words();

/// True when `text` is one of `words`, allowing a final ':' or '.' ("Notes:", "摘要.").
bool is_word(std::string_view text, const std::vector<std::string>& words);

/// True when `text` opens with one of `words` followed by a space or a non-ASCII character and is short (a heading
/// such as "Annex I" or "附件一", not a sentence that happens to start with the word).
bool starts_with_word(std::string_view text, const std::vector<std::string>& words);

}  // namespace paralign::structure
