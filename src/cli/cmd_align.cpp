// `paralign align SRC TGT [TGT...] -o OUT`: read the language versions, align them, write a memory and report.
#include <chrono>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "paralign/align.hpp"
#include "paralign/read.hpp"
#include "paralign/read_xml.hpp"
#include "paralign/tmx.hpp"
#include "tmx/aligned_units.hpp"
#include "util/atomic_file.hpp"
#include "util/json.hpp"
#include "util/utf8.hpp"

namespace paralign::cli {

namespace {

struct Settings {
  std::vector<std::string> files;
  std::string output;
  std::string format;  // tmx | tsv | json | beads
  PipelineOptions pipeline;
  std::string lexicon_path;  ///< --lexicon: word pairs to start from
  std::string lexicon_out;   ///< --lexicon-out: where to keep them after this run
  ReadOptions read;
  XmlReadOptions xml;
  bool xml_forced = false;
  std::string src_lang;
  std::string date;
  std::map<std::string, std::string> lang_codes;
  std::string report_path;
};

std::string extension_format(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".tmx") return "tmx";
  if (ext == ".tsv") return "tsv";
  if (ext == ".json") return "json";
  if (ext == ".beads" || ext == ".align") return "beads";
  return "";
}

Result<std::map<std::string, std::string>> parse_lang_codes(const std::string& spec) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    const std::size_t comma = spec.find(',', pos);
    const std::string item = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      return Status(ErrorCode::kInvalidArgument,
                    fmt::format("--lang-codes: '{}' is not LANG=CODE (e.g. zh=zh-CN,en=en-GB)", item));
    }
    const std::string code = item.substr(eq + 1);
    if (Status s = check_language_tag(code); !s.ok()) return Status(s.code(), "--lang-codes: " + s.message());
    out[item.substr(0, eq)] = code;
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::string now_tmx_date() {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch()).count();
  return tmx_date_from_unix(secs);
}

Result<Document> read_one(const std::string& path, const Settings& s, bool is_source) {
  if (s.xml_forced || is_xml_path(path)) {
    XmlReadOptions xo = s.xml;
    if (is_source) xo.language = s.src_lang;
    xo.max_input_bytes = s.read.max_input_bytes;
    return read_xml_document(path, xo);
  }
  ReadOptions ro = s.read;
  if (is_source) ro.language = s.src_lang;
  // One sentence per line: the lines are kept as they are, numbered from 1, whatever the structure stage would
  // make of them.
  return s.pipeline.segmented ? read_segmented_document(path, ro) : read_document(path, ro);
}

std::vector<TranslationUnit> to_units(const MultiAlignment& m, const std::vector<std::string>& codes,
                                      const std::string& symbol, const std::string& id_stem) {
  std::vector<TranslationUnit> out;
  out.reserve(m.units.size());
  std::size_t n = 0;
  for (const AlignedUnit& u : m.units) {
    out.push_back(aligned_memory_unit(m, u, fmt::format("{}:{}", id_stem, ++n), symbol, codes));
  }
  return out;
}

template <typename Writer>
Status write_all(Writer& w, const std::vector<TranslationUnit>& units) {
  for (const auto& u : units) {
    if (Status s = w.add(u); !s.ok()) return s;
  }
  return w.finish();
}

std::string describe_segment(const MultiAlignment& m, std::size_t lang, std::size_t i) {
  const Segment& s = m.segments[lang][i];
  std::string text = s.text;
  if (utf8::length(text) > 70) {
    std::size_t pos = 0;
    for (int k = 0; k < 70 && pos < text.size(); ++k) utf8::next(text, pos);
    text = text.substr(0, pos) + "…";
  }
  return fmt::format("line {}: {}", s.line, text);
}

std::string json_report(const MultiAlignment& m, const Settings& s) {
  json::Writer w;
  w.begin_object().key("format").value("paralign-align-report").key("version").value(1);
  w.key("files").begin_array();
  for (const auto& f : s.files) w.value(f);
  w.end_array();
  w.key("level").value(s.pipeline.level == AlignLevel::kParagraph && !s.pipeline.segmented ? "paragraph" : "sentence");
  w.key("units").value(m.units.size());
  w.key("languages").begin_array();
  for (std::size_t k = 0; k < m.reports.size(); ++k) {
    const LanguageReport& r = m.reports[k];
    w.begin_object().key("language").value(r.language).key("segments").value(r.segments);
    w.key("aligned").value(r.aligned).key("unpaired").value(r.unpaired);
    w.key("unpaired_segments").begin_array();
    for (std::size_t i : r.unpaired_segments) {
      w.begin_object().key("index").value(i + 1).key("line").value(m.segments[k][i].line);
      w.key("text").value(m.segments[k][i].text).end_object();
    }
    w.end_array();
    if (k > 0) {
      w.key("notes").begin_array();
      for (const auto& n : m.notes[k - 1]) w.value(n.message);
      w.end_array();
    }
    w.end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace

int cmd_align(Context& ctx) {
  po::options_description desc("align options");
  add_common_options(desc);
  desc.add_options()("output,o", po::value<std::string>()->value_name("OUT"), "the memory to write (required)")(
      "to", po::value<std::string>()->value_name("FMT"),
      "tmx, tsv, json or beads; default: from the extension of OUT (.tmx .tsv .json .beads)")(
      "level", po::value<std::string>()->value_name("L")->default_value("sentence"),
      "paragraph (one unit per block) or sentence")(
      "src-lang", po::value<std::string>()->value_name("L"), "the source's language (zh, en...); default: detect")(
      "segmented", "the inputs are one sentence per line (beads then give line numbers)")(
      "force", "align even when the documents carry different symbols")(
      "dict", po::value<std::string>()->value_name("FILE"), "a bilingual term list (TSV) to help the sentence aligner")(
      "lexicon", po::value<std::string>()->value_name("FILE"),
      "start the sentence aligner from the word pairs in FILE (from --lexicon-out or paralign batch --lexicon-out)")(
      "lexicon-out", po::value<std::string>()->value_name("FILE"),
      "keep the word pairs after this run in FILE (those of --lexicon plus what these documents taught)")(
      "date", po::value<std::string>()->value_name("D"),
      "the memory's creation date, YYYYMMDDThhmmssZ (fixed for reproducible output); default: now")(
      "lang-codes", po::value<std::string>()->value_name("MAP"),
      "language codes to write, e.g. zh=zh-CN,en=en-GB; default: the bare codes")(
      "xml-unit", po::value<std::string>()->value_name("XPATH"),
      "XML input: the numbered units, e.g. '//article' (default for UDHR files)")(
      "xml-key", po::value<std::string>()->value_name("XPATH"),
      "XML input: each unit's key, relative to it, e.g. '@number'")(
      "encoding", po::value<std::string>()->value_name("E"), "the inputs' encoding; default: detect")(
      "report", po::value<std::string>()->value_name("FILE"),
      "also write the run's report as JSON (counts and every unpaired segment)")(
      "max-input-mb", po::value<std::size_t>()->value_name("N")->default_value(512), "refuse inputs larger than N MB")(
      "files", po::value<std::vector<std::string>>()->value_name("FILE"), "SRC then one or more TGT");
  po::positional_options_description positional;
  positional.add("files", -1);
  const Usage usage{
      "paralign align [options] SRC TGT [TGT...] -o OUT",
      "Aligns a report with its other language versions: paragraphs by their numbers, heading labels and footnote "
      "numbers, the rest between them by length and shared references, then sentences inside each paragraph pair. "
      "With several TGT files each is aligned to SRC (the pivot) and each unit holds one variant per language. "
      "The run's report (stderr) gives per language the sentences aligned and left unpaired; -v lists them.",
      {"# a Chinese-English memory of the sample report, reproducible:",
       "paralign align corpora/samples/water_report.zh.txt corpora/samples/water_report.en.txt -o zh-en.tmx "
       "--date 20250101T000000Z",
       "# a three-way memory (Chinese pivot) with regional codes:",
       "paralign align water_report.zh.txt water_report.en.txt water_report.fr.txt -o zh-en-fr.tmx "
       "--lang-codes zh=zh-CN,en=en-GB,fr=fr-FR",
       "# sentence beads of two one-sentence-per-line files, by line number:",
       "paralign align --segmented 890621fc.txt 890621fe.txt -o 890621.beads",
       "# the six UDHR versions, article by article:",
       "paralign align udhr_cmn_hans.xml udhr_eng.xml udhr_fra.xml --xml-unit '//article' --xml-key '@number' "
       "--level paragraph -o udhr.tmx"}};
  po::variables_map vm;
  if (auto stop = parse_command_line(ctx, desc, positional, usage, vm)) return *stop;

  Settings s;
  if (vm.count("files")) s.files = vm["files"].as<std::vector<std::string>>();
  if (s.files.size() < 2) return usage_error(ctx, "align needs SRC and at least one TGT (see 'paralign align --help')");
  if (!vm.count("output")) return usage_error(ctx, "align needs -o OUT, the memory to write");
  s.output = vm["output"].as<std::string>();
  s.format = vm.count("to") ? vm["to"].as<std::string>() : extension_format(s.output);
  if (s.format.empty()) {
    return usage_error(ctx, fmt::format("cannot tell the format of '{}' from its extension; give --to tmx|tsv|json|beads",
                                        s.output));
  }
  if (s.format != "tmx" && s.format != "tsv" && s.format != "json" && s.format != "beads") {
    return usage_error(ctx, fmt::format("--to must be tmx, tsv, json or beads, not '{}'", s.format));
  }
  if (s.format == "beads" && s.files.size() != 2) {
    return usage_error(ctx, "beads output pairs exactly two documents: give one TGT");
  }
  const std::string level = vm["level"].as<std::string>();
  if (level == "paragraph") {
    s.pipeline.level = AlignLevel::kParagraph;
  } else if (level != "sentence") {
    return usage_error(ctx, fmt::format("--level must be paragraph or sentence, not '{}'", level));
  }
  s.pipeline.segmented = vm.count("segmented") > 0;
  s.pipeline.blocks.force = vm.count("force") > 0;
  if (vm.count("dict")) s.pipeline.dictionary_path = vm["dict"].as<std::string>();
  if (vm.count("lexicon")) s.lexicon_path = vm["lexicon"].as<std::string>();
  if (vm.count("lexicon-out")) s.lexicon_out = vm["lexicon-out"].as<std::string>();
  if (vm.count("src-lang")) s.src_lang = vm["src-lang"].as<std::string>();
  if (vm.count("encoding")) s.read.encoding = vm["encoding"].as<std::string>();
  s.read.segmented = s.pipeline.segmented;
  const std::size_t max_mb = vm["max-input-mb"].as<std::size_t>();
  if (max_mb == 0 || max_mb > (std::size_t{1} << 20)) {
    return usage_error(ctx, "--max-input-mb must be between 1 and 1048576");
  }
  s.read.max_input_bytes = max_mb << 20;
  if (vm.count("xml-unit")) {
    s.xml.unit_xpath = vm["xml-unit"].as<std::string>();
    s.xml_forced = true;
  }
  if (vm.count("xml-key")) s.xml.key_xpath = vm["xml-key"].as<std::string>();
  if (vm.count("date")) {
    s.date = vm["date"].as<std::string>();
    if (!is_tmx_date(s.date)) {
      return usage_error(ctx, fmt::format("--date must be YYYYMMDDThhmmssZ (e.g. 20250101T000000Z), not '{}'", s.date));
    }
  } else {
    s.date = now_tmx_date();
  }
  if (vm.count("lang-codes")) {
    auto codes = parse_lang_codes(vm["lang-codes"].as<std::string>());
    if (!codes) return report_error(ctx, codes.status());
    s.lang_codes = std::move(*codes);
  }
  if (vm.count("report")) s.report_path = vm["report"].as<std::string>();

  std::vector<Document> docs;
  for (std::size_t k = 0; k < s.files.size(); ++k) {
    auto d = read_one(s.files[k], s, k == 0);
    if (!d) return report_error(ctx, d.status());
    docs.push_back(std::move(*d));
  }
  LexiconSet lexicons;
  if (!s.lexicon_path.empty()) {
    auto given = load_lexicons(s.lexicon_path);
    if (!given) return report_error(ctx, given.status());
    lexicons = std::move(*given);
    s.pipeline.lexicons = std::make_shared<const LexiconSet>(lexicons);
  }
  s.pipeline.keep_lexicons = !s.lexicon_out.empty();
  Document pivot = std::move(docs.front());
  docs.erase(docs.begin());
  auto m = align_versions(pivot, docs, s.pipeline);
  if (!m) return report_error(ctx, m.status());

  std::vector<std::string> codes;
  for (const auto& l : m->languages) codes.push_back(s.lang_codes.count(l) ? s.lang_codes.at(l) : l);
  Status written;
  if (s.format == "beads") {
    written = write_file_atomically(s.output, format_document_beads(*m, s.pipeline.segmented), s.files);
  } else {
    const std::string stem = pivot.symbol.empty() ? std::filesystem::path(s.files[0]).stem().stem().string()
                                                  : pivot.symbol;
    const auto units = to_units(*m, codes, pivot.symbol, stem);
    TmxHeader header;
    header.srclang = codes[0];
    header.segtype = s.pipeline.level == AlignLevel::kParagraph && !s.pipeline.segmented ? "paragraph" : "sentence";
    header.creationdate = s.date;
    if (s.format == "tmx") {
      TmxWriterOptions wo;
      wo.inputs = s.files;
      auto w = TmxWriter::open(s.output, header, wo);
      written = w ? write_all(**w, units) : w.status();
    } else if (s.format == "tsv") {
      auto w = TsvWriter::open(s.output, codes, s.files);
      written = w ? write_all(**w, units) : w.status();
    } else {
      auto w = JsonMemoryWriter::open(s.output, header, s.files);
      written = w ? write_all(**w, units) : w.status();
    }
  }
  if (!written.ok()) return report_error(ctx, written);
  if (!s.lexicon_out.empty()) {
    // The pairs of languages of this run as they stand after it; the others as they were given.
    for (auto& [key, lexicon] : m->lexicons) lexicons.insert_or_assign(key, std::move(lexicon));
    if (Status r = write_file_atomically(s.lexicon_out, lexicons_text(lexicons), s.files); !r.ok()) {
      return report_error(ctx, r);
    }
  }
  if (!s.report_path.empty()) {
    if (Status r = write_file_atomically(s.report_path, json_report(*m, s), s.files); !r.ok()) {
      return report_error(ctx, r);
    }
  }

  if (!ctx.quiet) {
    ctx.err << fmt::format("paralign: {} units written to {}\n", m->units.size(), s.output);
    for (std::size_t k = 0; k < m->reports.size(); ++k) {
      const LanguageReport& r = m->reports[k];
      ctx.err << fmt::format("  {}: {} {}, {} aligned, {} unpaired{}\n", r.language, r.segments,
                             s.pipeline.level == AlignLevel::kParagraph && !s.pipeline.segmented ? "blocks"
                                                                                                 : "sentences",
                             r.aligned, r.unpaired, k == 0 ? " (pivot)" : "");
      if (ctx.verbose) {
        for (std::size_t i : r.unpaired_segments) ctx.err << "    unpaired " << describe_segment(*m, k, i) << '\n';
        if (k > 0) {
          for (const auto& n : m->notes[k - 1]) ctx.err << "    note: " << n.message << '\n';
        }
      }
    }
  }
  return kExitOk;
}

}  // namespace paralign::cli
