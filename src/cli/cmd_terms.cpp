// `paralign terms extract`: the term pairs the QA consistency analysis finds (recurring source terms and their
// renderings by co-occurrence), written as TSV or TBX-Basic for a CAT tool's termbase.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "paralign/qa.hpp"
#include "paralign/report.hpp"
#include "util/atomic_file.hpp"
#include "cli/qa_inputs.hpp"

namespace paralign::cli {

namespace {

void print_overview(std::ostream& out) {
  out << "usage: paralign terms SUBCOMMAND [options] FILES\n\nTerminology from aligned UN documents.\n\n"
         "subcommands:\n  extract   the term pairs found by the QA consistency analysis, as TSV or TBX-Basic\n\n"
         "'paralign terms extract --help' shows its options and examples.\n";
}

int terms_extract(Context& ctx) {
  po::options_description own;
  own.add_options()
      ("output,o", po::value<std::string>()->value_name("OUT.tsv|OUT.tbx"),
       "where to write the pairs; the format follows the extension ('-' = TSV on standard output)")
      ("format", po::value<std::string>()->value_name("tsv|tbx"), "the format, when the extension does not say")
      ("min-units", po::value<std::size_t>()->value_name("N")->default_value(3),
       "units a source term must occur in to be extracted")
      ("min-dice", po::value<double>()->value_name("X")->default_value(0.3),
       "Dice coefficient a rendering needs with its source term (0-1)");
  po::options_description desc("terms extract options");
  po::positional_options_description positional;
  add_unit_input_options(desc, positional,
                         {"read the units from a TMX memory instead of aligning files",
                          "read the units from TSV: a header line of language codes (source first), "
                          "one unit per line"},
                         own);
  const Usage usage{
      "paralign terms extract [options] SRC TGT... -o OUT.tsv|OUT.tbx | paralign terms extract --tmx FILE -o OUT",
      "Finds the recurring terms of a Chinese source (n-grams bounded by punctuation, titles in 《》, acronyms, known "
      "UN names) and their renderings in each translation by co-occurrence over the aligned units (Dice "
      "coefficient, mutual best partners), and writes the pairs for a CAT tool's termbase: TSV (source, target, "
      "units, note) or TBX-Basic (ISO 30042:2019, the commonest rendering preferred, others admitted). A term "
      "rendered two ways gives two pairs; 'paralign qa' reports those as consistency.term-renderings. The TBX "
      "can be given back to 'paralign qa --glossary'.",
      {"# term pairs of a report and its English version, for a termbase:",
       "paralign terms extract A_59_181.zh.txt A_59_181.en.txt -o a59181-terms.tbx",
       "# from a memory made elsewhere, as TSV on the terminal, rarer terms included:",
       "paralign terms extract --tmx memory.tmx --min-units 2 -o -",
       "# the extracted pairs as a glossary for the next report's QA:",
       "paralign qa next.zh.txt next.en.txt --glossary a59181-terms.tbx --report qa.html"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, positional, usage, vm)) return *stop;

  if (!has_one_unit_source(vm))
    return usage_error(ctx, "terms extract needs either SRC TGT..., or --tmx FILE, or --tsv FILE (see --help)");
  if (input_files(vm).size() == 1)
    return usage_error(ctx, "terms extract needs a source and at least one translation: SRC TGT...");
  if (!vm.count("output")) return usage_error(ctx, "terms extract needs -o OUT.tsv, -o OUT.tbx or -o - (see --help)");
  const std::string output = vm["output"].as<std::string>();
  std::string format = vm.count("format") ? vm["format"].as<std::string>() : "";
  if (format.empty()) {
    auto ends = [&](std::string_view ext) {
      return output.size() >= ext.size() && output.compare(output.size() - ext.size(), ext.size(), ext) == 0;
    };
    if (ends(".tbx") || ends(".xml")) format = "tbx";
    else if (ends(".tsv") || ends(".txt") || output == "-") format = "tsv";
    else return usage_error(ctx, fmt::format("cannot tell the format of '{}': name it .tsv or .tbx, or give --format", output));
  }
  if (format != "tsv" && format != "tbx") return usage_error(ctx, fmt::format("--format takes tsv or tbx, not '{}'", format));
  const double min_dice = vm["min-dice"].as<double>();
  if (min_dice < 0 || min_dice > 1) return usage_error(ctx, "--min-dice takes a number between 0 and 1");

  auto loaded = load_units(vm);
  if (!loaded) return report_error(ctx, loaded.status());
  const QaInput& input = loaded->input;
  if (input.languages.size() < 2) return usage_error(ctx, "terms extract needs at least one translation beside the source");

  TermDiscoveryOptions opts;
  opts.min_units = vm["min-units"].as<std::size_t>();
  opts.min_dice = min_dice;
  auto discoverer = TermDiscoverer::create(opts);
  if (!discoverer) return report_error(ctx, discoverer.status());
  TermDiscovery found = discoverer->discover(input);
  std::size_t pairs = 0;
  for (const DiscoveredTerm& t : found.terms) pairs += t.renderings.size();
  const std::string text =
      format == "tbx" ? terms_to_tbx(found, input, "Term pairs found by paralign terms extract in " + loaded->described)
                      : terms_to_tsv(found, input);
  if (output == "-") {
    ctx.out << text;
  } else if (auto s = write_file_atomically(output, text, loaded->paths); !s.ok()) {
    return report_error(ctx, s);
  }
  if (pairs == 0 && !ctx.quiet)
    warn(ctx, "no term pairs found: the source must be Chinese, with terms recurring in at least --min-units units");
  if (!ctx.quiet && output != "-")
    ctx.err << fmt::format("{} term pairs ({} source terms) written to {}\n", pairs, found.terms.size(), output);
  return kExitOk;
}

}  // namespace

int cmd_terms(Context& ctx) {
  if (ctx.args.empty() || ctx.args[0] == "--help" || ctx.args[0] == "-h") {
    print_overview(ctx.out);
    return ctx.args.empty() ? kExitUsage : kExitOk;
  }
  const std::string sub = ctx.args[0];
  if (sub != "extract") {
    print_overview(ctx.err);
    return usage_error(ctx, fmt::format("unknown terms subcommand '{}' (the one there is: extract)", sub));
  }
  Context sub_ctx{std::vector<std::string>(ctx.args.begin() + 1, ctx.args.end()), ctx.out, ctx.err, ctx.verbose,
                  ctx.quiet};
  return terms_extract(sub_ctx);
}

}  // namespace paralign::cli
