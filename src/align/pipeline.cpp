// The align pipeline: blocks by anchors, sentences inside each block pair, then the N-way merge into units.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "paralign/align.hpp"
#include "paralign/read.hpp"
#include "paralign/segment.hpp"
#include "paralign/sentence_align.hpp"
#include "util/atomic_file.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

// Segments of one language in stream order (body blocks, then footnotes: the order in which the block aligner
// emits its pairs), and for each block the range of its segments.
struct Cut {
  std::vector<Segment> segments;
  std::vector<std::size_t> first;  // per block: index of its first segment
  std::vector<std::size_t> count;  // per block: number of segments
};

std::vector<std::size_t> stream_order(const Document& doc) {
  std::vector<std::size_t> order;
  for (bool notes : {false, true}) {
    for (std::size_t k = 0; k < doc.blocks.size(); ++k) {
      if ((doc.blocks[k].kind == BlockKind::kFootnote) == notes) order.push_back(k);
    }
  }
  return order;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = text.find('\n', pos);
    out.push_back(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

// Joins the lines of a block for a paragraph-level segment: a space between words, none between two CJK characters.
std::string join_lines(std::string_view text) {
  std::string out;
  for (std::string_view line : split_lines(text)) {
    const std::string_view t = utf8::trim(line);
    if (t.empty()) continue;
    if (!out.empty()) {
      std::size_t end = out.size(), start = 0;
      const char32_t last = utf8::prev(out, end);
      const char32_t next = utf8::next(t, start);
      if (!(utf8::is_cjk(last) && utf8::is_cjk(next))) out += ' ';
    }
    out += t;
  }
  return out;
}

Result<Cut> cut_document(const Document& doc, const PipelineOptions& options, const Segmenter* segmenter) {
  Cut cut;
  cut.first.assign(doc.blocks.size(), 0);
  cut.count.assign(doc.blocks.size(), 0);
  for (std::size_t b : stream_order(doc)) {
    const Block& block = doc.blocks[b];
    cut.first[b] = cut.segments.size();
    if (options.segmented) {
      // One segment per line; blank lines count for the line numbers but give no segment.
      const auto lines = split_lines(block.text);
      for (std::size_t k = 0; k < lines.size(); ++k) {
        const std::string_view t = utf8::trim(lines[k]);
        if (!t.empty()) cut.segments.push_back({std::string(t), b, block.lines.first + k});
      }
    } else if (options.level == AlignLevel::kParagraph || !segmenter) {
      std::string t = join_lines(block.text);
      if (!t.empty()) cut.segments.push_back({std::move(t), b, block.lines.first});
    } else {
      // A line break inside a block's text is a hard boundary (XML paragraphs of one unit, list items).
      for (std::string_view line : split_lines(block.text)) {
        for (const SentenceSpan& s : segmenter->split(line)) {
          const std::string_view t = utf8::trim(line.substr(s.offset, s.length));
          if (!t.empty()) cut.segments.push_back({std::string(t), b, block.lines.first});
        }
      }
    }
    cut.count[b] = cut.segments.size() - cut.first[b];
  }
  return cut;
}

// A bead over whole-document segment indices.
struct GlobalBead {
  SegmentSpan pivot;
  SegmentSpan other;
  double confidence = 0;
};

SegmentSpan span_of(const Cut& cut, const std::vector<std::size_t>& blocks, std::size_t at_if_empty) {
  if (blocks.empty()) return {at_if_empty, 0};
  std::size_t size = 0;
  for (std::size_t b : blocks) size += cut.count[b];
  return {cut.first[blocks.front()], size};
}

// The beads of one translation over the whole document: block pairs, then sentence beads inside each.
std::vector<GlobalBead> document_beads(const Document& pivot, const Cut& pc, const Document& other, const Cut& oc,
                                       const DocumentAlignment& da, const PipelineOptions& options,
                                       const SentenceAligner* aligner, Lexicon* lexicon) {
  std::vector<GlobalBead> out;
  std::size_t next_p = 0, next_o = 0;
  for (const BlockPair& pair : da.pairs) {
    const SegmentSpan ps = span_of(pc, pair.src, next_p), os = span_of(oc, pair.tgt, next_o);
    next_p = ps.end();
    next_o = os.end();
    if (ps.size == 0 && os.size == 0) continue;
    if (ps.size == 0 || os.size == 0) {
      for (std::size_t k = 0; k < ps.size; ++k) out.push_back({{ps.begin + k, 1}, {os.begin, 0}, 0});
      for (std::size_t k = 0; k < os.size; ++k) out.push_back({{ps.begin, 0}, {os.begin + k, 1}, 0});
      continue;
    }
    const bool whole = options.level == AlignLevel::kParagraph && !options.segmented;
    if (whole || (ps.size == 1 && os.size == 1) || !aligner) {
      out.push_back({ps, os, pair.confidence});
      continue;
    }
    std::vector<std::string> s, t;
    for (std::size_t k = ps.begin; k < ps.end(); ++k) s.push_back(pc.segments[k].text);
    for (std::size_t k = os.begin; k < os.end(); ++k) t.push_back(oc.segments[k].text);
    for (const Bead& b : aligner->align(s, t, pivot.language, other.language, lexicon)) {
      out.push_back({{ps.begin + b.src_begin, b.src_size}, {os.begin + b.tgt_begin, b.tgt_size}, b.confidence});
    }
  }
  return out;
}

// One block holding every line of a segmented document, so that line numbers and segment order stay as they were.
Document as_one_block(const Document& doc) {
  Document one = doc;
  one.blocks.clear();
  Block b;
  b.kind = BlockKind::kParagraph;
  for (const Block& x : doc.blocks) {
    if (one.blocks.empty()) {
      b.lines = x.lines;
      b.text = x.text;
      one.blocks.push_back(b);
    } else {
      Block& all = one.blocks.back();
      for (std::size_t l = all.lines.last + 1; l < x.lines.first; ++l) all.text += '\n';  // lines between blocks
      all.text += '\n';
      all.text += x.text;
      all.lines.last = x.lines.last;
    }
  }
  return one;
}

// With one-sentence-per-line input, numbered paragraphs help only when every version numbers them alike (a
// transcript may number its questions in English and not in Chinese). Otherwise each document is aligned whole.
bool numbered_paragraphs_agree(const std::vector<const Document*>& docs, const AlignOptions& options) {
  auto numbered = [](const Document& d) {
    std::size_t n = 0;
    for (const Block& b : d.blocks) n += b.number ? 1 : 0;
    return n;
  };
  for (std::size_t k = 1; k < docs.size(); ++k) {
    const std::size_t least = std::min(numbered(*docs[0]), numbered(*docs[k]));
    if (least == 0) return false;
    auto da = align_documents(*docs[0], *docs[k], options);
    if (!da || da->anchors * 2 < least) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<Segment>> document_segments(const Document& doc, const PipelineOptions& options) {
  std::optional<Segmenter> segmenter;
  if (options.level == AlignLevel::kSentence && !options.segmented) {
    SegmentOptions so;
    so.language = doc.language;
    auto s = Segmenter::create(so);
    if (!s) return s.status();
    segmenter.emplace(std::move(*s));
  }
  auto cut = cut_document(doc, options, segmenter ? &*segmenter : nullptr);
  if (!cut) return cut.status();
  return std::move(cut->segments);
}

Result<MultiAlignment> align_versions(const Document& pivot, const std::vector<Document>& translations,
                                      const PipelineOptions& options) {
  if (translations.empty()) return Status(ErrorCode::kInvalidArgument, "no translation to align with");
  std::vector<const Document*> docs = {&pivot};
  for (const auto& t : translations) docs.push_back(&t);
  std::set<std::string> seen;
  for (const Document* d : docs) {
    if (d->language.empty()) {
      return Status(ErrorCode::kInvalidArgument, "the language of the document is not known; give it (--src-lang, "
                                                 "--lang) or name the file *.LANG.txt",
                    {d->path});
    }
    if (!seen.insert(d->language).second) {
      return Status(ErrorCode::kInvalidArgument,
                    fmt::format("two documents are in the same language ({}); give one file per language", d->language),
                    {d->path});
    }
  }
  std::vector<Document> whole;  // the documents as one block each, when segmented input is aligned whole
  if (options.segmented && !numbered_paragraphs_agree(docs, options.blocks)) {
    for (const Document* d : docs) whole.push_back(as_one_block(*d));
    for (std::size_t k = 0; k < docs.size(); ++k) docs[k] = &whole[k];
  }
  const Document& pivot_doc = *docs[0];
  const bool sentences = options.level == AlignLevel::kSentence && !options.segmented;
  std::vector<std::optional<Segmenter>> segmenters(docs.size());
  if (sentences) {
    for (std::size_t k = 0; k < docs.size(); ++k) {
      SegmentOptions so;
      so.language = docs[k]->language;
      auto s = Segmenter::create(so);
      if (!s) return s.status();
      segmenters[k].emplace(std::move(*s));
    }
  }
  std::optional<SentenceAligner> aligner;
  if (options.level == AlignLevel::kSentence || options.segmented) {
    SentenceAlignOptions sao;
    sao.dictionary_path = options.dictionary_path;
    auto a = SentenceAligner::create(sao);
    if (!a) return a.status();
    aligner.emplace(std::move(*a));
  }

  MultiAlignment m;
  std::vector<Cut> cuts;
  for (std::size_t k = 0; k < docs.size(); ++k) {
    auto c = cut_document(*docs[k], options, segmenters[k] ? &*segmenters[k] : nullptr);
    if (!c) return c.status();
    cuts.push_back(std::move(*c));
    m.languages.push_back(docs[k]->language);
    m.segments.push_back(cuts.back().segments);
  }
  const std::vector<std::string> pivot_keys = anchor_keys(pivot_doc);

  // Beads of each translation against the pivot.
  std::vector<std::vector<GlobalBead>> beads(docs.size());
  for (std::size_t k = 1; k < docs.size(); ++k) {
    auto da = align_documents(pivot_doc, *docs[k], options.blocks);
    if (!da) {
      Status s = da.status();
      return Status(s.code(), fmt::format("{} ↔ {}: {}", pivot.language, docs[k]->language, s.message()), s.where());
    }
    const std::string pair_key = lexicon_key(pivot_doc.language, docs[k]->language);
    Lexicon lexicon;
    if (options.lexicons) {
      if (auto it = options.lexicons->find(pair_key); it != options.lexicons->end()) lexicon = it->second;
    }
    beads[k] = document_beads(pivot_doc, cuts[0], *docs[k], cuts[k], *da, options, aligner ? &*aligner : nullptr,
                              &lexicon);
    if (options.keep_lexicons) m.lexicons.insert_or_assign(pair_key, std::move(lexicon));
    m.notes.push_back(std::move(da->notes));
  }

  // Unit boundaries: a pivot position where no language's bead straddles.
  const std::size_t P = cuts[0].segments.size();
  std::vector<bool> cut_here(P + 1, true);
  for (std::size_t k = 1; k < docs.size(); ++k) {
    for (const GlobalBead& b : beads[k]) {
      for (std::size_t p = b.pivot.begin + 1; p < b.pivot.end(); ++p) cut_here[p] = false;
    }
  }
  std::vector<std::size_t> group_of(P, 0);
  std::vector<SegmentSpan> groups;
  for (std::size_t p = 0; p < P; ++p) {
    if (cut_here[p] || groups.empty()) groups.push_back({p, 0});
    ++groups.back().size;
    group_of[p] = groups.size() - 1;
  }
  const std::size_t L = docs.size();
  auto blank_unit = [&] {
    AlignedUnit u;
    u.spans.assign(L, SegmentSpan{});
    u.confidence = 1.0;
    return u;
  };
  std::vector<AlignedUnit> group_units(groups.size(), blank_unit());
  for (std::size_t g = 0; g < groups.size(); ++g) group_units[g].spans[0] = groups[g];
  // Target-only units, by the group they follow (slot 0: before the first group; slot g+1: after group g).
  std::vector<std::vector<AlignedUnit>> loose(groups.size() + 1);
  auto extend = [](SegmentSpan& s, SegmentSpan add) {
    if (add.size == 0) return;
    if (s.size == 0) {
      s = add;
    } else {
      const std::size_t end = std::max(s.end(), add.end());
      s.begin = std::min(s.begin, add.begin);
      s.size = end - s.begin;
    }
  };
  for (std::size_t k = 1; k < L; ++k) {
    const auto& bk = beads[k];
    // The group of the nearest bead with pivot sentences before and after each position.
    std::vector<std::ptrdiff_t> prev_g(bk.size(), -1), next_g(bk.size(), -1);
    for (std::ptrdiff_t g = -1, i = 0; i < static_cast<std::ptrdiff_t>(bk.size()); ++i) {
      prev_g[i] = g;
      if (bk[i].pivot.size) g = static_cast<std::ptrdiff_t>(group_of[bk[i].pivot.begin]);
    }
    for (std::ptrdiff_t g = -1, i = static_cast<std::ptrdiff_t>(bk.size()) - 1; i >= 0; --i) {
      next_g[i] = g;
      if (bk[i].pivot.size) g = static_cast<std::ptrdiff_t>(group_of[bk[i].pivot.begin]);
    }
    for (std::size_t i = 0; i < bk.size(); ++i) {
      const GlobalBead& b = bk[i];
      if (b.pivot.size) {
        AlignedUnit& u = group_units[group_of[b.pivot.begin]];
        extend(u.spans[k], b.other);
        if (b.other.size) u.confidence = std::min(u.confidence, b.confidence);
      } else if (prev_g[i] >= 0 && prev_g[i] == next_g[i]) {
        extend(group_units[static_cast<std::size_t>(prev_g[i])].spans[k], b.other);  // inside a unit
      } else {
        AlignedUnit u = blank_unit();
        u.spans[k] = b.other;
        u.confidence = 0;
        const Document& d = *docs[k];
        const std::size_t blk = cuts[k].segments[b.other.begin].block;
        u.kind = d.blocks[blk].kind;
        loose[static_cast<std::size_t>(prev_g[i] + 1)].push_back(std::move(u));
      }
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    AlignedUnit& u = group_units[g];
    const std::size_t blk = cuts[0].segments[groups[g].begin].block;
    u.anchor = pivot_keys[blk];
    u.kind = pivot_doc.blocks[blk].kind;
    bool any = false;
    for (std::size_t k = 1; k < L; ++k) any = any || u.spans[k].size > 0;
    if (!any) u.confidence = 0;
  }
  for (auto& u : loose[0]) m.units.push_back(std::move(u));
  for (std::size_t g = 0; g < groups.size(); ++g) {
    m.units.push_back(std::move(group_units[g]));
    for (auto& u : loose[g + 1]) m.units.push_back(std::move(u));
  }

  // The report: a segment is aligned when its unit holds another language too.
  m.reports.resize(L);
  for (std::size_t k = 0; k < L; ++k) {
    m.reports[k].language = docs[k]->language;
    m.reports[k].segments = cuts[k].segments.size();
  }
  for (const AlignedUnit& u : m.units) {
    std::size_t present = 0;
    for (const auto& s : u.spans) present += s.size > 0 ? 1 : 0;
    for (std::size_t k = 0; k < L; ++k) {
      for (std::size_t i = u.spans[k].begin; i < u.spans[k].end(); ++i) {
        if (present >= 2) {
          ++m.reports[k].aligned;
        } else {
          ++m.reports[k].unpaired;
          m.reports[k].unpaired_segments.push_back(i);
        }
      }
    }
  }
  for (auto& r : m.reports) std::sort(r.unpaired_segments.begin(), r.unpaired_segments.end());
  if (L == 2) {
    for (const GlobalBead& b : beads[1]) m.beads.emplace_back(b.pivot, b.other);
  }
  return m;
}

std::string format_document_beads(const MultiAlignment& alignment, bool by_line) {
  std::string out;
  if (alignment.segments.size() != 2) return out;
  auto side = [&](std::size_t lang, SegmentSpan s) {
    if (s.size == 0) return std::string("omitted");
    std::string t;
    for (std::size_t i = s.begin; i < s.end(); ++i) {
      if (!t.empty()) t += ',';
      t += std::to_string(by_line ? alignment.segments[lang][i].line : i + 1);
    }
    return t;
  };
  for (const auto& [p, o] : alignment.beads) out += side(0, p) + " <=> " + side(1, o) + "\n";
  return out;
}

Document build_segmented_document(std::string_view text, const std::string& language, const std::string& path) {
  Document doc;
  doc.path = path;
  doc.language = language;
  doc.encoding = "UTF-8";
  const auto lines = split_lines(text);
  // A line opening with "12. " starts numbered paragraph 12; without any, the whole text is one block, so that
  // the sentence aligner sees the document at once.
  auto number_of = [](std::string_view line) -> std::optional<int> {
    const std::string_view t = utf8::trim(line);
    std::size_t k = 0;
    while (k < t.size() && k < 4 && t[k] >= '0' && t[k] <= '9') ++k;
    if (k == 0 || k + 1 >= t.size() || t[k] != '.' || (t[k + 1] != ' ' && t[k + 1] != '\t')) return std::nullopt;
    return std::stoi(std::string(t.substr(0, k)));
  };
  Block* open = nullptr;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const auto n = number_of(line);
    if (!open || n) {
      Block b;
      b.kind = BlockKind::kParagraph;
      b.number = n;
      b.lines = {i + 1, i + 1};
      doc.blocks.push_back(std::move(b));
      open = &doc.blocks.back();
    } else {
      open->text += '\n';
    }
    open->text += line;
    open->lines.last = i + 1;
  }
  // Trailing blank lines are not part of the text.
  while (!doc.blocks.empty() && utf8::trim(doc.blocks.back().text).empty()) doc.blocks.pop_back();
  return doc;
}

Result<Document> read_segmented_document(const std::string& path, const ReadOptions& options) {
  auto bytes = read_file(path, options.max_input_bytes);
  if (!bytes) return bytes.status();
  auto text = decode_text(*bytes, path, options);
  if (!text) return text.status();
  const std::string lang = options.language.empty() ? detect_language(text->text) : options.language;
  Document d = build_segmented_document(text->text, lang, path);
  d.encoding = text->encoding;
  if (d.blocks.empty()) return Status(ErrorCode::kEmpty, "the file holds no text", {path});
  return d;
}

}  // namespace paralign
