// paralign/batch.hpp — aligning a whole collection: discovery, grouping, a pool of workers, memories and a manifest.
//
// A collection is a folder tree of documents in several languages. The batch stage finds the documents (recursively,
// every format read_document() knows), tells each one's symbol (from its file name in the usual UN forms —
// A_59_181-ZH.txt, A-59-181_zh.pdf, A_59_181.zh.txt, a folder per language zh/A_59_181.txt — or, when the name does
// not say, from its text) and language (file name, folder, else detected from the text), groups the language
// versions of each document under one key (the symbol, or the file stem when there is none), and aligns each group
// on a pool of threads, writing one TMX memory per document. Memory stays bounded: a worker holds one group at a
// time, and the merged memory is streamed from the per-document memories in key order, so its order (and bytes)
// never depend on the number of threads or on which machine ran which share (--shard K/N).
//
//   paralign::BatchOptions opts;
//   opts.roots = {"collection/"};
//   opts.output_dir = "out/";
//   opts.merge = true;
//   std::atomic<bool> stop{false};                    // set from a signal handler to stop taking new documents
//   auto summary = paralign::run_batch(opts, [](const paralign::BatchProgress& p) { /* draw a bar */ }, &stop);
//   if (!summary) return summary.status();             // only set-up failures: one bad document never stops a batch
//   // out/memories/A_59_181.tmx, out/merged.tmx, out/manifest.tsv, out/manifest.json, out/qa.json
//
// Outputs are written through temporary files renamed into place, so a run stopped at any point leaves no partial
// file under a final name, and a re-run with `resume` skips every group whose memory is newer than its inputs.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

/// What a file name (and its folder) says about a document.
struct NameInfo {
  std::string symbol;    ///< "A/59/181" when the stem reads as a UN symbol; "" otherwise
  std::string language;  ///< "zh", "en", "fr", "es", "ru", "ar" from a suffix (-ZH, _zh, .zh) or the folder; ""
  std::string stem;      ///< the file name without extension and language suffix ("water_report", "A_59_181")
};

/// Reads symbol, language and stem from `path`: a trailing language code after '-', '_' or '.' (ZH/CH, EN, FR,
/// ES/SP, RU, AR, any case) or, failing that, a parent folder named after a language; a stem of '_'/'-'-separated
/// parts that opens with a letter series and holds a digit reads as a symbol (A_C.1_58_L.34 → A/C.1/58/L.34).
/// A bare job number (N0443891) is not a symbol. Pure; thread-safe.
NameInfo parse_document_name(std::string_view path);

/// The stable 64-bit hash (FNV-1a) of a group key that --shard uses: the same on every machine and every run.
std::uint64_t group_hash(std::string_view key);

/// The 1-based shard (1..count) that owns `key`. count must be >= 1.
std::size_t shard_of(std::string_view key, std::size_t count);

/// A file name made from a group key: every byte outside [A-Za-z0-9._-] becomes '_' ("A/59/181" → "A_59_181").
std::string key_file_name(std::string_view key);

/// Where a batch stands, passed to the progress callback after each group (and once at the start).
struct BatchProgress {
  std::size_t groups_done = 0;   ///< groups finished (aligned, resumed, failed or left alone)
  std::size_t groups_total = 0;  ///< groups of this run (this shard's)
  std::uint64_t bytes_done = 0;  ///< input bytes of the groups aligned (or failed) so far
  std::uint64_t bytes_total = 0; ///< input bytes of all groups, less those found up to date or left alone
  double seconds = 0.0;          ///< since the start of the alignment phase
  std::string last;              ///< the key of the group just finished
  std::string event;             ///< "" for a plain step; otherwise one line worth showing (a skipped document)
  bool learning = false;         ///< true during the --learn-lexicon pass (each group read and aligned, nothing
                                 ///< written); the counts start again for the alignment pass
};

/// How a batch runs. Every field but roots and output_dir has a working default.
struct BatchOptions {
  std::vector<std::string> roots;     ///< folders (searched recursively) or single files
  std::string output_dir;             ///< created when missing; never searched for inputs
  std::size_t threads = 0;            ///< 0: the number of cores
  bool merge = false;                 ///< also write merged.tmx (all groups in key order) and its QA report
  bool qa = true;                     ///< with merge: run the QA checks over merged.tmx and write qa.json
  std::string glossary_path;          ///< for the QA checks; "" for none
  bool resume = false;                ///< skip groups whose memory is complete and newer than their inputs
  std::size_t shard_index = 1;        ///< 1-based share of the groups to process (--shard K/N)
  std::size_t shard_count = 1;
  std::string pivot = "zh";           ///< the source language of every memory; groups without it are left alone
  std::string date;                   ///< the memories' creation date (YYYYMMDDThhmmssZ), required
  std::size_t max_input_bytes = std::size_t{512} << 20;  ///< larger documents are reported and skipped
  bool paragraph_level = false;       ///< one unit per block instead of per sentence
  std::string dictionary_path;        ///< bilingual term list for the sentence aligner; "" for none
  /// Word pairs to start every document's sentence alignment from (a file save_lexicons wrote); "" for none.
  std::string lexicon_path;
  /// A first pass over this run's groups (every group, up to date or not) that aligns each alone and adds up what
  /// each taught, per pair of languages, in group order; every group is then aligned starting from that lexicon
  /// (added to the one of lexicon_path). Twice the alignment time; far better sentence pairs in short documents.
  bool learn_lexicon = false;
  /// With learn_lexicon: where to keep the lexicon learnt (written before the alignment pass starts); "" not kept.
  std::string lexicon_out;
  /// Glob patterns (fnmatch: * ? [...], '*' crossing '/') of files and folders to leave out, matched against the
  /// name and against the path relative to its root ("*.tsv", "data", "*/drafts/*"). Excluded files are not listed.
  std::vector<std::string> exclude;
};

/// One file of the collection as the manifest lists it.
struct ManifestEntry {
  std::string path;
  std::string key;          ///< the group key: the symbol, or the file stem when no symbol is known
  std::string symbol;       ///< "" when neither the name nor the text gives one
  std::string language;     ///< "" when not known
  std::string symbol_from;  ///< "name", "text" or "" (none)
  std::string status;       ///< "aligned", "resumed", "unpaired", "failed", "skipped", "interrupted"
  std::string partners;     ///< the other languages it was aligned with, comma-separated
  std::string memory;       ///< the memory written for its group, relative to output_dir; "" when none
  std::size_t units = 0;    ///< units in that memory
  std::uint64_t bytes = 0;  ///< the file's size
  std::string reason;       ///< why it is not aligned (or a note), "" when aligned
};

/// What a batch did.
struct BatchSummary {
  std::size_t files = 0;            ///< files found (all shards)
  std::size_t groups = 0;           ///< groups of this shard
  std::size_t aligned = 0;          ///< groups aligned in this run
  std::size_t resumed = 0;          ///< groups skipped because their memory was up to date
  std::size_t unpaired = 0;         ///< groups with fewer than two usable languages (or without the pivot)
  std::size_t failed = 0;           ///< groups whose alignment or writing failed
  std::size_t files_failed = 0;     ///< files of this shard listed as failed (unreadable, or in a failed group)
  std::size_t skipped = 0;          ///< files of this shard that do not look like documents (data files, lists)
  std::size_t units = 0;            ///< units in the memories of this shard (aligned + resumed)
  std::size_t sentence_pairs = 0;   ///< pivot-translation pairs of segments aligned in this run
  std::uint64_t bytes = 0;          ///< input bytes of the groups aligned in this run
  double seconds = 0.0;             ///< wall time of the alignment phase (the learning pass included)
  std::size_t lexicon_beads = 0;    ///< beads the lexicon started from (learnt and given), all pairs of languages
  bool interrupted = false;         ///< the stop flag was raised: not every group was done, nothing was merged
  bool merged = false;              ///< merged.tmx was written
  bool merged_current = false;      ///< with resume and nothing new: merged.tmx (and qa.json) were already up to date
  std::size_t qa_findings = 0;      ///< findings in qa.json (when written)
  std::size_t qa_errors = 0;
  std::vector<std::string> outputs;  ///< files written (relative to output_dir), in order
};

/// Called from the worker threads, one call at a time (the caller needs no lock).
using BatchProgressFn = std::function<void(const BatchProgress&)>;

/// Runs a batch: discovers and groups the documents, aligns this shard's groups on options.threads threads, writes
/// memories/KEY.tmx per group, manifest.tsv and manifest.json, and with options.merge merged.tmx and qa.json. When
/// `stop` becomes true no new group is started; the groups in flight are finished, the manifest marks the rest
/// "interrupted", no merged memory is written and summary.interrupted is set. Thread-safe for distinct output
/// folders. Errors: kInvalidArgument (no root, bad shard, no date, a root missing), kIo (output folder not
/// writable). A document that cannot be read or aligned is never an error: it is in the manifest with its reason.
Result<BatchSummary> run_batch(const BatchOptions& options, const BatchProgressFn& progress,
                               const std::atomic<bool>* stop);

}  // namespace paralign
