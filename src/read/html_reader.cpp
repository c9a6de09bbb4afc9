// The HTML reader: libxml2's HTML parser stays in this file. Block elements (<p>, <h1>-<h6>, <li>, table rows...)
// become paragraphs; footnote references (<sup>N</sup>, links to "#fnN" / "#_ftnN") become markers; a footnotes
// section (an element whose id or class names footnotes or endnotes) becomes the notes.
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "paralign/read_formats.hpp"
#include "read/read_xml_part_internal.hpp"
#include "read/rich_internal.hpp"
#include "util/libxml.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

using rich::Paragraph;
using rich::Role;
using xmlpart::attr;
using xmlpart::name;

struct HtmlCtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

std::string lower(std::string_view s) { return utf8::ascii_lower(s); }

bool is_one_of(std::string_view n, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

bool is_block(std::string_view n) {
  return is_one_of(n, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "div", "section", "article",
                       "blockquote", "pre", "address", "caption", "figcaption", "main", "header", "footer", "aside",
                       "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "form", "center", "body",
                       "figure", "hr", "fieldset", "details", "summary"});
}

bool skipped(const xmlNode* n) {
  const std::string_view nm = name(n);
  if (is_one_of(nm, {"script", "style", "noscript", "template", "head", "nav", "iframe", "object", "svg", "math",
                     "button", "select", "textarea"}))
    return true;
  if (xmlpart::has_attr(n, "hidden")) return true;
  std::string style = lower(attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool names_notes(const xmlNode* n) {
  const std::string s = lower(attr(n, "id") + " " + attr(n, "class") + " " + attr(n, "role"));
  return s.find("footnote") != std::string::npos || s.find("endnote") != std::string::npos ||
         s.find("doc-endnotes") != std::string::npos;
}

std::string text_of(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return std::string(utf8::trim(s));
}

// "3", "[3]", "(3)": the number of a footnote reference, or 0.
int note_number(std::string_view t) {
  t = utf8::trim(t);
  if (t.size() >= 2 && ((t.front() == '[' && t.back() == ']') || (t.front() == '(' && t.back() == ')')))
    t = t.substr(1, t.size() - 2);
  if (t.empty() || t.size() > 3) return 0;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool note_link(const xmlNode* n) {
  const std::string href = lower(attr(n, "href"));
  return name(n) == "a" && !href.empty() && href[0] == '#' &&
         (href.find("fn") != std::string::npos || href.find("ftn") != std::string::npos ||
          href.find("note") != std::string::npos || href.find("edn") != std::string::npos);
}

std::size_t line_of(const xmlNode* n) {
  const long l = xmlGetLineNo(n);
  return l > 0 ? static_cast<std::size_t>(l) : 0;
}

class Walker {
 public:
  std::vector<Paragraph> paragraphs;

  void walk(const xmlNode* n, int depth) {
    for (const xmlNode* c = n; c; c = c->next) node(c, depth);
  }

 private:
  void flush() {
    if (!open_) return;
    rich::trim_paragraph(cur_);
    if (!cur_.text.empty() || (cur_.role == Role::kNote && cur_.note > 0)) {
      if (cur_.role == Role::kNote && cur_.note == 0) cur_.note = ++last_note_;
      if (cur_.role == Role::kNote) last_note_ = std::max(last_note_, cur_.note);
      paragraphs.push_back(std::move(cur_));
    }
    cur_ = Paragraph();
    open_ = false;
  }

  void open(const xmlNode* n, Role role, int level) {
    flush();
    open_ = true;
    cur_.role = notes_ ? Role::kNote : role;
    cur_.outline_level = level;
    cur_.source = line_of(n);
  }

  void node(const xmlNode* c, int depth) {
    if (depth > 200) return;  // libxml2 bounds nesting too; this keeps our own recursion shallow
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (!c->content) return;
      const std::string_view t = reinterpret_cast<const char*>(c->content);
      if (!open_) {
        if (utf8::trim(t).empty()) return;
        open(c->parent ? c->parent : c, Role::kBody, 0);
      }
      rich::append_text(cur_.text, t);
      return;
    }
    if (c->type != XML_ELEMENT_NODE || skipped(c)) return;
    const std::string_view nm = name(c);
    if (nm == "br") {
      if (open_) rich::append_text(cur_.text, " ");
      return;
    }
    // A footnote reference: the number is a marker, not text.
    if (nm == "sup" || note_link(c)) {
      const int n = note_number(text_of(c));
      if (n > 0 && (nm == "sup" || note_link(c))) {
        if (open_ && cur_.role == Role::kNote && cur_.note == 0 && utf8::trim(cur_.text).empty()) {
          cur_.note = n;  // the number opening a note is its label
        } else if (open_) {
          cur_.markers.emplace_back(cur_.text.size(), n);
        } else if (notes_) {
          open(c, Role::kNote, 0);
          cur_.note = n;
        }
        return;
      }
    }
    const bool entering_notes = !notes_ && names_notes(c);
    if (entering_notes) {
      flush();
      notes_ = true;
    }
    if (nm == "tr" && !notes_) {
      open(c, Role::kTableRow, 0);
      for (const xmlNode* cell = c->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE || skipped(cell)) continue;
        if (!cur_.text.empty()) rich::append_text(cur_.text, " ");
        inline_only(cell->children, depth + 1);
      }
      flush();
    } else if (is_block(nm)) {
      int level = 0;
      Role role = Role::kBody;
      if (nm.size() == 2 && nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6') {
        role = Role::kHeading;
        level = std::min(nm[1] - '0', 4);
      }
      const bool holds_text = !is_one_of(nm, {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "body", "hr"});
      if (holds_text) {
        open(c, role, level);
      } else {
        flush();
      }
      walk(c->children, depth + 1);
      flush();
    } else {
      walk(c->children, depth + 1);
    }
    if (entering_notes) {
      flush();
      notes_ = false;
    }
  }

  // A table cell's content as running text: block elements inside it do not break the row.
  void inline_only(const xmlNode* n, int depth) {
    for (const xmlNode* c = n; c && depth < 200; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content) rich::append_text(cur_.text, reinterpret_cast<const char*>(c->content));
      } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
        const int m = (name(c) == "sup" || note_link(c)) ? note_number(text_of(c)) : 0;
        if (m > 0) {
          cur_.markers.emplace_back(cur_.text.size(), m);
          continue;
        }
        if (is_block(name(c)) || name(c) == "br") rich::append_text(cur_.text, " ");
        inline_only(c->children, depth + 1);
      }
    }
  }

  Paragraph cur_;
  bool open_ = false;
  bool notes_ = false;
  int last_note_ = 0;
};

}  // namespace

Result<Document> parse_html(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge,
                  fmt::format("file is larger than the limit of {} MB (raise it with --max-input-mb)",
                              options.max_input_bytes >> 20),
                  {name});
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status(ErrorCode::kBinary, fmt::format("not an HTML page: NUL byte at byte {}", nul), {name});
  }
  if (bytes.find('<') == std::string_view::npos) {
    return Status(ErrorCode::kParse, "not an HTML page: it holds no markup", {name});
  }
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status(ErrorCode::kTooLarge, "the file is too large for the HTML parser", {name});
  }
  // The encoding: --encoding, else what the page declares (a BOM or <meta charset>, which libxml2 reads), else
  // UTF-8 when the bytes are valid UTF-8 (libxml2 would assume ISO-8859-1).
  std::string encoding = options.encoding;
  const std::string head = lower(bytes.substr(0, 4096));
  if (encoding.empty() && head.find("charset") == std::string::npos && bytes.substr(0, 2) != "\xFF\xFE" &&
      bytes.substr(0, 2) != "\xFE\xFF") {
    if (!utf8::valid(bytes)) {
      return Status(ErrorCode::kEncoding,
                    "the page declares no charset and is not UTF-8; give its encoding with --encoding", {name});
    }
    encoding = "UTF-8";
  }
  xml::silence_libxml2();
  std::unique_ptr<htmlParserCtxt, HtmlCtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt) return Status(ErrorCode::kInternal, "cannot create an HTML parser", {name});
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS;
  xmlpart::DocPtr doc(htmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                         encoding.empty() ? nullptr : encoding.c_str(), flags));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    const std::string msg = e && e->message ? std::string(utf8::trim(e->message)) : std::string("unreadable");
    return Status(ErrorCode::kParse, "not a readable HTML page: " + msg, {name});
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return Status(ErrorCode::kParse, "not an HTML page: no root element", {name});
  rich::RichText rt;
  rt.encoding = encoding.empty() ? (doc->encoding ? reinterpret_cast<const char*>(doc->encoding) : "UTF-8")
                                 : encoding;
  std::string lang = lower(attr(root, "lang"));
  rt.language = lang.substr(0, lang.find_first_of("-_"));
  const xmlNode* body = root;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlpart::name(c) == "body") body = c;
  Walker w;
  w.walk(body == root ? root->children : body->children, 0);
  rt.paragraphs = std::move(w.paragraphs);
  bool any = false;
  for (const Paragraph& p : rt.paragraphs) any = any || (p.role != Role::kNote && !p.text.empty());
  if (!any) return Status(ErrorCode::kEmpty, "the HTML page holds no text in its body", {name});
  return rich::build_rich_document(std::move(rt), name, options);
}

}  // namespace paralign
