#include <algorithm>

#include "align/lexicon_impl.hpp"

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
std::size_t Lexicon::bead_count() const { return static_cast<std::size_t>(impl_->beads); }

double Lexicon::association(std::string_view src_token, std::string_view tgt_token) const {
  std::uint32_t s = impl_->src.find(src_token), t = impl_->tgt.find(tgt_token);
  if (s == align::Vocabulary::kNone || t == align::Vocabulary::kNone) return 0.0;
  return impl_->dice(s, t);
}

}  // namespace paralign
