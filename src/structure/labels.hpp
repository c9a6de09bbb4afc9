// Internal to the structure stage: reading the labels that open headings, numbered paragraphs and list items
// ("一.", "I.", "A.", "12.", "(a)", "a)", "（a）", "١٢ -"), and the character classes the reflow rules rest on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paralign::structure {

/// What kind of label opens a line.
enum class LabelType {
  kNone,
  kArabic,   ///< "12." / "１２．" / "١٢ -": a paragraph number or a level-3 heading number
  kCjk,      ///< "一." / "二、": a chapter number in Chinese
  kRoman,    ///< "IV.": a chapter number; may also read as a letter ("I.", "C.")
  kLetter,   ///< "A." / "А.": a section letter; "I."/"V."/"X."/"C."... may also read as Roman
  kParen,    ///< "(a)" / "（a）" / "(iv)" / "(2)" / "a)": a sub-item or level-4 heading
  kBullet,   ///< "– " / "• " / "- ": a bulleted list item
};

struct Label {
  LabelType type = LabelType::kNone;
  int value = 0;            ///< the number (a=1, b=2 for letters; Roman value for Roman)
  int letter_value = 0;     ///< for kRoman/kLetter written with one letter: its place in the alphabet (A=1)
  std::string_view text;    ///< the label as written ("12.", "(a)")
  std::size_t rest = 0;     ///< byte offset in the line where the text after the label (and its spaces) starts
};

/// Reads the label at the start of `line` (already trimmed). Returns type kNone when the line does not open with one.
Label parse_label(std::string_view line);

/// The value of a run of decimal digits in any of the scripts paralign reads (ASCII, full-width, Arabic-Indic,
/// Extended Arabic-Indic); -1 when `s` is empty, holds anything else, or is longer than `max_digits` digits.
int parse_digits(std::string_view s, std::size_t max_digits);

/// The value of a decimal digit code point in those scripts, or -1.
int digit_value(char32_t cp);

/// True for punctuation that ends a sentence or a clause at the end of a paragraph (。；：.;:!? and full-width forms).
bool is_terminal_punct(char32_t cp);

/// True for CJK punctuation that closes something (》」）”，、。；：！？), after which a glued footnote number may stand.
bool is_cjk_closing(char32_t cp);

/// True when `text` reads as a heading: short, no closing punctuation at its end, no sentence end inside.
bool heading_like(std::string_view text);

/// True when `cp` is a letter (any script) — ICU's view.
bool is_letter(char32_t cp);
/// True when `cp` is a lower-case letter — ICU's view.
bool is_lower(char32_t cp);

}  // namespace paralign::structure
