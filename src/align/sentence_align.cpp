#include "paralign/sentence_align.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <numeric>
#include <sstream>
#include <unordered_map>

#include "align/dp.hpp"
#include "align/lexicon_impl.hpp"
#include "align/sentence_scorer.hpp"
#include "align/sentence_text.hpp"
#include "paralign/numbers.hpp"
#include "paralign/references.hpp"
#include "util/utf8.hpp"

namespace paralign {

// A bilingual term list, matched as token sequences. Terms that translate each other share a concept id, which
// becomes an anchor on both sides wherever a term of the concept occurs.
struct SentenceAligner::Dictionary {
  std::string lang[2] = {"zh", "en"};
  struct Term {
    std::vector<std::string> tokens;
    std::uint32_t concept_id = 0;
  };
  std::unordered_map<std::string, std::vector<Term>> by_first[2];
  std::size_t terms = 0;

  void find(const std::vector<std::string>& words, int side, std::vector<std::string>& out) const {
    const auto& index = by_first[side];
    for (std::size_t k = 0; k < words.size(); ++k) {
      auto it = index.find(words[k]);
      if (it == index.end()) continue;
      for (const Term& t : it->second) {
        if (k + t.tokens.size() > words.size()) continue;
        if (std::equal(t.tokens.begin(), t.tokens.end(), words.begin() + static_cast<std::ptrdiff_t>(k)))
          out.push_back(fmt::format("T{}", t.concept_id));
      }
    }
  }
};

namespace {

using align::Band;
using align::BeadScorer;
using align::ScoreParams;
using align::Shape;
using align::SideFeatures;

Result<std::shared_ptr<const SentenceAligner::Dictionary>> load_dictionary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, "cannot open the dictionary", Location{path});
  auto dict = std::make_shared<SentenceAligner::Dictionary>();
  // "name.zh-en.tsv" says which language each column holds.
  std::string base = path.substr(path.find_last_of('/') + 1);
  if (auto dot = base.find('.'); dot != std::string::npos) {
    std::string rest = base.substr(dot + 1);
    auto dash = rest.find('-');
    auto dot2 = rest.find('.');
    if (dash != std::string::npos && dot2 != std::string::npos && dash < dot2) {
      dict->lang[0] = rest.substr(0, dash);
      dict->lang[1] = rest.substr(dash + 1, dot2 - dash - 1);
    }
  }
  // Union-find over terms: a term listed with several translations joins them into one concept.
  std::unordered_map<std::string, std::uint32_t> term_id[2];
  std::vector<std::uint32_t> parent;
  auto id_of = [&](int side, const std::string& t) {
    auto [it, fresh] = term_id[side].emplace(t, static_cast<std::uint32_t>(parent.size()));
    if (fresh) parent.push_back(it->second);
    return it->second;
  };
  auto root = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::string line;
  std::size_t line_no = 0;
  std::vector<std::pair<std::string, std::string>> entries;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!utf8::valid(line))
      return Status(ErrorCode::kEncoding, "dictionary line is not valid UTF-8", Location{path, line_no});
    auto tab = line.find('\t');
    if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos)
      return Status(ErrorCode::kParse, "expected two terms separated by one tab", Location{path, line_no});
    std::string a(utf8::trim(std::string_view(line).substr(0, tab)));
    std::string b(utf8::trim(std::string_view(line).substr(tab + 1)));
    if (a.empty() || b.empty()) return Status(ErrorCode::kParse, "empty term", Location{path, line_no});
    std::uint32_t x = id_of(0, a), y = id_of(1, b);
    parent[root(x)] = root(y);
    entries.emplace_back(std::move(a), std::move(b));
  }
  if (in.bad()) return Status(ErrorCode::kIo, "cannot read the dictionary", Location{path});
  for (int side = 0; side < 2; ++side) {
    for (const auto& [term, id] : term_id[side]) {
      SentenceAligner::Dictionary::Term t;
      t.tokens = align::lexical_tokens(term, dict->lang[side]);
      if (t.tokens.empty()) continue;
      t.concept_id = root(id);
      dict->by_first[side][t.tokens[0]].push_back(std::move(t));
      ++dict->terms;
    }
  }
  return std::shared_ptr<const SentenceAligner::Dictionary>(std::move(dict));
}

std::vector<Shape> make_shapes(int max_side) {
  std::vector<Shape> shapes = {{1, 1}, {1, 0}, {0, 1}};
  for (int a = 1; a <= max_side; ++a)
    for (int b = 1; b <= max_side; ++b)
      if (a + b > 2) shapes.push_back({static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b)});
  return shapes;
}

// Prior probability of each bead shape before the document tells us better.
double default_prior(Shape s) {
  int a = s.src, b = s.tgt;
  if (a == 1 && b == 1) return 0.85;
  if (a == 0 || b == 0) return 0.005;
  if (a + b == 3) return 0.05;
  if (a == 2 && b == 2) return 0.01;
  if (a + b == 4) return 0.005;
  if (a + b == 5) return 0.002;
  return 0.0005;
}

bool is_latin_side(const std::vector<align::SentenceTokens>& side) {
  std::uint64_t latin = 0, letters = 0;
  for (const auto& t : side) {
    latin += t.latin_letters;
    letters += t.letters;
  }
  return letters > 0 && latin * 2 > letters;
}

struct Prepared {
  SideFeatures src, tgt;
};

void add_sentence(SideFeatures& f, float length, std::uint8_t end_class, std::uint8_t clauses,
                  const std::vector<std::uint32_t>& words, std::vector<std::uint32_t>& anchors) {
  if (f.word_begin.empty()) {
    f.word_begin.push_back(0);
    f.anchor_begin.push_back(0);
  }
  f.length.push_back(length);
  f.end_class.push_back(end_class);
  f.clauses.push_back(clauses);
  f.lead_in.push_back(0);
  f.words.insert(f.words.end(), words.begin(), words.end());
  f.word_begin.push_back(static_cast<std::uint32_t>(f.words.size()));
  std::sort(anchors.begin(), anchors.end());
  f.anchors.insert(f.anchors.end(), anchors.begin(), anchors.end());
  f.anchor_begin.push_back(static_cast<std::uint32_t>(f.anchors.size()));
}

// The expected target position of each source boundary, from cumulative lengths.
std::vector<double> length_diagonal(const SideFeatures& src, const SideFeatures& tgt) {
  std::size_t n = src.size(), m = tgt.size();
  double total_s = std::accumulate(src.length.begin(), src.length.end(), 0.0) + n;
  double total_t = std::accumulate(tgt.length.begin(), tgt.length.end(), 0.0) + m;
  std::vector<double> centre(n + 1, 0.0);
  double cum_s = 0, cum_t = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    double want = total_s > 0 ? cum_s / total_s * total_t : 0;
    while (j < m && cum_t + tgt.length[j] + 1 <= want) cum_t += tgt.length[j++] + 1;
    double frac = j < m ? (want - cum_t) / (tgt.length[j] + 1) : 0;
    centre[i] = static_cast<double>(j) + frac;
    if (i < n) cum_s += src.length[i] + 1;
  }
  return centre;
}

// The widest band the search grows to once it has a path. A path that still runs along the edge of a band this wide
// (two texts whose sentence counts drift apart by hundreds, as in thousands of footnotes each cut differently in
// the two languages) is kept: widening on would make the search quadratic in the number of sentences, and a drift
// that large is found by the paragraph anchors, not by the sentence aligner. bench/pathological_bench shows the
// time staying linear.
constexpr std::size_t kMaxBandWidth = 512;

// The scoring passes (after the guide path) cost far more per cell, and keep a table of word-pair gains per cell:
// their band stops at this many cells in all, so that a paragraph of thousands of sentences whose two sides drift
// apart (one side lost its full stops) costs time and memory in proportion to its length, not length × 512.
constexpr std::size_t kScoringCellBudget = std::size_t{1} << 20;
constexpr std::size_t kMinCappedWidth = 64;
// A sentence ending in a colon (end_punctuation_class 3) is a lead-in when it is at most this share of its side's
// median sentence length.
constexpr float kLeadInShare = 0.5f;
constexpr std::uint8_t kColonClass = 3;  // the narrowest a budget makes a band (either pass)

// True when a search at `width` is final: a path clear of the band's edges, the whole matrix, or a path at the cap.
bool search_done(const align::SearchResult& r, std::size_t width, std::size_t limit, std::size_t cap) {
  if (r.steps.empty()) return width >= limit;
  return !r.touches_edge || width >= limit || width >= cap;
}

// The guide pass costs a few operations per cell but keeps its table too: 8 M cells (about 100 MB). A paragraph of
// up to 8,192 sentences a side still gets the full 512.
constexpr std::size_t kGuideCellBudget = std::size_t{1} << 23;

std::size_t width_cap(std::size_t n, std::size_t m, std::size_t budget) {
  const std::size_t rows = std::max<std::size_t>(std::max(n, m), 1);
  return std::clamp(budget / (2 * rows), kMinCappedWidth, kMaxBandWidth);
}

align::SearchResult search_widening(std::size_t n, std::size_t m, const std::vector<Shape>& shapes,
                                    const ScoreParams& params, const Prepared& doc, const Lexicon::Impl* table,
                                    const std::function<Band(std::size_t)>& band_of, std::size_t width,
                                    std::vector<align::BeadEvidence>* evidence = nullptr) {
  std::size_t limit = std::max(n, m) + 1;
  const std::size_t cap = width_cap(n, m, kScoringCellBudget);
  for (;;) {
    Band band = band_of(width);
    BeadScorer scorer(doc.src, doc.tgt, band, shapes, params, table);
    align::SearchResult r = align::banded_search(
        n, m, band, shapes, [&](std::size_t i, std::size_t j, int s) { return scorer.cost(i, j, s); });
    if (search_done(r, width, limit, cap)) {
      if (evidence != nullptr)
        for (const auto& st : r.steps) evidence->push_back(scorer.evidence(st.i, st.j, st.shape));
      return r;
    }
    width = std::min(width * 2, std::max(cap, width + 1));
  }
}

}  // namespace

Result<SentenceAligner> SentenceAligner::create(const SentenceAlignOptions& options) {
  if (options.max_bead_side < 2 || options.max_bead_side > 4)
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("max_bead_side must be 2..4, not {}", options.max_bead_side));
  if (options.min_band < 1 || options.realign_band < 1)
    return Status(ErrorCode::kInvalidArgument, "band widths must be at least 1");
  // The tokenizer reads figures and references with the shared data files: a broken installation is an error here,
  // not an exception in align().
  if (const auto& refs = default_reference_finder(); !refs) return refs.status();
  if (const auto& nums = default_quantity_finder(); !nums) return nums.status();
  SentenceAligner aligner;
  aligner.options_ = options;
  if (!options.dictionary_path.empty()) {
    auto dict = load_dictionary(options.dictionary_path);
    if (!dict) return dict.status();
    aligner.dictionary_ = std::move(dict.value());
  }
  return aligner;
}

std::vector<Bead> SentenceAligner::align(const std::vector<std::string>& src_text,
                                         const std::vector<std::string>& tgt_text, std::string_view src_lang,
                                         std::string_view tgt_lang, Lexicon* learned) const {
  std::size_t n = src_text.size(), m = tgt_text.size();
  std::vector<Bead> beads;
  if (n == 0 || m == 0) {
    for (std::size_t i = 0; i < n; ++i) beads.push_back({i, 1, 0, 0, 0.5, 0.0});
    for (std::size_t j = 0; j < m; ++j) beads.push_back({0, 0, j, 1, 0.5, 0.0});
    return beads;
  }
  Lexicon local;
  Lexicon::Impl& lex = learned != nullptr ? *learned->impl_ : *local.impl_;
  if (lex.src_lang.empty() && lex.tgt_lang.empty()) {
    lex.src_lang = std::string(src_lang);
    lex.tgt_lang = std::string(tgt_lang);
  } else if (lex.src_lang == tgt_lang && lex.tgt_lang == src_lang && src_lang != tgt_lang) {
    // The lexicon was learned the other way round: align in its direction and turn the beads back.
    beads = align(tgt_text, src_text, tgt_lang, src_lang, learned);
    for (Bead& b : beads) {
      std::swap(b.src_begin, b.tgt_begin);
      std::swap(b.src_size, b.tgt_size);
    }
    return beads;
  }

  // Tokens, then features: lexicon ids for words, shared ids for anchors.
  std::vector<align::SentenceTokens> src_tok(n), tgt_tok(m);
  for (std::size_t i = 0; i < n; ++i) src_tok[i] = align::tokenize_sentence(src_text[i], src_lang);
  for (std::size_t j = 0; j < m; ++j) tgt_tok[j] = align::tokenize_sentence(tgt_text[j], tgt_lang);
  bool src_latin = is_latin_side(src_tok), tgt_latin = is_latin_side(tgt_tok);
  // Latin tokens are anchors when one side is written in another script: there they stand out (acronyms, names,
  // symbols). Between two Latin-script languages only acronyms and letter-digit tokens are.
  std::unordered_map<std::string, int> foreign_latin;
  if (src_latin != tgt_latin) {
    for (const auto& t : (src_latin ? tgt_tok : src_tok))
      for (const auto& w : t.latin) foreign_latin.emplace(w, 0);
  }
  int dict_side_src = -1, dict_side_tgt = -1;
  if (dictionary_) {
    for (int s = 0; s < 2; ++s) {
      if (dictionary_->lang[s] == src_lang) dict_side_src = s;
      if (dictionary_->lang[s] == tgt_lang) dict_side_tgt = s;
    }
    if (dict_side_src < 0 || dict_side_tgt < 0 || dict_side_src == dict_side_tgt) dict_side_src = dict_side_tgt = -1;
  }
  // Lengths in each side's own currency. A Han character carries about as much as h letters of an alphabetic
  // script, and both kinds of text occur on both sides (Chinese quotations in English, English names and figures in
  // Chinese). On the side written mostly in letters a Han character counts h, with h solved from the document's
  // totals; the side written mostly in Han keeps plain counts (its figures and names are as long as in the other
  // language). Between two texts of the same script nothing changes.
  double han_weight = 1.0;
  bool src_han = false, tgt_han = false;
  {
    double h_src = 0, l_src = 0, h_tgt = 0, l_tgt = 0;
    for (const auto& t : src_tok) h_src += t.han, l_src += t.length - t.han;
    for (const auto& t : tgt_tok) h_tgt += t.han, l_tgt += t.length - t.han;
    src_han = h_src > l_src;
    tgt_han = h_tgt > l_tgt;
    double dh = h_src - h_tgt, dl = l_tgt - l_src;
    if (src_han != tgt_han && std::fabs(dh) >= 100) han_weight = std::clamp(dl / dh, 1.0, 6.0);
  }
  auto weighted_length = [&](const align::SentenceTokens& t, bool is_src) {
    bool han_side = is_src ? src_han : tgt_han;
    return static_cast<float>(han_side ? t.length : t.length - t.han + han_weight * t.han);
  };
  align::Vocabulary anchor_vocab;
  Prepared doc;
  std::vector<std::uint32_t> words, anchors;
  std::vector<std::string> terms;
  auto prepare = [&](const align::SentenceTokens& t, bool is_src) {
    words.clear();
    anchors.clear();
    for (const auto& w : t.words) words.push_back(is_src ? lex.src_id(w) : lex.tgt_id(w));
    for (const auto& x : t.numbers) anchors.push_back(anchor_vocab.id("#" + x));
    if (src_latin != tgt_latin) {
      bool latin_side = is_src ? src_latin : tgt_latin;
      for (const auto& w : latin_side ? t.words : t.latin)
        if (foreign_latin.count(w)) anchors.push_back(anchor_vocab.id("L" + w));
    } else {
      for (const auto& w : t.acronyms) anchors.push_back(anchor_vocab.id("L" + w));
    }
    int dside = is_src ? dict_side_src : dict_side_tgt;
    if (dside >= 0) {
      terms.clear();
      dictionary_->find(t.words, dside, terms);
      for (const auto& x : terms) anchors.push_back(anchor_vocab.id(x));
    }
    add_sentence(is_src ? doc.src : doc.tgt, weighted_length(t, is_src), t.end_class, t.clause_marks, words, anchors);
  };
  for (const auto& t : src_tok) prepare(t, true);
  for (const auto& t : tgt_tok) prepare(t, false);
  src_tok.clear();
  tgt_tok.clear();
  // Lead-ins: sentences ending in a colon and much shorter than the side's median sentence ("He said:", a line
  // naming the speaker of a translated reply). They announce what follows, which is where they belong; a long
  // sentence ending in a colon is a clause of its own (the King James Bible ends verses in colons).
  for (SideFeatures* side : {&doc.src, &doc.tgt}) {
    std::vector<float> sorted = side->length;
    auto mid = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
    std::nth_element(sorted.begin(), mid, sorted.end());
    const float limit = kLeadInShare * *mid;
    for (std::size_t k = 0; k < side->size(); ++k)
      side->lead_in[k] = side->end_class[k] == kColonClass && side->length[k] <= limit ? 1 : 0;
  }

  // Per-document parameters: the length ratio from the totals, the spread from the first pass.
  std::vector<Shape> shapes = make_shapes(options_.max_bead_side);
  ScoreParams params;
  double total_s = std::accumulate(doc.src.length.begin(), doc.src.length.end(), 0.0);
  double total_t = std::accumulate(doc.tgt.length.begin(), doc.tgt.length.end(), 0.0);
  params.length.ratio = total_s > 0 && total_t > 0 ? total_t / total_s : 1.0;
  params.length.variance = 6.8;
  params.length_weight = options_.length_weight;
  params.anchor_weight = options_.anchor_weight;
  params.lexical_weight = options_.lexical_weight;
  params.dilution = options_.lexical_dilution;
  params.lead_in_cost = options_.lead_in_weight;
  for (const Shape& s : shapes) params.shape_cost.push_back(-std::log(default_prior(s)) * options_.prior_weight);

  // Word pairs counted over fewer beads than this are mostly chance; the lexicon waits until it has seen enough
  // (from this document or, carried in a batch, from earlier ones).
  constexpr double kMinLexiconBeads = 100;
  lex.refresh_table();
  const Lexicon::Impl* table = lex.src_to_tgt.empty() || lex.beads < kMinLexiconBeads ? nullptr : &lex;
  std::vector<double> centre = length_diagonal(doc.src, doc.tgt);
  std::vector<std::pair<std::size_t, std::size_t>> points;
  auto path_points = [&](const align::SearchResult& r) {
    points.clear();
    points.emplace_back(0, 0);
    for (const auto& st : r.steps) points.emplace_back(st.i + shapes[st.shape].src, st.j + shapes[st.shape].tgt);
  };
  // A guide path first, from lengths and shapes alone: its cost is a few operations per cell, so it can afford the
  // wide band that long documents need (the translation drifts a long way from the length diagonal: 160 sentences
  // in the Bible test) before the costlier scorers run in a narrow band around it.
  {
    std::vector<Shape> guide_shapes = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}};
    std::vector<double> guide_cost;
    for (const Shape& s : guide_shapes) guide_cost.push_back(-std::log(default_prior(s)));
    std::size_t width = static_cast<std::size_t>(options_.min_band), limit = std::max(n, m) + 1;
    const std::size_t cap = width_cap(n, m, kGuideCellBudget);
    Band band = align::make_band(centre, m, width);
    for (int round = 0;; ++round) {
      align::SearchResult r = align::banded_search(n, m, band, guide_shapes, [&](std::size_t i, std::size_t j, int k) {
        const Shape s = guide_shapes[k];
        if (s.src == 0 || s.tgt == 0) return guide_cost[k];
        double ls = 0, lt = 0;
        for (std::size_t a = 0; a < s.src; ++a) ls += doc.src.length[i + a];
        for (std::size_t b = 0; b < s.tgt; ++b) lt += doc.tgt.length[j + b];
        return guide_cost[k] + params.length.cost(ls, lt);
      });
      if (!r.steps.empty()) {
        points.clear();
        points.emplace_back(0, 0);
        for (const auto& st : r.steps)
          points.emplace_back(st.i + guide_shapes[st.shape].src, st.j + guide_shapes[st.shape].tgt);
      }
      if (search_done(r, width, limit, cap)) break;
      // The path ran into the band's edge: follow it (it has found where the drift goes) with a wider band, rather
      // than widening around the diagonal it has already left.
      width = std::min(width * 2, std::max(cap, width + 1));
      band = r.steps.empty() || round >= 4 ? align::make_band(centre, m, width)
                                           : align::band_around_path(points, n, m, width);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> guide = points;
  std::vector<align::BeadEvidence> first_evidence, ev;
  align::SearchResult first = search_widening(
      n, m, shapes, params, doc, table, [&](std::size_t w) { return align::band_around_path(guide, n, m, w); },
      static_cast<std::size_t>(options_.realign_band), &first_evidence);

  // Re-estimate the spread and the shape priors from the first pass.
  std::vector<std::size_t> shape_count(shapes.size(), 0);
  double sq = 0, used = 0;
  for (const auto& st : first.steps) {
    ++shape_count[st.shape];
    const Shape s = shapes[st.shape];
    if (s.src == 1 && s.tgt == 1) {
      double ls = doc.src.length[st.i], lt = doc.tgt.length[st.j];
      double mean = (ls + lt / params.length.ratio) / 2.0;
      if (mean <= 0) continue;
      double d = lt - params.length.ratio * ls;
      sq += d * d / (params.length.ratio * mean);
      used += 1;
    }
  }
  if (used >= 10) params.length.variance = std::clamp(sq / used, 1.0, 100.0);
  // How sentence-final punctuation corresponds in this document (a question ends in a question mark in both
  // languages; a Chinese sentence ending in a colon introduces the next one, so it ends a bead only where the other
  // side has a colon too; the King James Bible ends clauses in colons where Chinese has full stops). Counted over
  // the first pass's beads and scored as -log(P(a,b) / P(a)P(b)), clipped: agreement the document shows is cheap,
  // combinations it never shows are dear. The last sentence of each side decides, since it is the bead's boundary.
  if (options_.punctuation_weight > 0 && first.steps.size() >= 50) {
    constexpr int K = align::kEndClasses;
    std::vector<double> joint(K * K, 0.0), ps(K, 0.0), pt(K, 0.0);
    double total = 0;
    for (const auto& st : first.steps) {
      const Shape s = shapes[st.shape];
      if (s.src == 0 || s.tgt == 0) continue;
      int a = doc.src.end_class[st.i + s.src - 1], b = doc.tgt.end_class[st.j + s.tgt - 1];
      joint[a * K + b] += 1;
      ps[a] += 1;
      pt[b] += 1;
      total += 1;
    }
    params.end_cost.assign(K * K, 0.0);
    for (int a = 0; a < K; ++a)
      for (int b = 0; b < K; ++b) {
        // Add-half smoothing on the joint counts, so a combination seen once is not free and one never seen is
        // merely unlikely.
        double pj = (joint[a * K + b] + 0.5) / (total + 0.5 * K * K);
        double pa = (ps[a] + 0.5 * K) / (total + 0.5 * K * K), pb = (pt[b] + 0.5 * K) / (total + 0.5 * K * K);
        params.end_cost[a * K + b] = std::clamp(-std::log(pj / (pa * pb)), -2.0, 4.0);
      }
    params.punctuation_weight = options_.punctuation_weight;
  }
  // How clauses correspond: in one document a sentence with a colon or semicolon inside is often two sentences of
  // the translation (an English Bible clause after a colon is often a Chinese sentence of its own), in another
  // hardly ever. The difference d between a bead's target and source clauses (sentences plus clause marks inside
  // them) is counted over the first pass's beads, per shape, so that the marks are what the cost weighs (a 1-2 bead
  // without marks has d = 1, which the shape's prior already prices). Cost: -log(P(d | shape) / P(commonest d |
  // shape)), smoothed; shapes seen fewer than 20 times cost nothing.
  if (options_.clause_weight > 0 && first.steps.size() >= 50) {
    std::vector<double> count(shapes.size() * 5, 0.0);
    std::vector<double> seen(shapes.size(), 0.0);
    for (const auto& st : first.steps) {
      const Shape s = shapes[st.shape];
      if (s.src == 0 || s.tgt == 0) continue;
      int cs = s.src, ct = s.tgt;
      for (std::size_t a = 0; a < s.src; ++a) cs += doc.src.clauses[st.i + a];
      for (std::size_t b = 0; b < s.tgt; ++b) ct += doc.tgt.clauses[st.j + b];
      count[st.shape * 5 + ScoreParams::clause_index(cs, ct)] += 1;
      seen[st.shape] += 1;
    }
    params.clause_cost.assign(shapes.size() * 5, 0.0);
    for (std::size_t k = 0; k < shapes.size(); ++k) {
      if (seen[k] < 20) continue;  // too few to say: no cost
      double best = 0;
      for (int d = 0; d < 5; ++d) best = std::max(best, count[k * 5 + d]);
      for (int d = 0; d < 5; ++d)
        params.clause_cost[k * 5 + d] = -std::log((count[k * 5 + d] + 0.05 * seen[k]) / (best + 0.05 * seen[k]));
    }
    params.clause_weight = options_.clause_weight;
  }
  if (first.steps.size() >= 20) {
    constexpr double kStrength = 50.0;  // how many beads' worth the default prior weighs
    double total = static_cast<double>(first.steps.size());
    for (std::size_t s = 0; s < shapes.size(); ++s) {
      double p = (static_cast<double>(shape_count[s]) + kStrength * default_prior(shapes[s])) / (total + kStrength);
      params.shape_cost[s] = -std::log(p) * options_.prior_weight;
    }
  }

  align::SearchResult final_pass = first;
  ev = first_evidence;
  if (options_.learn_lexicon) {
    // Learn word pairs from the first pass's beads that fit well, then realign with them.
    std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> learn;
    for (const auto& st : first.steps) {
      const Shape s = shapes[st.shape];
      if (s.src == 0 || s.tgt == 0 || s.src + s.tgt > 3) continue;
      double ls = 0, lt = 0;
      std::vector<std::uint32_t> sw, tw;
      for (std::size_t a = 0; a < s.src; ++a) {
        ls += doc.src.length[st.i + a];
        sw.insert(sw.end(), doc.src.words.begin() + doc.src.word_begin[st.i + a],
                  doc.src.words.begin() + doc.src.word_begin[st.i + a + 1]);
      }
      for (std::size_t b = 0; b < s.tgt; ++b) {
        lt += doc.tgt.length[st.j + b];
        tw.insert(tw.end(), doc.tgt.words.begin() + doc.tgt.word_begin[st.j + b],
                  doc.tgt.words.begin() + doc.tgt.word_begin[st.j + b + 1]);
      }
      if (params.length.cost(ls, lt) > 2.5) continue;
      learn.emplace_back(std::move(sw), std::move(tw));
    }
    lex.add_beads(learn);
    if (lex.beads >= kMinLexiconBeads) {
      lex.build_table();
      table = &lex;
    }
  }
  if (table != nullptr || params.punctuation_weight > 0 || params.clause_weight > 0) {
    path_points(first);
    ev.clear();
    final_pass = search_widening(
        n, m, shapes, params, doc, table, [&](std::size_t w) { return align::band_around_path(points, n, m, w); },
        static_cast<std::size_t>(options_.realign_band), &ev);
  }

  // Beads with their confidence: how well the lengths fit, and how much lexical and anchor evidence the bead has
  // compared with the document's typical 1-1 bead.
  std::vector<double> ratios;
  for (std::size_t k = 0; k < final_pass.steps.size(); ++k) {
    const auto& st = final_pass.steps[k];
    const auto& e = ev[k];
    const Shape s = shapes[st.shape];
    if (s.src == 1 && s.tgt == 1 && e.words + e.anchors > 0)
      ratios.push_back((std::max(0.0, e.lexical_gain) + e.anchors_matched) / (e.words + e.anchors));
  }
  double typical = 0;
  if (!ratios.empty()) {
    std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2), ratios.end());
    typical = ratios[ratios.size() / 2];
  }
  for (std::size_t k = 0; k < final_pass.steps.size(); ++k) {
    const auto& st = final_pass.steps[k];
    const Shape s = shapes[st.shape];
    const auto& e = ev[k];
    Bead b{st.i, s.src, st.j, s.tgt, 0.5, st.cost};
    if (s.src > 0 && s.tgt > 0) {
      double fit = std::erfc(std::fabs(e.delta) / std::sqrt(2.0));
      double lexical = fit;
      if (typical > 0 && e.words + e.anchors > 0)
        lexical = std::min(1.0, (std::max(0.0, e.lexical_gain) + e.anchors_matched) / (e.words + e.anchors) / typical);
      b.confidence = 0.5 * fit + 0.5 * lexical;
    }
    beads.push_back(b);
  }
  return beads;
}

std::string format_beads(const std::vector<Bead>& beads) {
  std::string out;
  auto side = [&](std::size_t begin, std::size_t size) {
    if (size == 0) {
      out += "omitted";
      return;
    }
    for (std::size_t k = 0; k < size; ++k) {
      if (k > 0) out += ',';
      out += std::to_string(begin + k + 1);
    }
  };
  for (const Bead& b : beads) {
    side(b.src_begin, b.src_size);
    out += " <=> ";
    side(b.tgt_begin, b.tgt_size);
    out += '\n';
  }
  return out;
}

Result<std::vector<Bead>> parse_beads(std::string_view text, std::string_view file, std::size_t src_count,
                                      std::size_t tgt_count) {
  std::vector<Bead> beads;
  std::size_t next_src = 0, next_tgt = 0;  // where an omitted side stands
  Status read = align::for_each_line(text, [&](std::size_t line_no, std::string_view line) -> Status {
    auto error = [&](const std::string& what) {
      return Status(ErrorCode::kParse, what, Location{std::string(file), line_no});
    };
    std::size_t sep = line.find("<=>");
    if (sep == std::string_view::npos) return error("expected \"<=>\" between the two sides");
    Bead b;
    for (int side = 0; side < 2; ++side) {
      std::string_view part = utf8::trim(side == 0 ? line.substr(0, sep) : line.substr(sep + 3));
      std::size_t& begin = side == 0 ? b.src_begin : b.tgt_begin;
      std::size_t& size = side == 0 ? b.src_size : b.tgt_size;
      begin = side == 0 ? next_src : next_tgt;
      if (part == "omitted") continue;
      std::vector<std::size_t> nums;
      while (!part.empty()) {
        std::size_t comma = part.find(',');
        std::string_view num = utf8::trim(part.substr(0, comma));
        part = comma == std::string_view::npos ? std::string_view{} : part.substr(comma + 1);
        if (num.empty() || num.size() > 9 ||
            !std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return error(fmt::format("\"{}\" is not a sentence number", num));
        std::size_t v = std::stoul(std::string(num));
        if (v == 0) return error("sentence numbers start at 1");
        nums.push_back(v);
      }
      // Hand-made gold files sometimes list a bead's sentences out of order ("655,654"); the set is what counts.
      std::sort(nums.begin(), nums.end());
      for (std::size_t k = 1; k < nums.size(); ++k)
        if (nums[k] != nums[k - 1] + 1)
          return error(fmt::format("sentence numbers in a bead must be consecutive ({} and {})", nums[k - 1], nums[k]));
      if (nums.empty()) return error("a side needs sentence numbers or \"omitted\"");
      begin = nums[0] - 1;
      size = nums.size();
    }
    if (b.src_size == 0 && b.tgt_size == 0) return error("a bead needs a sentence on at least one side");
    if (src_count != 0 || tgt_count != 0) {
      if ((b.src_size > 0 && b.src_begin != next_src) || (b.tgt_size > 0 && b.tgt_begin != next_tgt))
        return error(fmt::format("bead does not follow on from the one before (expected {} <=> {})", next_src + 1,
                                 next_tgt + 1));
    }
    next_src = b.src_size > 0 ? b.src_end() : next_src;
    next_tgt = b.tgt_size > 0 ? b.tgt_end() : next_tgt;
    beads.push_back(b);
    return Status{};
  });
  if (!read.ok()) return read;
  if ((src_count != 0 || tgt_count != 0) && (next_src != src_count || next_tgt != tgt_count)) {
    return Status(ErrorCode::kParse,
                  fmt::format("beads cover {} source and {} target sentences, expected {} and {}", next_src, next_tgt,
                              src_count, tgt_count),
                  Location{std::string(file), 0});
  }
  return beads;
}

Status check_beads(const std::vector<Bead>& beads, std::size_t src_count, std::size_t tgt_count) {
  std::size_t s = 0, t = 0;
  for (std::size_t k = 0; k < beads.size(); ++k) {
    const Bead& b = beads[k];
    if (b.src_begin != s || b.tgt_begin != t || (b.src_size == 0 && b.tgt_size == 0))
      return Status(ErrorCode::kInternal, fmt::format("bead {} ({}+{} <=> {}+{}) does not follow on from {} <=> {}", k,
                                                      b.src_begin, b.src_size, b.tgt_begin, b.tgt_size, s, t));
    s += b.src_size;
    t += b.tgt_size;
  }
  if (s != src_count || t != tgt_count)
    return Status(ErrorCode::kInternal,
                  fmt::format("beads cover {} and {} sentences, expected {} and {}", s, t, src_count, tgt_count));
  return {};
}

}  // namespace paralign
