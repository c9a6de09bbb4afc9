// The batch stage: discovery, grouping, a pool of workers aligning one group each, per-document memories, the merged
// memory streamed in key order, the QA report over it, and the manifest.
#include "paralign/batch.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>

#include <fmt/format.h>
#include <fnmatch.h>

#include "paralign/align.hpp"
#include "paralign/qa.hpp"
#include "paralign/read.hpp"
#include "paralign/report.hpp"
#include "paralign/tmx.hpp"
#include "tmx/aligned_units.hpp"
#include "util/atomic_file.hpp"
#include "util/json.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace fs = std::filesystem;

namespace {

// The extensions the readers know or will know; a file read_document() cannot read is reported, not fatal.
const std::set<std::string> kExtensions = {".txt", ".xml", ".html", ".htm", ".docx", ".odt", ".pdf", ".doc", ".rtf"};

// The order of languages in a memory after the pivot: the six official languages, then any other by code.
int language_rank(const std::string& lang, const std::string& pivot) {
  if (lang == pivot) return -1;
  static const std::vector<std::string> kOrder = {"zh", "en", "fr", "es", "ru", "ar"};
  const auto it = std::find(kOrder.begin(), kOrder.end(), lang);
  return it == kOrder.end() ? 100 : static_cast<int>(it - kOrder.begin());
}

struct FileInfo {
  std::string path;
  std::uint64_t bytes = 0;
  fs::file_time_type mtime;
  NameInfo name;
  std::string symbol;
  std::string symbol_from;
  std::string language;
  std::string key;
  std::string problem;  // set when the file could not be identified
  std::string skip;     // set when the file does not look like a document: why
};

struct Group {
  std::string key;
  std::string symbol;
  std::vector<std::size_t> files;  // indices into the file list, pivot first then by language rank
};

// What happened to one group; filled by the worker that ran it.
struct GroupOutcome {
  std::string status = "interrupted";  // aligned | resumed | unpaired | failed | interrupted
  std::string reason;
  std::string memory;
  std::size_t units = 0;
  std::size_t pairs = 0;
  std::vector<std::string> file_status;  // per file of the group: "" = the group's status
  std::vector<std::string> file_reason;
  std::vector<std::string> used_languages;
};

std::string to_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool inside(const fs::path& p, const fs::path& dir) {
  auto pi = p.begin();
  for (auto di = dir.begin(); di != dir.end(); ++di, ++pi) {
    if (pi == p.end() || *pi != *di) return false;
  }
  return true;
}

bool excluded(const BatchOptions& o, const fs::path& p, const fs::path& root) {
  if (o.exclude.empty()) return false;
  const std::string name = p.filename().string();
  const std::string rel = p.lexically_relative(root).generic_string();
  for (const std::string& glob : o.exclude) {
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0 || fnmatch(glob.c_str(), rel.c_str(), 0) == 0) return true;
  }
  return false;
}

Status discover(const BatchOptions& o, const fs::path& out_dir, std::vector<FileInfo>* files) {
  std::error_code ec;
  const fs::path out_canon = fs::weakly_canonical(out_dir, ec);
  std::vector<std::string> found;
  for (const auto& root : o.roots) {
    const fs::path r(root);
    if (fs::is_regular_file(r, ec)) {
      found.push_back(r.string());
      continue;
    }
    if (!fs::is_directory(r, ec)) {
      return Status(ErrorCode::kNotFound, "no such file or folder", {root});
    }
    fs::recursive_directory_iterator it(r, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Status(ErrorCode::kIo, "cannot list the folder: " + ec.message(), {root});
    for (; it != end; it.increment(ec)) {
      if (ec) return Status(ErrorCode::kIo, "cannot list the folder: " + ec.message(), {it->path().string()});
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      const bool dir = it->is_directory(ec);
      if ((!name.empty() && name[0] == '.') || excluded(o, p, r)) {  // hidden (and the writers' temporary files)
        if (dir) it.disable_recursion_pending();
        continue;
      }
      if (dir) {
        if (inside(fs::weakly_canonical(p, ec), out_canon)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      if (!kExtensions.count(to_lower(p.extension().string()))) continue;
      found.push_back(p.string());
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  files->reserve(found.size());
  for (auto& path : found) {
    FileInfo f;
    f.bytes = fs::file_size(path, ec);
    f.mtime = fs::last_write_time(path, ec);
    f.name = parse_document_name(path);
    f.path = std::move(path);
    files->push_back(std::move(f));
  }
  return {};
}

// Why a plain-text file whose name carries no symbol is not a document, or "" when it may be one: language data
// and lists kept beside the documents (a '#' comment header, tab-separated fields, one short entry per line) would
// otherwise be read, fail to pair and clutter the manifest as unpaired documents. Only the first 64 KB are looked at.
std::string not_a_document(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "";  // the reader will say what is wrong
  std::string head(64 * 1024, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  std::size_t lines = 0, tabbed = 0, short_lines = 0, comments = 0;
  bool first = true, comment_first = false;
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t nl = head.find('\n', pos);
    const bool last = nl == std::string::npos;
    if (last && pos > 0) break;  // a line cut by the 64 KB window says nothing
    std::string_view line = utf8::trim(std::string_view(head).substr(pos, (last ? head.size() : nl) - pos));
    pos = last ? head.size() : nl + 1;
    if (line.empty()) continue;
    if (first) comment_first = line[0] == '#';
    first = false;
    if (line[0] == '#') {
      ++comments;
      continue;
    }
    ++lines;
    if (line.find('\t') != std::string_view::npos) ++tabbed;
    if (line.size() <= 24 && line.find(' ') == std::string_view::npos) ++short_lines;
  }
  if (comment_first && comments >= 1) return "not a document: a data file (it opens with '#' comment lines)";
  if (lines >= 4 && tabbed * 2 >= lines) return "not a document: a table of tab-separated fields";
  if (lines >= 10 && short_lines * 10 >= lines * 9) return "not a document: a list of one short entry per line";
  return "";
}

// Runs fn(i) for i in [0, n) on `threads` threads, stopping early when `stop` is raised.
template <typename Fn>
void parallel_for(std::size_t n, std::size_t threads, const std::atomic<bool>* stop, Fn fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    while (!(stop && stop->load())) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      fn(i);
    }
  };
  threads = std::max<std::size_t>(1, std::min(threads, n));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// Symbol and language for a file whose name does not give both: read it (the document is dropped right after).
void identify(FileInfo& f, std::size_t max_bytes) {
  f.language = f.name.language;
  if (!f.name.symbol.empty()) {
    f.symbol = f.name.symbol;
    f.symbol_from = "name";
  }
  if (!f.symbol.empty() && !f.language.empty()) return;
  // A name in a UN form says "document"; any other plain-text file is looked at before it is read as one.
  if (f.symbol.empty() && to_lower(fs::path(f.path).extension().string()) == ".txt") {
    f.skip = not_a_document(f.path);
    if (!f.skip.empty()) return;
  }
  ReadOptions ro;
  ro.language = f.language;
  ro.max_input_bytes = max_bytes;
  auto doc = read_document(f.path, ro);
  if (!doc) {
    f.problem = doc.status().to_string();
    return;
  }
  if (f.language.empty()) f.language = doc->language;
  if (f.symbol.empty() && !doc->symbol.empty()) {
    f.symbol = doc->symbol;
    f.symbol_from = "text";
  }
}

TmxHeader memory_header(const BatchOptions& o) {
  TmxHeader h;
  h.srclang = o.pivot;
  h.segtype = o.paragraph_level ? "paragraph" : "sentence";
  h.creationdate = o.date;
  return h;
}

// The record beside a memory that says it is complete and what it was made from: written after the memory, so
// its presence means the memory is whole. `failed` lists the files of the group that could not be read (index into
// `inputs`, reason), so that a --resume run lists them as failed again rather than as resumed.
std::string done_record(const std::vector<std::string>& inputs, std::size_t units, std::size_t pairs,
                        const std::vector<std::pair<std::size_t, std::string>>& failed) {
  json::Writer w(false);
  w.begin_object().key("units").value(units).key("pairs").value(pairs).key("failed").begin_array();
  for (const auto& [i, why] : failed) w.begin_array().value(i).value(why).end_array();
  w.end_array().key("inputs").begin_array();
  for (const auto& i : inputs) w.value(i);
  w.end_array().end_object();
  return w.str() + "\n";
}

// Reads a JSON string starting at t[pos] (the opening quote), as json::Writer escapes it; false when malformed.
bool read_json_string(const std::string& t, std::size_t& pos, std::string* out) {
  if (pos >= t.size() || t[pos] != '"') return false;
  ++pos;
  out->clear();
  while (pos < t.size() && t[pos] != '"') {
    char c = t[pos++];
    if (c != '\\') {
      *out += c;
      continue;
    }
    if (pos >= t.size()) return false;
    c = t[pos++];
    switch (c) {
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'u': {
        if (pos + 4 > t.size()) return false;
        utf8::append(*out, static_cast<char32_t>(std::strtoul(t.substr(pos, 4).c_str(), nullptr, 16)));
        pos += 4;
        break;
      }
      default: *out += c;  // \" \\ \/
    }
  }
  if (pos >= t.size()) return false;
  ++pos;
  return true;
}

// Reads back units, pairs and the failed files from a done record when it lists exactly `inputs`; false otherwise
// (a record of an older layout, without "failed", is not trusted: the group is aligned again).
bool read_done_record(const std::string& path, const std::vector<std::string>& inputs, std::size_t* units,
                      std::size_t* pairs, std::vector<std::pair<std::size_t, std::string>>* failed) {
  auto text = read_file(path, 1 << 20);
  if (!text) return false;
  const std::string expect_tail = [&] {
    const std::string rec = done_record(inputs, 0, 0, {});
    return rec.substr(rec.find(",\"inputs\""));
  }();
  const std::string& t = *text;
  if (t.size() < expect_tail.size() || t.compare(t.size() - expect_tail.size(), expect_tail.size(), expect_tail) != 0) {
    return false;
  }
  if (std::sscanf(t.c_str(), "{\"units\":%zu,\"pairs\":%zu", units, pairs) != 2) return false;
  std::size_t pos = t.find(",\"failed\":[");
  if (pos == std::string::npos) return false;
  pos += 11;
  failed->clear();
  while (pos < t.size() && t[pos] == '[') {
    char* end = nullptr;
    const unsigned long i = std::strtoul(t.c_str() + pos + 1, &end, 10);
    pos = static_cast<std::size_t>(end - t.c_str());
    std::string why;
    if (pos >= t.size() || t[pos] != ',' || !read_json_string(t, ++pos, &why)) return false;
    if (pos >= t.size() || t[pos] != ']' || i >= inputs.size()) return false;
    ++pos;
    failed->emplace_back(i, std::move(why));
    if (pos < t.size() && t[pos] == ',') ++pos;
  }
  return pos < t.size() && t[pos] == ']';
}

class Runner {
 public:
  Runner(const BatchOptions& o, const BatchProgressFn& progress, const std::atomic<bool>* stop)
      : o_(o), progress_(progress), stop_(stop), out_(o.output_dir) {}

  Result<BatchSummary> run();

 private:
  void run_group(std::size_t gi);
  void learn_group(std::size_t gi);
  void align_group(const Group& g, GroupOutcome& out, LexiconSet* learned = nullptr);
  Status learn_lexicons(std::size_t threads);
  bool up_to_date(const Group& g, const std::string& memory, GroupOutcome& out) const;
  Status write_merged();
  bool merged_up_to_date(const std::vector<std::string>& memories) const;
  Status write_qa();
  Status write_manifest();
  void report(const Group& g, const std::string& event);

  const BatchOptions& o_;
  const BatchProgressFn& progress_;
  const std::atomic<bool>* stop_;
  fs::path out_;
  std::vector<FileInfo> files_;
  std::vector<Group> groups_;           // this shard's groups, in key order
  std::vector<std::size_t> loose_;      // files in no group of this shard's (unidentified, in this shard)
  std::vector<GroupOutcome> outcomes_;
  BatchSummary summary_;
  std::mutex mu_;
  BatchProgress progress_state_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point phase_start_;  // of the pass the progress counts speak of
  // The learning pass: each group's lexicons wait here until every group before it has been added, so that the sum
  // is made in group order whatever order the threads finish in (the same lexicon for the same collection).
  LexiconSet learned_;
  std::map<std::size_t, LexiconSet> pending_;
  std::size_t next_to_add_ = 0;
  std::condition_variable added_;
  std::shared_ptr<const LexiconSet> start_lexicons_;
};

Result<BatchSummary> Runner::run() {
  if (o_.roots.empty()) return Status(ErrorCode::kInvalidArgument, "batch needs at least one folder or file");
  if (o_.output_dir.empty()) return Status(ErrorCode::kInvalidArgument, "batch needs an output folder");
  if (o_.shard_count < 1 || o_.shard_index < 1 || o_.shard_index > o_.shard_count) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("shard {}/{} does not exist: K must be between 1 and N", o_.shard_index, o_.shard_count));
  }
  if (!is_tmx_date(o_.date)) return Status(ErrorCode::kInvalidArgument, "batch needs a creation date YYYYMMDDThhmmssZ");
  std::error_code ec;
  fs::create_directories(out_ / "memories", ec);
  if (ec) return Status(ErrorCode::kIo, "cannot create the output folder: " + ec.message(), {o_.output_dir});

  if (Status s = discover(o_, out_, &files_); !s.ok()) return s;
  summary_.files = files_.size();
  const std::size_t threads = o_.threads ? o_.threads : std::max(1u, std::thread::hardware_concurrency());

  // Identify: names first; the text only for files whose name leaves the symbol or the language open.
  parallel_for(files_.size(), threads, nullptr, [&](std::size_t i) { identify(files_[i], o_.max_input_bytes); });
  std::map<std::string, Group> by_key;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    FileInfo& f = files_[i];
    f.key = !f.symbol.empty() ? f.symbol : f.name.stem;
    if (shard_of(f.key, o_.shard_count) != o_.shard_index) continue;
    if (!f.problem.empty() || !f.skip.empty() || f.language.empty()) {
      loose_.push_back(i);
      continue;
    }
    Group& g = by_key[f.key];
    g.key = f.key;
    g.symbol = f.symbol;
    g.files.push_back(i);
  }
  for (auto& [key, g] : by_key) {
    std::stable_sort(g.files.begin(), g.files.end(), [&](std::size_t a, std::size_t b) {
      return language_rank(files_[a].language, o_.pivot) < language_rank(files_[b].language, o_.pivot);
    });
    groups_.push_back(std::move(g));
  }
  summary_.groups = groups_.size();
  outcomes_.resize(groups_.size());

  progress_state_.groups_total = groups_.size();
  for (const auto& g : groups_) {
    for (std::size_t i : g.files) progress_state_.bytes_total += files_[i].bytes;
  }
  start_ = phase_start_ = std::chrono::steady_clock::now();
  if (!o_.lexicon_path.empty()) {
    auto given = load_lexicons(o_.lexicon_path);
    if (!given) return given.status();
    learned_ = std::move(*given);
  }
  if (o_.learn_lexicon) {
    if (Status s = learn_lexicons(threads); !s.ok()) return s;
  }
  if (stop_ == nullptr || !stop_->load()) {
    for (const auto& [key, lexicon] : learned_) summary_.lexicon_beads += lexicon.bead_count();
    if (!learned_.empty()) start_lexicons_ = std::make_shared<const LexiconSet>(std::move(learned_));
    learned_.clear();
    phase_start_ = std::chrono::steady_clock::now();
    if (progress_) progress_(progress_state_);
    parallel_for(groups_.size(), threads, stop_, [&](std::size_t gi) { run_group(gi); });
  }
  summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  summary_.interrupted = progress_state_.groups_done < groups_.size();

  for (const auto& oc : outcomes_) {
    if (oc.status == "aligned") ++summary_.aligned;
    if (oc.status == "resumed") ++summary_.resumed;
    if (oc.status == "unpaired") ++summary_.unpaired;
    if (oc.status == "failed") ++summary_.failed;
    if (oc.status == "aligned" || oc.status == "resumed") summary_.units += oc.units;
  }
  for (const auto& g : groups_) {
    if (!g.files.empty() && outcomes_[&g - groups_.data()].status == "aligned") {
      for (std::size_t i : g.files) summary_.bytes += files_[i].bytes;
    }
  }
  if (!summary_.interrupted && o_.merge) {
    if (Status s = write_merged(); !s.ok()) return s;
    if (o_.qa) {
      if (Status s = write_qa(); !s.ok()) return s;
    }
  }
  if (Status s = write_manifest(); !s.ok()) return s;
  return summary_;
}

bool Runner::up_to_date(const Group& g, const std::string& memory, GroupOutcome& out) const {
  std::error_code ec;
  const fs::path mem = out_ / memory;
  const fs::path rec = fs::path(mem.string() + ".json");
  if (!fs::is_regular_file(mem, ec) || !fs::is_regular_file(rec, ec)) return false;
  const auto made = std::min(fs::last_write_time(mem, ec), fs::last_write_time(rec, ec));
  if (ec) return false;
  std::vector<std::string> inputs;
  for (std::size_t i : g.files) {
    if (files_[i].mtime > made) return false;
    inputs.push_back(files_[i].path);
  }
  std::vector<std::pair<std::size_t, std::string>> failed;
  if (!read_done_record(rec.string(), inputs, &out.units, &out.pairs, &failed)) return false;
  for (const auto& [k, why] : failed) {
    out.file_status[k] = "failed";
    out.file_reason[k] = why;
  }
  return true;
}

Status Runner::learn_lexicons(std::size_t threads) {
  const BatchProgress align_progress = progress_state_;
  progress_state_.learning = true;
  if (progress_) progress_(progress_state_);
  parallel_for(groups_.size(), threads, stop_, [&](std::size_t gi) { learn_group(gi); });
  const bool stopped = next_to_add_ < groups_.size();
  progress_state_ = align_progress;
  if (stopped) return {};
  // Aligned from what a kept lexicon holds, exactly: a later run given --lexicon-out's file as --lexicon aligns alike.
  const std::string text = lexicons_text(learned_);
  auto kept = parse_lexicons(text, o_.lexicon_out.empty() ? "the learnt lexicon" : o_.lexicon_out);
  if (!kept) return kept.status();
  learned_ = std::move(*kept);
  if (!o_.lexicon_out.empty()) {
    if (Status s = write_file_atomically(o_.lexicon_out, text); !s.ok()) return s;
  }
  return {};
}

void Runner::learn_group(std::size_t gi) {
  const Group& g = groups_[gi];
  GroupOutcome scratch;  // the alignment pass reports what happens to the group; this pass only learns
  scratch.file_status.assign(g.files.size(), "");
  scratch.file_reason.assign(g.files.size(), "");
  LexiconSet taught;
  try {
    align_group(g, scratch, &taught);
  } catch (const std::exception&) {
    taught.clear();  // the alignment pass meets the same error and reports it
  }
  std::unique_lock<std::mutex> lock(mu_);
  // At most a few groups wait to be added: a thread far ahead of the group being added waits for it.
  const std::size_t window = 4 * std::max<std::size_t>(1, o_.threads ? o_.threads : std::thread::hardware_concurrency());
  added_.wait(lock, [&] { return gi < next_to_add_ + window; });
  pending_.emplace(gi, std::move(taught));
  for (auto it = pending_.find(next_to_add_); it != pending_.end(); it = pending_.find(next_to_add_)) {
    for (auto& [key, lexicon] : it->second) (void)learned_[key].merge(lexicon);  // same pair: always the same direction
    pending_.erase(it);
    ++next_to_add_;
  }
  added_.notify_all();
  ++progress_state_.groups_done;
  std::uint64_t bytes = 0;
  for (std::size_t i : g.files) bytes += files_[i].bytes;
  progress_state_.bytes_done += bytes;
  progress_state_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - phase_start_).count();
  progress_state_.last = g.key;
  progress_state_.event.clear();
  if (progress_) progress_(progress_state_);
}

void Runner::run_group(std::size_t gi) {
  const Group& g = groups_[gi];
  GroupOutcome& out = outcomes_[gi];
  out.file_status.assign(g.files.size(), "");
  out.file_reason.assign(g.files.size(), "");
  try {
    align_group(g, out);
  } catch (const std::exception& e) {
    // A bug or memory exhaustion on one document must not take the batch down with it.
    out.status = "failed";
    out.reason = std::string("internal error: ") + e.what();
  }
  std::string event;
  if (out.status == "failed") event = fmt::format("{}: skipped: {}", g.key, out.reason);
  for (std::size_t k = 0; k < g.files.size(); ++k) {
    if (out.file_status[k] == "failed" && out.status != "failed") {
      event += fmt::format("{}{}: left out: {}", event.empty() ? "" : "\n", files_[g.files[k]].path, out.file_reason[k]);
    }
  }
  report(g, event);
}

void Runner::report(const Group& g, const std::string& event) {
  std::lock_guard<std::mutex> lock(mu_);
  ++progress_state_.groups_done;
  // Only work done counts towards the rate: a group skipped by --resume or left alone leaves the totals, so the rate
  // and the time left speak of what is being aligned.
  std::uint64_t bytes = 0;
  for (std::size_t i : g.files) bytes += files_[i].bytes;
  const std::string& status = outcomes_[static_cast<std::size_t>(&g - groups_.data())].status;
  if (status == "aligned" || status == "failed") {
    progress_state_.bytes_done += bytes;
  } else {
    progress_state_.bytes_total -= bytes;
  }
  progress_state_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - phase_start_).count();
  progress_state_.last = g.key;
  progress_state_.event = event;
  if (progress_) progress_(progress_state_);
}

void Runner::align_group(const Group& g, GroupOutcome& out, LexiconSet* learned) {
  // Languages: the first file of each language is used; a second one of the same language is left out.
  std::vector<std::size_t> use;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < g.files.size(); ++k) {
    const FileInfo& f = files_[g.files[k]];
    if (!seen.insert(f.language).second) {
      out.file_status[k] = "unpaired";
      out.file_reason[k] = fmt::format("another {} version of {} was used", f.language, g.key);
      continue;
    }
    use.push_back(k);
  }
  const auto leave = [&](const std::string& why) {
    out.status = "unpaired";
    out.reason = why;
  };
  if (files_[g.files[use[0]]].language != o_.pivot) {
    return leave(fmt::format("no {} version (the pivot language) was found", o_.pivot));
  }
  if (use.size() < 2) return leave(fmt::format("no other language version of {} was found", g.key));

  out.memory = "memories/" + key_file_name(g.key) + ".tmx";
  if (learned == nullptr && o_.resume && up_to_date(g, out.memory, out)) {
    out.status = "resumed";
    for (std::size_t k : use) {
      if (k != use[0] && out.file_status[k] != "failed") out.used_languages.push_back(files_[g.files[k]].language);
    }
    return;
  }

  ReadOptions ro;
  ro.symbol = g.symbol;
  ro.max_input_bytes = o_.max_input_bytes;
  std::vector<Document> docs;
  std::vector<std::string> inputs;
  for (std::size_t k : use) {
    const FileInfo& f = files_[g.files[k]];
    ro.language = f.language;
    auto d = read_document(f.path, ro);
    if (!d) {
      out.file_status[k] = "failed";
      out.file_reason[k] = d.status().to_string();
      if (k == use[0]) {
        out.status = "failed";
        out.reason = fmt::format("the {} version cannot be read: {}", f.language, d.status().to_string());
        out.memory.clear();
        return;
      }
      continue;
    }
    d->language = f.language;
    docs.push_back(std::move(*d));
    inputs.push_back(f.path);
  }
  if (docs.size() < 2) {
    out.memory.clear();
    return leave("no other language version could be read");
  }
  PipelineOptions popts;
  popts.level = o_.paragraph_level ? AlignLevel::kParagraph : AlignLevel::kSentence;
  popts.dictionary_path = o_.dictionary_path;
  popts.lexicons = start_lexicons_;
  popts.keep_lexicons = learned != nullptr;
  Document pivot = std::move(docs.front());
  docs.erase(docs.begin());
  auto m = align_versions(pivot, docs, popts);
  docs.clear();
  if (!m) {
    out.status = "failed";
    out.reason = m.status().to_string();
    out.memory.clear();
    return;
  }
  if (learned != nullptr) {  // the learning pass: what this group taught, nothing written
    *learned = std::move(m->lexicons);
    return;
  }
  const std::string mem_path = (out_ / out.memory).string();
  TmxWriterOptions wo;
  wo.inputs = inputs;
  auto w = TmxWriter::open(mem_path, memory_header(o_), wo);
  Status written = w.status();
  std::size_t n = 0, pairs = 0;
  for (const AlignedUnit& u : m->units) {
    if (!written.ok()) break;
    // x-symbol is always the group key, so that the memories of a collection merge in key order.
    written = (*w)->add(aligned_memory_unit(*m, u, fmt::format("{}:{}", g.key, ++n), g.key, m->languages));
    if (u.spans[0].size > 0) {
      for (std::size_t k = 1; k < u.spans.size(); ++k) pairs += u.spans[k].size > 0 ? 1 : 0;
    }
  }
  if (written.ok()) written = (*w)->finish();
  if (written.ok()) {
    std::vector<std::string> all;
    std::vector<std::pair<std::size_t, std::string>> failed;
    for (std::size_t k = 0; k < g.files.size(); ++k) {
      all.push_back(files_[g.files[k]].path);
      if (out.file_status[k] == "failed") failed.emplace_back(k, out.file_reason[k]);
    }
    written = write_file_atomically(mem_path + ".json", done_record(all, n, pairs, failed));
  }
  if (!written.ok()) {
    out.status = "failed";
    out.reason = written.to_string();
    out.memory.clear();
    return;
  }
  out.status = "aligned";
  out.units = n;
  out.pairs = pairs;
  for (std::size_t k = 1; k < m->languages.size(); ++k) out.used_languages.push_back(m->languages[k]);
  std::lock_guard<std::mutex> lock(mu_);
  summary_.sentence_pairs += pairs;
}

// The list of memories a merged memory was made from, kept beside it so that a --resume run with nothing new can
// tell that merged.tmx is already what it would write.
std::string merged_record(const std::vector<std::string>& memories, const std::string& date) {
  std::string out = "date\t" + date + "\n";
  for (const auto& m : memories) out += m + "\n";
  return out;
}

bool Runner::merged_up_to_date(const std::vector<std::string>& memories) const {
  std::error_code ec;
  const fs::path merged = out_ / "merged.tmx";
  const fs::path rec = out_ / "merged.tmx.list";
  if (!fs::is_regular_file(merged, ec) || !fs::is_regular_file(rec, ec)) return false;
  const auto made = std::min(fs::last_write_time(merged, ec), fs::last_write_time(rec, ec));
  if (ec) return false;
  for (const auto& m : memories) {
    if (fs::last_write_time(out_ / m, ec) > made || ec) return false;
  }
  auto text = read_file(rec.string(), std::size_t{1} << 30);
  return text && *text == merged_record(memories, o_.date);
}

Status Runner::write_merged() {
  const std::string path = (out_ / "merged.tmx").string();
  std::vector<std::string> memories;
  for (const auto& oc : outcomes_) {
    if (oc.status == "aligned" || oc.status == "resumed") memories.push_back(oc.memory);
  }
  if (o_.resume && summary_.aligned == 0 && merged_up_to_date(memories)) {
    summary_.merged_current = true;
    return {};
  }
  std::error_code ec;
  fs::remove(out_ / "merged.tmx.list", ec);  // the record must never vouch for a merged memory being replaced
  std::vector<std::string> inputs;
  for (const auto& f : files_) inputs.push_back(f.path);
  TmxWriterOptions wo;
  wo.inputs = inputs;
  auto w = TmxWriter::open(path, memory_header(o_), wo);
  if (!w) return w.status();
  TranslationUnit unit;
  for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
    const GroupOutcome& oc = outcomes_[gi];
    if (oc.status != "aligned" && oc.status != "resumed") continue;
    auto r = TmxReader::open((out_ / oc.memory).string());
    if (!r) return r.status();
    while (true) {
      auto more = (*r)->next(unit);
      if (!more) return more.status();
      if (!*more) break;
      if (Status s = (*w)->add(unit); !s.ok()) return s;
    }
  }
  if (Status s = (*w)->finish(); !s.ok()) return s;
  if (Status s = write_file_atomically((out_ / "merged.tmx.list").string(), merged_record(memories, o_.date));
      !s.ok()) {
    return s;
  }
  summary_.merged = true;
  summary_.outputs.push_back("merged.tmx");
  return {};
}

Status Runner::write_qa() {
  std::error_code ec;
  const fs::path qa = out_ / "qa.json";
  if (summary_.merged_current && fs::is_regular_file(qa, ec) &&
      fs::last_write_time(qa, ec) >= fs::last_write_time(out_ / "merged.tmx", ec) && !ec) {
    return {};  // the QA report of this very merged memory is there already
  }
  QaOptions qo;
  qo.glossary_path = o_.glossary_path;
  auto checker = QaChecker::create(qo);
  if (!checker) return checker.status();
  auto input = qa_input_from_tmx((out_ / "merged.tmx").string());
  if (!input) {
    if (input.status().code() == ErrorCode::kEmpty) return {};  // nothing aligned: nothing to check
    return input.status();
  }
  // Used once: the dictionaries go before term discovery, and the report is written as it is made.
  const QaResult result = std::move(*checker).check(*input);
  summary_.qa_findings = result.findings.size();
  summary_.qa_errors = result.errors;
  auto file = AtomicFile::open((out_ / "qa.json").string());
  if (!file) return file.status();
  std::unique_ptr<AtomicFile> qa_json(*file);
  write_qa_json(result, *input, qa_json->stream());
  if (Status s = qa_json->commit(); !s.ok()) return s;
  summary_.outputs.push_back("qa.json");
  return {};
}

Status Runner::write_manifest() {
  struct Row {
    const FileInfo* f;
    std::string status, partners, memory, reason;
    std::size_t units = 0;
  };
  std::vector<Row> rows;
  for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
    const Group& g = groups_[gi];
    const GroupOutcome& oc = outcomes_[gi];
    for (std::size_t k = 0; k < g.files.size(); ++k) {
      Row r{&files_[g.files[k]], oc.status, "", oc.memory, oc.reason, oc.units};
      if (k < oc.file_status.size() && !oc.file_status[k].empty()) {
        r.status = oc.file_status[k];
        r.reason = oc.file_reason[k];
        r.memory.clear();
        r.units = 0;
      }
      if (r.status == "aligned" || r.status == "resumed") {
        std::vector<std::string> others;
        others.push_back(o_.pivot);
        for (const auto& l : oc.used_languages) others.push_back(l);
        std::string joined;
        for (const auto& l : others) {
          if (l == r.f->language) continue;
          joined += (joined.empty() ? "" : ",") + l;
        }
        r.partners = joined;
      }
      if (r.status == "interrupted") r.reason = "the batch was stopped before this document; run again with --resume";
      rows.push_back(std::move(r));
    }
  }
  for (std::size_t i : loose_) {
    const FileInfo& f = files_[i];
    Row r{&f, !f.skip.empty() ? "skipped" : f.problem.empty() ? "unpaired" : "failed", "", "",
          !f.skip.empty()      ? f.skip
          : f.problem.empty() ? "the language could not be told from the name, the folder or the text"
                              : f.problem};
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.f->key, a.f->path) < std::tie(b.f->key, b.f->path);
  });
  const auto clean = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  };
  std::string tsv = "path\tkey\tsymbol\tsymbol_from\tlanguage\tstatus\tpartners\tmemory\tunits\tbytes\treason\n";
  json::Writer j;
  j.begin_object().key("format").value("paralign-batch-manifest").key("version").value(1);
  j.key("shard").value(fmt::format("{}/{}", o_.shard_index, o_.shard_count));
  j.key("pivot").value(o_.pivot);
  j.key("files").begin_array();
  for (const Row& r : rows) {
    if (r.status == "failed") ++summary_.files_failed;
    if (r.status == "skipped") ++summary_.skipped;
    const FileInfo& f = *r.f;
    tsv += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", clean(f.path), clean(f.key), clean(f.symbol),
                       f.symbol_from, f.language, r.status, r.partners, r.memory, r.units, f.bytes, clean(r.reason));
    j.begin_object().key("path").value(f.path).key("key").value(f.key).key("symbol").value(f.symbol);
    j.key("symbol_from").value(f.symbol_from).key("language").value(f.language).key("status").value(r.status);
    j.key("partners").begin_array();
    std::size_t pos = 0;
    while (pos < r.partners.size()) {
      std::size_t comma = r.partners.find(',', pos);
      if (comma == std::string::npos) comma = r.partners.size();
      j.value(r.partners.substr(pos, comma - pos));
      pos = comma + 1;
    }
    j.end_array();
    j.key("memory").value(r.memory).key("units").value(r.units).key("bytes").value(static_cast<std::int64_t>(f.bytes));
    j.key("reason").value(r.reason).end_object();
  }
  j.end_array().end_object();
  if (Status s = write_file_atomically((out_ / "manifest.tsv").string(), tsv); !s.ok()) return s;
  if (Status s = write_file_atomically((out_ / "manifest.json").string(), j.str()); !s.ok()) return s;
  summary_.outputs.push_back("manifest.tsv");
  summary_.outputs.push_back("manifest.json");
  return {};
}

}  // namespace

Result<BatchSummary> run_batch(const BatchOptions& options, const BatchProgressFn& progress,
                               const std::atomic<bool>* stop) {
  Runner runner(options, progress, stop);
  return runner.run();
}

}  // namespace paralign
