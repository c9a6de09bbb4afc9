// Internal to the read stage: helpers shared by decoding, language detection and their tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

/// The 1-based line holding byte `offset` of `bytes` (LF, CRLF and lone CR each end a line). Linear in `offset`.
std::size_t line_at(std::string_view bytes, std::size_t offset);

/// The function-word table of corpora/data/language-words.tsv: for each word, the languages that use it often.
struct LanguageWords {
  std::unordered_map<std::string, std::vector<std::string>> languages_by_word;
  std::unordered_map<char32_t, std::vector<std::string>> languages_by_letter;  ///< from language-letters.tsv
  std::size_t entries = 0;  ///< number of (language, word) lines read
};

/// Parses the table's text: the common data-file format (util/data_dir.hpp) with two fields, language and word.
/// `name` is used in messages. Errors: those of data::parse_data_lines, and kParse with the line for a line without
/// two fields, an unknown language, a word with a space or in upper case, or a (language, word) pair given twice.
Result<LanguageWords> parse_language_words(std::string_view tsv, const std::string& name);

/// Adds the letter table (corpora/data/language-letters.tsv: 'language<TAB>letter', one lower-case character) to
/// `words`. Errors: those of data::parse_data_lines, and kParse with the line for a field count other than two, an
/// unknown language, a letter that is not one lower-case character, or a pair given twice.
Status parse_language_letters(std::string_view tsv, const std::string& name, LanguageWords& words);

/// The languages paralign reads: zh, en, fr, es, ru, ar.
bool is_supported_language(std::string_view code);

/// Language detection against a given table (detect_language uses the installed one).
std::string detect_language_with(std::string_view text, const LanguageWords& words);

}  // namespace paralign
