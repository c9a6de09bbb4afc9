// Speed of the segment stage on generated UN-style paragraphs: sentences/s and MB/s for split(), tokenize(), and
// ICU's word BreakIterator for comparison (why tokenize() scans the Word_Break property itself).
//
//   build/bench/segment_bench                       # all
//   build/bench/segment_bench --benchmark_filter=Split
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "paralign/segment.hpp"

namespace {

// Sentence templates per language; "#" is replaced by a number. Each exercises a rule of the splitter.
const std::vector<std::string>& templates(const std::string& lang) {
  static const std::vector<std::string> en = {
      "The Committee considered the report of the Secretary-General (A/#/181) at its # meeting.",
      "In accordance with para. # of resolution #/1, Mr. J. Smith introduced the item on behalf of the Bureau.",
      "The Council reaffirmed its resolution S/RES/# (2001) and called upon all States to implement it fully.",
      "Growth reached #.5 per cent in 2004, e.g. in the least developed countries, but fell to #.2 per cent later.",
      "The Assembly requested the Secretary-General: (a) to submit a report; (b) to consult Member States; and (c) "
      "to keep the matter under review.",
      "See Official Records of the General Assembly, Supplement No. # (A/#/36), chap. IV, sect. B.",
      "Was the target of # per cent met by the end of the biennium?",
      "Costs covered travel, rent, communications, etc. and were reimbursed within # days."};
  static const std::vector<std::string> zh = {
      "委员会在第#次会议上审议了秘书长的报告（A/#/181）。",
      "根据第#/1号决议第#段，史密斯先生代表主席团介绍了该项目。",
      "安全理事会重申第#(2001)号决议，并吁请所有国家全面执行该决议。",
      "大会请秘书长：(a) 提交一份报告；(b) 与会员国协商；(c) 继续审议这一问题。",
      "2004年增长率达到#.5%，特别是在最不发达国家，但其后降至#.2%。",
      "秘书长指出：“必须在#年之前加强合作。”",
      "两年期结束时是否实现了#%的目标？"};
  static const std::vector<std::string> ru = {
      "Комитет рассмотрел доклад Генерального секретаря (A/#/181) на своем #-м заседании.",
      "В соответствии с п. # резолюции #/1 г-н А. Петров представил этот пункт от имени Бюро.",
      "Совет Безопасности подтвердил свою резолюцию # (2001) и призвал все государства выполнить ее.",
      "Ассамблея просит Генерального секретаря: а) представить доклад; б) провести консультации; в) продолжать "
      "рассмотрение вопроса.",
      "Рост составил #,5 процента в 2004 г., т.е. в наименее развитых странах, но затем снизился.",
      "Расходы включали поездки, аренду и т.д. Взносы составили # млн. долл. США."};
  static const std::vector<std::string> ar = {
      "نظرت اللجنة في تقرير الأمين العام (A/#/181) في جلستها #.",
      "وتطلب الجمعية إلى الأمين العام ما يلي: (أ) أن يقدم تقريرا؛ (ب) أن يتشاور مع الدول الأعضاء.",
      "اعتمد مجلس الأمن القرار # (2001) وأهاب بجميع الدول أن تنفذه تنفيذا كاملا.",
      "هل تحقق الهدف البالغ # في المائة بنهاية فترة السنتين؟", "انظر ص. # من التقرير للاطلاع على الأرقام المؤقتة."};
  if (lang == "zh") return zh;
  if (lang == "ru") return ru;
  if (lang == "ar") return ar;
  return en;
}

// Paragraphs of 3 to 7 sentences, about `bytes` in all; deterministic.
std::vector<std::string> make_paragraphs(const std::string& lang, std::size_t bytes) {
  const auto& t = templates(lang);
  std::vector<std::string> paragraphs;
  std::uint32_t state = 12345;
  auto rnd = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  std::size_t total = 0;
  while (total < bytes) {
    std::string p;
    const std::uint32_t n = 3 + rnd() % 5;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (!p.empty() && lang != "zh") p += ' ';
      for (char c : t[rnd() % t.size()]) {
        if (c == '#') {
          p += std::to_string(1 + rnd() % 200);
        } else {
          p += c;
        }
      }
    }
    total += p.size();
    paragraphs.push_back(std::move(p));
  }
  return paragraphs;
}

const std::vector<std::string>& corpus(const std::string& lang) {
  static std::vector<std::pair<std::string, std::vector<std::string>>> cache;
  for (auto& [l, c] : cache) {
    if (l == lang) return c;
  }
  cache.emplace_back(lang, make_paragraphs(lang, std::size_t{2} << 20));
  return cache.back().second;
}

const char* kLangs[] = {"en", "zh", "ru", "ar"};

void BM_Split(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  paralign::SegmentOptions opts;
  opts.language = lang;
  auto seg = paralign::Segmenter::create(opts);
  if (!seg) {
    state.SkipWithError(seg.status().to_string().c_str());
    return;
  }
  const auto& paragraphs = corpus(lang);
  std::size_t bytes = 0, sentences = 0;
  for (auto _ : state) {
    for (const auto& p : paragraphs) {
      auto spans = seg->split(p);
      sentences += spans.size();
      bytes += p.size();
      benchmark::DoNotOptimize(spans.data());
    }
  }
  state.SetLabel(lang);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Split)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  const auto& paragraphs = corpus(lang);
  std::size_t bytes = 0, tokens = 0;
  for (auto _ : state) {
    for (const auto& p : paragraphs) {
      auto toks = paralign::tokenize(p, lang);
      tokens += toks.size();
      bytes += p.size();
      benchmark::DoNotOptimize(toks.data());
    }
  }
  state.SetLabel(lang);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// What the aligner does: split each paragraph, tokenize each sentence.
void BM_SplitAndTokenize(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  paralign::SegmentOptions opts;
  opts.language = lang;
  auto seg = paralign::Segmenter::create(opts);
  if (!seg) {
    state.SkipWithError(seg.status().to_string().c_str());
    return;
  }
  const auto& paragraphs = corpus(lang);
  std::size_t bytes = 0, sentences = 0;
  for (auto _ : state) {
    for (const auto& p : paragraphs) {
      for (const auto& s : seg->split(p)) {
        auto toks = paralign::tokenize(std::string_view(p).substr(s.offset, s.length), lang);
        benchmark::DoNotOptimize(toks.data());
        ++sentences;
      }
      bytes += p.size();
    }
  }
  state.SetLabel(lang);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitAndTokenize)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// For comparison only: ICU's word BreakIterator over the same text (UTF-16 conversion included, no folding).
void BM_IcuWordBreakIterator(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  const auto& paragraphs = corpus(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale(lang.c_str()), status));
  std::size_t bytes = 0, words = 0;
  for (auto _ : state) {
    for (const auto& p : paragraphs) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p);
      it->setText(u);
      for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
        if (it->getRuleStatus() != UBRK_WORD_NONE) ++words;
      }
      bytes += p.size();
    }
  }
  state.SetLabel(lang);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IcuWordBreakIterator)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
