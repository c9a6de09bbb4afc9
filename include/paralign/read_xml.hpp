// paralign/read_xml.hpp — reading an XML file into a Document.
//
// A generic reader for texts kept as XML (the Universal Declaration of Human Rights files, treaty collections):
// the caller names the elements that are the text's numbered units with an XPath (`unit_xpath`, e.g. "//article")
// and where each unit's number or key is found, relative to the unit (`key_xpath`, e.g. "@number"). Each unit
// becomes one block keyed by it (a numbered paragraph when the key is a whole number), preceded by a heading block
// when the unit has a <title>/<head> child. Text outside the units (titles, notes, a preamble's paragraphs)
// becomes unnumbered blocks, one per element holding text, which the aligner pairs between the anchors by content.
// Namespaces are ignored in the XPaths ("//article" finds udhr:article). For files whose root is <udhr> the
// defaults are "//article" and "@number".
//
// Safety: the parser never reaches the network (XML_PARSE_NONET), never loads a DTD and never expands entities; a
// document declaring entities is refused.
//
//   paralign::XmlReadOptions opts;
//   opts.unit_xpath = "//article";
//   opts.key_xpath = "@number";
//   auto doc = paralign::read_xml_document("udhr_eng.xml", opts);   // doc->language == "en" (from xml:lang)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "paralign/document.hpp"
#include "paralign/status.hpp"

namespace paralign {

struct XmlReadOptions {
  std::string unit_xpath;  ///< XPath 1.0 selecting the numbered units; "" for the defaults above (or none)
  std::string key_xpath;   ///< XPath evaluated on each unit giving its key; "" for the defaults (or "@number")
  std::string language;    ///< ISO 639-1 code; "" to take it from the root's xml:lang ("zh-Hans" → "zh")
  std::size_t max_input_bytes = std::size_t{512} << 20;  ///< larger inputs are refused (kTooLarge)
};

/// True when `path` names an XML file by its extension (.xml, case-insensitive).
bool is_xml_path(std::string_view path);

/// Parses XML `bytes` (from file `name`, used in messages) into a Document. Thread-safe.
/// Errors: kParse (with the line) for malformed XML or declared entities; kInvalidArgument for an XPath that does
/// not compile or a unit key that is not unique; kEmpty when no text was found.
Result<Document> parse_xml_document(std::string_view bytes, const std::string& name, const XmlReadOptions& options);

/// Reads and parses one XML file. Errors: those of parse_xml_document and kNotFound, kIsDirectory, kIo, kTooLarge.
Result<Document> read_xml_document(const std::string& path, const XmlReadOptions& options);

}  // namespace paralign
