// `paralign batch DIR... -o OUTDIR`: align a whole collection, with a progress bar, --resume, --shard K/N, and a
// clean stop on SIGINT/SIGTERM.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "paralign/batch.hpp"
#include "paralign/tmx.hpp"

namespace paralign::cli {

namespace {

// The signal handler may only touch a lock-free atomic; the batch polls it between documents.
std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

extern "C" void on_stop_signal(int sig) {
  g_signal.store(sig);
  g_stop.store(true);
}

// Installs the handlers for the batch's lifetime and puts the previous ones back after.
class StopSignals {
 public:
  StopSignals() {
    g_stop.store(false);
    g_signal.store(0);
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

std::string clock_text(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

// Draws progress: a bar rewritten in place on a terminal, a plain line at most every few seconds otherwise.
class ProgressView {
 public:
  ProgressView(std::ostream& err, bool terminal, bool quiet) : err_(err), terminal_(terminal), quiet_(quiet) {}

  void operator()(const BatchProgress& p) {
    if (!p.event.empty() && !quiet_) {
      if (drawn_) err_ << "\r\033[K";
      err_ << "paralign: " << p.event << '\n';
      drawn_ = false;
    }
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = p.groups_done == p.groups_total;
    const double gap = terminal_ ? 0.2 : 5.0;
    if (!last && p.groups_done > 0 && std::chrono::duration<double>(now - shown_).count() < gap) return;
    shown_ = now;
    const double mb = static_cast<double>(p.bytes_done) / 1e6;
    const double rate = p.seconds > 0 ? mb / p.seconds : 0.0;
    const double left_mb = static_cast<double>(p.bytes_total - p.bytes_done) / 1e6;
    const std::string eta = rate > 0 && p.groups_done > 0 ? clock_text(left_mb / rate) : "?";
    const char* what = p.learning ? "documents learnt from" : "documents";
    if (terminal_) {
      constexpr int kWidth = 30;
      const double frac = p.groups_total ? static_cast<double>(p.groups_done) / static_cast<double>(p.groups_total) : 1;
      const int full = static_cast<int>(frac * kWidth);
      err_ << fmt::format("\r\033[K[{}{}] {}/{} {}  {:.1f} MB/s  {} left", std::string(full, '#'),
                          std::string(kWidth - full, '.'), p.groups_done, p.groups_total, what, rate, eta)
           << std::flush;
      drawn_ = true;
      if (last) {
        err_ << '\n';
        drawn_ = false;
      }
    } else {
      err_ << fmt::format("paralign: {}/{} {}, {:.1f} of {:.1f} MB, {:.1f} MB/s, {} left\n", p.groups_done,
                          p.groups_total, what, mb, static_cast<double>(p.bytes_total) / 1e6, rate, eta);
    }
  }

  void close() {
    if (drawn_) err_ << '\n';
    drawn_ = false;
  }

 private:
  std::ostream& err_;
  bool terminal_;
  bool quiet_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point shown_{};
};

}  // namespace

int cmd_batch(Context& ctx) {
  po::options_description desc("batch options");
  add_common_options(desc);
  desc.add_options()("output,o", po::value<std::string>()->value_name("OUTDIR"),
                     "the folder for memories/, manifest.tsv/.json, merged.tmx and qa.json (required)")(
      "jobs,j", po::value<std::size_t>()->value_name("N")->default_value(0), "documents aligned at once; 0: one per core")(
      "merge", "also write merged.tmx (every document, in symbol order) and qa.json, the QA report over it")(
      "no-qa", "with --merge: do not run the QA checks")(
      "glossary", po::value<std::string>()->value_name("FILE"), "a glossary for the QA checks (CSV/TSV or TBX)")(
      "resume", "skip documents whose memory is complete and newer than their inputs")(
      "shard", po::value<std::string>()->value_name("K/N"),
      "process only share K of N (1 <= K <= N), chosen by a stable hash of each document's symbol")(
      "pivot", po::value<std::string>()->value_name("L")->default_value("zh"),
      "the source language of every memory; documents without a version in it are listed, not aligned")(
      "level", po::value<std::string>()->value_name("L")->default_value("sentence"), "paragraph or sentence")(
      "dict", po::value<std::string>()->value_name("FILE"), "a bilingual term list (TSV) for the sentence aligner")(
      "learn-lexicon",
      "first read and align every document to learn word pairs, then align every document starting from them "
      "(twice the time; better sentence pairs in short documents)")(
      "lexicon", po::value<std::string>()->value_name("FILE"),
      "start every document from the word pairs in FILE (written by --lexicon-out)")(
      "lexicon-out", po::value<std::string>()->value_name("FILE"), "with --learn-lexicon: keep the word pairs in FILE")(
      "date", po::value<std::string>()->value_name("D"),
      "the memories' creation date, YYYYMMDDThhmmssZ (fixed for reproducible output); default: now")(
      "max-input-mb", po::value<std::size_t>()->value_name("N")->default_value(512),
      "documents larger than N MB are reported and skipped")(
      "exclude", po::value<std::vector<std::string>>()->value_name("GLOB"),
      "leave out files and folders whose name or path under DIR matches GLOB (e.g. '*.tsv', 'data'); repeatable")(
      "progress", po::value<std::string>()->value_name("WHEN")->default_value("auto"),
      "auto (a bar on a terminal, plain lines otherwise), bar, lines or none")(
      "roots", po::value<std::vector<std::string>>()->value_name("DIR"), "folders (searched recursively) or files");
  po::positional_options_description positional;
  positional.add("roots", -1);
  const Usage usage{
      "paralign batch [options] DIR... -o OUTDIR",
      "Finds the documents under each DIR (recursively), tells each one's symbol (from its name, A_59_181-ZH.txt, "
      "A-59-181_zh.pdf, zh/A_59_181.txt, or from its text) and language, groups the language versions of each "
      "document and aligns the groups on -j threads: one memory per document in OUTDIR/memories/, the manifest of "
      "what was paired and what was left and why (manifest.tsv, manifest.json), and with --merge one memory of the "
      "whole collection and its QA report. A document that cannot be read is reported and skipped. Ctrl-C stops "
      "taking new documents, finishes those under way and leaves no partial memory; --resume then completes the "
      "run. Plain-text files that do not look like documents (data files with '#' comments, tab-separated tables, "
      "word lists) are listed as skipped. Exit status: 0 when every document found was aligned or left unpaired "
      "for a stated reason, 2 when some file failed (unreadable, or its document could not be aligned or "
      "written; the manifest says which), 130/143 when stopped by SIGINT/SIGTERM. See docs/batch.md.",
      {"# align a collection on every core, with a merged memory and its QA report:",
       "paralign batch collection/ -o out/ --merge",
       "# complete a run that was stopped:", "paralign batch collection/ -o out/ --merge --resume",
       "# share 2 of 4 of a cluster run (then: paralign tmx merge --by-symbol shard-*/merged.tmx -o all.tmx):",
       "paralign batch collection/ -o shard-2/ --shard 2/4 --merge --no-qa --date 20260101T000000Z"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, positional, usage, vm)) return *stop;

  BatchOptions o;
  if (vm.count("roots")) o.roots = vm["roots"].as<std::vector<std::string>>();
  if (o.roots.empty()) return usage_error(ctx, "batch needs at least one folder (see 'paralign batch --help')");
  if (!vm.count("output")) return usage_error(ctx, "batch needs -o OUTDIR, the folder to write to");
  o.output_dir = vm["output"].as<std::string>();
  o.threads = vm["jobs"].as<std::size_t>();
  o.merge = vm.count("merge") > 0;
  o.qa = vm.count("no-qa") == 0;
  if (vm.count("glossary")) o.glossary_path = vm["glossary"].as<std::string>();
  o.resume = vm.count("resume") > 0;
  o.pivot = vm["pivot"].as<std::string>();
  const std::string level = vm["level"].as<std::string>();
  if (level != "sentence" && level != "paragraph") {
    return usage_error(ctx, fmt::format("--level must be paragraph or sentence, not '{}'", level));
  }
  o.paragraph_level = level == "paragraph";
  if (vm.count("exclude")) o.exclude = vm["exclude"].as<std::vector<std::string>>();
  if (vm.count("dict")) o.dictionary_path = vm["dict"].as<std::string>();
  o.learn_lexicon = vm.count("learn-lexicon") > 0;
  if (vm.count("lexicon")) o.lexicon_path = vm["lexicon"].as<std::string>();
  if (vm.count("lexicon-out")) {
    if (!o.learn_lexicon) return usage_error(ctx, "--lexicon-out keeps what --learn-lexicon learns: give both");
    o.lexicon_out = vm["lexicon-out"].as<std::string>();
  }
  const std::size_t max_mb = vm["max-input-mb"].as<std::size_t>();
  if (max_mb == 0 || max_mb > (std::size_t{1} << 20)) return usage_error(ctx, "--max-input-mb must be between 1 and 1048576");
  o.max_input_bytes = max_mb << 20;
  if (vm.count("shard")) {
    const std::string spec = vm["shard"].as<std::string>();
    unsigned long k = 0, n = 0;
    char tail = 0;
    if (std::sscanf(spec.c_str(), "%lu/%lu%c", &k, &n, &tail) != 2 || n < 1 || k < 1 || k > n) {
      return usage_error(ctx, fmt::format("--shard must be K/N with 1 <= K <= N (e.g. 2/4), not '{}'", spec));
    }
    o.shard_index = k;
    o.shard_count = n;
  }
  if (vm.count("date")) {
    o.date = vm["date"].as<std::string>();
    if (!is_tmx_date(o.date)) {
      return usage_error(ctx, fmt::format("--date must be YYYYMMDDThhmmssZ (e.g. 20250101T000000Z), not '{}'", o.date));
    }
  } else {
    o.date = tmx_date_from_unix(std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count());
  }
  const std::string when = vm["progress"].as<std::string>();
  if (when != "auto" && when != "bar" && when != "lines" && when != "none") {
    return usage_error(ctx, fmt::format("--progress must be auto, bar, lines or none, not '{}'", when));
  }
  const bool terminal = when == "bar" || (when == "auto" && &ctx.err == &std::cerr && ::isatty(STDERR_FILENO));
  ProgressView view(ctx.err, terminal, ctx.quiet || when == "none");

  StopSignals signals;
  auto summary = run_batch(o, [&](const BatchProgress& p) { view(p); }, &g_stop);
  view.close();
  if (!summary) return report_error(ctx, summary.status());
  const BatchSummary& s = *summary;
  if (!ctx.quiet) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    const std::size_t left = s.groups - s.aligned - s.resumed - s.unpaired - s.failed;
    ctx.err << fmt::format("paralign: {} files, {} documents{}: {} aligned, {} already done, {} unpaired, {} failed{}{}\n",
                           s.files, s.groups,
                           o.shard_count > 1 ? fmt::format(" in shard {}/{}", o.shard_index, o.shard_count) : "",
                           s.aligned, s.resumed, s.unpaired, s.failed,
                           left > 0 ? fmt::format(", {} not started", left) : "",
                           s.skipped > 0 ? fmt::format("; {} files skipped (not documents)", s.skipped) : "");
    if (s.lexicon_beads > 0) {
      ctx.err << fmt::format("paralign: sentences aligned starting from a lexicon of {} beads{}\n", s.lexicon_beads,
                             o.lexicon_out.empty() ? "" : fmt::format(" (kept in {})", o.lexicon_out));
    }
    if (s.aligned > 0) {
      ctx.err << fmt::format("paralign: {:.1f} MB aligned in {:.1f} s ({:.2f} MB/s), {} sentence pairs, {} units\n", mb,
                             s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0, s.sentence_pairs, s.units);
    } else if (o.resume && !s.interrupted && s.resumed > 0) {
      ctx.err << "paralign: nothing to do: every document's memory is up to date (--resume)\n";
    }
    if (s.merged) ctx.err << fmt::format("paralign: wrote {}/merged.tmx ({} units)\n", o.output_dir, s.units);
    if (s.merged_current) ctx.err << fmt::format("paralign: {}/merged.tmx is up to date ({} units)\n", o.output_dir, s.units);
    if (s.merged && o.qa) {
      ctx.err << fmt::format("paralign: QA: {} findings ({} errors) in {}/qa.json\n", s.qa_findings, s.qa_errors,
                             o.output_dir);
    }
    ctx.err << fmt::format("paralign: manifest in {}/manifest.tsv and manifest.json\n", o.output_dir);
  }
  if (s.interrupted) {
    const int sig = g_signal.load();
    ctx.err << fmt::format("paralign: stopped by {} before every document was done{}. "
                           "Run the same command with --resume to complete it.\n",
                           sig == SIGTERM ? "SIGTERM" : "SIGINT", o.merge ? "; no merged memory was written" : "");
    return 128 + (sig ? sig : SIGINT);
  }
  if (s.files_failed > 0) {
    // The batch ran to its end, but a script or a scheduler must not take it for a clean run.
    ctx.err << fmt::format("paralign: {} file{} failed (status 'failed' in {}/manifest.tsv)\n", s.files_failed,
                           s.files_failed == 1 ? "" : "s", o.output_dir);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace paralign::cli
