#include "align/sentence_scorer.hpp"

#include <algorithm>
#include <cmath>

namespace paralign::align {

namespace {

double tail_cost_exact(double d) {
  double p = std::erfc(d / std::sqrt(2.0));
  if (p < 1e-300) return d * d / 2.0 + std::log(d * std::sqrt(2.0 * 3.141592653589793));
  return -std::log(p);
}

// Full stop, exclamation or question mark (end_punctuation_class 1 and 2).
bool ends_sentence(std::uint8_t end_class) { return end_class == 1 || end_class == 2; }

}  // namespace

double LengthModel::tail_cost(double d) { return tail_cost_exact(d); }

const double* LengthModel::tail_table() {
  static const std::vector<double> table = [] {
    std::vector<double> t(kTailSize);
    for (int k = 0; k < kTailSize; ++k) t[k] = tail_cost_exact(k * kTailStep);
    return t;
  }();
  return table.data();
}

BeadScorer::BeadScorer(const SideFeatures& src, const SideFeatures& tgt, const Band& band,
                       const std::vector<Shape>& shapes, const ScoreParams& params, const Lexicon::Impl* table)
    : src_(src), tgt_(tgt), shapes_(shapes), params_(params) {
  // The dilution cost of each shape, a constant of the shape (it was a log per bead asked).
  for (const Shape& s : shapes)
    dilution_.push_back(s.src == 0 || s.tgt == 0
                            ? 0.0
                            : params.dilution * (s.src * std::log(static_cast<double>(s.tgt)) +
                                                 s.tgt * std::log(static_cast<double>(s.src))));
  std::size_t n = src.size(), m = tgt.size();
  std::size_t margin = 0;
  for (const Shape& s : shapes) margin = std::max<std::size_t>(margin, std::max(s.src, s.tgt));
  pair_lo_.resize(n);
  pair_hi_.resize(n);
  pair_start_.resize(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t lo = std::min(band.lo[i], band.lo[i + 1]);
    std::size_t hi = std::max(band.hi[i], band.hi[i + 1]);
    pair_lo_[i] = lo > margin ? lo - margin : 0;
    pair_hi_[i] = m == 0 ? 0 : std::min(m - 1, hi + margin);
    pair_start_[i + 1] = pair_start_[i] + (m == 0 ? 0 : pair_hi_[i] - pair_lo_[i] + 1);
  }
  pairs_.assign(pair_start_[n], Pair{});
  if (m == 0) return;

  // Anchors: multiset intersection of two sorted lists.
  for (std::size_t i = 0; i < n; ++i) {
    if (src.anchor_count(i) == 0) continue;
    for (std::size_t j = pair_lo_[i]; j <= pair_hi_[i]; ++j) {
      const std::uint32_t *a = &src.anchors[src.anchor_begin[i]], *ae = a + src.anchor_count(i);
      const std::uint32_t *b = tgt.anchors.data() + tgt.anchor_begin[j], *be = b + tgt.anchor_count(j);
      std::uint16_t common = 0;
      while (a != ae && b != be) {
        if (*a < *b) {
          ++a;
        } else if (*b < *a) {
          ++b;
        } else {
          ++common;
          ++a;
          ++b;
        }
      }
      pairs_[pair_start_[i] + (j - pair_lo_[i])].anchors = common;
    }
  }

  if (table == nullptr || table->src_to_tgt.empty()) return;
  has_lexicon_ = true;
  // Lexical coverage. For each target sentence, its "bag": for each source token, the best association with any of
  // its words; the same from the source side. Stored sparse, then read through dense arrays stamped per row.
  auto bags = [](const SideFeatures& side, const std::vector<std::vector<Translation>>& trans, std::size_t vocab,
                 std::vector<std::uint32_t>& begin, std::vector<Translation>& flat) {
    std::vector<float> best(vocab, 0.0f);
    std::vector<std::uint32_t> touched;
    begin.assign(side.size() + 1, 0);
    for (std::size_t k = 0; k < side.size(); ++k) {
      for (std::uint32_t w = side.word_begin[k]; w < side.word_begin[k + 1]; ++w) {
        std::uint32_t id = side.words[w];
        if (id >= trans.size()) continue;
        for (const Translation& t : trans[id]) {
          if (best[t.id] == 0.0f) touched.push_back(t.id);
          best[t.id] = std::max(best[t.id], t.score);
        }
      }
      for (std::uint32_t id : touched) {
        flat.push_back({id, best[id]});
        best[id] = 0.0f;
      }
      touched.clear();
      begin[k + 1] = static_cast<std::uint32_t>(flat.size());
    }
  };
  std::vector<std::uint32_t> src_bag_begin, tgt_bag_begin;
  std::vector<Translation> src_bag, tgt_bag;  // src_bag: per source sentence, target ids it translates into
  bags(src, table->src_to_tgt, table->tgt.size(), src_bag_begin, src_bag);
  bags(tgt, table->tgt_to_src, table->src.size(), tgt_bag_begin, tgt_bag);

  std::vector<float> src_bag_dense(table->tgt.size(), 0.0f);    // target id -> best association with row i
  std::vector<float> src_words_dense(table->src.size(), 0.0f);  // source id -> occurrences in row i
  for (std::size_t i = 0; i < n; ++i) {
    for (std::uint32_t k = src_bag_begin[i]; k < src_bag_begin[i + 1]; ++k)
      src_bag_dense[src_bag[k].id] = src_bag[k].score;
    for (std::uint32_t w = src.word_begin[i]; w < src.word_begin[i + 1]; ++w) src_words_dense[src.words[w]] += 1.0f;
    for (std::size_t j = pair_lo_[i]; j <= pair_hi_[i]; ++j) {
      Pair& p = pairs_[pair_start_[i] + (j - pair_lo_[i])];
      float ct = 0;
      for (std::uint32_t w = tgt.word_begin[j]; w < tgt.word_begin[j + 1]; ++w) {
        std::uint32_t id = tgt.words[w];
        if (id < src_bag_dense.size()) ct += src_bag_dense[id];
      }
      float cs = 0;
      for (std::uint32_t k = tgt_bag_begin[j]; k < tgt_bag_begin[j + 1]; ++k) {
        std::uint32_t id = tgt_bag[k].id;
        if (id < src_words_dense.size()) cs += src_words_dense[id] * tgt_bag[k].score;
      }
      p.gain_src = cs;
      p.gain_tgt = ct;
    }
    for (std::uint32_t k = src_bag_begin[i]; k < src_bag_begin[i + 1]; ++k) src_bag_dense[src_bag[k].id] = 0.0f;
    for (std::uint32_t w = src.word_begin[i]; w < src.word_begin[i + 1]; ++w) src_words_dense[src.words[w]] = 0.0f;
  }
  // Chance: two unrelated sentences share coverage in proportion to the product of their lengths (every word brings
  // its few translations). The band is mostly unrelated pairs, so the median rate over it estimates chance; taking it
  // off makes a merged bead gain nothing from sentences that do not belong to it.
  for (int dir = 0; dir < 2; ++dir) {
    std::vector<float> rates;
    rates.reserve(pairs_.size());
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = pair_lo_[i]; j <= pair_hi_[i]; ++j) {
        float area = static_cast<float>(src.word_count(i)) * static_cast<float>(tgt.word_count(j));
        const Pair& p = pairs_[pair_start_[i] + (j - pair_lo_[i])];
        if (area > 0) rates.push_back((dir == 0 ? p.gain_src : p.gain_tgt) / area);
      }
    float chance = 0;
    if (!rates.empty()) {
      auto mid = rates.begin() + static_cast<std::ptrdiff_t>(rates.size() / 2);
      std::nth_element(rates.begin(), mid, rates.end());
      chance = *mid;
    }
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = pair_lo_[i]; j <= pair_hi_[i]; ++j) {
        Pair& p = pairs_[pair_start_[i] + (j - pair_lo_[i])];
        (dir == 0 ? p.gain_src : p.gain_tgt) -=
            chance * static_cast<float>(src.word_count(i)) * static_cast<float>(tgt.word_count(j));
      }
  }
}

BeadEvidence BeadScorer::evidence(std::size_t i, std::size_t j, int shape, bool with_delta) const {
  const Shape s = shapes_[shape];
  BeadEvidence e;
  double src_len = 0, tgt_len = 0;
  for (std::size_t a = 0; a < s.src; ++a) {
    src_len += src_.length[i + a];
    e.anchors += src_.anchor_count(i + a);
    e.words += src_.word_count(i + a);
  }
  for (std::size_t b = 0; b < s.tgt; ++b) {
    tgt_len += tgt_.length[j + b];
    e.anchors += tgt_.anchor_count(j + b);
    e.words += tgt_.word_count(j + b);
  }
  if (s.src == 0 || s.tgt == 0) return e;
  if (with_delta) e.delta = params_.length.delta(src_len, tgt_len);
  e.length_cost = params_.length.cost(src_len, tgt_len);
  // Anchors: a sentence's anchors matched anywhere in the bead, capped at what it holds. Lexical gain: each sentence
  // counts its best partner in the bead only. Neighbouring sentences share topic words, so summing over all pairs
  // would reward merging sentences that do not belong together; a sentence split across two of the other side's is
  // still rewarded, since each half finds its whole partner.
  float col_anchor[8] = {0};
  float col_gain[8] = {-1e30f, -1e30f, -1e30f, -1e30f, -1e30f, -1e30f, -1e30f, -1e30f};
  for (std::size_t a = 0; a < s.src; ++a) {
    float row_anchor = 0, row_gain = -1e30f;
    for (std::size_t b = 0; b < s.tgt; ++b) {
      const Pair* p = pair(i + a, j + b);
      float gs = p ? p->gain_src : 0.0f, gt = p ? p->gain_tgt : 0.0f;
      if (p != nullptr) {
        row_anchor += p->anchors;
        col_anchor[b] += p->anchors;
      }
      row_gain = std::max(row_gain, gs);
      col_gain[b] = std::max(col_gain[b], gt);
    }
    e.anchors_matched += std::min<float>(row_anchor, static_cast<float>(src_.anchor_count(i + a)));
    e.lexical_gain += row_gain;
  }
  for (std::size_t b = 0; b < s.tgt; ++b) {
    e.anchors_matched += std::min<float>(col_anchor[b], static_cast<float>(tgt_.anchor_count(j + b)));
    e.lexical_gain += col_gain[b];
  }
  // The best of k candidates is better than the true partner's score by luck alone; each sentence pays for the
  // choice (as a word does in a translation model, which divides by the number of words it could come from).
  if (has_lexicon_) e.lexical_gain -= dilution_[shape];
  return e;
}

double BeadScorer::cost(std::size_t i, std::size_t j, int shape) const {
  BeadEvidence e = evidence(i, j, shape, false);
  const Shape s = shapes_[shape];
  double c = params_.shape_cost[shape];
  if (s.src == 0 || s.tgt == 0) c += params_.omission_cost;
  c += params_.length_weight * e.length_cost;
  if (params_.punctuation_weight > 0 && s.src > 0 && s.tgt > 0)
    c += params_.punctuation_weight *
         params_.end_cost[src_.end_class[i + s.src - 1] * kEndClasses + tgt_.end_class[j + s.tgt - 1]];
  if (params_.lead_in_cost > 0 && s.src > 0 && s.tgt > 0) {
    const std::size_t a = i + s.src - 1, b = j + s.tgt - 1;
    if ((src_.lead_in[a] && ends_sentence(tgt_.end_class[b])) || (tgt_.lead_in[b] && ends_sentence(src_.end_class[a])))
      c += params_.lead_in_cost;
  }
  if (params_.clause_weight > 0 && s.src > 0 && s.tgt > 0) {
    int cs = s.src, ct = s.tgt;
    for (std::size_t a = 0; a < s.src; ++a) cs += src_.clauses[i + a];
    for (std::size_t b = 0; b < s.tgt; ++b) ct += tgt_.clauses[j + b];
    c += params_.clause_weight * params_.clause_cost[static_cast<std::size_t>(shape) * 5 + ScoreParams::clause_index(cs, ct)];
  }
  c += params_.anchor_weight * (e.anchors - e.anchors_matched);
  c -= params_.lexical_weight * e.lexical_gain;
  return c;
}

}  // namespace paralign::align
