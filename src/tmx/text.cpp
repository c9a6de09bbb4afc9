#include "tmx/text.hpp"
#include "util/utf8.hpp"

#include <libxml/xmlreader.h>

#include <cstring>

namespace paralign::tmx_detail {

namespace {

// Bytes of a UTF-8 sequence at `s[i]` and its code point; 0 length when the bytes are not well-formed UTF-8.
// Surrogates (ED A0..BF) are decoded rather than refused, so the caller can count them as forbidden characters.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return k < left && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    cp = (char32_t{c} & 0x1F) << 6 | (b(1) & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    cp = (char32_t{c} & 0x0F) << 12 | (char32_t{b(1)} & 0x3F) << 6 | (b(2) & 0x3F);
    if (cp < 0x800) return 0;  // overlong
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    cp = (char32_t{c} & 0x07) << 18 | (char32_t{b(1)} & 0x3F) << 12 | (char32_t{b(2)} & 0x3F) << 6 | (b(3) & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

bool forbidden(char32_t cp) {
  if (cp < 0x20) return cp != 0x09 && cp != 0x0A && cp != 0x0D;
  return (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

bool is_clean(std::string_view in) {
  for (std::size_t i = 0; i < in.size();) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode(in, i, cp);
    if (n == 0 || forbidden(cp)) return false;
    i += n;
  }
  return true;
}

std::string clean_text(std::string_view in, CleanupCounts& counts) {
  if (is_clean(in)) return std::string(in);
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    char32_t cp = 0;
    const std::size_t n = decode(in, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++counts.invalid_utf8;
      ++i;
    } else if (forbidden(cp)) {
      ++counts.forbidden_removed;
      i += n;
    } else {
      out.append(in.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string xml_escape(std::string_view in, bool attribute) {
  std::string out;
  out.reserve(in.size() + 8);
  for (char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out += c;
        }
        break;
      case '\n':
        if (attribute) {
          out += "&#10;";
        } else {
          out += c;
        }
        break;
      case '\t':
        if (attribute) {
          out += "&#9;";
        } else {
          out += c;
        }
        break;
      default: out += c;
    }
  }
  return out;
}

std::string ascii_lower(std::string_view s) { return utf8::ascii_lower(s); }

bool is_native_code_element(std::string_view name) {
  return name == "bpt" || name == "ept" || name == "ph" || name == "it" || name == "ut";
}

bool is_inline_element(std::string_view name) { return is_native_code_element(name) || name == "hi" || name == "sub"; }

namespace {

struct FirstError {
  std::string message;
  static void record(void* self, xmlErrorPtr e) {
    auto* f = static_cast<FirstError*>(self);
    if (f->message.empty() && e && e->message) {
      f->message = e->message;
      while (!f->message.empty() && (f->message.back() == '\n' || f->message.back() == ' ')) f->message.pop_back();
    }
  }
};

}  // namespace

Result<std::vector<InlineEvent>> parse_inline_markup(std::string_view markup) {
  const std::string doc = "<seg>" + std::string(markup) + "</seg>";
  xmlTextReaderPtr r = xmlReaderForMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "UTF-8",
                                          XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (!r) return Status(ErrorCode::kInvalidArgument, "inline markup cannot be parsed");
  FirstError first;
  xmlTextReaderSetStructuredErrorHandler(r, &FirstError::record, &first);
  std::vector<InlineEvent> events;
  std::vector<std::string> open;  // element names from <seg> down
  Status status;
  int rc = 0;
  while ((rc = xmlTextReaderRead(r)) == 1) {
    const int type = xmlTextReaderNodeType(r);
    const char* name = reinterpret_cast<const char*>(xmlTextReaderConstName(r));
    const std::string_view nm = name ? name : "";
    if (type == XML_READER_TYPE_ELEMENT) {
      if (open.empty()) {
        open.emplace_back(nm);
        continue;
      }
      const std::string& parent = open.back();
      const bool allowed = (parent == "seg" || parent == "hi" || parent == "sub")
                               ? (is_inline_element(nm) && nm != "sub")
                               : (nm == "sub");
      if (!allowed) {
        status = Status(ErrorCode::kInvalidArgument,
                        "inline markup has <" + std::string(nm) + "> inside <" + parent +
                            ">, which TMX does not allow (allowed in a segment: bpt, ept, ph, it, hi, ut; sub only "
                            "inside a code)");
        break;
      }
      InlineEvent ev;
      ev.kind = InlineEvent::Kind::kStart;
      ev.name = nm;
      if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
        do {
          const char* an = reinterpret_cast<const char*>(xmlTextReaderConstName(r));
          const char* av = reinterpret_cast<const char*>(xmlTextReaderConstValue(r));
          const std::string_view ans = an ? an : "";
          if (ans == "xmlns" || ans.rfind("xmlns:", 0) == 0) continue;
          ev.attributes.emplace_back(ans, av ? av : "");
        } while (xmlTextReaderMoveToNextAttribute(r) == 1);
        xmlTextReaderMoveToElement(r);
      }
      const bool empty = xmlTextReaderIsEmptyElement(r) == 1;
      events.push_back(std::move(ev));
      if (empty) {
        InlineEvent end;
        end.kind = InlineEvent::Kind::kEnd;
        end.name = nm;
        events.push_back(std::move(end));
      } else {
        open.emplace_back(nm);
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (open.size() > 1) {
        InlineEvent end;
        end.kind = InlineEvent::Kind::kEnd;
        end.name = open.back();
        events.push_back(std::move(end));
      }
      open.pop_back();
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      const char* v = reinterpret_cast<const char*>(xmlTextReaderConstValue(r));
      if (!events.empty() && events.back().kind == InlineEvent::Kind::kText) {
        events.back().text += v ? v : "";
      } else {
        InlineEvent ev;
        ev.text = v ? v : "";
        events.push_back(std::move(ev));
      }
    } else if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
      status = Status(ErrorCode::kInvalidArgument,
                      "inline markup uses an entity reference; only &amp; &lt; &gt; &quot; &apos; are allowed");
      break;
    }
    // Comments and processing instructions inside a segment are dropped: they carry no text and no code.
  }
  if (status.ok() && rc < 0) {
    status = Status(ErrorCode::kInvalidArgument,
                    "inline markup is not well-formed XML" + (first.message.empty() ? "" : ": " + first.message));
  }
  xmlFreeTextReader(r);
  if (!status.ok()) return status;
  return events;
}

}  // namespace paralign::tmx_detail
