// Sentence aligner speed: one iteration aligns 1,000 Chinese sentences with 1,000 English ones (UN-style sentences
// written for this benchmark, with varying numbers), so the time per iteration is the time per 1,000 sentence pairs.
// Bytes processed are both sides' UTF-8 bytes, for comparison with the pipeline's MB/s target. A second benchmark
// aligns a Hansard record from ../shared/corpora when it is there.
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "paralign/sentence_align.hpp"

namespace {

const std::pair<const char*, const char*> kPairs[] = {
    {"委员会于{}年审议了第{}项议程。", "In {}, the Committee considered agenda item {}."},
    {"秘书长提交了关于小武器和轻武器的第{}号报告，其中载有{}个会员国提供的资料。",
     "The Secretary-General submitted report No. {}, which contains information from {} Member States."},
    {"许多代表团欢迎这项倡议。", "Many delegations welcomed the initiative."},
    {"会员国应当加强国际合作，打击非法贸易。",
     "Member States should strengthen international cooperation to combat the illicit trade."},
    {"安全理事会于{}年通过了第{}号决议。", "In {}, the Security Council adopted resolution {}."},
    {"大会决定将该项目列入第{}届会议临时议程。",
     "The General Assembly decided to include the item in the provisional agenda of its {} session."},
    {"共有{}个国家作了发言，{}个国家提交了书面意见。",
     "In all, {} States made statements and {} submitted written comments."},
    {"工作组将于明年再次开会。", "The working group will meet again next year."},
};

std::string fill(std::string s, std::mt19937& rng) {
  for (auto p = s.find("{}"); p != std::string::npos; p = s.find("{}")) s.replace(p, 2, std::to_string(rng() % 5000));
  return s;
}

void make_input(std::size_t n, std::vector<std::string>& zh, std::vector<std::string>& en) {
  std::mt19937 rng(42);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& [z, e] = kPairs[rng() % std::size(kPairs)];
    std::mt19937 same(static_cast<unsigned>(k));  // the same numbers on both sides
    zh.push_back(fill(z, same));
    same.seed(static_cast<unsigned>(k));
    en.push_back(fill(e, same));
  }
}

void BM_Align1000Pairs(benchmark::State& state) {
  std::vector<std::string> zh, en;
  make_input(1000, zh, en);
  std::size_t bytes = 0;
  for (const auto& s : zh) bytes += s.size();
  for (const auto& s : en) bytes += s.size();
  auto aligner = paralign::SentenceAligner::create({});
  for (auto _ : state) benchmark::DoNotOptimize(aligner->align(zh, en, "zh", "en"));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_Align1000Pairs)->Unit(benchmark::kMillisecond);

std::vector<std::string> lines(const std::string& path) {
  std::vector<std::string> v;
  std::ifstream in(path);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

void BM_AlignHansardRecord(benchmark::State& state) {
  std::string dir = std::string(PARALIGN_SOURCE_DIR) + "/../shared/corpora/hansard-gold/";
  std::vector<std::string> en = lines(dir + "930422fe.txt"), zh = lines(dir + "930422fc.txt");
  if (en.empty() || zh.empty()) {
    state.SkipWithError("../shared/corpora/hansard-gold is absent");
    return;
  }
  std::size_t bytes = 0;
  for (const auto& s : zh) bytes += s.size();
  for (const auto& s : en) bytes += s.size();
  auto aligner = paralign::SentenceAligner::create({});
  for (auto _ : state) benchmark::DoNotOptimize(aligner->align(en, zh, "en", "zh"));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_AlignHansardRecord)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
