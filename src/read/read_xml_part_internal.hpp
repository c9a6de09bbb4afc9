// Internal to the read stage: libxml2 helpers the DOCX, HTML and UN Parallel Corpus readers share. Parsing is
// always safe for hostile input: no network, no DTD loading, no entity substitution, libxml2's default depth and
// text-size limits (XML_PARSE_HUGE is never set), a document declaring entities refused.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "paralign/status.hpp"

namespace paralign::xmlpart {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// Parses `bytes` as XML. `name` is the file and `part` the entry inside it ("word/document.xml"), or "" for the
/// file itself, both for messages. Errors: kParse naming the part and the line ("not well-formed XML: ..."), kParse
/// for declared entities, kTooLarge over 2 GB.
Result<DocPtr> parse(std::string_view bytes, const std::string& name, std::string_view part);

/// The element's local name (no prefix); "" for nodes without one.
std::string_view name(const xmlNode* n);

/// The value of attribute `local` (any namespace) of element `n`; "" when absent.
std::string attr(const xmlNode* n, std::string_view local);

/// True when element `n` has attribute `local` (any namespace).
bool has_attr(const xmlNode* n, std::string_view local);

/// The first child element of `n` called `local`, or nullptr.
const xmlNode* child(const xmlNode* n, std::string_view local);

}  // namespace paralign::xmlpart
