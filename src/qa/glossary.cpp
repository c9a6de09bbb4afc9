// Glossary readers: CSV/TSV (RFC 4180 quoting) and TBX-Basic in its 2009 (martif) and ISO 30042:2019 (tbx) forms.
#include "qa/glossary.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "util/atomic_file.hpp"
#include "util/utf8.hpp"
#include "util/libxml.hpp"

namespace paralign::qa {

std::string_view to_string(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred: return "preferred";
    case TermStatus::kAdmitted: return "admitted";
    case TermStatus::kDeprecated: return "deprecated";
    case TermStatus::kSuperseded: return "superseded";
  }
  return "preferred";
}

std::string primary_language(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Accepts the CSV spellings and the TBX picklist values ("deprecatedTerm-admn-sts").
bool parse_status(std::string_view raw, TermStatus* out) {
  std::string s = lower_ascii(utf8::trim(raw));
  if (s.empty() || s == "preferred" || s == "preferredterm-admn-sts") *out = TermStatus::kPreferred;
  else if (s == "admitted" || s == "admittedterm-admn-sts") *out = TermStatus::kAdmitted;
  else if (s == "deprecated" || s == "deprecatedterm-admn-sts" || s == "avoid") *out = TermStatus::kDeprecated;
  else if (s == "superseded" || s == "supersededterm-admn-sts") *out = TermStatus::kSuperseded;
  else return false;
  return true;
}

bool looks_like_language(std::string_view s) {
  std::string t = lower_ascii(utf8::trim(s));
  if (t.size() < 2 || t.size() > 12) return false;
  for (char c : t)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  std::string p = primary_language(t);
  return p.size() == 2 || p.size() == 3;
}

// Splits one record; returns false on an unterminated quote (the caller then joins the next line).
bool split_record(std::string_view line, char sep, std::vector<std::string>* fields) {
  fields->clear();
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cur += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cur += c;
      }
    } else if (c == '"' && utf8::trim(cur).empty()) {
      cur.clear();
      quoted = true;
    } else if (c == sep) {
      fields->push_back(std::string(utf8::trim(cur)));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (quoted) return false;
  fields->push_back(std::string(utf8::trim(cur)));
  return true;
}

Result<Glossary> parse_delimited(std::string_view text, const std::string& file, std::string src_lang,
                                 std::string tgt_lang) {
  std::size_t first_nl = text.find('\n');
  char sep = text.substr(0, first_nl).find('\t') != std::string_view::npos ? '\t' : ',';
  Glossary g;
  std::size_t pos = 0, line_no = 0;
  bool first = true;
  std::vector<std::string> fields;
  while (pos < text.size()) {
    std::size_t start_line = line_no + 1;
    std::string record;
    bool complete = false;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!record.empty()) record += '\n';
      record += line;
      if (split_record(record, sep, &fields)) {
        complete = true;
        break;
      }
    }
    if (!complete) return Status(ErrorCode::kParse, "unterminated quoted field", Location{file, start_line});
    if (utf8::trim(record).empty() || utf8::trim(record).front() == '#') continue;
    if (first) {
      first = false;
      if (fields.size() >= 2 && looks_like_language(fields[0]) && looks_like_language(fields[1])) {
        src_lang = primary_language(fields[0]);
        tgt_lang = primary_language(fields[1]);
        continue;
      }
      std::string f0 = lower_ascii(fields[0]);
      if (f0 == "source" || f0 == "source term") continue;  // a plain header row
    }
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty()) {
      return Status(ErrorCode::kParse,
                    "a glossary line needs a source term and a target term (columns: source, target, status, note)",
                    Location{file, start_line});
    }
    if (fields.size() > 4) {
      return Status(ErrorCode::kParse, fmt::format("{} columns; at most 4 (source, target, status, note)",
                                                   fields.size()),
                    Location{file, start_line});
    }
    TermStatus st = TermStatus::kPreferred;
    if (fields.size() >= 3 && !parse_status(fields[2], &st)) {
      return Status(ErrorCode::kParse,
                    fmt::format("unknown status '{}' (preferred, admitted, deprecated or superseded)", fields[2]),
                    Location{file, start_line});
    }
    if (!utf8::valid(fields[0]) || !utf8::valid(fields[1])) {
      return Status(ErrorCode::kEncoding, "the glossary is not valid UTF-8", Location{file, start_line});
    }
    Concept c;
    c.id = fmt::format("line {}", start_line);
    c.terms.push_back({src_lang, fields[0], TermStatus::kPreferred, ""});
    c.terms.push_back({tgt_lang, fields[1], st, fields.size() >= 4 ? fields[3] : ""});
    // Rows sharing a source term form one concept, so a deprecated row sits beside its approved one.
    auto same = std::find_if(g.concepts.begin(), g.concepts.end(), [&](const Concept& o) {
      return o.terms[0].language == src_lang && o.terms[0].text == fields[0];
    });
    if (same != g.concepts.end()) {
      for (const Term& t : same->terms) {
        if (t.language == tgt_lang && t.text == fields[1]) {
          return Status(ErrorCode::kParse, fmt::format("duplicate entry '{}' → '{}'", fields[0], fields[1]),
                        Location{file, start_line});
        }
      }
      same->terms.push_back(c.terms[1]);
    } else {
      g.concepts.push_back(std::move(c));
    }
  }
  return g;
}

// --- TBX ---------------------------------------------------------------------------------------------------------

std::string node_text(xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return std::string(utf8::trim(out));
}

std::string attr(xmlNode* n, const char* name, const char* ns = nullptr) {
  xmlChar* s = ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) : xmlGetProp(n, BAD_CAST name);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

bool is(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";

// A <tig> (2009) or <termSec> (2019): one term with its notes.
Status read_term(xmlNode* holder, const std::string& lang, const std::string& file, Concept* c) {
  Term t;
  t.language = lang;
  for (xmlNode* k = holder->children; k; k = k->next) {
    if (is(k, "term")) t.text = node_text(k);
    else if ((is(k, "termNote") || is(k, "descrip")) && attr(k, "type") == "administrativeStatus") {
      if (!parse_status(node_text(k), &t.status)) {
        return Status(ErrorCode::kParse, fmt::format("unknown administrativeStatus '{}'", node_text(k)),
                      Location{file, static_cast<std::size_t>(xmlGetLineNo(k))});
      }
    } else if (is(k, "note") || (is(k, "descrip") && attr(k, "type") == "definition")) {
      if (t.note.empty()) t.note = node_text(k);
    }
  }
  if (t.text.empty()) {
    return Status(ErrorCode::kParse, "a term element is empty",
                  Location{file, static_cast<std::size_t>(xmlGetLineNo(holder))});
  }
  c->terms.push_back(std::move(t));
  return {};
}

Status walk_tbx(xmlNode* n, const std::string& file, Glossary* g) {
  for (; n; n = n->next) {
    if (is(n, "termEntry") || is(n, "conceptEntry")) {
      Concept c;
      c.id = attr(n, "id");
      for (xmlNode* ls = n->children; ls; ls = ls->next) {
        if (!is(ls, "langSet") && !is(ls, "langSec")) continue;
        std::string lang = attr(ls, "lang", kXmlNs);
        if (lang.empty()) {
          return Status(ErrorCode::kParse, "a langSet/langSec without xml:lang",
                        Location{file, static_cast<std::size_t>(xmlGetLineNo(ls))});
        }
        const std::string written = lang;
        lang = primary_language(lang);
        if (lang.empty()) {  // "-GB": a region without a language
          return Status(ErrorCode::kParse, "xml:lang '" + written + "' names no language",
                        Location{file, static_cast<std::size_t>(xmlGetLineNo(ls))});
        }
        for (xmlNode* tg = ls->children; tg; tg = tg->next) {
          if (is(tg, "tig") || is(tg, "termSec") || is(tg, "ntig")) {
            xmlNode* holder = tg;
            if (is(tg, "ntig")) {  // 2009 ntig wraps the term in a termGrp
              for (xmlNode* k = tg->children; k; k = k->next)
                if (is(k, "termGrp")) holder = k;
            }
            if (auto s = read_term(holder, lang, file, &c); !s.ok()) return s;
          }
        }
      }
      if (c.id.empty()) c.id = fmt::format("line {}", xmlGetLineNo(n));
      if (!c.terms.empty()) g->concepts.push_back(std::move(c));
    } else if (n->type == XML_ELEMENT_NODE) {
      if (auto s = walk_tbx(n->children, file, g); !s.ok()) return s;
    }
  }
  return {};
}

Result<Glossary> parse_tbx(std::string_view text, const std::string& file) {
  // No network, no entity substitution, no DTD loading: a glossary must not be able to reach outside itself.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
  xml::silence_libxml2();
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), file.c_str(), nullptr, flags), xmlFreeDoc);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string msg = e && e->message ? std::string(utf8::trim(e->message)) : "not well-formed XML";
    return Status(ErrorCode::kParse, "TBX: " + msg, Location{file, e ? static_cast<std::size_t>(e->line) : 0});
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !(is(root, "martif") || is(root, "tbx"))) {
    return Status(ErrorCode::kParse, "TBX: the root element must be <martif> (TBX 2009) or <tbx> (ISO 30042:2019)",
                  Location{file, 1});
  }
  for (xmlNode* n = doc->children; n; n = n->next) {
    if (n->type == XML_DTD_NODE || n->type == XML_ENTITY_DECL) {
      // Internal entity declarations are refused outright rather than expanded.
      xmlDtd* dtd = reinterpret_cast<xmlDtd*>(n);
      if (dtd->entities) return Status(ErrorCode::kParse, "TBX: entity declarations are not accepted", Location{file, 1});
    }
  }
  Glossary g;
  if (auto s = walk_tbx(root, file, &g); !s.ok()) return s;
  if (g.concepts.empty()) return Status(ErrorCode::kParse, "TBX: no termEntry or conceptEntry", Location{file, 1});
  return g;
}

}  // namespace

Result<Glossary> parse_glossary(std::string_view text, const std::string& file, const std::string& source_lang,
                                const std::string& target_lang) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view t = utf8::trim(text);
  if (t.empty()) return Status(ErrorCode::kEmpty, "the glossary is empty", Location{file});
  if (t.front() == '<') return parse_tbx(text, file);
  return parse_delimited(text, file, primary_language(source_lang), primary_language(target_lang));
}

Result<Glossary> load_glossary(const std::string& path, const std::string& source_lang,
                               const std::string& target_lang) {
  auto text = read_file(path, std::size_t{256} << 20);
  if (!text) return text.status();
  return parse_glossary(*text, path, source_lang, target_lang);
}

}  // namespace paralign::qa
