// Internal: the decoded view of a text that the reference and quantity scanners walk.
//
// Each code point keeps its byte offset into the original text, so every span reported points at the caller's
// bytes. `cp` is the folded form the scanners compare (full-width ASCII to ASCII, Arabic-Indic and extended
// Arabic-Indic digits to 0-9, the Arabic per-cent sign to '%'); `raw` is the code point as written, for the few
// decisions where folding would lie (a full-width comma，is a clause break, never a thousands separator).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace paralign::scan {

struct Char {
  char32_t cp = 0;          ///< folded code point
  char32_t raw = 0;         ///< as written
  std::size_t offset = 0;   ///< byte offset of its first byte
  std::size_t end = 0;      ///< byte offset just past it
};

/// Decodes `text`; invalid bytes become U+FFFD (one per byte).
std::vector<Char> decode(std::string_view text);

inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
inline bool is_ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
inline bool is_ascii_alnum(char32_t c) { return is_digit(c) || is_ascii_alpha(c); }

/// Letters of alphabetic scripts and the combining marks written on them (Arabic vowel signs), not Han.
bool is_word_char(char32_t c);
/// Latin, Greek or Cyrillic letters: digits glued to these make a code (G77), not a number.
bool is_european_letter(char32_t c);
bool is_arabic_letter(char32_t c);
/// Spaces inside a line: U+0020, NBSP, narrow NBSP, thin space, ideographic space and the like (not line breaks).
bool is_inline_space(char32_t c);
/// Simple lower-casing of one code point.
char32_t lower(char32_t c);
/// Lower-cased UTF-8 of chars[b, e) (folded forms).
std::string lower_utf8(const std::vector<Char>& chars, std::size_t b, std::size_t e);
/// UTF-8 of the folded chars[b, e).
std::string folded_utf8(const std::vector<Char>& chars, std::size_t b, std::size_t e);

/// The value of a Chinese numeral digit — 〇 零 0, 一 1, 二 两 2, 三 3 … 九 9 — or -1. The one table of Chinese
/// digits in paralign: the quantity reader and the structure stage's chapter labels (一、 二.) both read it.
int chinese_digit(char32_t c);
/// 10, 100 or 1000 for the unit characters 十 百 千; 0 for any other character.
int chinese_unit(char32_t c);

/// The value (1-199) of a Roman numeral written in canonical form, either case ("VII", "xiv"); -1 for anything else
/// ("IIII", "VX", "MIX"). Shared by the structure stage's chapter labels and the quantity reader (Chapter VII).
int roman_value(std::string_view s);

/// An Arabic word with its leading clitics (و ف ب ل ك, then the article ال) taken off, in every way they could be
/// read; the word itself first.
std::vector<std::string> arabic_stems(const std::string& word);

}  // namespace paralign::scan
