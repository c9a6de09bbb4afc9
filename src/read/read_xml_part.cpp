// Safe libxml2 parsing shared by the DOCX, HTML and UN Parallel Corpus readers (see read_xml_part_internal.hpp).
#include <libxml/parser.h>

#include <limits>

#include <fmt/format.h>

#include "read/read_xml_part_internal.hpp"
#include "util/libxml.hpp"
#include "util/utf8.hpp"

namespace paralign::xmlpart {

namespace {

struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

}  // namespace

Result<DocPtr> parse(std::string_view bytes, const std::string& name, std::string_view part) {
  const std::string where = part.empty() ? std::string() : fmt::format("{}: ", part);
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status(ErrorCode::kTooLarge, where + "too large for the XML parser", {name});
  }
  xml::silence_libxml2();
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status(ErrorCode::kInternal, "cannot create an XML parser", {name});
  // XML_PARSE_NOENT is deliberately absent (no entity substitution), and so is XML_PARSE_HUGE (libxml2 keeps its
  // depth and text-node limits); errors come back through the context, never on stderr.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, flags));
  if (!doc || !ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    const std::string msg = e && e->message ? std::string(utf8::trim(e->message)) : std::string("malformed XML");
    Location loc{name};
    if (part.empty() && e && e->line > 0) loc.line = static_cast<std::size_t>(e->line);
    const std::string line = !part.empty() && e && e->line > 0 ? fmt::format(" (line {})", e->line) : "";
    return Status(ErrorCode::kParse, fmt::format("{}not well-formed XML{}: {}", where, line, msg), loc);
  }
  if (doc->intSubset && doc->intSubset->entities) {
    return Status(ErrorCode::kParse, where + "the XML declares entities, which paralign does not expand", {name});
  }
  return doc;
}

std::string_view name(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string attr(const xmlNode* n, std::string_view local) {
  if (!n || n->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->name || local != reinterpret_cast<const char*>(a->name)) continue;
    std::string out;
    for (const xmlNode* c = a->children; c; c = c->next)
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    return out;
  }
  return {};
}

bool has_attr(const xmlNode* n, std::string_view local) {
  if (!n || n->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (a->name && local == reinterpret_cast<const char*>(a->name)) return true;
  return false;
}

const xmlNode* child(const xmlNode* n, std::string_view local) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && name(c) == local) return c;
  return nullptr;
}

}  // namespace paralign::xmlpart
