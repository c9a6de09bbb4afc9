// `paralign qa`: check a memory (made here from the documents, or read from TMX/TSV) and write the reports.
#include <fmt/format.h>

#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "paralign/qa.hpp"
#include "paralign/report.hpp"
#include "util/atomic_file.hpp"
#include "cli/qa_inputs.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif


namespace paralign::cli {

namespace {

// A report is written as it is made, never held whole: over the 100 MB collection's memory the JSON report alone is
// 36 MB, and building it as one string took some 100 MB at the end of the run.
template <typename Write>
Status write_output(Context& ctx, const std::string& path, const std::vector<std::string>& inputs, Write write) {
  if (path == "-") {
    write(ctx.out);
    return ctx.out ? Status{} : Status(ErrorCode::kIo, "writing to standard output failed");
  }
  auto opened = AtomicFile::open(path, inputs);
  if (!opened) return opened.status();
  std::unique_ptr<AtomicFile> file(*opened);
  write(file->stream());
  return file->commit();
}

// The reports read only the units a finding points at, and of those only the source, the finding's language and
// the languages of its spans: the rest of the text is let go before they are written, so that the reports' own text
// (tens of MB for a large memory) can take its room instead of adding to the peak.
void keep_reported_text(QaInput& input, const QaResult& result) {
  const std::size_t langs = input.languages.size();
  auto index_of = [&](const std::string& lang) {
    for (std::size_t k = 0; k < langs; ++k)
      if (input.languages[k] == lang) return k;
    return std::size_t{0};
  };
  std::vector<std::vector<bool>> needed(input.units.size());
  for (const Finding& f : result.findings) {
    if (f.unit >= needed.size()) continue;
    std::vector<bool>& n = needed[f.unit];
    n.resize(langs);
    n[0] = true;
    n[index_of(f.language)] = true;
    for (const QaSpan& s : f.spans) n[index_of(s.language)] = true;
  }
  for (std::size_t u = 0; u < input.units.size(); ++u) {
    QaUnit& unit = input.units[u];
    if (needed[u].empty()) {
      std::vector<QaSide>().swap(unit.sides);
      continue;
    }
    for (std::size_t k = 0; k < unit.sides.size() && k < langs; ++k)
      if (!needed[u][k]) std::string().swap(unit.sides[k].text);
  }
#if defined(__GLIBC__)
  // The freed text lies in small blocks all over the heap, which the reports' large buffers cannot reuse: give
  // its pages back to the system.
  malloc_trim(0);
#endif
}

}  // namespace

int cmd_qa(Context& ctx) {
  po::options_description own;
  own.add_options()
      ("glossary", po::value<std::string>()->value_name("FILE"),
       "terms to enforce: CSV/TSV (source, target, status, note) or TBX-Basic (2009 or 2019)")
      ("ignore", po::value<std::string>()->value_name("FILE"),
       "findings accepted by a reviser: one key per line (the 'key' of each finding in --json/--csv)")
      ("report", po::value<std::string>()->value_name("OUT.html"), "write the HTML report")
      ("json", po::value<std::string>()->value_name("FILE"), "write the findings as JSON ('-' for standard output)")
      ("csv", po::value<std::string>()->value_name("FILE"), "write the findings as CSV ('-' for standard output)")
      ("fail-on", po::value<std::string>()->value_name("LEVEL"),
       "exit with status 1 when a finding at LEVEL or above remains: error, warning or info")
      ("disable", po::value<std::vector<std::string>>()->value_name("CHECK")->composing(),
       "skip a check or a family (repeatable): spelling, form.spaces, consistency...")
      ("no-spelling", "do not run the spelling check")
      ("hunspell-dir", po::value<std::string>()->value_name("DIR")->default_value("/usr/share/hunspell"),
       "where the Hunspell .aff/.dic dictionaries are")
      ("title", po::value<std::string>()->value_name("TEXT"), "the HTML report's title");
  po::options_description desc("qa options");
  po::positional_options_description positional;
  add_unit_input_options(desc, positional,
                         {"check an existing TMX memory instead of aligning files",
                          "check a TSV memory: a header line of language codes (source first), one unit per line"},
                         own);
  const Usage usage{
      "paralign qa [options] SRC [TGT...] | paralign qa --tmx FILE.tmx [options]",
      "Checks a translation before publication: figures, dates and references compared as values across scripts "
      "(六十二 = 62, 650万 = 6.5 million, 2004 年 7 月 15 日 = 15 July 2004), glossary terms on word stems, the same "
      "source translated two ways, numbered paragraphs and footnotes on one side only, untranslated or empty "
      "targets, unbalanced brackets, spelling with a UN word list. Prints a summary; --report, --json and --csv write "
      "the findings (docs/qa-checks.md lists every check).",
      {"# check the English version of the report against the Chinese, with a glossary, and open the page:",
       "paralign qa A_59_181.zh.txt A_59_181.en.txt --glossary corpora/data/glossary/un-sample.csv --report qa.html",
       "# a memory made elsewhere, failing a publishing pipeline on any error:",
       "paralign qa --tmx A_59_181.tmx --json qa.json --fail-on error",
       "# a reviser accepted some findings: copy their 'key' fields into accepted.txt and re-run:",
       "paralign qa --tsv memory.tsv --ignore accepted.txt --csv - --no-spelling"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, positional, usage, vm)) return *stop;

  if (!has_one_unit_source(vm)) {
    return usage_error(ctx, "qa needs either SRC [TGT...], or --tmx FILE, or --tsv FILE (see 'paralign qa --help')");
  }
  Severity fail_on = Severity::kError;
  bool fail = vm.count("fail-on") > 0;
  if (fail && !parse_severity(vm["fail-on"].as<std::string>(), &fail_on)) {
    return usage_error(ctx, fmt::format("--fail-on takes error, warning or info, not '{}'", vm["fail-on"].as<std::string>()));
  }

  QaOptions opts;
  if (vm.count("glossary")) opts.glossary_path = vm["glossary"].as<std::string>();
  if (vm.count("ignore")) opts.ignore_path = vm["ignore"].as<std::string>();
  if (vm.count("disable")) opts.disabled = vm["disable"].as<std::vector<std::string>>();
  opts.spelling = vm.count("no-spelling") == 0;
  opts.hunspell_dir = vm["hunspell-dir"].as<std::string>();

  auto loaded = load_units(vm);
  if (!loaded) return report_error(ctx, loaded.status());
  QaInput& input = loaded->input;
  const std::vector<std::string>& inputs = loaded->paths;
  std::string title = "QA of " + loaded->described;
  if (vm.count("title")) title = vm["title"].as<std::string>();

  QaResult result;
  {
    auto checker = QaChecker::create(opts);
    if (!checker) return report_error(ctx, checker.status());
    result = std::move(*checker).check(input);
  }  // the checker's dictionaries go before the reports are written, as does the text no report shows
  keep_reported_text(input, result);

  if (vm.count("report")) {
    HtmlReportOptions h;
    h.title = title;
    auto write = [&](std::ostream& out) { write_qa_html(result, input, h, out); };
    if (auto s = write_output(ctx, vm["report"].as<std::string>(), inputs, write); !s.ok()) return report_error(ctx, s);
  }
  if (vm.count("json")) {
    auto write = [&](std::ostream& out) { write_qa_json(result, input, out); };
    if (auto s = write_output(ctx, vm["json"].as<std::string>(), inputs, write); !s.ok()) return report_error(ctx, s);
  }
  if (vm.count("csv")) {
    auto write = [&](std::ostream& out) { write_qa_csv(result, input, out); };
    if (auto s = write_output(ctx, vm["csv"].as<std::string>(), inputs, write); !s.ok()) return report_error(ctx, s);
  }
  const bool stdout_taken = (vm.count("json") && vm["json"].as<std::string>() == "-") ||
                            (vm.count("csv") && vm["csv"].as<std::string>() == "-");
  if (!ctx.quiet) (stdout_taken ? ctx.err : ctx.out) << qa_summary_text(result);
  if (fail && result.has_findings_at(fail_on)) return kExitFindings;
  return kExitOk;
}

}  // namespace paralign::cli
