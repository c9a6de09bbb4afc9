// `paralign tmx validate|stats|convert|merge`: work on translation memories, ours or other tools'. The first
// positional argument names the subcommand; each subcommand has its own options and --help.
#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <unordered_set>

#include "cli/commands.hpp"
#include "paralign/tmx.hpp"
#include "util/json.hpp"
#include "util/utf8.hpp"

namespace paralign::cli {

namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  int (*fn)(Context&);
};

int tmx_validate(Context& ctx);
int tmx_stats(Context& ctx);
int tmx_convert(Context& ctx);
int tmx_merge(Context& ctx);

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> kSubcommands = {
      {"validate", "check memories against TMX 1.4b the way a strict validator does", &tmx_validate},
      {"stats", "count units, segments, characters and words per language, and props", &tmx_stats},
      {"convert", "rewrite a memory as TMX 1.4b, TSV or JSON", &tmx_convert},
      {"merge", "join memories into one, dropping duplicate units and keeping every inline code", &tmx_merge},
  };
  return kSubcommands;
}

void print_overview(std::ostream& out) {
  out << "usage: paralign tmx SUBCOMMAND [options] FILES\n\nWork on translation memories in TMX 1.4b, "
         "paralign's own or exported by other tools (UTF-8 or UTF-16).\n\nsubcommands:\n";
  for (const auto& s : subcommands()) {
    out << "  " << s.name << std::string(10 - std::string(s.name).size(), ' ') << s.summary << '\n';
  }
  out << "\n'paralign tmx SUBCOMMAND --help' shows a subcommand's options and examples.\n";
}

// --- shared helpers ---

// The creation date: --date (TMX form, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ), else $SOURCE_DATE_EPOCH for
// reproducible builds, else now. The clock is read here, never in the library.
std::optional<std::string> creation_date(Context& ctx, const po::variables_map& vm) {
  if (vm.count("date")) {
    std::string d = vm["date"].as<std::string>();
    if (is_tmx_date(d)) return d;
    std::string digits;
    for (char c : d) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    }
    const bool plain_day = d.size() == 10 && d[4] == '-' && d[7] == '-' && digits.size() == 8;
    const bool iso = d.size() == 20 && d[4] == '-' && d[7] == '-' && d[10] == 'T' && d[13] == ':' && d[16] == ':' &&
                     d[19] == 'Z' && digits.size() == 14;
    std::string tmx;
    if (plain_day) tmx = digits + "T000000Z";
    if (iso) tmx = digits.substr(0, 8) + "T" + digits.substr(8) + "Z";
    if (!tmx.empty() && is_tmx_date(tmx)) return tmx;
    usage_error(ctx, "--date '" + d + "' is not a date: write 20261126T050000Z, 2026-11-26 or 2026-11-26T05:00:00Z");
    return std::nullopt;
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long s = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0') return tmx_date_from_unix(s);
  }
  return tmx_date_from_unix(static_cast<std::int64_t>(std::time(nullptr)));
}

void warn_issues(Context& ctx, const std::string& path, const TmxReader& reader) {
  if (reader.issue_count() == 0) return;
  warn(ctx, fmt::format("{}: {} departure{} from TMX 1.4b (see 'paralign tmx validate {}')", path,
                        reader.issue_count(), reader.issue_count() == 1 ? "" : "s", path));
}

// A writer's refusal, naming the input, with the option that repairs language codes when it would help.
// Header problems are named by the output alone; unit problems name the input they came from too.
Status explain(const Status& s, const std::string& input, bool fixed, bool name_input = true) {
  const bool hint = !fixed && s.message().find("BCP 47") != std::string::npos;
  return Status(s.code(), (name_input ? input + ": " : "") + s.message() + (hint ? " (or add --fix-languages)" : ""),
                s.where());
}

void fix_languages(TranslationUnit& unit) {
  for (auto& v : unit.variants) v.lang = suggest_language_tag(v.lang);
}

// The header of a memory paralign rewrites: the input's, with paralign as the creating tool and the required
// attributes an input lacked filled in.
TmxHeader rewritten_header(const TmxHeader& in, const std::string& date) {
  TmxHeader h = in;
  if (h.o_tmf.empty()) h.o_tmf = in.creationtool.empty() ? "unknown" : in.creationtool;
  h.creationtool = "paralign";
  h.creationtoolversion = PARALIGN_VERSION;
  if (h.segtype.empty()) h.segtype = "sentence";
  if (h.adminlang.empty()) h.adminlang = "en";
  if (h.datatype.empty()) h.datatype = "plaintext";
  h.creationdate = date;
  return h;
}

std::string cleanup_note(const CleanupCounts& c) {
  std::string s;
  if (c.forbidden_removed) {
    s += fmt::format("; removed {} character{} XML forbids", c.forbidden_removed, c.forbidden_removed == 1 ? "" : "s");
  }
  if (c.invalid_utf8) s += fmt::format("; replaced {} byte{} that were not UTF-8", c.invalid_utf8, c.invalid_utf8 == 1 ? "" : "s");
  return s;
}

std::string output_format(const po::variables_map& vm, const std::string& out) {
  if (vm.count("to")) return vm["to"].as<std::string>();
  const std::string ext = std::filesystem::path(out).extension().string();
  if (ext == ".tmx" || ext == ".TMX") return "tmx";
  if (ext == ".tsv" || ext == ".txt") return "tsv";
  if (ext == ".json") return "json";
  return "";
}

// Reads every unit of `path`, calling fn on each. Returns the reader's error, if any.
Status for_each_unit(const std::string& path, const std::function<Status(TranslationUnit&)>& fn,
                     std::unique_ptr<TmxReader>* keep = nullptr) {
  auto reader = TmxReader::open(path);
  if (!reader) return reader.status();
  TranslationUnit unit;
  while (true) {
    auto more = (*reader)->next(unit);
    if (!more) return more.status();
    if (!*more) break;
    if (auto s = fn(unit); !s.ok()) return s;
  }
  if (keep) *keep = std::move(*reader);
  return {};
}

// Languages of a memory in column order: the source language first, then the others as they first appear.
Result<std::vector<std::string>> memory_languages(const std::string& path, const std::string& srclang, bool fix) {
  std::vector<std::string> langs;
  std::unordered_set<std::string> seen;
  if (!srclang.empty() && srclang != "*all*") {
    langs.push_back(srclang);
    seen.insert(utf8::ascii_lower(srclang));
  }
  auto s = for_each_unit(path, [&](TranslationUnit& u) -> Status {
    if (fix) fix_languages(u);
    for (const auto& v : u.variants) {
      if (seen.insert(utf8::ascii_lower(v.lang)).second) langs.push_back(v.lang);
    }
    return {};
  });
  if (!s.ok()) return s;
  return langs;
}

// One output whatever its format: TMX, TSV or JSON.
Result<std::unique_ptr<MemoryWriter>> open_writer(const std::string& format, const std::string& out,
                                                  const TmxHeader& header, const std::vector<std::string>& inputs,
                                                  const std::vector<std::string>& languages) {
  if (format == "tmx") {
    TmxWriterOptions opts;
    opts.inputs = inputs;
    auto t = TmxWriter::open(out, header, opts);
    if (!t) return t.status();
    return std::unique_ptr<MemoryWriter>(std::move(*t));
  }
  if (format == "tsv") {
    auto t = TsvWriter::open(out, languages, inputs);
    if (!t) return t.status();
    return std::unique_ptr<MemoryWriter>(std::move(*t));
  }
  auto t = JsonMemoryWriter::open(out, header, inputs);
  if (!t) return t.status();
  return std::unique_ptr<MemoryWriter>(std::move(*t));
}

// What convert and merge write: the output, its format, the header's date, and whether codes are repaired.
struct OutputSettings {
  std::string out;
  std::string format;
  std::string date;
  bool fix = false;
};

// Reads -o, --to, --date and --fix-languages once -o is known to be given. On a usage error, says so and returns
// std::nullopt (the command then exits with kExitUsage).
std::optional<OutputSettings> output_settings(Context& ctx, const po::variables_map& vm) {
  OutputSettings o;
  o.out = vm["output"].as<std::string>();
  o.format = output_format(vm, o.out);
  if (o.format != "tmx" && o.format != "tsv" && o.format != "json") {
    usage_error(ctx, o.format.empty() ? "cannot tell the output format from '" + o.out + "'; add --to tmx|tsv|json"
                                      : "--to must be tmx, tsv or json, not '" + o.format + "'");
    return std::nullopt;
  }
  const auto date = creation_date(ctx, vm);
  if (!date) return std::nullopt;
  o.date = *date;
  o.fix = vm.count("fix-languages") > 0;
  return o;
}

// The header of the output: rewritten_header() of `in` (read from `path`), with --srclang and --fix-languages
// applied. On a header that names no source language, says so and returns std::nullopt (exit with kExitUsage).
std::optional<TmxHeader> output_header(Context& ctx, const po::variables_map& vm, const OutputSettings& o,
                                       const TmxHeader& in, const std::string& path) {
  TmxHeader header = rewritten_header(in, o.date);
  if (vm.count("srclang")) header.srclang = vm["srclang"].as<std::string>();
  if (o.fix) {
    header.srclang = suggest_language_tag(header.srclang);
    header.adminlang = suggest_language_tag(header.adminlang);
  }
  if (header.srclang.empty()) {
    usage_error(ctx, path + ": the memory names no source language; give one with --srclang LANG");
    return std::nullopt;
  }
  return header;
}

// The options of a subcommand that writes a memory (convert, merge), in the order --help lists them: the inputs
// (positional), --to, the subcommand's own `options`, the output's options, then the common ones.
void add_rewrite_options(po::options_description& desc, po::positional_options_description& pos,
                         const char* input_help, const po::options_description& options) {
  desc.add_options()("input", po::value<std::vector<std::string>>()->value_name("IN"), input_help)(
      "to", po::value<std::string>()->value_name("FORMAT"), "tmx, tsv or json (default: from OUT's extension)");
  for (const auto& option : options.options()) desc.add(option);
  desc.add_options()("output,o", po::value<std::string>()->value_name("OUT"), "the file to write (required)")(
      "date", po::value<std::string>()->value_name("DATE"),
      "creation date for the header: 20261126T050000Z, 2026-11-26 or 2026-11-26T05:00:00Z (default: "
      "$SOURCE_DATE_EPOCH, else now)")("srclang", po::value<std::string>()->value_name("LANG"),
                                       "set the header's source language (for memories exported with a wrong one)")(
      "fix-languages", "rewrite language codes into BCP 47 form (zh_cn -> zh-CN, EN-us -> en-US)");
  add_common_options(desc);
  pos.add("input", -1);
}

// --- validate ---

int tmx_validate(Context& ctx) {
  po::options_description desc("options");
  desc.add_options()("input", po::value<std::vector<std::string>>()->value_name("FILE"), "memories to check");
  add_common_options(desc);
  po::positional_options_description pos;
  pos.add("input", -1);
  const Usage usage{
      "paralign tmx validate [options] FILE...",
      "Checks each memory as a strict TMX 1.4b validator does: the root and its version; the header's seven required "
      "attributes (creationtool, creationtoolversion, segtype, o-tmf, adminlang, srclang, datatype); notes and props "
      "before the variants; a variant in the source language in every unit (unless srclang is *all*); language codes "
      "in BCP 47 form; one <seg> per <tuv>; dates as YYYYMMDDThhmmssZ; custom prop types prefixed x-; inline codes "
      "paired and where TMX allows them. Each problem is printed as 'file:line: message'. Exit status 2 when any "
      "file is invalid.",
      {"# check a memory exported by a CAT tool", "paralign tmx validate exported.tmx",
       "# check every memory in a folder, printing only the problems", "paralign tmx validate -q memories/*.tmx"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, pos, usage, vm)) return *stop;
  if (!vm.count("input")) return usage_error(ctx, "tmx validate needs at least one FILE (see --help)");
  bool all_valid = true;
  for (const auto& path : vm["input"].as<std::vector<std::string>>()) {
    auto result = validate_tmx(path);
    if (!result) {
      all_valid = false;
      ctx.out << result.status().to_string() << '\n';
      continue;
    }
    for (const auto& issue : result->issues) {
      ctx.out << path;
      if (issue.line) ctx.out << ':' << issue.line;
      ctx.out << ": " << (issue.severity == TmxIssue::Severity::kWarning ? "warning: " : "") << issue.message << '\n';
    }
    if (result->errors + result->warnings > result->issues.size()) {
      ctx.out << path << ": ... and " << (result->errors + result->warnings - result->issues.size())
              << " more problems\n";
    }
    if (!result->valid()) all_valid = false;
    if (!ctx.quiet) {
      if (result->valid()) {
        ctx.out << fmt::format("{}: valid TMX 1.4b ({} unit{}{})\n", path, result->units, result->units == 1 ? "" : "s",
                               result->warnings ? fmt::format(", {} warnings", result->warnings) : "");
      } else {
        ctx.out << fmt::format("{}: invalid: {} error{}, {} warning{} in {} units\n", path, result->errors,
                               result->errors == 1 ? "" : "s", result->warnings, result->warnings == 1 ? "" : "s",
                               result->units);
      }
    }
  }
  return all_valid ? kExitOk : kExitUsage;
}

// --- stats ---

void print_stats_text(std::ostream& out, const std::string& name, const TmxStats& s) {
  out << fmt::format("{}: {} units, {} segments, {} languages, {} notes\n", name, s.units, s.segments,
                     s.languages.size(), s.notes);
  out << fmt::format("  {:<12} {:>10} {:>10} {:>12} {:>10} {:>8}\n", "language", "units", "segments", "characters",
                     "words", "codes");
  for (const auto& [lang, l] : s.languages) {
    out << fmt::format("  {:<12} {:>10} {:>10} {:>12} {:>10} {:>8}\n", lang, l.units, l.segments, l.characters,
                       l.words, l.inline_codes);
  }
  if (!s.props.empty()) {
    out << "  props:";
    bool first = true;
    for (const auto& [type, n] : s.props) {
      out << (first ? " " : ", ") << type << ' ' << n;
      first = false;
    }
    out << '\n';
  }
}

void stats_json(json::Writer& w, const std::string& name, const TmxStats& s) {
  w.begin_object().key("file").value(name).key("units").value(s.units).key("segments").value(s.segments);
  w.key("notes").value(s.notes).key("languages").begin_object();
  for (const auto& [lang, l] : s.languages) {
    w.key(lang).begin_object().key("units").value(l.units).key("segments").value(l.segments);
    w.key("characters").value(l.characters).key("words").value(l.words).key("inline_codes").value(l.inline_codes);
    w.end_object();
  }
  w.end_object().key("props").begin_object();
  for (const auto& [type, n] : s.props) w.key(type).value(n);
  w.end_object().end_object();
}

int tmx_stats(Context& ctx) {
  po::options_description desc("options");
  desc.add_options()("input", po::value<std::vector<std::string>>()->value_name("FILE"), "memories to count")(
      "json", "print JSON instead of a table");
  add_common_options(desc);
  po::positional_options_description pos;
  pos.add("input", -1);
  const Usage usage{
      "paralign tmx stats [options] FILE...",
      "Counts the units and segments of each memory, and per language its units, segments, characters and words "
      "(plain text: inline codes left out; a Han or kana character counts as one word, as CAT tools count Chinese "
      "and Japanese), inline codes, and how many props of each type. With several files a total follows.",
      {"# what a memory holds", "paralign tmx stats A_59_181.tmx", "# counts for a script, as JSON",
       "paralign tmx stats --json memories/*.tmx"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, pos, usage, vm)) return *stop;
  if (!vm.count("input")) return usage_error(ctx, "tmx stats needs at least one FILE (see --help)");
  const auto inputs = vm["input"].as<std::vector<std::string>>();
  const bool as_json = vm.count("json") > 0;
  json::Writer w;
  if (as_json) w.begin_object().key("files").begin_array();
  TmxStats total;
  for (const auto& path : inputs) {
    TmxStats s;
    std::unique_ptr<TmxReader> reader;
    auto status = for_each_unit(path, [&](TranslationUnit& u) -> Status {
      s.add(u);
      total.add(u);
      return {};
    }, &reader);
    if (!status.ok()) return report_error(ctx, status);
    warn_issues(ctx, path, *reader);
    if (as_json) {
      stats_json(w, path, s);
    } else {
      print_stats_text(ctx.out, path, s);
    }
  }
  if (as_json) {
    w.end_array();
    if (inputs.size() > 1) {
      w.key("total");
      stats_json(w, "total", total);
    }
    w.end_object();
    ctx.out << w.str();
  } else if (inputs.size() > 1) {
    print_stats_text(ctx.out, "total", total);
  }
  return kExitOk;
}

// --- convert ---

int tmx_convert(Context& ctx) {
  po::options_description desc("options");
  po::positional_options_description pos;
  add_rewrite_options(desc, pos, "the memory to convert", po::options_description());
  const Usage usage{
      "paralign tmx convert [options] IN -o OUT [--to tmx|tsv|json]",
      "Rewrites a memory. To TMX: paralign's TMX 1.4b profile (tmx/README.md) with the input's units, props, notes "
      "and inline codes kept. To TSV: a header line of language codes (source language first), then one line per "
      "unit with each language's plain text; TAB, line ends and backslash inside text are written \\t, \\n, \\r and "
      "\\\\. To JSON: the schema in docs/tmx.md. Characters XML forbids are removed and counted. The output is "
      "written to a temporary file and renamed into place, so a failed run leaves any previous OUT untouched.",
      {"# a spreadsheet-friendly copy of a memory", "paralign tmx convert A_59_181.tmx -o A_59_181.tsv",
       "# repair a memory exported with underscore language codes", 
       "paralign tmx convert --fix-languages exported.tmx -o fixed.tmx --date 2026-11-26"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, pos, usage, vm)) return *stop;
  if (!vm.count("input") || vm["input"].as<std::vector<std::string>>().size() != 1) {
    return usage_error(ctx, "tmx convert takes one input memory (see --help)");
  }
  if (!vm.count("output")) return usage_error(ctx, "tmx convert needs -o OUT (see --help)");
  const std::string in = vm["input"].as<std::vector<std::string>>()[0];
  const auto o = output_settings(ctx, vm);
  if (!o) return kExitUsage;

  auto reader = TmxReader::open(in);
  if (!reader) return report_error(ctx, reader.status());
  const auto header = output_header(ctx, vm, *o, (*reader)->header(), in);
  if (!header) return kExitUsage;
  std::vector<std::string> languages;
  if (o->format == "tsv") {
    auto langs = memory_languages(in, header->srclang, o->fix);
    if (!langs) return report_error(ctx, langs.status());
    languages = std::move(*langs);
  }
  auto opened = open_writer(o->format, o->out, *header, {in}, languages);
  if (!opened) return report_error(ctx, explain(opened.status(), in, o->fix, false));
  MemoryWriter& writer = **opened;
  TranslationUnit unit;
  std::size_t n = 0;
  while (true) {
    auto more = (*reader)->next(unit);
    if (!more) return report_error(ctx, more.status());
    if (!*more) break;
    if (o->fix) fix_languages(unit);
    if (auto s = writer.add(unit); !s.ok()) return report_error(ctx, explain(s, in, o->fix));
    ++n;
  }
  warn_issues(ctx, in, **reader);
  if (auto s = writer.finish(); !s.ok()) return report_error(ctx, s);
  if (!ctx.quiet) {
    ctx.out << fmt::format("wrote {}: {} unit{} as {}{}\n", o->out, n, n == 1 ? "" : "s", o->format,
                           cleanup_note(writer.cleanup()));
  }
  return kExitOk;
}

// --- merge ---

int tmx_merge(Context& ctx) {
  po::options_description own;
  own.add_options()("by-symbol",
                    "interleave inputs sorted by their units' x-symbol (shards of 'paralign batch --merge') into one "
                    "memory in symbol order, keeping every unit");
  po::options_description desc("options");
  po::positional_options_description pos;
  add_rewrite_options(desc, pos, "the memories to merge", own);
  const Usage usage{
      "paralign tmx merge [options] IN... -o OUT",
      "Joins memories with the same source language into one. A unit whose languages and segments (inline codes "
      "included) equal an earlier unit's is dropped, whatever its tuid, props or notes; the first one is kept with "
      "its own. Units that differ only in their inline codes are both kept. The header is the first input's, with "
      "paralign as the creating tool.",
      {"# one memory for a session's reports", "paralign tmx merge A_59_181.tmx A_59_150.tmx -o session59.tmx",
       "# merge exports whose headers name the wrong source language",
       "paralign tmx merge --srclang zh-CN a.tmx b.tmx -o all.tmx"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, pos, usage, vm)) return *stop;
  if (!vm.count("input")) return usage_error(ctx, "tmx merge needs at least one input memory (see --help)");
  if (!vm.count("output")) return usage_error(ctx, "tmx merge needs -o OUT (see --help)");
  const auto inputs = vm["input"].as<std::vector<std::string>>();
  const auto o = output_settings(ctx, vm);
  if (!o) return kExitUsage;
  const bool fix = o->fix;

  // Open every input first: a header that does not fit stops the run before anything is written.
  std::vector<TmxHeader> headers;
  for (const auto& in : inputs) {
    auto reader = TmxReader::open(in);
    if (!reader) return report_error(ctx, reader.status());
    headers.push_back((*reader)->header());
  }
  const auto rewritten = output_header(ctx, vm, *o, headers[0], inputs[0]);
  if (!rewritten) return kExitUsage;
  const TmxHeader& header = *rewritten;
  if (!vm.count("srclang")) {
    for (std::size_t i = 1; i < inputs.size(); ++i) {
      const std::string other = fix ? suggest_language_tag(headers[i].srclang) : headers[i].srclang;
      if (utf8::ascii_lower(other) != utf8::ascii_lower(header.srclang)) {
        return report_error(ctx, Status(ErrorCode::kMismatch,
                                        fmt::format("source language '{}' differs from '{}' in {}; merge memories "
                                                    "with one source language, or set it with --srclang",
                                                    headers[i].srclang, header.srclang, inputs[0]),
                                        {inputs[i]}));
      }
    }
  }
  std::vector<std::string> languages;
  if (o->format == "tsv") {
    std::unordered_set<std::string> seen{utf8::ascii_lower(header.srclang)};
    languages.push_back(header.srclang);
    for (const auto& in : inputs) {
      auto langs = memory_languages(in, "", fix);
      if (!langs) return report_error(ctx, langs.status());
      for (const auto& l : *langs) {
        if (seen.insert(utf8::ascii_lower(l)).second) languages.push_back(l);
      }
    }
  }
  auto opened = open_writer(o->format, o->out, header, inputs, languages);
  if (!opened) return report_error(ctx, explain(opened.status(), inputs[0], fix, false));
  MemoryWriter& writer = **opened;
  std::unordered_set<std::string> seen;
  std::size_t read = 0, written = 0;
  if (vm.count("by-symbol")) {
    // The shards of a batch each hold whole documents in symbol order: a k-way merge on x-symbol gives the order a
    // single run writes, streaming (one unit per input in memory). Every unit is kept, as the batch keeps them.
    const auto symbol_of = [](const TranslationUnit& u) {
      for (const auto& p : u.props) {
        if (p.type == "x-symbol") return p.value;
      }
      return std::string();
    };
    std::vector<std::unique_ptr<TmxReader>> readers;
    std::vector<TranslationUnit> head(inputs.size());
    std::vector<bool> live(inputs.size(), false);
    const auto advance = [&](std::size_t i) -> Status {
      const std::string before = live[i] ? symbol_of(head[i]) : std::string();
      auto more = readers[i]->next(head[i]);
      if (!more) return more.status();
      live[i] = *more;
      if (live[i]) {
        ++read;
        if (fix) fix_languages(head[i]);
        if (symbol_of(head[i]) < before) {
          return Status(ErrorCode::kInvalidArgument,
                        fmt::format("--by-symbol: units are not in x-symbol order ('{}' after '{}')",
                                    symbol_of(head[i]), before),
                        {inputs[i]});
        }
      }
      return {};
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      auto r = TmxReader::open(inputs[i]);
      if (!r) return report_error(ctx, r.status());
      readers.push_back(std::move(*r));
      if (auto s = advance(i); !s.ok()) return report_error(ctx, s);
    }
    while (true) {
      std::size_t best = inputs.size();
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (live[i] && (best == inputs.size() || symbol_of(head[i]) < symbol_of(head[best]))) best = i;
      }
      if (best == inputs.size()) break;
      if (auto w = writer.add(head[best]); !w.ok()) return report_error(ctx, explain(w, inputs[best], fix));
      ++written;
      if (auto s = advance(best); !s.ok()) return report_error(ctx, s);
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) warn_issues(ctx, inputs[i], *readers[i]);
  }
  for (const auto& in : vm.count("by-symbol") ? std::vector<std::string>{} : inputs) {
    std::unique_ptr<TmxReader> reader;
    auto s = for_each_unit(in, [&](TranslationUnit& unit) -> Status {
      ++read;
      if (fix) fix_languages(unit);
      if (!seen.insert(unit_identity(unit)).second) return {};
      if (auto w = writer.add(unit); !w.ok()) return explain(w, in, fix);
      ++written;
      return {};
    }, &reader);
    if (!s.ok()) return report_error(ctx, s);
    warn_issues(ctx, in, *reader);
  }
  if (auto s = writer.finish(); !s.ok()) return report_error(ctx, s);
  if (!ctx.quiet) {
    ctx.out << fmt::format("wrote {}: {} unit{} from {} read in {} file{} ({} duplicate{} dropped){}\n", o->out,
                           written, written == 1 ? "" : "s", read, inputs.size(), inputs.size() == 1 ? "" : "s",
                           read - written, read - written == 1 ? "" : "s", cleanup_note(writer.cleanup()));
  }
  return kExitOk;
}

}  // namespace

int cmd_tmx(Context& ctx) {
  if (ctx.args.empty()) {
    print_overview(ctx.err);
    return kExitUsage;
  }
  const std::string& first = ctx.args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    print_overview(ctx.out);
    return kExitOk;
  }
  for (const auto& s : subcommands()) {
    if (first == s.name) {
      Context sub{std::vector<std::string>(ctx.args.begin() + 1, ctx.args.end()), ctx.out, ctx.err};
      return s.fn(sub);
    }
  }
  return usage_error(ctx, "unknown tmx subcommand '" + first + "': use validate, stats, convert or merge (see 'paralign "
                          "tmx --help')");
}

}  // namespace paralign::cli
