// The whole read → structure → segment → align pipeline on input shaped to expose a quadratic pass (one huge
// paragraph, 100,000 one-character lines, 10,000 footnote markers, a run-on sentence). Each shape runs at several
// sizes and Google Benchmark fits the time against the size: the fitted complexity must come out as O(N) (or O(N log N)),
// and the bytes per second must stay flat from the smallest size to the largest.
//   ./build/bench/pathological_bench --benchmark_counters_tabular=true
//   ./build/bench/pathological_bench --benchmark_filter=HugeParagraph
#include <benchmark/benchmark.h>

#include <string>

#include "paralign/align.hpp"
#include "paralign/structure.hpp"

namespace {

struct Pair {
  std::string zh;
  std::string en;
};

// One numbered paragraph of `sentences` sentences on each side: the sentence aligner sees all of them at once.
Pair huge_paragraph(std::size_t sentences) {
  Pair p{"1. ", "1. "};
  for (std::size_t i = 0; i < sentences; ++i) {
    p.zh += "会员国第 " + std::to_string(i) + " 次报告了执行《行动纲领》的情况。";
    p.en += "Member States reported for the " + std::to_string(i) + " time on the implementation of the Programme. ";
  }
  p.zh += "\n";
  p.en += "\n";
  return p;
}

// `lines` lines of one character each (a text extracted badly, one glyph per line).
Pair one_character_lines(std::size_t lines) {
  Pair p;
  const char* zh[] = {"水", "资", "源", "。"};
  const char* en[] = {"w", "a", "t", "."};
  for (std::size_t i = 0; i < lines; ++i) {
    p.zh += zh[i % 4];
    p.zh += '\n';
    p.en += en[i % 4];
    p.en += '\n';
  }
  return p;
}

// One paragraph with `markers` footnote markers glued to words, and the footnotes themselves under 注/Notes.
Pair footnote_markers(std::size_t markers) {
  Pair p{"1. ", "1. "};
  for (std::size_t i = 1; i <= markers; ++i) {
    p.zh += "见报告" + std::to_string(i) + "。";
    p.en += "See the report." + std::to_string(i) + " ";
  }
  p.zh += "\n\n注\n";
  p.en += "\n\nNotes\n";
  for (std::size_t i = 1; i <= markers; ++i) {
    p.zh += std::to_string(i) + " A/59/" + std::to_string(i) + "。\n";
    p.en += std::to_string(i) + " A/59/" + std::to_string(i) + ".\n";
  }
  return p;
}

// One paragraph whose English half lost its full stops (a flattened table, a damaged extraction): `sentences`
// Chinese sentences against half as many English ones and then a single run-on sentence. The path leaves the
// diagonal by thousands of sentences, which is what widens the sentence aligner's band.
Pair run_on_sentence(std::size_t sentences) {
  Pair p{"1. ", "1. "};
  for (std::size_t i = 1; i <= sentences; ++i) {
    p.zh += "见报告第 " + std::to_string(i) + " 段。";
    p.en += i < sentences / 2 ? "See the report, paragraph " + std::to_string(i) + ". "
                              : "see the report paragraph " + std::to_string(i) + " ";
  }
  p.zh += "\n";
  p.en += ".\n";
  return p;
}

void run(benchmark::State& state, const Pair& pair) {
  paralign::StructureOptions zo;
  zo.language = "zh";
  paralign::StructureOptions eo;
  eo.language = "en";
  paralign::PipelineOptions options;
  for (auto _ : state) {
    auto zh = paralign::build_structure(pair.zh, zo);
    auto en = paralign::build_structure(pair.en, eo);
    if (!zh || !en) {
      state.SkipWithError("structure failed");
      break;
    }
    auto m = paralign::align_versions(*zh, {*en}, options);
    if (!m) {
      state.SkipWithError(m.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(m->units.data());
  }
  const auto bytes = static_cast<int64_t>(pair.zh.size() + pair.en.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.SetComplexityN(bytes);
}

void BM_HugeParagraph(benchmark::State& state) { run(state, huge_paragraph(static_cast<std::size_t>(state.range(0)))); }
void BM_OneCharacterLines(benchmark::State& state) {
  run(state, one_character_lines(static_cast<std::size_t>(state.range(0))));
}
void BM_FootnoteMarkers(benchmark::State& state) {
  run(state, footnote_markers(static_cast<std::size_t>(state.range(0))));
}

void BM_RunOnSentence(benchmark::State& state) {
  run(state, run_on_sentence(static_cast<std::size_t>(state.range(0))));
}

BENCHMARK(BM_HugeParagraph)->RangeMultiplier(4)->Range(1 << 8, 1 << 14)->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_OneCharacterLines)->RangeMultiplier(10)->Range(1000, 100000)->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_FootnoteMarkers)->RangeMultiplier(10)->Range(10, 10000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_RunOnSentence)->RangeMultiplier(4)->Range(256, 16384)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace

BENCHMARK_MAIN();
