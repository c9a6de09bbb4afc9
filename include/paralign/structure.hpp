// paralign/structure.hpp — from decoded text to the report's structure.
//
// Takes the UTF-8 text of one language version (LF line ends, no BOM) and rebuilds its structure: joins lines
// broken by PDF extraction, removes page furniture (page numbers, the running symbol header, repeated link lines)
// into Document::furniture, separates footnotes and their markers, and tells headings from numbered paragraphs by
// looking at the whole sequence of numbers (paragraph numbers run 1..N through the body; heading numbers restart).
//
//   paralign::StructureOptions opts;
//   opts.language = "zh";
//   paralign::Result<paralign::Document> doc = paralign::build_structure(text, opts);
#pragma once

#include <string>
#include <string_view>

#include "paralign/document.hpp"
#include "paralign/status.hpp"

namespace paralign {

struct StructureOptions {
  bool segmented = false;  ///< one sentence per line; a line starting "12." opens numbered paragraph 12
  std::string language;    ///< ISO 639-1 code of the text; "" to leave Document::language empty
  std::string symbol;      ///< the document symbol when the caller knows it; "" to find it in the text
  std::string path;        ///< the source file, for Document::path and error locations
};

/// Builds the structure of `text` (UTF-8, LF line ends). Pure function; thread-safe.
/// Errors: kEmpty when the text holds nothing but white space.
Result<Document> build_structure(std::string_view text, const StructureOptions& options);

}  // namespace paralign
