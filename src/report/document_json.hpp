// Internal: how `paralign inspect` shows a Document — as JSON (the format described in docs/inspect-json.md) or as
// a short human-readable listing. Both are deterministic: the same Document always gives the same bytes.
#pragma once

#include <cstddef>
#include <string>

#include <vector>

#include "paralign/align.hpp"
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

/// The segments `document_segments` cut the document into, for people: one line each with the source line it
/// starts on and its whole text, the block's kind and number on the block's first segment.
std::string segments_to_text(const Document& doc, const std::vector<Segment>& segments);

/// The same as JSON: {"format": "paralign-segments", "version", "path", "language", "segments": [{"block" (index
/// into the inspect JSON's blocks), "kind", "number", "label", "line", "text"}]} (docs/inspect-json.md).
std::string segments_to_json(const Document& doc, const std::vector<Segment>& segments);

}  // namespace paralign
