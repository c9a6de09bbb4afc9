// Structure-stage speed on the shapes that would expose a quadratic pass: one very long line (1, 8, 50 MB), many
// short lines of one paragraph (10,000 to 100,000 lines), and the seed report repeated (its paragraphs renumbered
// 1..N). Bytes per second should stay flat as the size grows.
//   ./build/bench/structure_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "paralign/structure.hpp"

namespace {

std::string one_line_of(std::size_t megabytes) {
  const std::string unit = "联合国大会第 58/241 号决议决定设立一个不限成员名额工作组，开会三次。Declaration8 and 2001-2010,2 ";
  std::string text = "1. ";
  text.reserve((megabytes << 20) + unit.size());
  while (text.size() < (megabytes << 20)) text += unit;
  return text;
}

std::string short_lines(std::size_t count) {
  std::string text = "1. ";
  for (std::size_t i = 0; i < count; ++i) text += "在这方面加强合作\n";
  return text;
}

std::string numbered_paragraphs(std::size_t count) {
  std::string text;
  for (std::size_t i = 1; i <= count; ++i) {
    text += std::to_string(i) + ". 裁军事务部根据大会第 58/241 号决议第 13 段，继续对比和分发会员国自愿提供的\n";
    text += "有关《行动纲领》执行情况的数据和信息，包括国家报告。\n";
    if (i % 7 == 0) text += "\n A/59/181\n\n " + std::to_string(i / 7) + "\n\n";
  }
  return text;
}

void run(benchmark::State& state, const std::string& text) {
  paralign::StructureOptions opts;
  for (auto _ : state) {
    auto d = paralign::build_structure(text, opts);
    if (!d) state.SkipWithError(d.status().to_string().c_str());
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_OneLine(benchmark::State& state) { run(state, one_line_of(static_cast<std::size_t>(state.range(0)))); }
void BM_ShortLines(benchmark::State& state) { run(state, short_lines(static_cast<std::size_t>(state.range(0)))); }
void BM_NumberedParagraphs(benchmark::State& state) {
  run(state, numbered_paragraphs(static_cast<std::size_t>(state.range(0))));
}
void BM_Seed(benchmark::State& state) {
  std::ifstream in(std::string(PARALIGN_SOURCE_DIR) + "/corpora/A_59_181.zh.txt", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  run(state, ss.str());
}

BENCHMARK(BM_OneLine)->Arg(1)->Arg(8)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShortLines)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NumberedParagraphs)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Seed)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
