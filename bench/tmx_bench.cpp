// Speed of the TMX writer and reader on a memory of UN-style N-way units (zh-CN, en-GB, ru-RU, ar), and of validate.
// Run: build/bench/tmx_bench   (items/s = units per second; bytes/s = file bytes per second)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "paralign/tmx.hpp"

namespace {

paralign::TranslationUnit sample_unit(int i) {
  paralign::TranslationUnit u;
  u.tuid = "A/59/181:p" + std::to_string(i) + ":s1";
  u.props = {{"x-symbol", "A/59/181"}, {"x-paragraph", std::to_string(i)}, {"x-confidence", "0.93"}};
  u.variants = {
      {"zh-CN", "报告还概述了联合国和各国执行第 58/241 号决议的情况，包括与会员国、有关区域和次区域组织进行广泛协商的成果。"},
      {"en-GB", "The report also outlines the implementation of resolution 58/241 by the United Nations and States, "
                "including the outcome of broad consultations with Member States and regional organizations."},
      {"ru-RU", "В докладе также излагается ход осуществления резолюции 58/241 Организацией Объединенных Наций и "
                "государствами, включая итоги широких консультаций с государствами-членами."},
      {"ar", "ويوجز التقرير أيضا تنفيذ الأمم المتحدة والدول للقرار 58/241، بما في ذلك نتائج المشاورات الواسعة مع الدول الأعضاء."}};
  return u;
}

std::string bench_file(int units) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("paralign-tmx-bench-" + std::to_string(units) + ".tmx")).string();
  paralign::TmxHeader h;
  h.srclang = "zh-CN";
  h.creationdate = "20261126T050000Z";
  auto w = paralign::TmxWriter::open(path, h);
  for (int i = 0; i < units; ++i) (void)(*w)->add(sample_unit(i));
  (void)(*w)->finish();
  return path;
}

void BM_Write(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  const std::string path = (std::filesystem::temp_directory_path() / "paralign-tmx-bench-write.tmx").string();
  paralign::TmxHeader h;
  h.srclang = "zh-CN";
  h.creationdate = "20261126T050000Z";
  const auto unit = sample_unit(1);
  for (auto _ : state) {
    auto w = paralign::TmxWriter::open(path, h);
    for (int i = 0; i < units; ++i) {
      if (!(*w)->add(unit).ok()) state.SkipWithError("add failed");
    }
    if (!(*w)->finish().ok()) state.SkipWithError("finish failed");
  }
  state.SetItemsProcessed(state.iterations() * units);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(std::filesystem::file_size(path)));
  std::remove(path.c_str());
}
BENCHMARK(BM_Write)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_Read(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  const std::string path = bench_file(units);
  for (auto _ : state) {
    auto r = paralign::TmxReader::open(path);
    paralign::TranslationUnit u;
    std::size_t n = 0;
    while (true) {
      auto more = (*r)->next(u);
      if (!more || !*more) break;
      ++n;
    }
    if (n != static_cast<std::size_t>(units)) state.SkipWithError("wrong unit count");
  }
  state.SetItemsProcessed(state.iterations() * units);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(std::filesystem::file_size(path)));
  std::remove(path.c_str());
}
BENCHMARK(BM_Read)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_Validate(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  const std::string path = bench_file(units);
  for (auto _ : state) {
    auto v = paralign::validate_tmx(path);
    if (!v || !v->valid()) state.SkipWithError("not valid");
  }
  state.SetItemsProcessed(state.iterations() * units);
  std::remove(path.c_str());
}
BENCHMARK(BM_Validate)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
