// Internal UTF-8 helpers shared by the stages. Text is UTF-8 in std::string; offsets are bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace paralign::utf8 {

/// Decodes the code point starting at `pos` and advances `pos` past it. Invalid bytes decode as U+FFFD and advance
/// by one byte, so a loop over any input terminates.
char32_t next(std::string_view s, std::size_t& pos);

/// The code point ending just before `pos` (moving `pos` back to its first byte); U+FFFD for invalid bytes.
char32_t prev(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates). `bad_at` receives the first bad byte's offset.
bool valid(std::string_view s, std::size_t* bad_at = nullptr);

/// Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs, 〇).
bool is_han(char32_t cp);
/// Full-width and CJK punctuation (。，、；：！？“”‘’《》「」『』（）【】 and the U+FF00 block's punctuation).
bool is_cjk_punct(char32_t cp);
/// Characters written without spaces around them in Chinese text: Han, CJK punctuation, kana, full-width forms.
bool is_cjk(char32_t cp);
/// Unicode white space, including U+3000 and no-break spaces.
bool is_space(char32_t cp);

/// Maps full-width ASCII variants (U+FF01..U+FF5E) to ASCII and U+3000 to a space; other characters unchanged.
char32_t fold_width(char32_t cp);
std::string fold_width(std::string_view s);

/// Trims Unicode white space from both ends.
std::string_view trim(std::string_view s);
/// The first offset at or after `pos` that does not start a white-space character (s.size() if none).
std::size_t skip_spaces(std::string_view s, std::size_t pos);
/// The offset at or before `pos` after which only white space runs up to `pos` (0 if all of it is).
std::size_t skip_spaces_back(std::string_view s, std::size_t pos);

/// `s` with ASCII A-Z lowered and every other byte (UTF-8 included) unchanged: for language codes, file names and
/// XML names, which are compared case-insensitively in ASCII only.
std::string ascii_lower(std::string_view s);

/// Number of code points.
std::size_t length(std::string_view s);

}  // namespace paralign::utf8
