// The TMX reader: libxml2's xmlTextReader pulled node by node, with network access, entity substitution and DTD
// loading off (XML_PARSE_NONET, no XML_PARSE_NOENT, no XML_PARSE_DTDLOAD), a depth limit and size limits. Each
// read_* function starts on an element's start node and consumes the element up to its end, so the structure
// of the code follows the structure of the file. Departures from TMX 1.4b that leave the data readable are recorded
// as issues (what `paralign tmx validate` reports); only what stops reading is returned as an error.
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "paralign/tmx.hpp"
#include "tmx/text.hpp"
#include "util/libxml.hpp"

namespace paralign {

namespace {

using Attrs = std::vector<std::pair<std::string, std::string>>;

bool is_blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

const std::set<std::string> kSegtypes = {"block", "paragraph", "sentence", "phrase"};
const std::set<std::string> kDateAttributes = {"creationdate", "changedate", "lastusagedate"};

}  // namespace

struct TmxReader::Impl {
  xmlTextReaderPtr r = nullptr;
  std::FILE* fp = nullptr;
  std::string_view memory;
  std::size_t memory_pos = 0;
  std::size_t bytes_read = 0;
  bool too_large = false;
  std::string name;
  TmxReaderOptions options;
  TmxHeader header;
  bool has_header = false;
  std::vector<TmxIssue> issues;
  std::size_t issue_total = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::string xml_error;
  std::size_t xml_error_line = 0;
  int xml_error_code = 0;
  bool done = false;
  int body_depth = -1;

  ~Impl() {
    if (r) xmlFreeTextReader(r);
    if (fp) std::fclose(fp);
  }

  static int read_cb(void* ctx, char* buf, int len) {
    auto* self = static_cast<Impl*>(ctx);
    std::size_t n = 0;
    if (self->fp) {
      n = std::fread(buf, 1, static_cast<std::size_t>(len), self->fp);
      if (n == 0 && std::ferror(self->fp)) return -1;
    } else {
      n = std::min(static_cast<std::size_t>(len), self->memory.size() - self->memory_pos);
      std::memcpy(buf, self->memory.data() + self->memory_pos, n);
      self->memory_pos += n;
    }
    self->bytes_read += n;
    if (self->bytes_read > self->options.max_bytes) {
      self->too_large = true;
      return -1;
    }
    return static_cast<int>(n);
  }
  static int close_cb(void*) { return 0; }

  static void on_error(void* ctx, xmlErrorPtr e) {
    auto* self = static_cast<Impl*>(ctx);
    if (!e || e->level < XML_ERR_ERROR) return;
    // The first fatal error says what went wrong; later ones are consequences.
    if (!self->xml_error.empty() && self->xml_error_code != 0) return;
    self->xml_error = e->message ? e->message : "XML error";
    while (!self->xml_error.empty() && (self->xml_error.back() == '\n' || self->xml_error.back() == ' ')) {
      self->xml_error.pop_back();
    }
    self->xml_error_line = static_cast<std::size_t>(e->line > 0 ? e->line : 0);
    self->xml_error_code = e->code;
  }

  // --- node access ---
  int type() const { return xmlTextReaderNodeType(r); }
  int depth() const { return xmlTextReaderDepth(r); }
  std::string_view node_name() const {
    const xmlChar* n = xmlTextReaderConstName(r);
    return n ? reinterpret_cast<const char*>(n) : "";
  }
  std::string_view value() const {
    const xmlChar* v = xmlTextReaderConstValue(r);
    return v ? reinterpret_cast<const char*>(v) : "";
  }
  bool empty_element() const { return xmlTextReaderIsEmptyElement(r) == 1; }
  std::size_t line() const {
    xmlNodePtr n = xmlTextReaderCurrentNode(r);
    const long l = n ? xmlGetLineNo(n) : -1;
    return l > 0 ? static_cast<std::size_t>(l) : static_cast<std::size_t>(xmlTextReaderGetParserLineNumber(r));
  }

  Status error(ErrorCode code, std::string msg, std::size_t at) const {
    Location where{name};
    where.line = at;
    return Status(code, std::move(msg), where);
  }

  void issue(std::size_t at, std::string msg, TmxIssue::Severity sev = TmxIssue::Severity::kError) {
    ++issue_total;
    (sev == TmxIssue::Severity::kError ? errors : warnings) += 1;
    if (issues.size() < options.max_issues) issues.push_back({sev, at, std::move(msg)});
  }

  // Advances one node. Returns false at the end of the document.
  Result<bool> advance() {
    const int rc = xmlTextReaderRead(r);
    if (rc == 0) return false;
    if (rc < 0 || too_large) {
      if (too_large) {
        return error(ErrorCode::kTooLarge,
                     "the memory is larger than the limit of " + std::to_string(options.max_bytes >> 20) + " MB",
                     0);
      }
      const bool encoding = xml_error_code == XML_ERR_INVALID_CHAR || xml_error_code == XML_ERR_INVALID_ENCODING ||
                            xml_error_code == XML_ERR_UNSUPPORTED_ENCODING;
      return error(encoding ? ErrorCode::kEncoding : ErrorCode::kParse,
                   "not well-formed XML: " + (xml_error.empty() ? std::string("parse error") : xml_error),
                   xml_error_line);
    }
    if (depth() > static_cast<int>(options.max_depth)) {
      return error(ErrorCode::kParse,
                   "elements are nested deeper than " + std::to_string(options.max_depth) + " levels", line());
    }
    if (type() == XML_READER_TYPE_ENTITY_REFERENCE) {
      return error(ErrorCode::kParse,
                   "entity reference &" + std::string(node_name()) +
                       "; is not allowed: a memory may use only &amp; &lt; &gt; &quot; &apos; and character references",
                   line());
    }
    return true;
  }

  Attrs attributes() {
    Attrs out;
    if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
      do {
        const std::string n(node_name());
        if (n == "xmlns" || n.rfind("xmlns:", 0) == 0) continue;
        out.emplace_back(n, std::string(value()));
      } while (xmlTextReaderMoveToNextAttribute(r) == 1);
      xmlTextReaderMoveToElement(r);
    }
    return out;
  }

  // Calls fn() for each node inside the current element (positioned on its start); fn must consume any element
  // it is given. Returns when the element's end has been read.
  template <typename F>
  Status children(F&& fn) {
    if (empty_element()) return {};
    const int d = depth();
    const std::string element(node_name());
    while (true) {
      auto ok = advance();
      if (!ok) return ok.status();
      if (!*ok) return error(ErrorCode::kParse, "the file ends inside <" + element + ">", 0);
      if (type() == XML_READER_TYPE_END_ELEMENT && depth() == d) return {};
      if (auto s = fn(); !s.ok()) return s;
    }
  }

  Status skip() {
    return children([&]() -> Status { return {}; });
  }

  // Handles a node inside a structural element that is not one of its expected children.
  Status unexpected(std::string_view parent) {
    if (type() == XML_READER_TYPE_ELEMENT) {
      issue(line(), "<" + std::string(node_name()) + "> is not allowed inside <" + std::string(parent) + ">");
      return skip();
    }
    if ((type() == XML_READER_TYPE_TEXT || type() == XML_READER_TYPE_CDATA) && !is_blank(value())) {
      issue(line(), "text is not allowed directly inside <" + std::string(parent) + ">");
    }
    return {};
  }

  void check_prop_type(const std::string& type, std::size_t at) {
    if (type.empty()) {
      issue(at, "<prop> has no type attribute");
    } else if (type.rfind("x-", 0) != 0) {
      issue(at, "prop type '" + type + "' is not prefixed 'x-' (TMX reserves unprefixed types)");
    }
  }

  void check_lang(const std::string& lang, std::size_t at, const char* what) {
    if (auto s = check_language_tag(lang); !s.ok()) issue(at, std::string(what) + ": " + s.message());
  }

  void check_common_attributes(const Attrs& attrs, std::size_t at, const char* element) {
    for (const auto& [k, v] : attrs) {
      if (kDateAttributes.count(k) && !is_tmx_date(v)) {
        issue(at, "<" + std::string(element) + "> " + k + " '" + v + "' is not a TMX date YYYYMMDDThhmmssZ");
      } else if (k == "segtype" && !kSegtypes.count(v)) {
        issue(at, "segtype '" + v + "' is not one of block, paragraph, sentence, phrase");
      } else if (k == "usagecount" && (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)) {
        issue(at, "usagecount '" + v + "' is not a number");
      }
    }
  }

  // <note> and <prop>: text only.
  Result<std::string> text_only() {
    std::string out;
    const std::string element(node_name());
    auto s = children([&]() -> Status {
      const int t = type();
      if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA || t == XML_READER_TYPE_WHITESPACE ||
          t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
        out += value();
      } else if (t == XML_READER_TYPE_ELEMENT) {
        issue(line(), "<" + std::string(node_name()) + "> is not allowed inside <" + element + "> (text only)");
        return skip();
      }
      return {};
    });
    if (!s.ok()) return s;
    return out;
  }

  Status read_prop(std::vector<TmxProp>& props) {
    const std::size_t at = line();
    TmxProp p;
    for (const auto& [k, v] : attributes()) {
      if (k == "type") p.type = v;
      if (k == "xml:lang" || k == "lang") p.lang = v;
    }
    check_prop_type(p.type, at);
    auto text = text_only();
    if (!text) return text.status();
    p.value = std::move(*text);
    props.push_back(std::move(p));
    return {};
  }

  Status read_note(std::vector<std::string>& notes) {
    auto text = text_only();
    if (!text) return text.status();
    notes.push_back(std::move(*text));
    return {};
  }

  // <seg>: plain text (outside native codes) and, when it holds elements, its inner XML.
  Status read_seg(TmxVariant& v) {
    std::string markup;
    std::string text;
    bool has_elements = false;
    std::vector<std::string> open{"seg"};
    std::vector<std::pair<std::string, std::size_t>> unmatched_bpt;  // i, line
    std::set<std::string> bpt_ids;
    std::vector<std::pair<std::string, std::size_t>> ept_ids;
    int native_depth = 0;  // > 0 inside bpt/ept/ph/it/ut
    const int seg_depth = depth();
    if (empty_element()) {
      v.text.clear();
      v.markup.clear();
      return {};
    }
    while (true) {
      auto ok = advance();
      if (!ok) return ok.status();
      if (!*ok) return error(ErrorCode::kParse, "the file ends inside <seg>", 0);
      const int t = type();
      if (t == XML_READER_TYPE_END_ELEMENT) {
        if (depth() == seg_depth) break;
        const std::string nm = open.back();
        open.pop_back();
        markup += "</" + nm + ">";
        if (tmx_detail::is_native_code_element(nm)) --native_depth;
      } else if (t == XML_READER_TYPE_ELEMENT) {
        has_elements = true;
        const std::string nm(node_name());
        const std::string& parent = open.back();
        const std::size_t at = line();
        const bool text_parent = parent == "seg" || parent == "hi" || parent == "sub";
        const bool allowed = text_parent ? (tmx_detail::is_inline_element(nm) && nm != "sub") : nm == "sub";
        if (!allowed) {
          issue(at, "<" + nm + "> is not allowed inside <" + parent + ">");
        } else if (nm == "ut") {
          issue(at, "<ut> is deprecated in TMX 1.4; use <bpt>/<ept>/<ph>/<it>", TmxIssue::Severity::kWarning);
        }
        const Attrs attrs = attributes();
        const auto get = [&](const char* k) -> const std::string* {
          for (const auto& [ak, av] : attrs) {
            if (ak == k) return &av;
          }
          return nullptr;
        };
        if (nm == "bpt" || nm == "ept") {
          const std::string* i = get("i");
          if (!i) {
            issue(at, "<" + nm + "> has no i attribute");
          } else if (nm == "bpt") {
            if (!bpt_ids.insert(*i).second) issue(at, "two <bpt> elements have i=\"" + *i + "\" in one segment");
            unmatched_bpt.emplace_back(*i, at);
          } else {
            ept_ids.emplace_back(*i, at);
          }
        } else if (nm == "it") {
          const std::string* pos = get("pos");
          if (!pos || (*pos != "begin" && *pos != "end")) issue(at, "<it> needs pos=\"begin\" or pos=\"end\"");
        }
        markup += "<" + nm;
        for (const auto& [k, val] : attrs) markup += " " + k + "=\"" + tmx_detail::xml_escape(val, true) + "\"";
        if (empty_element()) {
          markup += "/>";
        } else {
          markup += ">";
          open.push_back(nm);
          if (tmx_detail::is_native_code_element(nm)) ++native_depth;
        }
      } else if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA || t == XML_READER_TYPE_WHITESPACE ||
                 t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
        const std::string_view val = value();
        markup += tmx_detail::xml_escape(val, false);
        if (native_depth == 0) text += val;
      }
      if (markup.size() > options.max_segment_bytes) {
        return error(ErrorCode::kTooLarge,
                     "a segment is longer than the limit of " + std::to_string(options.max_segment_bytes) + " bytes",
                     line());
      }
    }
    for (const auto& ept : ept_ids) {
      const std::string& i = ept.first;
      auto it = std::find_if(unmatched_bpt.begin(), unmatched_bpt.end(), [&](const auto& b) { return b.first == i; });
      if (it == unmatched_bpt.end()) {
        issue(ept.second, "<ept i=\"" + i + "\"> has no <bpt> with the same i in its segment");
      } else {
        unmatched_bpt.erase(it);
      }
    }
    for (const auto& [i, at] : unmatched_bpt) issue(at, "<bpt i=\"" + i + "\"> has no <ept> with the same i in its segment");
    v.text = std::move(text);
    v.markup = has_elements ? std::move(markup) : std::string();
    return {};
  }

  Status read_tuv(TmxVariant& v) {
    const std::size_t at = line();
    bool has_lang = false;
    for (auto& [k, val] : attributes()) {
      if (k == "xml:lang") {
        v.lang = val;
        has_lang = true;
      } else if (k == "lang") {
        issue(at, "<tuv> uses the deprecated 'lang' attribute; TMX 1.4 uses xml:lang", TmxIssue::Severity::kWarning);
        if (!has_lang) v.lang = val;
      } else {
        v.attributes.emplace_back(k, val);
      }
    }
    if (v.lang.empty()) {
      issue(at, "<tuv> has no xml:lang attribute");
    } else {
      check_lang(v.lang, at, "<tuv> xml:lang");
    }
    check_common_attributes(v.attributes, at, "tuv");
    std::size_t segs = 0;
    auto s = children([&]() -> Status {
      if (type() != XML_READER_TYPE_ELEMENT) return unexpected("tuv");
      const std::string_view nm = node_name();
      if (nm == "seg") {
        if (++segs == 2) issue(line(), "<tuv> has more than one <seg>");
        if (segs > 1) return skip();
        return read_seg(v);
      }
      if (nm == "note" || nm == "prop") {
        if (segs > 0) issue(line(), "<" + std::string(nm) + "> after the <seg>: notes and props come first");
        return nm == "note" ? read_note(v.notes) : read_prop(v.props);
      }
      return unexpected("tuv");
    });
    if (!s.ok()) return s;
    if (segs == 0) issue(at, "<tuv> has no <seg>");
    return {};
  }

  Status read_tu(TranslationUnit& unit) {
    unit = TranslationUnit{};
    const std::size_t at = line();
    std::string srclang = header.srclang;
    for (auto& [k, val] : attributes()) {
      if (k == "tuid") {
        unit.tuid = val;
      } else {
        if (k == "srclang") srclang = val;
        unit.attributes.emplace_back(k, val);
      }
    }
    check_common_attributes(unit.attributes, at, "tu");
    auto s = children([&]() -> Status {
      if (type() != XML_READER_TYPE_ELEMENT) return unexpected("tu");
      const std::string_view nm = node_name();
      if (nm == "tuv") {
        unit.variants.emplace_back();
        return read_tuv(unit.variants.back());
      }
      if (nm == "note" || nm == "prop") {
        if (!unit.variants.empty()) {
          issue(line(), "<" + std::string(nm) + "> after a <tuv>: notes and props come before the variants");
        }
        return nm == "note" ? read_note(unit.notes) : read_prop(unit.props);
      }
      return unexpected("tu");
    });
    if (!s.ok()) return s;
    if (unit.variants.empty()) {
      issue(at, "<tu> has no <tuv>");
    } else if (!srclang.empty() && srclang != "*all*") {
      const std::string want = tmx_detail::ascii_lower(srclang);
      const bool found = std::any_of(unit.variants.begin(), unit.variants.end(),
                                     [&](const TmxVariant& v) { return tmx_detail::ascii_lower(v.lang) == want; });
      if (!found) issue(at, "<tu> has no <tuv> in the source language '" + srclang + "'");
    }
    return {};
  }

  Status read_header() {
    const std::size_t at = line();
    has_header = true;
    TmxHeader& h = header;
    h = TmxHeader{};
    std::set<std::string> seen;
    for (auto& [k, v] : attributes()) {
      seen.insert(k);
      if (k == "creationtool") h.creationtool = v;
      else if (k == "creationtoolversion") h.creationtoolversion = v;
      else if (k == "segtype") h.segtype = v;
      else if (k == "o-tmf") h.o_tmf = v;
      else if (k == "adminlang") h.adminlang = v;
      else if (k == "srclang") h.srclang = v;
      else if (k == "datatype") h.datatype = v;
      else if (k == "creationdate") h.creationdate = v;
      else if (k == "creationid") h.creationid = v;
      else h.attributes.emplace_back(k, v);
    }
    for (const char* required :
         {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"}) {
      if (!seen.count(required)) {
        issue(at, std::string("<header> has no ") + required +
                      " attribute (TMX 1.4b requires creationtool, creationtoolversion, segtype, o-tmf, adminlang, "
                      "srclang, datatype)");
        // Leave paralign's defaults out of a header read from a file: what is missing stays empty.
        if (std::string_view(required) == "creationtool") h.creationtool.clear();
        if (std::string_view(required) == "creationtoolversion") h.creationtoolversion.clear();
        if (std::string_view(required) == "segtype") h.segtype.clear();
        if (std::string_view(required) == "o-tmf") h.o_tmf.clear();
        if (std::string_view(required) == "adminlang") h.adminlang.clear();
        if (std::string_view(required) == "datatype") h.datatype.clear();
      }
    }
    if (seen.count("segtype") && !kSegtypes.count(h.segtype)) {
      issue(at, "segtype '" + h.segtype + "' is not one of block, paragraph, sentence, phrase");
    }
    if (seen.count("srclang") && h.srclang != "*all*") check_lang(h.srclang, at, "<header> srclang");
    if (seen.count("adminlang")) check_lang(h.adminlang, at, "<header> adminlang");
    if (seen.count("creationdate") && !is_tmx_date(h.creationdate)) {
      issue(at, "<header> creationdate '" + h.creationdate + "' is not a TMX date YYYYMMDDThhmmssZ");
    }
    check_common_attributes(h.attributes, at, "header");
    return children([&]() -> Status {
      if (type() != XML_READER_TYPE_ELEMENT) return unexpected("header");
      const std::string_view nm = node_name();
      if (nm == "prop") return read_prop(h.props);
      if (nm == "note") return read_note(h.notes);
      if (nm == "ude") return skip();  // user-defined encodings: nothing to keep in Unicode text
      return unexpected("header");
    });
  }

  // From the start of the document to just inside <body>.
  Status start() {
    while (true) {
      auto ok = advance();
      if (!ok) return ok.status();
      if (!*ok) return error(ErrorCode::kParse, "no root element: the file is empty or not XML", 0);
      if (type() == XML_READER_TYPE_ELEMENT) break;
    }
    if (node_name() != "tmx") {
      return error(ErrorCode::kParse, "the root element is <" + std::string(node_name()) + ">, not <tmx>: not a TMX file",
                   line());
    }
    const std::size_t root_line = line();
    std::string version;
    for (const auto& [k, v] : attributes()) {
      if (k == "version") version = v;
    }
    if (version.empty()) {
      issue(root_line, "<tmx> has no version attribute (expected version=\"1.4\")");
    } else if (version != "1.4") {
      issue(root_line, "<tmx> version is '" + version + "'; TMX 1.4b files say version=\"1.4\"");
    }
    if (empty_element()) {
      issue(root_line, "<tmx> has no <header> and no <body>");
      done = true;
      return {};
    }
    const int root_depth = depth();
    while (true) {
      auto ok = advance();
      if (!ok) return ok.status();
      if (!*ok) return error(ErrorCode::kParse, "the file ends inside <tmx>", 0);
      if (type() == XML_READER_TYPE_END_ELEMENT && depth() == root_depth) {
        if (!has_header) issue(root_line, "<tmx> has no <header>");
        issue(root_line, "<tmx> has no <body>");
        return finish_document();
      }
      if (type() != XML_READER_TYPE_ELEMENT) {
        if (auto s = unexpected("tmx"); !s.ok()) return s;
        continue;
      }
      const std::string_view nm = node_name();
      if (nm == "header") {
        if (has_header) issue(line(), "a second <header>");
        if (auto s = read_header(); !s.ok()) return s;
      } else if (nm == "body") {
        if (!has_header) issue(line(), "<body> comes before any <header>");
        if (empty_element()) return finish_document();
        body_depth = depth();
        return {};
      } else if (auto s = unexpected("tmx"); !s.ok()) {
        return s;
      }
    }
  }

  // Reads to the end of the document, so an error after </body> (a truncated file) is still reported.
  Status finish_document() {
    done = true;
    while (true) {
      auto ok = advance();
      if (!ok) return ok.status();
      if (!*ok) return {};
      if (type() == XML_READER_TYPE_ELEMENT) {
        issue(line(), "<" + std::string(node_name()) + "> after <body>");
        if (auto s = skip(); !s.ok()) return s;
      }
    }
  }

  Result<bool> next(TranslationUnit& unit) {
    while (!done) {
      auto ok = advance();
      if (!ok) return ok.status();
      if (!*ok) return error(ErrorCode::kParse, "the file ends inside <body>", 0);
      if (type() == XML_READER_TYPE_END_ELEMENT && depth() == body_depth) {
        if (auto s = finish_document(); !s.ok()) return s;
        break;
      }
      if (type() == XML_READER_TYPE_ELEMENT && node_name() == "tu") {
        if (auto s = read_tu(unit); !s.ok()) return s;
        return true;
      }
      if (auto s = unexpected("body"); !s.ok()) return s;
    }
    return false;
  }
};

TmxReader::TmxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmxReader::~TmxReader() = default;

namespace {

Result<std::unique_ptr<TmxReader::Impl>> start_reader(std::unique_ptr<TmxReader::Impl> impl) {
  auto& m = *impl;
  xml::silence_libxml2();
  // No XML_PARSE_NOENT (entities stay references, which we refuse), no DTD loading or validation, no network.
  const int flags = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
  m.r = xmlReaderForIO(&TmxReader::Impl::read_cb, &TmxReader::Impl::close_cb, impl.get(), m.name.c_str(), nullptr,
                       flags);
  if (!m.r) {
    if (m.too_large) return m.error(ErrorCode::kTooLarge, "the memory is larger than the limit", 0);
    return m.error(ErrorCode::kParse, "cannot start reading: the file is empty or not XML", 0);
  }
  xmlTextReaderSetStructuredErrorHandler(m.r, &TmxReader::Impl::on_error, impl.get());
  if (auto s = m.start(); !s.ok()) return s;
  return impl;
}

}  // namespace

Result<std::unique_ptr<TmxReader>> TmxReader::open(const std::string& path, const TmxReaderOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status(ErrorCode::kNotFound, "no such file", {path});
  if (fs::is_directory(st)) return Status(ErrorCode::kIsDirectory, "is a directory, not a memory", {path});
  if (fs::is_regular_file(st)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > options.max_bytes) {
      return Status(ErrorCode::kTooLarge,
                    "the memory is larger than the limit of " + std::to_string(options.max_bytes >> 20) + " MB",
                    {path});
    }
    if (!ec && size == 0) return Status(ErrorCode::kEmpty, "the file is empty", {path});
  }
  auto impl = std::make_unique<Impl>();
  impl->name = path;
  impl->options = options;
  impl->fp = std::fopen(path.c_str(), "rb");
  if (!impl->fp) return Status(ErrorCode::kIo, "cannot open for reading (permissions?)", {path});
  auto started = start_reader(std::move(impl));
  if (!started) return started.status();
  return std::unique_ptr<TmxReader>(new TmxReader(std::move(*started)));
}

Result<std::unique_ptr<TmxReader>> TmxReader::open_memory(std::string_view bytes, const std::string& name,
                                                          const TmxReaderOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Status(ErrorCode::kTooLarge, "the memory is larger than the limit", {name});
  }
  if (bytes.empty()) return Status(ErrorCode::kEmpty, "the memory is empty", {name});
  auto impl = std::make_unique<Impl>();
  impl->name = name;
  impl->options = options;
  impl->memory = bytes;
  auto started = start_reader(std::move(impl));
  if (!started) return started.status();
  return std::unique_ptr<TmxReader>(new TmxReader(std::move(*started)));
}

const TmxHeader& TmxReader::header() const { return impl_->header; }
Result<bool> TmxReader::next(TranslationUnit& unit) { return impl_->next(unit); }
const std::vector<TmxIssue>& TmxReader::issues() const { return impl_->issues; }
std::size_t TmxReader::issue_count() const { return impl_->issue_total; }
std::size_t TmxReader::error_count() const { return impl_->errors; }

std::string TmxReader::encoding() const {
  const xmlChar* e = xmlTextReaderConstEncoding(impl_->r);
  return e ? reinterpret_cast<const char*>(e) : "UTF-8";
}

Result<TmxMemory> read_tmx_file(const std::string& path, const TmxReaderOptions& options) {
  auto reader = TmxReader::open(path, options);
  if (!reader) return reader.status();
  TmxMemory memory;
  memory.header = (*reader)->header();
  TranslationUnit unit;
  while (true) {
    auto more = (*reader)->next(unit);
    if (!more) return more.status();
    if (!*more) break;
    memory.units.push_back(std::move(unit));
  }
  memory.issues = (*reader)->issues();
  return memory;
}

Result<TmxValidation> validate_tmx(const std::string& path, const TmxReaderOptions& options) {
  auto reader = TmxReader::open(path, options);
  if (!reader) return reader.status();
  TmxValidation result;
  TranslationUnit unit;
  while (true) {
    auto more = (*reader)->next(unit);
    if (!more) return more.status();
    if (!*more) break;
    ++result.units;
  }
  result.issues = (*reader)->issues();
  result.errors = (*reader)->error_count();
  result.warnings = (*reader)->issue_count() - result.errors;
  return result;
}

}  // namespace paralign
