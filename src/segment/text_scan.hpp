// Internal: the character classes the segment stage reasons with, on UTF-8 text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paralign::segment_detail {

/// Closing punctuation that stays with the sentence before it: ) ] } ” ’ » 」 』 ） 》 and ASCII quotes.
bool is_closer(char32_t cp);
/// Opening punctuation a word may start with: ( [ { “ ‘ « 「 『 （ 《 and ASCII quotes.
bool is_opener(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_letter(char32_t cp);
bool is_digit(char32_t cp);

/// Appends the simple case folding of `cp` (full-width ASCII folded to ASCII) to `out` as UTF-8.
void append_folded(std::string& out, char32_t cp);
/// The case-folded form of `s`.
std::string fold(std::string_view s);

}  // namespace paralign::segment_detail
