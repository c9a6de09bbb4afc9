// Decoding and language detection speed on one long line (the worst case for anything that scans lines), in UTF-8,
// GB18030 and UTF-16LE, at 1, 8 and 50 MB: bytes per second should stay flat as the size grows.
//   ./build/bench/read_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unicode/ucnv.h>

#include <string>

#include "paralign/read.hpp"

namespace {

std::string one_line_of(std::size_t megabytes) {
  const std::string unit = "联合国大会第 58/241 号决议决定设立一个不限成员名额工作组，开会三次。";
  std::string text;
  text.reserve((megabytes << 20) + unit.size());
  while (text.size() < (megabytes << 20)) text += unit;
  return text;
}

std::string encode(const std::string& utf8_text, const char* charset) {
  std::string out(utf8_text.size() * 2 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8_text.data(),
                                 static_cast<int32_t>(utf8_text.size()), &err);
  out.resize(U_SUCCESS(err) ? static_cast<std::size_t>(n) : 0);
  return out;
}

void decode(benchmark::State& state, const char* charset) {
  const std::string text = one_line_of(static_cast<std::size_t>(state.range(0)));
  std::string bytes = charset ? encode(text, charset) : text;
  if (charset && std::string(charset) == "UTF-16LE") bytes.insert(0, "\xFF\xFE");
  for (auto _ : state) {
    auto d = paralign::decode_text(bytes, "bench.txt", {});
    if (!d) state.SkipWithError(d.status().to_string().c_str());
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
}

void BM_DecodeUtf8(benchmark::State& state) { decode(state, nullptr); }
void BM_DecodeGb18030(benchmark::State& state) { decode(state, "GB18030"); }
void BM_DecodeUtf16le(benchmark::State& state) { decode(state, "UTF-16LE"); }

void BM_DetectLanguage(benchmark::State& state) {
  const std::string text = one_line_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(paralign::detect_language(text));
}

BENCHMARK(BM_DecodeUtf8)->Arg(1)->Arg(8)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeGb18030)->Arg(1)->Arg(8)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeUtf16le)->Arg(1)->Arg(8)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectLanguage)->Arg(1)->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
