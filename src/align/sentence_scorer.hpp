// Internal to the sentence aligner: what a bead costs. Separate scorers — length, bead shape, anchors (numbers, Latin
// tokens, dictionary terms) and the learned lexicon — each give a cost, combined by weight into one number the search
// (dp.hpp) minimises. Evidence between single sentences is computed once for the cells of the band and summed over a
// bead's sentence pairs, so a bead's cost is cheap however wide it is.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "align/dp.hpp"
#include "align/lexicon_impl.hpp"

namespace paralign::align {

/// One side's sentences as the scorers see them, stored flat (one allocation per field, not per sentence).
struct SideFeatures {
  std::vector<float> length;              ///< characters per sentence (white space excluded; Han ones weighted, see
                                          ///< SentenceAligner::align)
  std::vector<std::uint8_t> end_class;    ///< end_punctuation_class() of each sentence
  std::vector<std::uint8_t> clauses;      ///< SentenceTokens::clause_marks of each sentence
  std::vector<std::uint8_t> lead_in;      ///< 1 for a lead-in: a short sentence ending in a colon (see align())
  std::vector<std::uint32_t> word_begin;  ///< sentence k's words are words[word_begin[k] .. word_begin[k+1])
  std::vector<std::uint32_t> words;       ///< lexicon token ids (duplicates kept)
  std::vector<std::uint32_t> anchor_begin;
  std::vector<std::uint32_t> anchors;  ///< anchor ids shared by both sides, sorted within each sentence
  std::size_t size() const { return length.size(); }
  std::uint32_t word_count(std::size_t k) const { return word_begin[k + 1] - word_begin[k]; }
  std::uint32_t anchor_count(std::size_t k) const { return anchor_begin[k + 1] - anchor_begin[k]; }
};

/// The length model: target length ≈ ratio × source length, with variance `variance` per source character.
/// Inline: the searches ask for it millions of times on long documents (it led their profile from another unit).
struct LengthModel {
  double ratio = 1.0;
  double variance = 6.8;
  /// The standardised difference of a bead's lengths. Spread measured on the mean of both lengths in source units,
  /// so a bead is judged the same in both directions.
  double delta(double src_len, double tgt_len) const {
    double mean = (src_len + tgt_len / ratio) / 2.0;
    if (mean <= 0) return 0.0;
    return (tgt_len - ratio * src_len) / std::sqrt(variance * ratio * mean);
  }
  /// -log of the two-sided tail probability of delta: 0 for a perfect fit, about delta²/2 far out. erfc and log are
  /// read from a table with linear interpolation (accurate to about 1e-5 over the range that matters).
  double cost(double src_len, double tgt_len) const {
    static const double* const table = tail_table();
    double d = std::fabs(delta(src_len, tgt_len));
    double x = d * (1.0 / kTailStep);
    if (x >= kTailSize - 1) return tail_cost(d);
    int k = static_cast<int>(x);
    double f = x - k;
    return table[k] + f * (table[k + 1] - table[k]);
  }

 private:
  static constexpr double kTailStep = 1.0 / 64;
  static constexpr int kTailSize = 64 * 30 + 2;
  static double tail_cost(double d);
  static const double* tail_table();
};

/// Weights and per-document parameters of the combined cost.
struct ScoreParams {
  LengthModel length;
  std::vector<double> shape_cost;  ///< -log prior of each shape (index as in the search's shapes)
  double length_weight = 1.0;
  double anchor_weight = 2.0;
  double lexical_weight = 1.0;
  double omission_cost = 0.0;  ///< added to 1-0 and 0-1 beads on top of their shape prior
  double dilution = 2.0;       ///< lexical gain a sentence gives up per log(number of candidate partners) in a bead
  double punctuation_weight = 0.0;  ///< weight of end_cost (0 until the first pass has estimated it)
  /// -log association of the end punctuation of a bead's last source and last target sentence,
  /// [src_class * kEndClasses + tgt_class]: learned per document from the first pass (see SentenceAligner::align).
  std::vector<double> end_cost;
  /// Cost of a bead whose last sentence on one side is a lead-in while the other side's last sentence ends in a full
  /// stop, question or exclamation mark: the lead-in announces what follows, so it belongs to the next bead.
  double lead_in_cost = 0.0;
  double clause_weight = 0.0;  ///< weight of clause_cost (0 until the first pass has estimated it)
  /// -log P(d | shape) / P(commonest d | shape), d = the bead's target clauses less its source clauses (sentences plus
  /// clause marks inside them), clipped to -2..2, at [shape * 5 + d + 2]: learned per document from the first pass.
  std::vector<double> clause_cost;
  /// The clause difference of a bead, clipped, plus 2 (0..4): its place in a shape's row of clause_cost.
  static int clause_index(int src_clauses, int tgt_clauses) { return std::clamp(tgt_clauses - src_clauses, -2, 2) + 2; }
};

/// The evidence a bead gathers, before weighting.
struct BeadEvidence {
  double length_cost = 0.0;
  double anchors = 0.0;          ///< anchors on both sides
  double anchors_matched = 0.0;  ///< anchors found on the other side (counted on both sides)
  double words = 0.0;            ///< lexical tokens on both sides
  double lexical_gain = 0.0;     ///< coverage of each side's words by the other's translations, beyond chance
  double delta = 0.0;
};

class BeadScorer {
 public:
  /// Precomputes the sentence-pair evidence for the band's cells (and `max_side` around them). `table` may be null
  /// (no lexicon yet). Keeps references to `src`, `tgt`, `shapes` and `params`: they must outlive the scorer.
  BeadScorer(const SideFeatures& src, const SideFeatures& tgt, const Band& band, const std::vector<Shape>& shapes,
             const ScoreParams& params, const Lexicon::Impl* table);

  /// The cost of a bead of shape `shape` starting after i source and j target sentences.
  double cost(std::size_t i, std::size_t j, int shape) const;
  /// The evidence of that bead; `with_delta` false skips the standardised length difference (only confidence needs
  /// it, and its square root is costly in the search).
  BeadEvidence evidence(std::size_t i, std::size_t j, int shape, bool with_delta = true) const;

 private:
  struct Pair {
    float gain_src = 0;         ///< source words the target sentence translates, less what an unrelated sentence would
    float gain_tgt = 0;         ///< the same for the target sentence's words
    std::uint16_t anchors = 0;  ///< anchors shared (multiset intersection)
  };
  const Pair* pair(std::size_t i, std::size_t j) const {
    if (i >= pair_lo_.size() || j < pair_lo_[i] || j > pair_hi_[i]) return nullptr;
    return &pairs_[pair_start_[i] + (j - pair_lo_[i])];
  }

  const SideFeatures& src_;
  const SideFeatures& tgt_;
  const std::vector<Shape>& shapes_;
  const ScoreParams& params_;
  std::vector<std::size_t> pair_lo_, pair_hi_, pair_start_;
  std::vector<Pair> pairs_;
  std::vector<double> dilution_;  ///< per shape: params.dilution × (a·log b + b·log a)
  bool has_lexicon_ = false;
};

}  // namespace paralign::align
