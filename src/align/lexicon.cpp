#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "align/lexicon_impl.hpp"
#include "util/atomic_file.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace align {

namespace {
std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<std::size_t>(key) & mask;
}
}  // namespace

void PairCounts::grow() {
  std::vector<std::uint64_t> keys = std::move(keys_);
  std::vector<float> values = std::move(values_);
  std::size_t cap = keys.empty() ? 1024 : keys.size() * 2;
  keys_.assign(cap, kEmpty);
  values_.assign(cap, 0.0f);
  size_ = 0;
  for (std::size_t k = 0; k < keys.size(); ++k)
    if (keys[k] != kEmpty) add(keys[k], values[k]);
}

void PairCounts::add(std::uint64_t key, float v) {
  if ((size_ + 1) * 10 > keys_.size() * 7) grow();
  std::size_t mask = keys_.size() - 1;
  for (std::size_t s = slot_of(key, mask);; s = (s + 1) & mask) {
    if (keys_[s] == key) {
      values_[s] += v;
      return;
    }
    if (keys_[s] == kEmpty) {
      keys_[s] = key;
      values_[s] = v;
      ++size_;
      return;
    }
  }
}

float PairCounts::get(std::uint64_t key) const {
  if (keys_.empty()) return 0.0f;
  std::size_t mask = keys_.size() - 1;
  for (std::size_t s = slot_of(key, mask);; s = (s + 1) & mask) {
    if (keys_[s] == key) return values_[s];
    if (keys_[s] == kEmpty) return 0.0f;
  }
}

void PairCounts::prune(float min) {
  std::vector<std::uint64_t> keys = std::move(keys_);
  std::vector<float> values = std::move(values_);
  keys_.clear();
  values_.clear();
  size_ = 0;
  for (std::size_t k = 0; k < keys.size(); ++k)
    if (keys[k] != kEmpty && values[k] >= min) add(keys[k], values[k]);
}

}  // namespace align

std::uint32_t Lexicon::Impl::src_id(std::string_view s) {
  std::uint32_t id = src.id(s);
  if (id >= src_count.size()) src_count.resize(id + 1, 0.0f);
  return id;
}

std::uint32_t Lexicon::Impl::tgt_id(std::string_view s) {
  std::uint32_t id = tgt.id(s);
  if (id >= tgt_count.size()) tgt_count.resize(id + 1, 0.0f);
  return id;
}

void Lexicon::Impl::add_beads(std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>>& list) {
  for (auto& [s, t] : list) {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    beads += 1;
    for (auto x : s) src_count[x] += 1;
    for (auto y : t) tgt_count[y] += 1;
  }
  float stop = beads < 40 ? static_cast<float>(beads) + 1 : static_cast<float>(beads * 0.25);
  for (auto& [s, t] : list) {
    for (auto x : s) {
      if (src_count[x] > stop) continue;
      for (auto y : t) {
        if (tgt_count[y] > stop) continue;
        pairs.add((static_cast<std::uint64_t>(x) << 32) | y, 1.0f);
      }
    }
  }
  bound_pairs();
}

void Lexicon::Impl::bound_pairs() {
  for (float min = 2.0f; pairs.size() > kMaxPairs; min *= 2.0f) pairs.prune(min);
}

double Lexicon::Impl::dice(std::uint32_t s, std::uint32_t t) const {
  if (s >= src_count.size() || t >= tgt_count.size()) return 0.0;
  double c = pairs.get((static_cast<std::uint64_t>(s) << 32) | t);
  if (c <= 0) return 0.0;
  return 2.0 * c / (src_count[s] + tgt_count[t]);
}

void Lexicon::Impl::build_table() {
  constexpr std::size_t kKeep = 6;   // translations kept per token
  constexpr float kMinCount = 2.0f;  // a pair seen once is chance
  constexpr float kMinDice = 0.12f;
  src_to_tgt.assign(src.size(), {});
  tgt_to_src.assign(tgt.size(), {});
  pairs.for_each([&](std::uint64_t key, float c) {
    if (c < kMinCount) return;
    auto s = static_cast<std::uint32_t>(key >> 32);
    auto t = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    float d = 2.0f * c / (src_count[s] + tgt_count[t]);
    if (d < kMinDice) return;
    src_to_tgt[s].push_back({t, d});
    tgt_to_src[t].push_back({s, d});
  });
  auto trim = [](std::vector<align::Translation>& v) {
    std::sort(v.begin(), v.end(),
              [](const auto& a, const auto& b) { return a.score > b.score || (a.score == b.score && a.id < b.id); });
    if (v.size() > kKeep) v.resize(kKeep);
    v.shrink_to_fit();
  };
  for (auto& v : src_to_tgt) trim(v);
  for (auto& v : tgt_to_src) trim(v);
  table_beads = beads;
}

void Lexicon::Impl::refresh_table() {
  if (beads == 0) return;
  if (table_beads == 0 || beads >= table_beads * 1.25 || src_to_tgt.size() < src.size() ||
      tgt_to_src.size() < tgt.size())
    build_table();
}

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::Lexicon(const Lexicon& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
Lexicon& Lexicon::operator=(const Lexicon& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}

std::size_t Lexicon::size() const { return impl_->pairs.size(); }
std::string Lexicon::source_language() const { return impl_->src_lang; }
std::string Lexicon::target_language() const { return impl_->tgt_lang; }

Status Lexicon::merge(const Lexicon& other) {
  const Impl& o = *other.impl_;
  Impl& m = *impl_;
  if (o.beads == 0 && o.src.size() == 0 && o.tgt.size() == 0) return {};
  bool turned = false;
  if (m.src_lang.empty() && m.tgt_lang.empty() && m.beads == 0) {
    m.src_lang = o.src_lang;
    m.tgt_lang = o.tgt_lang;
  } else if (m.src_lang == o.tgt_lang && m.tgt_lang == o.src_lang && m.src_lang != m.tgt_lang) {
    turned = true;
  } else if (m.src_lang != o.src_lang || m.tgt_lang != o.tgt_lang) {
    return Status(ErrorCode::kInvalidArgument, fmt::format("cannot merge a {}-{} lexicon into a {}-{} one", o.src_lang,
                                                           o.tgt_lang, m.src_lang, m.tgt_lang));
  }
  // Ids of the other's tokens here (its source side is our target side when it was learned the other way round).
  const align::Vocabulary& os = turned ? o.tgt : o.src;
  const align::Vocabulary& ot = turned ? o.src : o.tgt;
  const std::vector<float>& osc = turned ? o.tgt_count : o.src_count;
  const std::vector<float>& otc = turned ? o.src_count : o.tgt_count;
  std::vector<std::uint32_t> smap(os.size()), tmap(ot.size());
  for (std::uint32_t k = 0; k < os.size(); ++k) {
    smap[k] = m.src_id(os.name(k));
    m.src_count[smap[k]] += k < osc.size() ? osc[k] : 0.0f;
  }
  for (std::uint32_t k = 0; k < ot.size(); ++k) {
    tmap[k] = m.tgt_id(ot.name(k));
    m.tgt_count[tmap[k]] += k < otc.size() ? otc[k] : 0.0f;
  }
  o.pairs.for_each([&](std::uint64_t key, float c) {
    auto a = static_cast<std::uint32_t>(key >> 32), b = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    std::uint32_t x = turned ? smap[b] : smap[a], y = turned ? tmap[a] : tmap[b];
    m.pairs.add((static_cast<std::uint64_t>(x) << 32) | y, c);
  });
  m.beads += o.beads;
  m.bound_pairs();
  m.table_beads = 0;  // rebuilt before the next use
  return {};
}

std::string lexicon_key(std::string_view src_lang, std::string_view tgt_lang) {
  return fmt::format("{}-{}", src_lang, tgt_lang);
}

namespace {

// Counts are whole numbers of beads, kept in floats: written without a fraction.
std::string count_text(float c) { return fmt::format("{}", static_cast<long long>(std::llround(c))); }

bool writable_token(const std::string& t) {
  return !t.empty() && t.find('\t') == std::string::npos && t.find('\n') == std::string::npos &&
         t.find('\r') == std::string::npos;
}

}  // namespace

std::string lexicons_text(const LexiconSet& set) {
  std::string out = "# paralign lexicon: word pairs the sentence aligner learned (docs/align.md)\n";
  for (const auto& [key, lexicon] : set) {
    const Lexicon::Impl& x = *lexicon.impl_;
    if (x.src_lang.empty() || x.tgt_lang.empty()) continue;
    out += fmt::format("lexicon\t{}\t{}\t{}\n", x.src_lang, x.tgt_lang, count_text(static_cast<float>(x.beads)));
    // Pairs first: a token a written pair names is written too, whatever its count.
    std::vector<std::pair<std::pair<std::string_view, std::string_view>, float>> pairs;
    std::vector<char> src_used(x.src.size(), 0), tgt_used(x.tgt.size(), 0);
    x.pairs.for_each([&](std::uint64_t k, float c) {
      if (c < 2.0f) return;
      const auto a = static_cast<std::uint32_t>(k >> 32), b = static_cast<std::uint32_t>(k & 0xFFFFFFFFu);
      if (!writable_token(x.src.name(a)) || !writable_token(x.tgt.name(b))) return;
      pairs.push_back({{x.src.name(a), x.tgt.name(b)}, c});
      src_used[a] = tgt_used[b] = 1;
    });
    std::sort(pairs.begin(), pairs.end());
    auto side = [&](const align::Vocabulary& v, const std::vector<float>& counts, const std::vector<char>& used,
                    char tag) {
      std::vector<std::uint32_t> ids;
      for (std::uint32_t k = 0; k < v.size(); ++k) {
        const float c = k < counts.size() ? counts[k] : 0.0f;
        if ((c > 0 || used[k]) && writable_token(v.name(k))) ids.push_back(k);
      }
      std::sort(ids.begin(), ids.end(), [&](auto a, auto b) { return v.name(a) < v.name(b); });
      for (auto k : ids)
        out += fmt::format("{}\t{}\t{}\n", tag, v.name(k), count_text(k < counts.size() ? counts[k] : 0.0f));
    };
    side(x.src, x.src_count, src_used, 's');
    side(x.tgt, x.tgt_count, tgt_used, 't');
    for (const auto& [p, c] : pairs) out += fmt::format("p\t{}\t{}\t{}\n", p.first, p.second, count_text(c));
  }
  return out;
}

Status save_lexicons(const LexiconSet& set, const std::string& path) {
  return write_file_atomically(path, lexicons_text(set));
}

Result<LexiconSet> load_lexicons(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, "cannot open the lexicon", Location{path});
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kIo, "cannot read the lexicon", Location{path});
  return parse_lexicons(text.str(), path);
}

Result<LexiconSet> parse_lexicons(std::string_view text, const std::string& path) {
  std::istringstream in{std::string(text)};
  LexiconSet set;
  Lexicon::Impl* cur = nullptr;
  std::string line;
  std::size_t line_no = 0;
  std::vector<std::string_view> f;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](std::string what) { return Status(ErrorCode::kParse, std::move(what), Location{path, line_no}); };
    if (!utf8::valid(line)) return Status(ErrorCode::kEncoding, "not valid UTF-8", Location{path, line_no});
    f.clear();
    for (std::size_t p = 0;;) {
      std::size_t tab = line.find('\t', p);
      f.push_back(std::string_view(line).substr(p, tab == std::string::npos ? std::string::npos : tab - p));
      if (tab == std::string::npos) break;
      p = tab + 1;
    }
    float count = 0;
    {
      std::string_view c = f.back();
      long long v = -1;
      auto [ptr, ec] = std::from_chars(c.data(), c.data() + c.size(), v);
      if (ec != std::errc() || ptr != c.data() + c.size() || v < 0 || v > (1LL << 40))
        return bad(fmt::format("\"{}\" is not a count", c));
      count = static_cast<float>(v);
    }
    if (f[0] == "lexicon") {
      if (f.size() != 4 || f[1].empty() || f[2].empty()) return bad("expected \"lexicon<TAB>SRC<TAB>TGT<TAB>BEADS\"");
      auto [it, fresh] = set.try_emplace(lexicon_key(f[1], f[2]));
      if (!fresh) return bad(fmt::format("the {} lexicon is given twice", it->first));
      cur = it->second.impl_.get();
      cur->src_lang = std::string(f[1]);
      cur->tgt_lang = std::string(f[2]);
      cur->beads = count;
    } else if (cur == nullptr) {
      return bad("a record before the first \"lexicon\" line");
    } else if ((f[0] == "s" || f[0] == "t") && f.size() == 3 && !f[1].empty()) {
      std::uint32_t id = f[0] == "s" ? cur->src_id(f[1]) : cur->tgt_id(f[1]);
      (f[0] == "s" ? cur->src_count : cur->tgt_count)[id] = count;
    } else if (f[0] == "p" && f.size() == 4) {
      std::uint32_t a = cur->src.find(f[1]), b = cur->tgt.find(f[2]);
      if (a == align::Vocabulary::kNone || b == align::Vocabulary::kNone)
        return bad("a pair whose token is not listed before it");
      cur->pairs.add((static_cast<std::uint64_t>(a) << 32) | b, count);
    } else {
      return bad("expected a lexicon, s, t or p record with its fields");
    }
  }
  for (auto& [key, lexicon] : set) lexicon.impl_->bound_pairs();
  return set;
}
std::size_t Lexicon::bead_count() const { return static_cast<std::size_t>(impl_->beads); }

double Lexicon::association(std::string_view src_token, std::string_view tgt_token) const {
  std::uint32_t s = impl_->src.find(src_token), t = impl_->tgt.find(tgt_token);
  if (s == align::Vocabulary::kNone || t == align::Vocabulary::kNone) return 0.0;
  return impl_->dice(s, t);
}

}  // namespace paralign
