// Internal to the TMX stage: text cleaning shared by the writers, and the inline-markup model the TMX writer checks
// before writing a unit.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paralign/tmx.hpp"

namespace paralign::tmx_detail {

/// `in` without the characters XML 1.0 forbids (counted in counts.forbidden_removed); bytes that are not UTF-8
/// become U+FFFD (counted in counts.invalid_utf8). Lone surrogates written in UTF-8 (ED A0..BF xx) count as forbidden.
std::string clean_text(std::string_view in, CleanupCounts& counts);

/// True when `in` needs no cleaning (the common case, checked without allocating).
bool is_clean(std::string_view in);

/// Escapes & < > for element content, plus " in attributes, and CR as &#13; so it survives reading.
std::string xml_escape(std::string_view in, bool attribute);

/// One step of a <seg>'s inline content: an element start (with attributes, in order), an element end, or text.
struct InlineEvent {
  enum class Kind { kStart, kEnd, kText };
  Kind kind = Kind::kText;
  std::string name;  ///< element name for kStart/kEnd
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;  ///< for kText
};

/// Parses a seg's inner XML (as stored in TmxVariant::markup) into events, checking that it is well-formed and uses
/// only TMX inline elements where TMX allows them. Errors: kInvalidArgument saying what is wrong.
Result<std::vector<InlineEvent>> parse_inline_markup(std::string_view markup);

/// Lower-cases ASCII letters (language codes compare case-insensitively).
std::string ascii_lower(std::string_view s);

/// Elements allowed inside <seg> and <hi> and <sub>; inside the native-code elements only <sub> is.
bool is_inline_element(std::string_view name);
bool is_native_code_element(std::string_view name);  ///< bpt ept ph it ut: content is native code, not text

}  // namespace paralign::tmx_detail
