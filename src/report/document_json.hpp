// Internal: how `paralign inspect` shows a Document — as JSON (the format described in docs/inspect-json.md) or as
// a short human-readable listing. Both are deterministic: the same Document always gives the same bytes.
#pragma once

#include <cstddef>
#include <string>

#include "paralign/document.hpp"

namespace paralign {

/// Version of the inspect JSON format; raised when a field changes meaning or disappears (adding fields does not).
inline constexpr int kInspectJsonVersion = 1;

/// The whole document model as pretty-printed JSON (two-space indent, keys in a fixed order, final newline).
std::string document_to_json(const Document& doc);

/// A listing for people: symbol, language, encoding, block counts, then one line per block (kind, number or label,
/// source lines, the first `preview_chars` characters of its text, its footnote markers), then the furniture counted
/// by kind. With `list_furniture`, each furniture line is listed too.
std::string document_to_text(const Document& doc, std::size_t preview_chars = 60, bool list_furniture = false);

}  // namespace paralign
