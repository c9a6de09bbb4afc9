// align_eval: aligns one sentence-per-line file pair and scores it against a gold alignment (strict bead match).
//
//   align_eval [--dict FILE] [--no-learn] [--src-lang en] [--tgt-lang zh] [--brackets] [--weight NAME=VALUE]
//              [--beads-out FILE] [--score BEADS] [--unit-merge] [--pieces N] SRC TGT GOLD
//
// GOLD is in the beads text form ("1,2 <=> 3", 1-based) unless --brackets ("[0,1]:[0,1,2]", 0-based). Prints one
// line: sentence counts, seconds, then P/R/F1 with omission beads and without them. With --score, nothing is
// aligned: the beads in BEADS (text form, e.g. written by `paralign align --to beads`) are checked and scored.
// --unit-merge adds the strict figures after merging consecutive beads that lie inside one gold bead (for gold in
// units larger than a sentence, such as the Bible set's verses: see merge_within_gold_units). --pieces N cuts the
// gold into pieces of N beads (report-sized documents) and aligns each alone and with the lexicon carried from the
// pieces before it, as a batch does; it prints each piece's strict F1 both ways and the means.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "align/sentence_eval.hpp"
#include "paralign/sentence_align.hpp"

using paralign::align::AlignmentScore;

int main(int argc, char** argv) {
  paralign::SentenceAlignOptions opts;
  std::string src_lang = "en", tgt_lang = "zh", beads_out, score_file;
  bool brackets = false, unit_merge = false;
  std::size_t pieces = 0;
  std::vector<std::string> files;
  for (int k = 1; k < argc; ++k) {
    std::string a = argv[k];
    auto value = [&]() -> std::string {
      if (k + 1 >= argc) {
        std::fprintf(stderr, "align_eval: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++k];
    };
    if (a == "--dict") {
      opts.dictionary_path = value();
    } else if (a == "--learn") {
      opts.learn_lexicon = true;
    } else if (a == "--no-learn") {
      opts.learn_lexicon = false;
    } else if (a == "--src-lang") {
      src_lang = value();
    } else if (a == "--tgt-lang") {
      tgt_lang = value();
    } else if (a == "--pieces") {
      pieces = std::strtoul(value().c_str(), nullptr, 10);
    } else if (a == "--unit-merge") {
      unit_merge = true;
    } else if (a == "--brackets") {
      brackets = true;
    } else if (a == "--score") {
      score_file = value();
    } else if (a == "--beads-out") {
      beads_out = value();
    } else if (a == "--weight") {
      std::string w = value();
      auto eq = w.find('=');
      std::string name = w.substr(0, eq);
      double v = std::atof(w.c_str() + eq + 1);
      if (name == "length")
        opts.length_weight = v;
      else if (name == "prior")
        opts.prior_weight = v;
      else if (name == "anchor")
        opts.anchor_weight = v;
      else if (name == "lexical")
        opts.lexical_weight = v;
      else if (name == "dilution")
        opts.lexical_dilution = v;
      else if (name == "punct")
        opts.punctuation_weight = v;
      else if (name == "clause")
        opts.clause_weight = v;
      else if (name == "lead")
        opts.lead_in_weight = v;
      else if (name == "band")
        opts.min_band = static_cast<int>(v);
      else if (name == "realign")
        opts.realign_band = static_cast<int>(v);
      else if (name == "side")
        opts.max_bead_side = static_cast<int>(v);
      else {
        std::fprintf(stderr, "align_eval: unknown weight %s\n", name.c_str());
        return 2;
      }
    } else {
      files.push_back(a);
    }
  }
  if (files.size() != 3) {
    std::fprintf(stderr, "usage: align_eval [options] SRC TGT GOLD\n");
    return 2;
  }
  auto src = paralign::align::read_sentence_lines(files[0]);
  auto tgt = paralign::align::read_sentence_lines(files[1]);
  if (!src || !tgt) {
    std::fprintf(stderr, "align_eval: %s\n", (!src ? src.status() : tgt.status()).to_string().c_str());
    return 2;
  }
  std::ifstream gin(files[2], std::ios::binary);
  std::stringstream gs;
  gs << gin.rdbuf();
  auto gold =
      brackets ? paralign::align::parse_bracket_beads(gs.str(), files[2]) : paralign::parse_beads(gs.str(), files[2]);
  if (!gold) {
    std::fprintf(stderr, "align_eval: %s\n", gold.status().to_string().c_str());
    return 2;
  }
  std::vector<paralign::Bead> beads;
  double secs = 0;
  if (!score_file.empty()) {
    std::ifstream bin(score_file, std::ios::binary);
    std::stringstream bs;
    bs << bin.rdbuf();
    auto given = paralign::parse_beads(bs.str(), score_file, src->size(), tgt->size());
    if (!bin || !given) {
      std::fprintf(stderr, "align_eval: %s\n",
                   given ? ("cannot read " + score_file).c_str() : given.status().to_string().c_str());
      return 2;
    }
    beads = std::move(*given);
  } else if (pieces > 0) {
    // Report-sized documents: the gold cut into pieces of `pieces` beads, each aligned alone and then with the
    // lexicon the pieces before it taught (as a batch carries it). Prints one line per piece and the means.
    auto aligner = paralign::SentenceAligner::create(opts);
    if (!aligner) {
      std::fprintf(stderr, "align_eval: %s\n", aligner.status().to_string().c_str());
      return 2;
    }
    // The pieces, their gold re-based to the piece.
    struct Piece {
      std::vector<std::string> src, tgt;
      std::vector<paralign::Bead> gold;
    };
    std::vector<Piece> all;
    for (std::size_t k = 0; k + pieces <= gold->size(); k += pieces) {
      std::vector<paralign::Bead> g(gold->begin() + static_cast<std::ptrdiff_t>(k),
                                    gold->begin() + static_cast<std::ptrdiff_t>(k + pieces));
      const std::size_t s0 = g.front().src_begin, t0 = g.front().tgt_begin;
      const std::size_t s1 = g.back().src_begin + g.back().src_size, t1 = g.back().tgt_begin + g.back().tgt_size;
      for (auto& b : g) {
        b.src_begin = b.src_size ? b.src_begin - s0 : 0;
        b.tgt_begin = b.tgt_size ? b.tgt_begin - t0 : 0;
      }
      std::vector<std::string> ps(src->begin() + static_cast<std::ptrdiff_t>(s0),
                                  src->begin() + static_cast<std::ptrdiff_t>(s1));
      std::vector<std::string> pt(tgt->begin() + static_cast<std::ptrdiff_t>(t0),
                                  tgt->begin() + static_cast<std::ptrdiff_t>(t1));
      all.push_back({std::move(ps), std::move(pt), std::move(g)});
    }
    if (all.empty()) {
      std::fprintf(stderr, "align_eval: fewer than %zu gold beads\n", pieces);
      return 2;
    }
    // Alone; carried from piece to piece; and as `paralign batch --learn-lexicon` does it: every piece learns alone
    // first, the lexicons are merged, and every piece is aligned again starting from that one lexicon.
    paralign::Lexicon carried, pooled;
    std::vector<double> alone(all.size()), chained(all.size()), learned(all.size());
    for (std::size_t k = 0; k < all.size(); ++k) {
      const Piece& p = all[k];
      paralign::Lexicon own;
      alone[k] =
          paralign::align::score_alignment(aligner->align(p.src, p.tgt, src_lang, tgt_lang, &own), p.gold, true).f1();
      (void)pooled.merge(own);
      chained[k] =
          paralign::align::score_alignment(aligner->align(p.src, p.tgt, src_lang, tgt_lang, &carried), p.gold, true)
              .f1();
    }
    for (std::size_t k = 0; k < all.size(); ++k) {
      const Piece& p = all[k];
      paralign::Lexicon start = pooled;
      learned[k] =
          paralign::align::score_alignment(aligner->align(p.src, p.tgt, src_lang, tgt_lang, &start), p.gold, true)
              .f1();
      std::printf("piece %zu (%zu x %zu)  F1 alone %.4f  carried %.4f  learned first %.4f\n", k + 1, p.src.size(),
                  p.tgt.size(), alone[k], chained[k], learned[k]);
    }
    auto mean = [](const std::vector<double>& v) {
      double t = 0;
      for (double x : v) t += x;
      return t / static_cast<double>(v.size());
    };
    std::printf("%zu pieces of %zu gold beads  mean F1 alone %.4f  carried %.4f  learned first %.4f\n", all.size(),
                pieces, mean(alone), mean(chained), mean(learned));
    return 0;
  } else {
    auto aligner = paralign::SentenceAligner::create(opts);
    if (!aligner) {
      std::fprintf(stderr, "align_eval: %s\n", aligner.status().to_string().c_str());
      return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    beads = aligner->align(*src, *tgt, src_lang, tgt_lang);
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  paralign::Status ok = paralign::check_beads(beads, src->size(), tgt->size());
  if (!ok.ok()) {
    std::fprintf(stderr, "align_eval: %s\n", ok.to_string().c_str());
    return 3;
  }
  if (!beads_out.empty()) std::ofstream(beads_out) << paralign::format_beads(beads);
  AlignmentScore with = paralign::align::score_alignment(beads, *gold, true);
  AlignmentScore without = paralign::align::score_alignment(beads, *gold, false);
  std::printf("%zu x %zu sentences  %.3f s  with-omitted P %.4f R %.4f F1 %.4f  without P %.4f R %.4f F1 %.4f",
              src->size(), tgt->size(), secs, with.precision(), with.recall(), with.f1(), without.precision(),
              without.recall(), without.f1());
  if (unit_merge) {
    AlignmentScore merged =
        paralign::align::score_alignment(paralign::align::merge_within_gold_units(beads, *gold), *gold, true);
    std::printf("  unit-merged P %.4f R %.4f F1 %.4f", merged.precision(), merged.recall(), merged.f1());
  }
  std::printf("\n");
  return 0;
}
