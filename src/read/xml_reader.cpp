// The XML reader: libxml2 stays in this file. Units chosen by XPath become keyed blocks; text outside them becomes
// unnumbered blocks in document order.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "paralign/read_formats.hpp"
#include "paralign/read_xml.hpp"
#include "util/atomic_file.hpp"
#include "util/utf8.hpp"
#include "util/libxml.hpp"

namespace paralign {

namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
struct XPathCtxFree {
  void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct XPathObjFree {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};

// libxml2 would print XPath errors on stderr; the library never prints, the Status says it instead.
void ignore_error(void*, xmlErrorPtr) {}

std::string_view local_name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

// XPaths written without prefixes ("//article") should find namespaced elements: drop element namespaces.
void strip_namespaces(xmlNode* n) {
  for (; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      n->ns = nullptr;
      strip_namespaces(n->children);
    }
  }
}

// Collapses white-space runs (XML indentation) to one space and trims; between two CJK characters the space goes.
std::string clean_text(std::string_view raw) {
  std::string out;
  bool pending_space = false;
  char32_t last = 0;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const char32_t c = utf8::next(raw, pos);
    if (utf8::is_space(c) && c != 0x3000) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && !(utf8::is_cjk(last) && utf8::is_cjk(c))) out += ' ';
    pending_space = false;
    utf8::append(out, c);
    last = c;
  }
  return out;
}

std::string content_of(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return clean_text(s);
}

bool has_own_text(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      if (!utf8::trim(reinterpret_cast<const char*>(c->content)).empty()) return true;
    }
  }
  return false;
}

bool is_title(const xmlNode* n) {
  const auto name = local_name(n);
  return name == "title" || name == "head" || name == "heading";
}

std::size_t line_of(const xmlNode* n) {
  const long l = xmlGetLineNo(n);
  return l > 0 ? static_cast<std::size_t>(l) : 0;
}

// The text-bearing elements under `n` in document order: an element with text of its own is taken whole (inline
// markup inside it stays part of its text); others are searched further.
void text_elements(const xmlNode* n, std::vector<const xmlNode*>& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (has_own_text(c)) {
      out.push_back(c);
    } else {
      text_elements(c, out);
    }
  }
}

struct Builder {
  Document doc;
  std::unordered_set<const xmlNode*> units;
  xmlXPathContext* xpath = nullptr;
  xmlXPathCompExpr* key_expr = nullptr;
  std::set<std::string> keys_seen;
  Status error;

  std::string key_of(xmlNode* unit) {
    if (!key_expr) return {};
    xpath->node = unit;
    std::unique_ptr<xmlXPathObject, XPathObjFree> r(xmlXPathCompiledEval(key_expr, xpath));
    if (!r) return {};
    xmlChar* s = xmlXPathCastToString(r.get());
    std::string key = s ? std::string(utf8::trim(reinterpret_cast<const char*>(s))) : std::string();
    xmlFree(s);
    return key;
  }

  void add(BlockKind kind, std::string text, std::size_t line) {
    if (text.empty()) return;
    Block b;
    b.kind = kind;
    b.text = std::move(text);
    b.lines = {line, line};
    doc.blocks.push_back(std::move(b));
  }

  void emit_unit(xmlNode* unit) {
    const std::string key = key_of(unit);
    if (!key.empty() && !keys_seen.insert(key).second && error.ok()) {
      error = Status(ErrorCode::kInvalidArgument,
                     fmt::format("unit key '{}' occurs twice; --xml-key must name each unit uniquely", key),
                     {doc.path, line_of(unit)});
    }
    std::optional<int> number;
    if (!key.empty() && key.size() < 9 && std::all_of(key.begin(), key.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        })) {
      number = std::stoi(key);
    }
    std::vector<const xmlNode*> parts;
    if (has_own_text(unit)) {
      parts.push_back(unit);
    } else {
      text_elements(unit, parts);
    }
    std::string body;
    std::size_t first_line = line_of(unit), last_line = first_line;
    for (const xmlNode* p : parts) {
      if (is_title(p) && p->parent == unit && body.empty()) {
        // The unit's own title ("Article 1", "第一条") pairs as a heading keyed like its unit.
        Block h;
        h.kind = BlockKind::kHeading;
        h.label = key;
        h.level = 1;
        h.text = content_of(p);
        h.lines = {line_of(p), line_of(p)};
        if (!h.text.empty()) doc.blocks.push_back(std::move(h));
        continue;
      }
      const std::string t = content_of(p);
      if (t.empty()) continue;
      if (!body.empty()) body += '\n';  // a hard boundary: the sentence stage never joins across it
      body += t;
      last_line = std::max(last_line, line_of(p));
    }
    if (body.empty()) return;
    Block b;
    b.kind = BlockKind::kParagraph;
    b.number = number;
    if (!number) b.label = key;
    b.text = std::move(body);
    b.lines = {first_line, last_line};
    doc.blocks.push_back(std::move(b));
  }

  void walk(xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (units.count(n)) {
        emit_unit(n);
      } else if (has_own_text(n)) {
        const bool title = is_title(n);
        const BlockKind kind =
            title ? (doc.blocks.empty() ? BlockKind::kTitle : BlockKind::kHeading) : BlockKind::kParagraph;
        add(kind, content_of(n), line_of(n));
      } else {
        walk(n->children);
      }
    }
  }
};

}  // namespace

bool is_xml_path(std::string_view path) {
  if (path.size() < 4) return false;
  std::string ext(path.substr(path.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xml";
}

Result<Document> parse_xml_document(std::string_view bytes, const std::string& name, const XmlReadOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge, fmt::format("the file is larger than the {} byte limit", options.max_input_bytes),
                  {name});
  }
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status(ErrorCode::kTooLarge, "the file is too large for the XML parser", {name});
  }
  xml::silence_libxml2();
  if (options.unit_xpath.empty() && looks_like_unpc(bytes)) {
    // UN Parallel Corpus XML has a reader of its own (read_formats.hpp), which keeps its sentences.
    ReadOptions ro;
    ro.language = options.language;
    ro.max_input_bytes = options.max_input_bytes;
    return parse_unpc(bytes, name, ro);
  }
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status(ErrorCode::kInternal, "cannot create an XML parser", {name});
  // No network, no DTD loading, no entity substitution (XML_PARSE_NOENT is deliberately absent); quiet: errors are
  // taken from the context and returned as a Status.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlDoc, DocFree> xdoc(
      xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr, flags));
  if (!xdoc || !ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string msg = e && e->message ? std::string(utf8::trim(e->message)) : std::string("malformed XML");
    return Status(ErrorCode::kParse, "not well-formed XML: " + msg,
                  {name, e && e->line > 0 ? static_cast<std::size_t>(e->line) : 0});
  }
  if (xdoc->intSubset && xdoc->intSubset->entities) {
    return Status(ErrorCode::kParse, "the document declares entities, which paralign does not expand", {name});
  }
  xmlNode* root = xmlDocGetRootElement(xdoc.get());
  if (!root) return Status(ErrorCode::kEmpty, "the XML document has no root element", {name});

  Builder b;
  b.doc.path = name;
  b.doc.encoding = "UTF-8";
  if (options.language.empty()) {
    xmlChar* lang = xmlNodeGetLang(root);
    std::string l = lang ? reinterpret_cast<const char*>(lang) : "";
    xmlFree(lang);
    l = l.substr(0, l.find_first_of("-_"));
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    b.doc.language = l;
  } else {
    b.doc.language = options.language;
  }
  const bool udhr = local_name(root) == "udhr";
  std::string unit_xpath = options.unit_xpath, key_xpath = options.key_xpath;
  if (unit_xpath.empty() && udhr) unit_xpath = "//article";
  if (key_xpath.empty() && !unit_xpath.empty()) key_xpath = "@number";
  strip_namespaces(root);

  std::unique_ptr<xmlXPathContext, XPathCtxFree> xpath(xmlXPathNewContext(xdoc.get()));
  if (!xpath) return Status(ErrorCode::kInternal, "cannot create an XPath context", {name});
  xpath->error = ignore_error;
  b.xpath = xpath.get();
  struct CompFree {
    void operator()(xmlXPathCompExpr* c) const { xmlXPathFreeCompExpr(c); }
  };
  std::unique_ptr<xmlXPathCompExpr, CompFree> key_expr;
  // Compiled before the units are searched so both XPaths are checked whatever the document holds.
  if (!key_xpath.empty()) {
    key_expr.reset(xmlXPathCtxtCompile(xpath.get(), reinterpret_cast<const xmlChar*>(key_xpath.c_str())));
    if (!key_expr) {
      return Status(ErrorCode::kInvalidArgument, fmt::format("--xml-key '{}' is not a valid XPath", key_xpath));
    }
    b.key_expr = key_expr.get();
  }
  if (!unit_xpath.empty()) {
    std::unique_ptr<xmlXPathObject, XPathObjFree> units(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(unit_xpath.c_str()), xpath.get()));
    if (!units) {
      return Status(ErrorCode::kInvalidArgument, fmt::format("--xml-unit '{}' is not a valid XPath", unit_xpath));
    }
    if (units->type == XPATH_NODESET && units->nodesetval) {
      for (int k = 0; k < units->nodesetval->nodeNr; ++k) b.units.insert(units->nodesetval->nodeTab[k]);
    }
  }
  if (b.units.count(root)) {
    b.emit_unit(root);
  } else if (has_own_text(root)) {
    b.add(BlockKind::kParagraph, content_of(root), line_of(root));
  } else {
    b.walk(root->children);
  }
  if (!b.error.ok()) return b.error;
  if (b.doc.blocks.empty()) return Status(ErrorCode::kEmpty, "the XML document holds no text", {name});
  return std::move(b.doc);
}

Result<Document> read_xml_document(const std::string& path, const XmlReadOptions& options) {
  auto bytes = read_file(path, options.max_input_bytes);
  if (!bytes) return bytes.status();
  return parse_xml_document(*bytes, path, options);
}

}  // namespace paralign
