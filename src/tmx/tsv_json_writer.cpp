// TSV and JSON exports of the same units the TMX writer takes. Both stream through an AtomicFile.
#include "paralign/tmx.hpp"
#include "tmx/text.hpp"
#include "tmx/writer_impl.hpp"
#include "util/atomic_file.hpp"
#include "util/json.hpp"

namespace paralign {

using tmx_detail::clean_text;

namespace {

// TSV cells cannot hold a TAB or a line end; a backslash is escaped too, so the escaping can be undone.
std::string tsv_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

struct TsvImpl final : MemoryWriter::Impl {
  std::unique_ptr<AtomicFile> file;
  std::vector<std::string> languages;  // lower-cased for matching
  bool finished = false;
  std::string path;

  Status add(const TranslationUnit& unit) override;
  Status finish() override;
};

struct JsonImpl final : MemoryWriter::Impl {
  std::unique_ptr<AtomicFile> file;
  bool finished = false;
  std::string path;

  Status add(const TranslationUnit& unit) override;
  Status finish() override;

  void props(json::Writer& w, const std::vector<TmxProp>& ps) {
    w.key("props").begin_array();
    for (const auto& p : ps) {
      w.begin_object().key("type").value(clean_text(p.type, counts)).key("value").value(clean_text(p.value, counts));
      if (!p.lang.empty()) w.key("lang").value(p.lang);
      w.end_object();
    }
    w.end_array();
  }
  void notes(json::Writer& w, const std::vector<std::string>& ns) {
    w.key("notes").begin_array();
    for (const auto& n : ns) w.value(clean_text(n, counts));
    w.end_array();
  }
};

}  // namespace

TsvWriter::TsvWriter(std::unique_ptr<Impl> impl) : MemoryWriter(std::move(impl)) {}

Result<std::unique_ptr<TsvWriter>> TsvWriter::open(const std::string& path, const std::vector<std::string>& languages,
                                                   const std::vector<std::string>& inputs) {
  if (languages.empty()) return Status(ErrorCode::kInvalidArgument, "a TSV memory needs at least one language", {path});
  auto opened = AtomicFile::open(path, inputs);
  if (!opened) return opened.status();
  auto impl = std::make_unique<TsvImpl>();
  impl->file.reset(*opened);
  impl->path = path;
  auto& out = impl->file->stream();
  for (std::size_t i = 0; i < languages.size(); ++i) {
    if (i) out << '\t';
    out << tsv_escape(clean_text(languages[i], impl->counts));
    impl->languages.push_back(tmx_detail::ascii_lower(languages[i]));
  }
  out << '\n';
  return std::unique_ptr<TsvWriter>(new TsvWriter(std::move(impl)));
}

Status TsvImpl::add(const TranslationUnit& unit) {
  TsvImpl& m = *this;
  if (m.finished) return Status(ErrorCode::kInvalidArgument, "the TSV file is already finished", {m.path});
  auto& out = m.file->stream();
  for (std::size_t i = 0; i < m.languages.size(); ++i) {
    if (i) out << '\t';
    for (const auto& v : unit.variants) {
      if (tmx_detail::ascii_lower(v.lang) == m.languages[i]) {
        out << tsv_escape(clean_text(v.text, m.counts));
        break;
      }
    }
  }
  out << '\n';
  if (!out) return Status(ErrorCode::kIo, "writing failed (disk full?)", {m.path});
  ++m.units;
  return {};
}

Status TsvImpl::finish() {
  if (finished) return Status(ErrorCode::kInvalidArgument, "the TSV file is already finished", {path});
  finished = true;
  return file->commit();
}

JsonMemoryWriter::JsonMemoryWriter(std::unique_ptr<Impl> impl) : MemoryWriter(std::move(impl)) {}

Result<std::unique_ptr<JsonMemoryWriter>> JsonMemoryWriter::open(const std::string& path, const TmxHeader& h,
                                                                 const std::vector<std::string>& inputs) {
  auto opened = AtomicFile::open(path, inputs);
  if (!opened) return opened.status();
  auto impl = std::make_unique<JsonImpl>();
  impl->file.reset(*opened);
  impl->path = path;
  json::Writer w(false);
  w.begin_object()
      .key("srclang").value(h.srclang)
      .key("segtype").value(h.segtype)
      .key("adminlang").value(h.adminlang)
      .key("datatype").value(h.datatype)
      .key("o-tmf").value(h.o_tmf)
      .key("creationtool").value(h.creationtool)
      .key("creationtoolversion").value(h.creationtoolversion)
      .key("creationdate").value(h.creationdate);
  impl->props(w, h.props);
  impl->notes(w, h.notes);
  w.end_object();
  impl->file->stream() << "{\"format\": \"paralign-memory\", \"version\": 1,\n\"header\": " << w.str()
                       << ",\n\"units\": [";
  return std::unique_ptr<JsonMemoryWriter>(new JsonMemoryWriter(std::move(impl)));
}

Status JsonImpl::add(const TranslationUnit& unit) {
  JsonImpl& m = *this;
  if (m.finished) return Status(ErrorCode::kInvalidArgument, "the JSON file is already finished", {m.path});
  json::Writer w(false);
  w.begin_object();
  if (!unit.tuid.empty()) w.key("tuid").value(clean_text(unit.tuid, m.counts));
  m.props(w, unit.props);
  m.notes(w, unit.notes);
  w.key("variants").begin_array();
  for (const auto& v : unit.variants) {
    w.begin_object().key("lang").value(v.lang).key("text").value(clean_text(v.text, m.counts));
    if (!v.markup.empty()) w.key("markup").value(clean_text(v.markup, m.counts));
    if (!v.props.empty()) m.props(w, v.props);
    if (!v.notes.empty()) m.notes(w, v.notes);
    w.end_object();
  }
  w.end_array().end_object();
  auto& out = m.file->stream();
  out << (m.units ? ",\n  " : "\n  ") << w.str();
  if (!out) return Status(ErrorCode::kIo, "writing failed (disk full?)", {m.path});
  ++m.units;
  return {};
}

Status JsonImpl::finish() {
  JsonImpl& m = *this;
  if (m.finished) return Status(ErrorCode::kInvalidArgument, "the JSON file is already finished", {m.path});
  m.finished = true;
  m.file->stream() << (m.units ? "\n]}\n" : "]}\n");
  return m.file->commit();
}

}  // namespace paralign
