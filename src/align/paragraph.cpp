// The block aligner: anchors (numbers, label paths, footnote numbers) chained by a weighted longest increasing
// subsequence, and a dynamic programme over the blocks between consecutive anchors.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "align/paragraph_scoring.hpp"
#include "paralign/align.hpp"
#include "util/utf8.hpp"

namespace paralign {

std::string_view to_string(PairReason reason) {
  switch (reason) {
    case PairReason::kNumber: return "number";
    case PairReason::kLabel: return "label";
    case PairReason::kFootnote: return "footnote";
    case PairReason::kContent: return "content";
    case PairReason::kUnpaired: return "unpaired";
  }
  return "content";
}

namespace {

using block_align::BlockFeatures;
using block_align::GroupScorer;

// ---- heading labels -----------------------------------------------------------------------------------------

int chinese_numeral(std::u32string_view s) {
  if (s.empty()) return -1;
  int total = 0, digit = -1;
  for (char32_t c : s) {
    int d = -1;
    switch (c) {
      case U'〇': case U'零': d = 0; break;
      case U'一': d = 1; break;
      case U'二': case U'两': d = 2; break;
      case U'三': d = 3; break;
      case U'四': d = 4; break;
      case U'五': d = 5; break;
      case U'六': d = 6; break;
      case U'七': d = 7; break;
      case U'八': d = 8; break;
      case U'九': d = 9; break;
      case U'十': total += (digit < 0 ? 1 : digit) * 10; digit = -1; continue;
      case U'百': total += (digit < 0 ? 1 : digit) * 100; digit = -1; continue;
      default: return -1;
    }
    digit = d;
  }
  return total + (digit < 0 ? 0 : digit);
}

int roman_numeral(std::string_view s) {
  if (s.empty()) return -1;
  auto value = [](char c) {
    switch (c) {
      case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50;
      case 'C': return 100; case 'D': return 500; case 'M': return 1000;
      default: return -1;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = value(s[i]);
    if (v < 0) return -1;
    const int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    if (next < 0) return -1;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : -1;
}

// "一." "（a）" "(a)" "I." "A." "1." → the label's core, read as a number when it is a numeral, and the level its form
// suggests (used when the structure stage gave none).
struct LabelCore {
  std::string key;
  int level = 0;
};

LabelCore label_core(std::string_view label, int level) {
  const std::string folded = utf8::fold_width(utf8::trim(label));
  std::u32string core;
  bool parenthesised = false;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const char32_t c = utf8::next(folded, pos);
    if (c == '(' || c == ')' || c == U'（' || c == U'）') {
      parenthesised = true;
      continue;
    }
    if (c == '.' || c == U'．' || c == U'、' || c == U'。' || utf8::is_space(c)) continue;
    core += c;
  }
  LabelCore out;
  if (core.empty()) return out;
  std::string ascii;
  bool all_ascii = true;
  for (char32_t c : core) {
    if (c < 0x80) {
      ascii += static_cast<char>(c);
    } else {
      all_ascii = false;
    }
  }
  if (const int n = chinese_numeral(core); n >= 0 && !all_ascii) {
    out.key = std::to_string(n);
    out.level = 1;
  } else if (all_ascii && std::all_of(ascii.begin(), ascii.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    out.key = ascii;
    out.level = parenthesised ? 4 : 3;
  } else if (const int r = roman_numeral(ascii);
             all_ascii && r > 0 && (level == 1 || (level == 0 && !parenthesised && (ascii.size() > 1 || ascii == "I")))) {
    out.key = std::to_string(r);
    out.level = 1;
  } else if (all_ascii) {
    for (char& c : ascii) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.key = ascii;
    const bool upper = core[0] >= 'A' && core[0] <= 'Z';
    out.level = parenthesised ? 4 : (upper ? 2 : 4);
  } else {
    std::string s;
    for (char32_t c : core) utf8::append(s, c);
    out.key = s;
    out.level = 1;
  }
  if (level > 0) out.level = level;
  return out;
}

bool is_footnote(const Block& b) { return b.kind == BlockKind::kFootnote; }

std::string describe(const Document& doc, std::size_t index) {
  const Block& b = doc.blocks[index];
  std::string what(to_string(b.kind));
  if (b.kind == BlockKind::kHeading && !b.label.empty()) {
    what += " " + b.label;
  } else if (b.number) {
    what += " " + std::to_string(*b.number);
  } else if (!b.label.empty()) {
    what += " " + b.label;
  }
  if (b.lines.first > 0) what += fmt::format(" (line {})", b.lines.first);
  return what;
}

std::string name_of(const Document& doc, const char* fallback) {
  return doc.language.empty() ? std::string(fallback) : doc.language;
}

std::string normalise_symbol(std::string_view s) {
  std::string out;
  for (char c : utf8::fold_width(s)) {
    if (c == ' ' || c == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// ---- the anchor chain ---------------------------------------------------------------------------------------

struct Candidate {
  std::size_t i;  // position in the source stream
  std::size_t j;  // position in the target stream
  double weight;
};

// The heaviest chain of candidates strictly increasing in both i and j (a weighted longest increasing
// subsequence), found with a Fenwick tree of prefix maxima over j: O(n log n).
std::vector<std::size_t> heaviest_chain(const std::vector<Candidate>& cands, std::size_t m) {
  std::vector<std::size_t> order(cands.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return cands[a].i != cands[b].i ? cands[a].i < cands[b].i : cands[a].j < cands[b].j;
  });
  struct Cell {
    double value = 0;
    std::ptrdiff_t at = -1;
  };
  std::vector<Cell> tree(m + 1);
  auto query = [&](std::size_t j) {  // best over target positions < j
    Cell best;
    for (std::size_t x = j; x > 0; x -= x & (~x + 1)) {
      if (tree[x].value > best.value) best = tree[x];
    }
    return best;
  };
  auto update = [&](std::size_t j, Cell c) {  // at target position j (0-based)
    for (std::size_t x = j + 1; x <= m; x += x & (~x + 1)) {
      if (c.value > tree[x].value) tree[x] = c;
    }
  };
  std::vector<double> best(cands.size());
  std::vector<std::ptrdiff_t> prev(cands.size(), -1);
  for (std::size_t g = 0; g < order.size();) {
    std::size_t h = g;
    while (h < order.size() && cands[order[h]].i == cands[order[g]].i) ++h;
    // All candidates of one source position query before any of them updates, so at most one is chained.
    for (std::size_t k = g; k < h; ++k) {
      const Cell c = query(cands[order[k]].j);
      best[order[k]] = c.value + cands[order[k]].weight;
      prev[order[k]] = c.at;
    }
    for (std::size_t k = g; k < h; ++k) {
      update(cands[order[k]].j, Cell{best[order[k]], static_cast<std::ptrdiff_t>(order[k])});
    }
    g = h;
  }
  std::ptrdiff_t at = -1;
  double top = 0;
  for (std::size_t k = 0; k < cands.size(); ++k) {
    if (best[k] > top) top = best[k], at = static_cast<std::ptrdiff_t>(k);
  }
  std::vector<std::size_t> chain;
  for (; at >= 0; at = prev[at]) chain.push_back(static_cast<std::size_t>(at));
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// ---- the gap programme ---------------------------------------------------------------------------------------

struct Group {
  std::size_t a, b;  // blocks taken from each side
};

// Aligns source features [s0, s1) with target features [t0, t1) by the cheapest sequence of groups; returns the
// groups in order. Banded when the gap is large, so memory stays linear in practice.
std::vector<Group> align_gap(const std::vector<BlockFeatures>& src, std::size_t s0, std::size_t s1,
                             const std::vector<BlockFeatures>& tgt, std::size_t t0, std::size_t t1,
                             const GroupScorer& scorer, int max_group) {
  const std::size_t n = s1 - s0, m = t1 - t0;
  std::vector<Group> out;
  if (n == 0 || m == 0) {
    for (std::size_t k = 0; k < n; ++k) out.push_back({1, 0});
    for (std::size_t k = 0; k < m; ++k) out.push_back({0, 1});
    return out;
  }
  const double kInf = std::numeric_limits<double>::infinity();
  // Band: around the diagonal, wide enough for the difference in counts plus slack; full when small.
  const bool full = n * m <= 4'000'000;
  const std::size_t half = full ? std::max(n, m) : std::max<std::size_t>(200, (n > m ? n - m : m - n) + 100);
  // The band's columns per row, computed once: the inner loop asks for them for every bead shape of every cell.
  std::vector<std::size_t> lo_of(n + 1), hi_of(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    const std::size_t c = i * m / n;
    lo_of[i] = c > half ? c - half : 0;
    hi_of[i] = std::min(m, c + half);
  }
  auto lo = [&](std::size_t i) -> std::size_t { return lo_of[i]; };
  auto hi = [&](std::size_t i) -> std::size_t { return hi_of[i]; };
  std::vector<std::vector<double>> cost(n + 1);
  std::vector<std::vector<Group>> back(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    cost[i].assign(hi(i) - lo(i) + 1, kInf);
    back[i].assign(hi(i) - lo(i) + 1, Group{0, 0});
  }
  auto at = [&](std::size_t i, std::size_t j) -> double {
    if (j < lo(i) || j > hi(i)) return kInf;
    return cost[i][j - lo(i)];
  };
  cost[0][0 - lo(0)] = 0;
  const std::size_t g = static_cast<std::size_t>(std::max(1, max_group));
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = lo(i); j <= hi(i); ++j) {
      if (i == 0 && j == 0) continue;
      double best = kInf;
      Group how{0, 0};
      for (std::size_t a = 0; a <= std::min(g, i); ++a) {
        for (std::size_t b = 0; b <= std::min(g, j); ++b) {
          if (a + b == 0) continue;
          if ((a == 0 && b > 1) || (b == 0 && a > 1)) continue;  // skips go one block at a time
          if (a > 1 && b > 1 && a + b > 4) continue;             // 2-2 at most among many-to-many
          const double before = at(i - a, j - b);
          if (before == kInf) continue;
          double step = 0;
          if (!scorer.cost_below(src, s0 + i - a, a, tgt, t0 + j - b, b, before, best, &step)) continue;
          const double c = before + step;
          if (c < best) best = c, how = {a, b};
        }
      }
      cost[i][j - lo(i)] = best;
      back[i][j - lo(i)] = how;
    }
  }
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const Group how = back[i][j - lo(i)];
    if (how.a + how.b == 0) break;  // unreachable cell: cannot happen, the band always holds a path
    out.push_back(how);
    i -= how.a;
    j -= how.b;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// ---- one stream (body or footnotes) ----------------------------------------------------------------------------

struct Stream {
  std::vector<std::size_t> blocks;     // indices into Document::blocks
  std::vector<std::string> keys;       // anchor key per stream position ("" when none)
  std::vector<BlockFeatures> features;
};

Stream make_stream(const Document& doc, const std::vector<std::string>& keys, bool footnotes) {
  Stream s;
  for (std::size_t k = 0; k < doc.blocks.size(); ++k) {
    if (is_footnote(doc.blocks[k]) != footnotes) continue;
    s.blocks.push_back(k);
    s.keys.push_back(keys[k]);
    s.features.push_back(block_align::features_of(doc.blocks[k].text));
  }
  return s;
}

PairReason reason_of(const std::string& key) {
  if (key.rfind("h:", 0) == 0) return PairReason::kLabel;
  if (key.rfind("f:", 0) == 0) return PairReason::kFootnote;
  return PairReason::kNumber;
}

std::string key_phrase(const std::string& key) {
  const std::string rest = key.substr(2);
  switch (key[0]) {
    case 'p': return "paragraph " + rest;
    case 'h': return "heading " + rest;
    case 'f': return "footnote " + rest;
    default: return "unit " + rest;
  }
}

// Aligns one stream and returns the length ratio it used.
double align_stream(const Document& src, const Document& tgt, const Stream& s, const Stream& t,
                    const AlignOptions& options, DocumentAlignment& out) {
  const std::string sname = name_of(src, "source"), tname = name_of(tgt, "target");
  // Candidate anchors: blocks with the same key. A key repeated on one side (a numbering slip) offers every
  // pairing; the chain keeps the one that fits.
  std::map<std::string, std::vector<std::size_t>> where_t;
  for (std::size_t j = 0; j < t.keys.size(); ++j) {
    if (!t.keys[j].empty()) where_t[t.keys[j]].push_back(j);
  }
  std::map<std::string, std::size_t> count_s;
  for (const auto& k : s.keys) {
    if (!k.empty()) ++count_s[k];
  }
  auto note_repeats = [&](const Document& d, const Stream& st, const std::string& lang) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < st.keys.size(); ++i) {
      if (st.keys[i].empty() || ++seen[st.keys[i]] != 2) continue;
      out.notes.push_back({fmt::format("{} {} repeats {} (a numbering slip?); the chain keeps the pairing that fits",
                                       lang, describe(d, st.blocks[i]), key_phrase(st.keys[i])),
                           &d == &src ? std::optional<std::size_t>(st.blocks[i]) : std::nullopt,
                           &d == &src ? std::nullopt : std::optional<std::size_t>(st.blocks[i])});
    }
  };
  note_repeats(src, s, sname);
  note_repeats(tgt, t, tname);
  // A first length ratio from the whole stream, to weigh candidates by how well their lengths agree.
  double total_s = 0, total_t = 0;
  for (const auto& f : s.features) total_s += f.length;
  for (const auto& f : t.features) total_t += f.length;
  const double rough_ratio = total_s > 0 && total_t > 0 ? total_t / total_s : 1.0;
  const GroupScorer rough(options, rough_ratio);

  std::vector<Candidate> cands;
  for (std::size_t i = 0; i < s.keys.size(); ++i) {
    if (s.keys[i].empty()) continue;
    auto it = where_t.find(s.keys[i]);
    if (it == where_t.end()) {
      out.notes.push_back({fmt::format("{} has no counterpart in {}: {} is numbered only in {}",
                                       describe(src, s.blocks[i]), tname, key_phrase(s.keys[i]), sname),
                           s.blocks[i], std::nullopt});
      continue;
    }
    for (std::size_t j : it->second) {
      // An anchor is worth much more than any content match, so the chain keeps as many as it can; content only
      // decides between pairings of a repeated key.
      cands.push_back({i, j, 10.0 + rough.confidence(s.features, i, 1, t.features, j, 1)});
    }
  }
  for (const auto& [key, js] : where_t) {
    if (count_s.count(key)) continue;
    for (std::size_t j : js) {
      out.notes.push_back({fmt::format("{} has no counterpart in {}: {} is numbered only in {}",
                                       describe(tgt, t.blocks[j]), sname, key_phrase(key), tname),
                           std::nullopt, t.blocks[j]});
    }
  }
  const std::vector<std::size_t> chain = heaviest_chain(cands, t.keys.size());
  std::vector<bool> chained(cands.size(), false);
  for (std::size_t k : chain) chained[k] = true;
  // Report anchors dropped from the chain once per source block (a repeated key offers several candidates).
  std::vector<bool> in_chain_s(s.keys.size(), false), in_chain_t(t.keys.size(), false);
  for (std::size_t k : chain) in_chain_s[cands[k].i] = in_chain_t[cands[k].j] = true;
  for (std::size_t k = 0; k < cands.size(); ++k) {
    const Candidate& c = cands[k];
    if (in_chain_s[c.i] || in_chain_t[c.j]) continue;
    out.notes.push_back({fmt::format("{} and {} {} share {} but stand out of order; paired by content instead",
                                     describe(src, s.blocks[c.i]), tname, describe(tgt, t.blocks[c.j]),
                                     key_phrase(s.keys[c.i])),
                         s.blocks[c.i], t.blocks[c.j]});
    in_chain_s[c.i] = true;  // one note per source block is enough
  }

  // The length ratio learnt from the anchored pairs, when they hold enough text to trust it.
  double anchored_s = 0, anchored_t = 0;
  for (std::size_t k : chain) {
    anchored_s += s.features[cands[k].i].length;
    anchored_t += t.features[cands[k].j].length;
  }
  const double ratio = anchored_s >= 200 && anchored_t > 0 ? anchored_t / anchored_s : rough_ratio;
  const GroupScorer scorer(options, ratio);

  // The stream position of the last anchor emitted, so that a gap with blocks on one side only can give them to
  // it: list items or a split-off paragraph that one language keeps inside the numbered paragraph and another
  // writes as blocks of their own.
  std::optional<std::pair<std::size_t, std::size_t>> last_anchor;
  auto absorb = [&](std::size_t& s0, std::size_t s1, std::size_t& t0, std::size_t t1) {
    if (!last_anchor || (s0 < s1) == (t0 < t1)) return;
    BlockPair& anchor = out.pairs.back();
    const bool src_side = s0 < s1;
    const auto [ai, aj] = *last_anchor;
    std::size_t extra = 0;
    while (true) {
      const std::size_t next = (src_side ? s0 : t0) + extra;
      if (next >= (src_side ? s1 : t1)) break;
      const std::string& key = src_side ? s.keys[next] : t.keys[next];
      const Block& blk = (src_side ? src : tgt).blocks[src_side ? s.blocks[next] : t.blocks[next]];
      // Only list items and unnumbered continuation paragraphs; annex text, tables or headings are not part of
      // a numbered paragraph.
      if (!key.empty() || (blk.kind != BlockKind::kItem && blk.kind != BlockKind::kParagraph)) break;
      const std::size_t a = src_side ? extra + 1 : extra, b = src_side ? extra : extra + 1;
      const double with = scorer.cost(s.features, ai, 1 + a, t.features, aj, 1 + b);
      const double without = scorer.cost(s.features, ai, 1 + a - (src_side ? 1 : 0), t.features, aj,
                                         1 + b - (src_side ? 0 : 1));
      // The anchor must fit better with the block than without it, shape prior included: a mere tie-break against
      // the cost of leaving the block alone would swallow any short block.
      if (with >= without) break;
      ++extra;
    }
    for (std::size_t k = 0; k < extra; ++k) {
      if (src_side) {
        anchor.src.push_back(s.blocks[s0++]);
      } else {
        anchor.tgt.push_back(t.blocks[t0++]);
      }
    }
  };

  auto emit_gap = [&](std::size_t s0, std::size_t s1, std::size_t t0, std::size_t t1) {
    absorb(s0, s1, t0, t1);
    const auto groups = align_gap(s.features, s0, s1, t.features, t0, t1, scorer, options.max_group);
    std::size_t i = s0, j = t0;
    for (const Group& g : groups) {
      BlockPair p;
      for (std::size_t k = 0; k < g.a; ++k) p.src.push_back(s.blocks[i + k]);
      for (std::size_t k = 0; k < g.b; ++k) p.tgt.push_back(t.blocks[j + k]);
      if (g.a == 0 || g.b == 0) {
        p.reason = PairReason::kUnpaired;
        const bool src_side = g.a > 0;
        const Document& d = src_side ? src : tgt;
        const std::size_t blk = src_side ? s.blocks[i] : t.blocks[j];
        out.notes.push_back({fmt::format("{} {} was left without counterpart in {}", src_side ? sname : tname,
                                         describe(d, blk), src_side ? tname : sname),
                             src_side ? std::optional<std::size_t>(blk) : std::nullopt,
                             src_side ? std::nullopt : std::optional<std::size_t>(blk)});
      } else {
        p.reason = PairReason::kContent;
        p.confidence = scorer.confidence(s.features, i, g.a, t.features, j, g.b);
      }
      out.pairs.push_back(std::move(p));
      i += g.a;
      j += g.b;
    }
  };

  std::size_t ps = 0, pt = 0;
  for (std::size_t k : chain) {
    const Candidate& c = cands[k];
    emit_gap(ps, c.i, pt, c.j);
    BlockPair p;
    p.src = {s.blocks[c.i]};
    p.tgt = {t.blocks[c.j]};
    p.reason = reason_of(s.keys[c.i]);
    // An anchor is trusted, but one whose length is far off is flagged by a lower confidence.
    p.confidence = std::max(0.5, scorer.confidence(s.features, c.i, 1, t.features, c.j, 1));
    out.pairs.push_back(std::move(p));
    last_anchor = {c.i, c.j};
    ++out.anchors;
    ps = c.i + 1;
    pt = c.j + 1;
  }
  emit_gap(ps, s.keys.size(), pt, t.keys.size());
  return ratio;
}

}  // namespace

std::vector<std::string> anchor_keys(const Document& doc) {
  std::vector<std::string> keys(doc.blocks.size());
  std::vector<std::string> path(5);  // path[1..4]: the labels of the enclosing headings
  for (std::size_t k = 0; k < doc.blocks.size(); ++k) {
    const Block& b = doc.blocks[k];
    switch (b.kind) {
      case BlockKind::kHeading: {
        if (b.label.empty()) break;
        const LabelCore core = label_core(b.label, b.level);
        if (core.key.empty()) break;
        const int level = std::clamp(core.level, 1, 4);
        path[static_cast<std::size_t>(level)] = core.key;
        for (std::size_t d = static_cast<std::size_t>(level) + 1; d < path.size(); ++d) path[d].clear();
        std::string key = "h:";
        for (std::size_t d = 1; d <= static_cast<std::size_t>(level); ++d) {
          if (d > 1) key += '/';
          key += path[d].empty() ? "-" : path[d];
        }
        keys[k] = key;
        break;
      }
      case BlockKind::kFootnote:
        if (b.number) keys[k] = "f:" + std::to_string(*b.number);
        break;
      default:
        if (b.number && (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kOther)) {
          keys[k] = "p:" + std::to_string(*b.number);
        } else if (!b.label.empty() && b.kind != BlockKind::kItem) {
          keys[k] = "k:" + b.label;  // a keyed unit from an XML reader whose key is not a number
        }
        break;
    }
  }
  return keys;
}

Result<DocumentAlignment> align_documents(const Document& src, const Document& tgt, const AlignOptions& options) {
  if (options.max_group < 1 || options.max_group > 4) {
    return Status(ErrorCode::kInvalidArgument, fmt::format("max_group must be 1..4, not {}", options.max_group));
  }
  if (!(options.skip_cost > 0) || !(options.length_variance > 0) || options.reference_weight < 0) {
    return Status(ErrorCode::kInvalidArgument, "skip_cost and length_variance must be positive, "
                                               "reference_weight not negative");
  }
  if (!options.force && !src.symbol.empty() && !tgt.symbol.empty() &&
      normalise_symbol(src.symbol) != normalise_symbol(tgt.symbol)) {
    return Status(ErrorCode::kMismatch,
                  fmt::format("the documents carry different symbols: {} ({}) and {} ({}); use --force to align "
                              "them anyway",
                              src.symbol, src.path.empty() ? "source" : src.path, tgt.symbol,
                              tgt.path.empty() ? "target" : tgt.path),
                  {tgt.path});
  }
  DocumentAlignment out;
  const auto skeys = anchor_keys(src), tkeys = anchor_keys(tgt);
  for (bool footnotes : {false, true}) {
    Stream s = make_stream(src, skeys, footnotes), t = make_stream(tgt, tkeys, footnotes);
    if (s.blocks.empty() && t.blocks.empty()) continue;
    block_align::intern_references(s.features, t.features);
    const double ratio = align_stream(src, tgt, s, t, options, out);
    if (!footnotes) out.length_ratio = ratio;
  }
  return out;
}

}  // namespace paralign
