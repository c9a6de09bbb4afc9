// `paralign inspect FILE`: read one document and show what paralign made of it.
#include "cli/commands.hpp"
#include "paralign/align.hpp"
#include "paralign/read.hpp"
#include "report/document_json.hpp"

namespace paralign::cli {

int cmd_inspect(Context& ctx) {
  po::options_description desc("inspect options");
  add_common_options(desc);
  desc.add_options()("json", "print the whole document model as JSON (format: docs/inspect-json.md)")(
      "sentences", "list the segments the aligner cuts the document into: each sentence, whole, with its block and "
                   "source line (with --segmented: each line; with --json: as JSON)")(
      "segmented", "the input is one sentence per line; a line starting '12.' opens paragraph 12")(
      "encoding", po::value<std::string>()->value_name("E"),
      "the input's encoding (UTF-8, UTF-16LE, GB18030, windows-1252...); default: detect")(
      "lang", po::value<std::string>()->value_name("L"), "the input's language: zh, en, fr, es, ru, ar; default: detect")(
      "symbol", po::value<std::string>()->value_name("S"), "the document symbol (e.g. A/59/181); default: find it")(
      "max-input-mb", po::value<std::size_t>()->value_name("N")->default_value(512), "refuse inputs larger than N MB")(
      "preview", po::value<std::size_t>()->value_name("N")->default_value(60),
      "characters of each block's text to show (human-readable listing)")(
      "file", po::value<std::string>()->value_name("FILE"), "the document to read");
  po::positional_options_description positional;
  positional.add("file", 1);
  const Usage usage{
      "paralign inspect [options] FILE",
      "Reads one language version of a report and shows its structure: the symbol, language and encoding found, "
      "then each block (title, summary, heading, paragraph, item, footnote) with its number or label, source lines, "
      "the start of its text and its footnote markers, and the page furniture removed. --json prints everything; "
      "--sentences lists the sentences a memory's units will be made of.",
      {"# the structure of the Chinese report, one line per block:",
       "paralign inspect corpora/A_59_181.zh.txt",
       "# the full model as JSON, for scripts (jq '.counts' shows the block counts):",
       "paralign inspect --json corpora/A_59_181.zh.txt > A_59_181.zh.json",
       "# the sentences the aligner will pair, to see why a unit of the memory was cut where it was:",
       "paralign inspect --sentences corpora/A_59_181.zh.txt",
       "# a French version saved by an old editor, one sentence per line:",
       "paralign inspect --encoding windows-1252 --lang fr --segmented A_59_181.fr.txt"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, positional, usage, vm)) return *stop;
  if (!vm.count("file")) return usage_error(ctx, "inspect needs a FILE to read (see 'paralign inspect --help')");

  ReadOptions opts;
  opts.segmented = vm.count("segmented") > 0;
  if (vm.count("encoding")) opts.encoding = vm["encoding"].as<std::string>();
  if (vm.count("lang")) opts.language = vm["lang"].as<std::string>();
  if (vm.count("symbol")) opts.symbol = vm["symbol"].as<std::string>();
  const std::size_t max_mb = vm["max-input-mb"].as<std::size_t>();
  if (max_mb == 0 || max_mb > (std::size_t{1} << 20)) {
    return usage_error(ctx, "--max-input-mb must be between 1 and 1048576");
  }
  opts.max_input_bytes = max_mb << 20;

  // The sentences of one-sentence-per-line input are its lines, read as `align --segmented` reads them.
  const bool segmented_lines = opts.segmented && vm.count("sentences");
  auto doc = segmented_lines ? read_segmented_document(vm["file"].as<std::string>(), opts)
                             : read_document(vm["file"].as<std::string>(), opts);
  if (!doc) return report_error(ctx, doc.status());
  if (vm.count("sentences")) {
    PipelineOptions po_opts;
    po_opts.segmented = opts.segmented;
    auto segments = document_segments(*doc, po_opts);
    if (!segments) return report_error(ctx, segments.status());
    ctx.out << (vm.count("json") ? segments_to_json(*doc, *segments) : segments_to_text(*doc, *segments));
  } else if (vm.count("json")) {
    ctx.out << document_to_json(*doc);
  } else {
    ctx.out << document_to_text(*doc, vm["preview"].as<std::size_t>(), ctx.verbose);
  }
  return ctx.out ? kExitOk : report_error(ctx, Status(ErrorCode::kIo, "writing the output failed"));
}

}  // namespace paralign::cli
