#include "report/document_json.hpp"

#include <array>
#include <fmt/format.h>
#include <map>

#include "util/json.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

constexpr std::array<BlockKind, 7> kKinds = {BlockKind::kTitle,    BlockKind::kSummary,  BlockKind::kHeading,
                                             BlockKind::kParagraph, BlockKind::kItem,    BlockKind::kFootnote,
                                             BlockKind::kOther};

void write_lines(json::Writer& w, const LineRange& lines) {
  w.begin_object().key("first").value(lines.first).key("last").value(lines.last).end_object();
}

void string_or_null(json::Writer& w, const std::string& s) {
  if (s.empty()) {
    w.null();
  } else {
    w.value(s);
  }
}

std::size_t count_kind(const Document& doc, BlockKind kind) {
  std::size_t n = 0;
  for (const auto& b : doc.blocks) n += b.kind == kind;
  return n;
}

std::size_t numbered_paragraphs(const Document& doc) {
  std::size_t n = 0;
  for (const auto& b : doc.blocks) n += b.kind == BlockKind::kParagraph && b.number.has_value();
  return n;
}

// Columns in a terminal: Han and full-width characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t w = 0, pos = 0;
  while (pos < s.size()) w += utf8::is_cjk(utf8::next(s, pos)) ? 2 : 1;
  return w;
}

std::string pad(std::string s, std::size_t width) {
  const std::size_t w = display_width(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

// The first `n` characters of `text` on one line: runs of white space (line breaks included) become one space.
std::string preview(std::string_view text, std::size_t n) {
  std::string out;
  std::size_t chars = 0, pos = 0;
  bool space = false;
  text = utf8::trim(text);
  while (pos < text.size()) {
    const char32_t c = utf8::next(text, pos);
    if (utf8::is_space(c)) {
      space = true;
      continue;
    }
    if (space) {
      if (chars == n) break;
      out += ' ';
      ++chars;
      space = false;
    }
    if (chars == n) {
      out += "…";
      return out;
    }
    utf8::append(out, c);
    ++chars;
  }
  if (pos < text.size()) out += "…";
  return out;
}

// A block's number or label as the listing shows it ("12.", "一.", "(a)"; a heading adds its level: "A. h2").
std::string block_id(const Block& b) {
  std::string id = b.label;
  if (id.empty() && b.number) id = std::to_string(*b.number);
  if (b.kind == BlockKind::kHeading && b.level > 0) id += fmt::format("{}h{}", id.empty() ? "" : " ", b.level);
  return id;
}

std::string lines_text(const LineRange& r) {
  return r.first == r.last ? std::to_string(r.first) : fmt::format("{}-{}", r.first, r.last);
}

}  // namespace

std::string document_to_json(const Document& doc) {
  json::Writer w;
  w.begin_object();
  w.key("format").value("paralign-inspect");
  w.key("version").value(kInspectJsonVersion);
  w.key("path");
  string_or_null(w, doc.path);
  w.key("symbol");
  string_or_null(w, doc.symbol);
  w.key("language");
  string_or_null(w, doc.language);
  w.key("encoding");
  string_or_null(w, doc.encoding);

  w.key("counts").begin_object();
  w.key("blocks").value(doc.blocks.size());
  for (BlockKind k : kKinds) w.key(to_string(k)).value(count_kind(doc, k));
  w.key("numbered_paragraphs").value(numbered_paragraphs(doc));
  std::size_t markers = 0;
  for (const auto& b : doc.blocks) markers += b.markers.size();
  w.key("markers").value(markers);
  w.key("furniture").value(doc.furniture.size());
  w.end_object();

  w.key("blocks").begin_array();
  for (const auto& b : doc.blocks) {
    w.begin_object();
    w.key("kind").value(to_string(b.kind));
    w.key("number").value(b.number);
    w.key("label").value(b.label);
    w.key("level").value(b.level);
    w.key("text").value(b.text);
    w.key("markers").begin_array();
    for (const auto& m : b.markers) {
      w.begin_object().key("number").value(m.number).key("offset").value(m.offset).end_object();
    }
    w.end_array();
    w.key("lines");
    write_lines(w, b.lines);
    w.end_object();
  }
  w.end_array();

  w.key("furniture").begin_array();
  for (const auto& f : doc.furniture) {
    w.begin_object().key("kind").value(f.kind).key("text").value(f.text).key("lines");
    write_lines(w, f.lines);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.str();
}

std::string document_to_text(const Document& doc, std::size_t preview_chars, bool list_furniture) {
  std::string out;
  const auto field = [&](const char* name, const std::string& value) {
    out += fmt::format("{:<10} {}\n", name, value.empty() ? "(none found)" : value);
  };
  field("file", doc.path);
  field("symbol", doc.symbol);
  field("language", doc.language);
  field("encoding", doc.encoding);

  std::string counts = fmt::format("{}", doc.blocks.size());
  std::vector<std::string> parts;
  if (const auto n = numbered_paragraphs(doc); n) parts.push_back(fmt::format("{} numbered paragraphs", n));
  if (const auto n = count_kind(doc, BlockKind::kParagraph) - numbered_paragraphs(doc); n) {
    parts.push_back(fmt::format("{} other paragraphs", n));
  }
  for (BlockKind k : kKinds) {
    if (k == BlockKind::kParagraph) continue;
    if (const auto n = count_kind(doc, k); n) parts.push_back(fmt::format("{} {}", n, to_string(k)));
  }
  if (!parts.empty()) counts += " (" + fmt::format("{}", fmt::join(parts, ", ")) + ")";
  field("blocks", counts);

  std::map<std::string, std::size_t> furniture_kinds;
  for (const auto& f : doc.furniture) ++furniture_kinds[f.kind];
  std::string furniture = std::to_string(doc.furniture.size());
  if (!furniture_kinds.empty()) {
    std::vector<std::string> kinds;
    for (const auto& [k, n] : furniture_kinds) kinds.push_back(fmt::format("{} {}", k, n));
    furniture += " (" + fmt::format("{}", fmt::join(kinds, ", ")) + ")";
  }
  field("furniture", furniture);

  out += "\n" + pad("kind", 10) + " " + pad("no.", 7) + " " + pad("lines", 11) + " text\n";
  for (const auto& b : doc.blocks) {
    std::string line = pad(std::string(to_string(b.kind)), 10) + " " + pad(block_id(b), 7) + " " + pad(lines_text(b.lines), 11) +
                       " " + preview(b.text, preview_chars);
    if (!b.markers.empty()) {
      std::vector<std::string> ms;
      for (const auto& m : b.markers) ms.push_back(fmt::format("{}@{}", m.number, m.offset));
      line += "  [notes " + fmt::format("{}", fmt::join(ms, " ")) + "]";
    }
    out += line + "\n";
  }
  if (list_furniture && !doc.furniture.empty()) {
    out += "\nfurniture:\n";
    for (const auto& f : doc.furniture) {
      out += pad(f.kind, 16) + " " + pad(lines_text(f.lines), 11) + " " + preview(f.text, preview_chars) + "\n";
    }
  }
  return out;
}

std::string segments_to_text(const Document& doc, const std::vector<Segment>& segments) {
  std::string out = fmt::format("{:<10} {}\n{:<10} {}\n{:<10} {} in {} blocks\n", "file", doc.path, "language",
                                doc.language, "segments", segments.size(), doc.blocks.size());
  out += "\n" + pad("kind", 10) + " " + pad("no.", 7) + " " + pad("line", 6) + " segment\n";
  std::size_t previous = SIZE_MAX, k = 0;
  for (const Segment& seg : segments) {
    const Block& b = doc.blocks[seg.block];
    k = seg.block == previous ? k + 1 : 1;
    // The block's kind and number on its first segment only, so that each block's sentences read as a group.
    const std::string kind = k == 1 ? std::string(to_string(b.kind)) : "";
    const std::string id = k == 1 ? block_id(b) : "";
    out += pad(kind, 10) + " " + pad(id, 7) + " " + pad(std::to_string(seg.line), 6) + " " + seg.text + "\n";
    previous = seg.block;
  }
  return out;
}

std::string segments_to_json(const Document& doc, const std::vector<Segment>& segments) {
  json::Writer w;
  w.begin_object().key("format").value("paralign-segments").key("version").value(kInspectJsonVersion);
  w.key("path").value(doc.path).key("language").value(doc.language).key("segments").begin_array();
  for (const Segment& seg : segments) {
    const Block& b = doc.blocks[seg.block];
    w.begin_object().key("block").value(seg.block).key("kind").value(std::string(to_string(b.kind)));
    w.key("number").value(b.number).key("label").value(b.label);
    w.key("line").value(seg.line).key("text").value(seg.text).end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace paralign
