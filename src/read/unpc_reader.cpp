// The UN Parallel Corpus XML reader: <doc> holding <p id> paragraphs, each holding <s id> sentences. Each <p> is one
// paragraph for the structure stage (which finds its number, label or heading as in any text), and each <s>
// keeps its own start and source line (Block::source_lines), so the aligner can keep the corpus's sentences.
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>

#include "paralign/read_formats.hpp"
#include "read/read_xml_part_internal.hpp"
#include "read/rich_internal.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

using rich::Paragraph;
using xmlpart::attr;
using xmlpart::name;

std::size_t line_of(const xmlNode* n) {
  const long l = xmlGetLineNo(n);
  return l > 0 ? static_cast<std::size_t>(l) : 0;
}

std::string content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

void paragraphs(const xmlNode* n, std::vector<Paragraph>& out, std::string& symbol, int depth) {
  for (const xmlNode* c = n; c && depth < 64; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view nm = name(c);
    if (nm == "symbol" && symbol.empty()) {
      symbol = std::string(utf8::trim(content(c)));
      continue;
    }
    if (nm != "p") {
      paragraphs(c->children, out, symbol, depth + 1);
      continue;
    }
    Paragraph p;
    p.source = line_of(c);
    bool sentences = false;
    for (const xmlNode* s = c->children; s; s = s->next) {
      if (s->type != XML_ELEMENT_NODE || name(s) != "s") continue;
      sentences = true;
      const std::string t(utf8::trim(content(s)));
      if (t.empty()) continue;
      if (!p.text.empty()) {
        // Sentences join with a space, except between two CJK characters ("。" + "本报告").
        std::size_t e = p.text.size(), b = 0;
        if (!(utf8::is_cjk(utf8::prev(p.text, e)) && utf8::is_cjk(utf8::next(t, b)))) p.text += ' ';
      }
      p.sentence_starts.emplace_back(p.text.size(), line_of(s));
      rich::append_text(p.text, t);
    }
    if (!sentences) rich::append_text(p.text, content(c));
    rich::trim_paragraph(p);
    if (!p.text.empty()) out.push_back(std::move(p));
  }
}

}  // namespace

bool looks_like_unpc(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 64 * 1024);
  std::size_t pos = 0;
  // The root element: the first start tag that is not a declaration, comment or processing instruction.
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.substr(pos, 4) == "<!--") {
      pos = head.find("-->", pos);
      if (pos == std::string_view::npos) return false;
      continue;
    }
    if (pos + 1 < head.size() && (head[pos + 1] == '?' || head[pos + 1] == '!')) {
      ++pos;
      continue;
    }
    break;
  }
  if (pos == std::string_view::npos || head.substr(pos, 4) != "<doc") return false;
  if (pos + 4 < head.size() && !(head[pos + 4] == '>' || std::isspace(static_cast<unsigned char>(head[pos + 4]))))
    return false;
  return head.find("<p", pos) != std::string_view::npos && head.find("<s", pos) != std::string_view::npos;
}

Result<Document> parse_unpc(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge, "file is larger than the limit (raise it with --max-input-mb)", {name});
  }
  auto doc = xmlpart::parse(bytes, name, "");
  if (!doc) return doc.status();
  const xmlNode* root = xmlDocGetRootElement(doc->get());
  if (!root || xmlpart::name(root) != "doc") {
    return Status(ErrorCode::kParse, "not UN Parallel Corpus XML: the root element is not <doc>", {name});
  }
  rich::RichText rt;
  rt.exact_markers = false;  // the corpus keeps footnote numbers as text; the structure stage finds them
  std::string lang = attr(root, "lang");
  if (lang.empty()) {
    xmlChar* l = xmlNodeGetLang(root);
    lang = l ? reinterpret_cast<const char*>(l) : "";
    xmlFree(l);
  }
  for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  rt.language = lang.substr(0, lang.find_first_of("-_"));
  rt.symbol = attr(root, "symbol");
  std::string found_symbol;
  paragraphs(root->children, rt.paragraphs, found_symbol, 0);
  if (rt.symbol.empty()) rt.symbol = found_symbol;
  if (rt.paragraphs.empty()) return Status(ErrorCode::kEmpty, "the document holds no <p> with text", {name});
  return rich::build_rich_document(std::move(rt), name, options);
}

}  // namespace paralign
