// The TMX writer: libxml2's xmlTextWriter over an output buffer that forwards to a stream (the temporary file of an
// AtomicFile), so each unit leaves memory as soon as it is added. Layout whitespace is written by hand between
// structural elements only (never inside <seg>, where every character is significant), which keeps the output
// byte-for-byte reproducible.
#include <libxml/xmlwriter.h>

#include <cctype>
#include <set>

#include "paralign/tmx.hpp"
#include "tmx/text.hpp"
#include "tmx/writer_impl.hpp"
#include "util/atomic_file.hpp"
#include "util/libxml.hpp"

namespace paralign {

using tmx_detail::clean_text;
using tmx_detail::InlineEvent;

namespace {

struct TmxImpl final : MemoryWriter::Impl {
  std::unique_ptr<AtomicFile> file;
  std::ostream* out = nullptr;
  xmlTextWriterPtr w = nullptr;
  TmxWriterOptions options;
  bool finished = false;
  bool failed = false;
  std::string name;  // for messages

  ~TmxImpl() override {
    if (w) xmlFreeTextWriter(w);
  }

  Status add(const TranslationUnit& unit) override;
  Status finish() override;

  static int write_cb(void* ctx, const char* buf, int len) {
    auto* self = static_cast<TmxImpl*>(ctx);
    self->out->write(buf, len);
    return *self->out ? len : -1;
  }
  static int close_cb(void*) { return 0; }

  // Each call returns libxml2's count (< 0 on failure); ok() folds them.
  int rc = 0;
  void check(int r) {
    if (r < 0) rc = r;
  }
  void raw(const char* s) { check(xmlTextWriterWriteRaw(w, reinterpret_cast<const xmlChar*>(s))); }
  void start(const char* name) { check(xmlTextWriterStartElement(w, reinterpret_cast<const xmlChar*>(name))); }
  void end() { check(xmlTextWriterEndElement(w)); }
  void attr(const std::string& name, std::string_view value) {
    const std::string v = clean_text(value, counts);
    check(xmlTextWriterWriteAttribute(w, reinterpret_cast<const xmlChar*>(name.c_str()),
                                      reinterpret_cast<const xmlChar*>(v.c_str())));
  }
  void text(std::string_view value) {
    const std::string v = clean_text(value, counts);
    if (!v.empty()) check(xmlTextWriterWriteString(w, reinterpret_cast<const xmlChar*>(v.c_str())));
  }
  void element(const char* indent, const char* name, std::string_view content,
               const std::vector<std::pair<std::string, std::string>>& attrs = {}) {
    raw(indent);
    start(name);
    for (const auto& [k, v] : attrs) attr(k, v);
    text(content);
    end();
  }
  void props_and_notes(const char* indent, const std::vector<TmxProp>& props, const std::vector<std::string>& notes) {
    for (const auto& p : props) {
      std::vector<std::pair<std::string, std::string>> attrs = {{"type", p.type}};
      if (!p.lang.empty()) attrs.emplace_back("xml:lang", p.lang);
      element(indent, "prop", p.value, attrs);
    }
    for (const auto& n : notes) element(indent, "note", n);
  }
  void extra_attributes(const TmxAttributes& attrs, const std::set<std::string>& modelled) {
    for (const auto& [k, v] : attrs) {
      if (!modelled.count(k)) attr(k, v);
    }
  }
  Status io_error() {
    failed = true;
    return Status(ErrorCode::kIo, "writing the memory failed (disk full?); the previous file is left as it was",
                  {name});
  }
};

bool is_xml_name(std::string_view n) {
  if (n.empty()) return false;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(n[i]);
    const bool ok = std::isalpha(c) || c == '_' || c == ':' || c >= 0x80 ||
                    (i > 0 && (std::isdigit(c) || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return n.substr(0, 5) != "xmlns";
}

Status check_attributes(const TmxAttributes& attrs, const char* where) {
  for (const auto& [k, v] : attrs) {
    if (!is_xml_name(k)) {
      return Status(ErrorCode::kInvalidArgument,
                    std::string("attribute name '") + k + "' on <" + where + "> is not an XML name");
    }
  }
  return {};
}

const std::set<std::string> kHeaderModelled = {"creationtool", "creationtoolversion", "segtype",    "o-tmf",
                                               "adminlang",    "srclang",             "datatype",   "creationdate",
                                               "creationid"};
const std::set<std::string> kTuModelled = {"tuid"};
const std::set<std::string> kTuvModelled = {"xml:lang", "lang"};

Status check_header(const TmxHeader& h, const TmxWriterOptions& options) {
  const auto missing = [](const char* what) {
    return Status(ErrorCode::kInvalidArgument,
                  std::string("the TMX header needs a value for '") + what + "' (TMX 1.4b requires it)");
  };
  if (h.creationtool.empty()) return missing("creationtool");
  if (h.creationtoolversion.empty()) return missing("creationtoolversion");
  if (h.o_tmf.empty()) return missing("o-tmf");
  if (h.datatype.empty()) return missing("datatype");
  if (h.srclang.empty()) return missing("srclang");
  if (h.adminlang.empty()) return missing("adminlang");
  static const std::set<std::string> kSegtypes = {"block", "paragraph", "sentence", "phrase"};
  if (!kSegtypes.count(h.segtype)) {
    return Status(ErrorCode::kInvalidArgument,
                  "segtype '" + h.segtype + "' is not one of block, paragraph, sentence, phrase");
  }
  if (options.check_languages) {
    if (h.srclang != "*all*") {
      if (auto s = check_language_tag(h.srclang); !s.ok()) {
        return Status(ErrorCode::kInvalidArgument, "source language: " + s.message());
      }
    }
    if (auto s = check_language_tag(h.adminlang); !s.ok()) {
      return Status(ErrorCode::kInvalidArgument, "administrative language: " + s.message());
    }
  }
  if (!h.creationdate.empty() && !is_tmx_date(h.creationdate)) {
    return Status(ErrorCode::kInvalidArgument,
                  "creation date '" + h.creationdate + "' is not a TMX date YYYYMMDDThhmmssZ (e.g. 20261126T050000Z)");
  }
  for (const auto& p : h.props) {
    if (p.type.empty()) return Status(ErrorCode::kInvalidArgument, "a header prop has no type");
  }
  return check_attributes(h.attributes, "header");
}

Result<std::unique_ptr<TmxImpl>> start_impl(std::ostream& out, std::unique_ptr<AtomicFile> file,
                                                    const std::string& name, const TmxHeader& h,
                                                    const TmxWriterOptions& options) {
  auto impl = std::make_unique<TmxImpl>();
  impl->file = std::move(file);
  impl->out = &out;
  impl->options = options;
  impl->name = name;
  xml::silence_libxml2();  // a failed write is reported through the Status, not printed by libxml2
  xmlOutputBufferPtr buf =
      xmlOutputBufferCreateIO(&TmxImpl::write_cb, &TmxImpl::close_cb, impl.get(), nullptr);
  if (!buf) return Status(ErrorCode::kIo, "cannot start the XML writer", {name});
  impl->w = xmlNewTextWriter(buf);
  if (!impl->w) {
    xmlOutputBufferClose(buf);
    return Status(ErrorCode::kIo, "cannot start the XML writer", {name});
  }
  auto& m = *impl;
  m.check(xmlTextWriterStartDocument(m.w, "1.0", "UTF-8", nullptr));
  m.start("tmx");
  m.attr("version", "1.4");
  m.raw("\n  ");
  m.start("header");
  m.attr("creationtool", h.creationtool);
  m.attr("creationtoolversion", h.creationtoolversion);
  m.attr("segtype", h.segtype);
  m.attr("o-tmf", h.o_tmf);
  m.attr("adminlang", h.adminlang);
  m.attr("srclang", h.srclang);
  m.attr("datatype", h.datatype);
  if (!h.creationdate.empty()) m.attr("creationdate", h.creationdate);
  if (!h.creationid.empty()) m.attr("creationid", h.creationid);
  m.extra_attributes(h.attributes, kHeaderModelled);
  if (!h.props.empty() || !h.notes.empty()) {
    m.props_and_notes("\n    ", h.props, h.notes);
    m.raw("\n  ");
  }
  m.end();
  m.raw("\n  ");
  m.start("body");
  if (m.rc < 0) return m.io_error();
  return impl;
}

}  // namespace

TmxWriter::TmxWriter(std::unique_ptr<Impl> impl) : MemoryWriter(std::move(impl)) {}

Result<std::unique_ptr<TmxWriter>> TmxWriter::open(const std::string& path, const TmxHeader& header,
                                                   const TmxWriterOptions& options) {
  if (auto s = check_header(header, options); !s.ok()) return Status(s.code(), s.message(), {path});
  auto opened = AtomicFile::open(path, options.inputs);
  if (!opened) return opened.status();
  std::unique_ptr<AtomicFile> file(*opened);
  std::ostream& out = file->stream();
  auto impl = start_impl(out, std::move(file), path, header, options);
  if (!impl) return impl.status();
  return std::unique_ptr<TmxWriter>(new TmxWriter(std::move(*impl)));
}

Result<std::unique_ptr<TmxWriter>> TmxWriter::open_stream(std::ostream& out, const TmxHeader& header,
                                                          const TmxWriterOptions& options) {
  if (auto s = check_header(header, options); !s.ok()) return s;
  auto impl = start_impl(out, nullptr, "", header, options);
  if (!impl) return impl.status();
  return std::unique_ptr<TmxWriter>(new TmxWriter(std::move(*impl)));
}

Status TmxImpl::add(const TranslationUnit& unit) {
  TmxImpl& m = *this;
  if (m.finished || m.failed) {
    return Status(ErrorCode::kInvalidArgument, "the memory is already finished or failed", {m.name});
  }
  const auto fail = [&](const std::string& why) {
    std::string where = "unit " + std::to_string(m.units + 1);
    if (!unit.tuid.empty()) where += " (tuid " + unit.tuid + ")";
    return Status(ErrorCode::kInvalidArgument, where + ": " + why, {m.name});
  };
  // Check everything first, so a refused unit leaves nothing half-written.
  if (unit.variants.empty()) return fail("a unit needs at least one language variant");
  std::vector<std::vector<InlineEvent>> inline_events(unit.variants.size());
  for (std::size_t i = 0; i < unit.variants.size(); ++i) {
    const TmxVariant& v = unit.variants[i];
    if (v.lang.empty()) return fail("a variant has no language code");
    if (m.options.check_languages) {
      if (auto s = check_language_tag(v.lang); !s.ok()) return fail(s.message());
    }
    if (!v.markup.empty()) {
      auto events = tmx_detail::parse_inline_markup(v.markup);
      if (!events) return fail(v.lang + " segment: " + events.status().message());
      inline_events[i] = std::move(*events);
    }
    for (const auto& p : v.props) {
      if (p.type.empty()) return fail("a variant prop has no type");
    }
    if (auto s = check_attributes(v.attributes, "tuv"); !s.ok()) return fail(s.message());
  }
  for (const auto& p : unit.props) {
    if (p.type.empty()) return fail("a prop has no type");
  }
  if (auto s = check_attributes(unit.attributes, "tu"); !s.ok()) return fail(s.message());

  m.raw("\n    ");
  m.start("tu");
  if (!unit.tuid.empty()) m.attr("tuid", unit.tuid);
  m.extra_attributes(unit.attributes, kTuModelled);
  m.props_and_notes("\n      ", unit.props, unit.notes);
  for (std::size_t i = 0; i < unit.variants.size(); ++i) {
    const TmxVariant& v = unit.variants[i];
    m.raw("\n      ");
    m.start("tuv");
    m.attr("xml:lang", v.lang);
    m.extra_attributes(v.attributes, kTuvModelled);
    m.props_and_notes("\n        ", v.props, v.notes);
    m.raw("\n        ");
    m.start("seg");
    if (v.markup.empty()) {
      m.text(v.text);
    } else {
      for (const auto& ev : inline_events[i]) {
        switch (ev.kind) {
          case InlineEvent::Kind::kStart:
            m.start(ev.name.c_str());
            for (const auto& [k, val] : ev.attributes) m.attr(k, val);
            break;
          case InlineEvent::Kind::kEnd: m.end(); break;
          case InlineEvent::Kind::kText: m.text(ev.text); break;
        }
      }
    }
    m.end();  // seg
    m.raw("\n      ");
    m.end();  // tuv
  }
  m.raw("\n    ");
  m.end();  // tu
  if (m.rc < 0 || !*m.out) return m.io_error();
  ++m.units;
  return {};
}

Status TmxImpl::finish() {
  TmxImpl& m = *this;
  if (m.finished) return Status(ErrorCode::kInvalidArgument, "the memory is already finished", {m.name});
  if (m.failed) return Status(ErrorCode::kIo, "an earlier write failed; the previous file is left as it was", {m.name});
  m.raw("\n  ");
  m.end();  // body
  m.raw("\n");
  m.end();  // tmx
  m.check(xmlTextWriterEndDocument(m.w));
  xmlFreeTextWriter(m.w);  // flushes and closes the output buffer
  m.w = nullptr;
  if (m.rc < 0 || !*m.out) return m.io_error();
  m.finished = true;
  if (m.file) {
    if (auto s = m.file->commit(); !s.ok()) {
      m.failed = true;
      return s;
    }
  }
  return {};
}


}  // namespace paralign
