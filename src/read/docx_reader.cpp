// The DOCX reader: libzip and libxml2 stay in this file. word/document.xml gives the paragraphs and tables,
// word/numbering.xml and word/styles.xml the automatic numbers and heading levels, word/footnotes.xml the notes.
#include <zip.h>

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "paralign/read_formats.hpp"
#include "read/read_xml_part_internal.hpp"
#include "read/rich_internal.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

using rich::Paragraph;
using rich::Role;
using xmlpart::attr;
using xmlpart::child;
using xmlpart::name;

// ---- the zip package ----

struct ZipClose {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class Package {
 public:
  static Result<Package> open(std::string_view bytes, const std::string& name, const ReadOptions& options) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
      const std::string msg = zip_error_strerror(&err);
      zip_error_fini(&err);
      return Status(ErrorCode::kInternal, "cannot read the zip package: " + msg, {name});
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
      zip_source_free(src);
      const std::string msg = zip_error_strerror(&err);
      zip_error_fini(&err);
      return Status(ErrorCode::kParse, fmt::format("not a readable DOCX (zip) file: {}", msg), {name});
    }
    zip_error_fini(&err);
    Package p;
    p.zip_.reset(z);
    p.name_ = name;
    p.options_ = options;
    return p;
  }

  bool has(const char* entry) const { return zip_name_locate(zip_.get(), entry, 0) >= 0; }

  // The entry's bytes, checked against the size and ratio limits before anything is inflated, and again while
  // inflating (the sizes in the zip directory are the archive's word, not a promise).
  Result<std::string> read(const char* entry) {
    const zip_int64_t idx = zip_name_locate(zip_.get(), entry, 0);
    if (idx < 0) return Status(ErrorCode::kNotFound, fmt::format("the package has no {}", entry), {name_});
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
      return Status(ErrorCode::kParse, fmt::format("{}: the zip directory entry is damaged", entry), {name_});
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      return Status(ErrorCode::kParse, fmt::format("{} is encrypted (a password-protected document)", entry),
                    {name_});
    }
    const std::size_t limit = options_.max_unpacked_bytes;
    if (st.size > limit || unpacked_ + st.size > limit) {
      return Status(ErrorCode::kTooLarge,
                    fmt::format("{} inflates to {} bytes, over the limit of {} MB: refused before inflating it",
                                entry, st.size, limit >> 20),
                    {name_});
    }
    if (st.size > kRatioFloor && st.size > st.comp_size * options_.max_compression_ratio) {
      return Status(ErrorCode::kTooLarge,
                    fmt::format("{} inflates {} bytes to {} (more than {} times): refused as a zip bomb", entry,
                                st.comp_size, st.size, options_.max_compression_ratio),
                    {name_});
    }
    std::unique_ptr<zip_file_t, ZipFileClose> f(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0));
    if (!f) {
      return Status(ErrorCode::kParse,
                    fmt::format("{}: cannot be opened: {}", entry, zip_strerror(zip_.get())), {name_});
    }
    std::string out;
    out.resize(static_cast<std::size_t>(st.size));
    std::size_t got = 0;
    while (true) {
      char probe[4096];
      char* dst = got < out.size() ? out.data() + got : probe;
      const std::size_t want = got < out.size() ? std::min<std::size_t>(out.size() - got, 1 << 16) : sizeof probe;
      const zip_int64_t n = zip_fread(f.get(), dst, want);
      if (n < 0) {
        return Status(ErrorCode::kParse, fmt::format("{}: damaged data: {}", entry, zip_file_strerror(f.get())),
                      {name_});
      }
      if (n == 0) break;
      if (dst == probe) {
        return Status(ErrorCode::kParse, fmt::format("{}: inflates to more than the zip directory says", entry),
                      {name_});
      }
      got += static_cast<std::size_t>(n);
    }
    if (got != out.size()) {
      return Status(ErrorCode::kParse, fmt::format("{}: truncated ({} of {} bytes)", entry, got, out.size()),
                    {name_});
    }
    unpacked_ += out.size();
    return out;
  }

 private:
  static constexpr std::size_t kRatioFloor = 64 * 1024;
  std::unique_ptr<zip_t, ZipClose> zip_;
  std::string name_;
  ReadOptions options_;
  std::size_t unpacked_ = 0;
};

// ---- numbering ----

struct Level {
  int start = 1;
  std::string format = "decimal";
  std::string text;
  bool legal = false;  // w:isLgl: every level shown in decimal
};

struct AbstractNum {
  std::array<Level, 9> levels;
};

struct Num {
  std::string abstract;
  std::array<int, 9> start_override{};  // 0 = none
  bool overridden = false;
};

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [v, s] : kTable)
    while (n >= v) out += s, n -= v;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string letters(int n, bool upper) {
  // Word's scheme: a..z, then aa..zz, aaa..: the letter repeated.
  if (n <= 0) return std::to_string(n);
  const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>(std::min((n - 1) / 26 + 1, 10)), c);
}

std::string chinese_counting(int n) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 10000) return std::to_string(n);
  std::string out;
  const int th = n / 1000, hu = n / 100 % 10, te = n / 10 % 10, on = n % 10;
  bool zero = false;
  if (th) out += std::string(kDigits[th]) + "千";
  if (hu) {
    out += std::string(kDigits[hu]) + "百";
  } else if (th && (te || on)) {
    zero = true;
  }
  if (te) {
    if (zero) out += "〇", zero = false;
    if (!(te == 1 && n < 20)) out += kDigits[te];
    out += "十";
  } else if ((th || hu) && on) {
    zero = true;
  }
  if (on) {
    if (zero) out += "〇";
    out += kDigits[on];
  }
  return out;
}

std::string format_number(int n, const std::string& fmt_name) {
  if (fmt_name == "lowerLetter") return letters(n, false);
  if (fmt_name == "upperLetter") return letters(n, true);
  if (fmt_name == "lowerRoman") return roman(n, false);
  if (fmt_name == "upperRoman") return roman(n, true);
  if (fmt_name == "chineseCounting" || fmt_name == "chineseCountingThousand" ||
      fmt_name == "ideographTraditional" || fmt_name == "japaneseCounting" ||
      fmt_name == "taiwaneseCountingThousand" || fmt_name == "chineseLegalSimplified")
    return chinese_counting(n);
  if (fmt_name == "decimalZero") return n < 10 && n >= 0 ? "0" + std::to_string(n) : std::to_string(n);
  if (fmt_name == "decimalFullWidth" || fmt_name == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) utf8::append(out, c == '-' ? U'－' : static_cast<char32_t>(0xFF10 + (c - '0')));
    return out;
  }
  if (fmt_name == "decimalEnclosedCircle" && n >= 1 && n <= 20) {
    std::string out;
    utf8::append(out, static_cast<char32_t>(0x2460 + n - 1));
    return out;
  }
  if (fmt_name == "none") return {};
  return std::to_string(n);
}

int to_int(const std::string& s, int fallback) {
  if (s.empty() || s.size() > 6) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

class Numbering {
 public:
  void load(const xmlNode* root) {
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (name(n) == "abstractNum") {
        AbstractNum& a = abstract_[attr(n, "abstractNumId")];
        for (const xmlNode* l = n->children; l; l = l->next) {
          if (name(l) != "lvl") continue;
          const int i = to_int(attr(l, "ilvl"), -1);
          if (i < 0 || i > 8) continue;
          Level& lv = a.levels[static_cast<std::size_t>(i)];
          if (const xmlNode* s = child(l, "start")) lv.start = to_int(attr(s, "val"), 1);
          if (const xmlNode* f = child(l, "numFmt")) lv.format = attr(f, "val");
          if (const xmlNode* t = child(l, "lvlText")) lv.text = attr(t, "val");
          if (const xmlNode* g = child(l, "isLgl")) lv.legal = attr(g, "val") != "0" && attr(g, "val") != "false";
        }
      } else if (name(n) == "num") {
        Num& m = nums_[attr(n, "numId")];
        if (const xmlNode* a = child(n, "abstractNumId")) m.abstract = attr(a, "val");
        for (const xmlNode* o = n->children; o; o = o->next) {
          if (name(o) != "lvlOverride") continue;
          const int i = to_int(attr(o, "ilvl"), -1);
          const xmlNode* s = child(o, "startOverride");
          if (i < 0 || i > 8 || !s) continue;
          m.start_override[static_cast<std::size_t>(i)] = std::max(1, to_int(attr(s, "val"), 1));
          m.overridden = true;
        }
      }
    }
  }

  // The visible number of the next paragraph in list `num_id` at level `ilvl` ("1.", "(a)", "一、"), advancing the
  // counters; "" when the list is unknown or shows nothing.
  std::string next(const std::string& num_id, int ilvl) {
    const auto m = nums_.find(num_id);
    if (m == nums_.end() || ilvl < 0 || ilvl > 8) return {};
    const auto a = abstract_.find(m->second.abstract);
    if (a == abstract_.end()) return {};
    // A list restarted with a startOverride counts on its own; otherwise instances of one abstract list share.
    const std::string key = m->second.overridden ? "n" + num_id : "a" + m->second.abstract;
    std::array<int, 9>& c = counters_.try_emplace(key, std::array<int, 9>{}).first->second;
    std::array<bool, 9>& used = used_.try_emplace(key, std::array<bool, 9>{}).first->second;
    const auto& lv = a->second.levels;
    auto start_of = [&](int k) {
      const int o = m->second.start_override[static_cast<std::size_t>(k)];
      return o > 0 ? o : lv[static_cast<std::size_t>(k)].start;
    };
    const auto i = static_cast<std::size_t>(ilvl);
    c[i] = used[i] ? c[i] + 1 : start_of(ilvl);
    used[i] = true;
    for (std::size_t k = i + 1; k < 9; ++k) used[k] = false;
    const Level& me = lv[i];
    if (me.format == "bullet") return me.text.empty() ? "•" : bullet(me.text);
    std::string out;
    const std::string& t = me.text;
    for (std::size_t p = 0; p < t.size(); ++p) {
      if (t[p] == '%' && p + 1 < t.size() && t[p + 1] >= '1' && t[p + 1] <= '9') {
        const auto k = static_cast<std::size_t>(t[p + 1] - '1');
        if (k <= i) {
          const int v = used[k] ? c[k] : start_of(static_cast<int>(k));
          out += format_number(v, me.legal && k < i ? "decimal" : lv[k].format);
        }
        ++p;
      } else {
        out.push_back(t[p]);
      }
    }
    return out;
  }

 private:
  static std::string bullet(const std::string& text) {
    // Symbol-font bullets live in the private use area; show them as the bullet the structure stage knows.
    std::size_t pos = 0;
    const char32_t c = utf8::next(text, pos);
    if (c >= 0xE000 && c <= 0xF8FF) return "•";
    return text;
  }

  std::unordered_map<std::string, AbstractNum> abstract_;
  std::unordered_map<std::string, Num> nums_;
  std::unordered_map<std::string, std::array<int, 9>> counters_;
  std::unordered_map<std::string, std::array<bool, 9>> used_;
};

// ---- styles ----

struct Style {
  std::string based_on;
  std::string num_id;
  int ilvl = -1;
  int outline = -1;  // 0-based outline level; -1 none
  bool hidden = false;
};

bool truthy(int v) { return v != 0; }
bool truthy(bool v) { return v; }
bool truthy(const std::string& v) { return !v.empty(); }

class Styles {
 public:
  void load(const xmlNode* root) {
    for (const xmlNode* s = root ? root->children : nullptr; s; s = s->next) {
      if (name(s) != "style") continue;
      Style& st = styles_[attr(s, "styleId")];
      if (const xmlNode* b = child(s, "basedOn")) st.based_on = attr(b, "val");
      std::string nm;
      if (const xmlNode* n = child(s, "name")) nm = attr(n, "val");
      for (char& ch : nm) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (nm.rfind("heading ", 0) == 0 && nm.size() == 9 && nm[8] >= '1' && nm[8] <= '9') st.outline = nm[8] - '1';
      if (const xmlNode* p = child(s, "pPr")) {
        if (const xmlNode* o = child(p, "outlineLvl")) st.outline = to_int(attr(o, "val"), -1);
        if (const xmlNode* np = child(p, "numPr")) {
          if (const xmlNode* id = child(np, "numId")) st.num_id = attr(id, "val");
          if (const xmlNode* il = child(np, "ilvl")) st.ilvl = to_int(attr(il, "val"), 0);
        }
      }
      if (const xmlNode* r = child(s, "rPr")) {
        if (const xmlNode* v = child(r, "vanish")) st.hidden = attr(v, "val") != "0" && attr(v, "val") != "false";
      }
    }
  }

  // Follows basedOn (at most 16 steps: a cycle in a damaged file must not loop) until `get` finds a value.
  template <typename F>
  auto find(const std::string& id, F get) const -> decltype(get(std::declval<const Style&>())) {
    std::string cur = id;
    for (int step = 0; step < 16 && !cur.empty(); ++step) {
      const auto it = styles_.find(cur);
      if (it == styles_.end()) break;
      if (auto v = get(it->second); truthy(v)) return v;
      cur = it->second.based_on;
    }
    return {};
  }

 private:
  std::unordered_map<std::string, Style> styles_;
};

// ---- the document ----

bool on(const xmlNode* prop) {
  if (!prop) return false;
  const std::string v = attr(prop, "val");
  return v != "0" && v != "false" && v != "off";
}

class Reader {
 public:
  Reader(Numbering& numbering, const Styles& styles) : numbering_(numbering), styles_(styles) {}

  std::vector<Paragraph> paragraphs;
  std::map<std::string, int> note_numbers;  // footnote id -> number shown, in order of first reference

  void body(const xmlNode* n) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view nm = name(c);
      if (nm == "p") {
        Paragraph p;
        paragraph(c, p, true);
        rich::trim_paragraph(p);
        if (!p.text.empty()) {
          p.source = ++ordinal_;
          paragraphs.push_back(std::move(p));
        } else {
          ++ordinal_;
        }
      } else if (nm == "tbl") {
        table(c);
      } else if (nm == "sdt") {
        body(child(c, "sdtContent"));
      } else if (nm == "ins" || nm == "moveTo" || nm == "customXml" || nm == "smartTag") {
        body(c);
      }
    }
  }

  // The runs of one paragraph (or of several, for a table cell) appended to `p`.
  void paragraph(const xmlNode* pn, Paragraph& p, bool numbered) {
    const xmlNode* ppr = child(pn, "pPr");
    std::string style;
    if (const xmlNode* ps = child(ppr, "pStyle")) style = attr(ps, "val");
    int outline = -1;
    if (const xmlNode* o = child(ppr, "outlineLvl")) outline = to_int(attr(o, "val"), -1);
    if (outline < 0) {
      const auto v = styles_.find(style, [](const Style& s) { return s.outline >= 0 ? s.outline + 1 : 0; });
      outline = v - 1;
    }
    if (outline >= 0 && outline < 9 && numbered) {
      p.role = Role::kHeading;
      p.outline_level = outline + 1;
    }
    if (numbered) {
      std::string num_id;
      int ilvl = -1;
      if (const xmlNode* np = child(ppr, "numPr")) {
        if (const xmlNode* id = child(np, "numId")) num_id = attr(id, "val");
        if (const xmlNode* il = child(np, "ilvl")) ilvl = to_int(attr(il, "val"), 0);
      }
      if (num_id.empty()) {
        num_id = styles_.find(style, [](const Style& s) { return s.num_id; });
        if (ilvl < 0) ilvl = styles_.find(style, [](const Style& s) { return s.ilvl >= 0 ? s.ilvl + 1 : 0; }) - 1;
      }
      if (!num_id.empty() && num_id != "0") {
        const std::string label = numbering_.next(num_id, std::max(ilvl, 0));
        if (!label.empty()) {
          p.text += label;
          p.text += ' ';
        }
      }
    }
    runs(pn, p);
  }

  void runs(const xmlNode* n, Paragraph& p) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view nm = name(c);
      if (nm == "r") {
        run(c, p);
      } else if (nm == "hyperlink" || nm == "ins" || nm == "moveTo" || nm == "smartTag" || nm == "customXml" ||
                 nm == "fldSimple" || nm == "bdo" || nm == "dir") {
        runs(c, p);
      } else if (nm == "sdt") {
        if (const xmlNode* sc = child(c, "sdtContent")) runs(sc, p);
      }
      // w:del and w:moveFrom (rejected in the accepted text), w:pPr, bookmarks, comments: nothing to read.
    }
  }

  void run(const xmlNode* r, Paragraph& p) {
    const xmlNode* rpr = child(r, "rPr");
    if (on(child(rpr, "vanish"))) return;
    if (const xmlNode* rs = child(rpr, "rStyle")) {
      const std::string id = attr(rs, "val");
      if (styles_.find(id, [](const Style& s) { return s.hidden; })) return;
    }
    for (const xmlNode* c = r->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view nm = name(c);
      if (nm == "fldChar") {
        const std::string t = attr(c, "fldCharType");
        if (t == "begin") ++field_depth_, in_instr_ = true;
        if (t == "separate") in_instr_ = false;
        if (t == "end" && field_depth_ > 0) --field_depth_, in_instr_ = false;
      } else if (in_instr_) {
        continue;  // a field's code ("PAGE", "HYPERLINK ..."): only its result is text
      } else if (nm == "t") {
        xmlChar* s = xmlNodeGetContent(c);
        if (s) rich::append_text(p.text, reinterpret_cast<const char*>(s));
        xmlFree(s);
      } else if (nm == "tab" || nm == "br" || nm == "cr") {
        rich::append_text(p.text, " ");
      } else if (nm == "noBreakHyphen") {
        p.text += '-';
      } else if (nm == "footnoteReference") {
        if (attr(c, "customMarkFollows") == "1" || attr(c, "customMarkFollows") == "true") continue;
        const std::string id = attr(c, "id");
        auto [it, fresh] = note_numbers.try_emplace(id, static_cast<int>(note_numbers.size()) + 1);
        p.markers.emplace_back(p.text.size(), it->second);
      }
      // w:instrText, w:delText, w:footnoteRef, w:softHyphen, drawings: not text of the paragraph.
    }
  }

  void table(const xmlNode* tbl) {
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
      if (name(tr) != "tr") continue;
      Paragraph row;
      row.role = Role::kTableRow;
      for (const xmlNode* tc = tr->children; tc; tc = tc->next) {
        if (name(tc) != "tc") continue;
        cell(tc, row);
      }
      rich::trim_paragraph(row);
      row.source = ++ordinal_;
      if (!row.text.empty()) paragraphs.push_back(std::move(row));
    }
  }

  void cell(const xmlNode* tc, Paragraph& row) {
    for (const xmlNode* c = tc->children; c; c = c->next) {
      if (name(c) == "p") {
        if (!row.text.empty() && row.text.back() != ' ') row.text += ' ';
        paragraph(c, row, true);
      } else if (name(c) == "tbl") {
        for (const xmlNode* tr = c->children; tr; tr = tr->next)
          if (name(tr) == "tr")
            for (const xmlNode* inner = tr->children; inner; inner = inner->next)
              if (name(inner) == "tc" && depth_ < 8) ++depth_, cell(inner, row), --depth_;
      } else if (name(c) == "sdt") {
        if (const xmlNode* sc = child(c, "sdtContent")) cell(sc, row);
      }
    }
    row.role = Role::kTableRow;
    row.outline_level = 0;
  }

 private:
  Numbering& numbering_;
  const Styles& styles_;
  std::size_t ordinal_ = 0;
  int field_depth_ = 0;
  bool in_instr_ = false;
  int depth_ = 0;
};

const xmlNode* root_of(const xmlpart::DocPtr& d) { return xmlDocGetRootElement(d.get()); }

}  // namespace

Result<Document> parse_docx(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  if (bytes.empty()) return Status(ErrorCode::kEmpty, "the file is empty", {name});
  auto pkg = Package::open(bytes, name, options);
  if (!pkg) return pkg.status();
  if (!pkg->has("word/document.xml")) {
    return Status(ErrorCode::kParse, "a zip file, but not a Word document: it has no word/document.xml", {name});
  }
  auto load = [&](const char* entry) -> Result<xmlpart::DocPtr> {
    auto data = pkg->read(entry);
    if (!data) return data.status();
    return xmlpart::parse(*data, name, entry);
  };
  Styles styles;
  xmlpart::DocPtr styles_doc, numbering_doc, notes_doc;
  if (pkg->has("word/styles.xml")) {
    auto d = load("word/styles.xml");
    if (!d) return d.status();
    styles_doc = std::move(*d);
    styles.load(root_of(styles_doc));
  }
  Numbering numbering;
  if (pkg->has("word/numbering.xml")) {
    auto d = load("word/numbering.xml");
    if (!d) return d.status();
    numbering_doc = std::move(*d);
    numbering.load(root_of(numbering_doc));
  }
  auto main_doc = load("word/document.xml");
  if (!main_doc) return main_doc.status();
  const xmlNode* body = child(root_of(*main_doc), "body");
  if (!body) return Status(ErrorCode::kParse, "word/document.xml has no w:body", {name});

  Reader reader(numbering, styles);
  reader.body(body);
  rich::RichText rt;
  rt.paragraphs = std::move(reader.paragraphs);

  if (!reader.note_numbers.empty() && pkg->has("word/footnotes.xml")) {
    auto d = load("word/footnotes.xml");
    if (!d) return d.status();
    notes_doc = std::move(*d);
    std::map<int, Paragraph> notes;
    Numbering no_numbering;
    Reader note_reader(no_numbering, styles);
    for (const xmlNode* fn = root_of(notes_doc) ? root_of(notes_doc)->children : nullptr; fn; fn = fn->next) {
      if (xmlpart::name(fn) != "footnote") continue;
      const auto it = reader.note_numbers.find(attr(fn, "id"));
      if (it == reader.note_numbers.end()) continue;  // separators, and notes nothing refers to
      Paragraph note;
      note.role = Role::kNote;
      note.note = it->second;
      for (const xmlNode* p = fn->children; p; p = p->next) {
        if (xmlpart::name(p) != "p") continue;
        if (!note.text.empty()) rich::append_text(note.text, " ");
        note_reader.paragraph(p, note, false);
      }
      note.role = Role::kNote;
      note.outline_level = 0;
      note.markers.clear();
      rich::trim_paragraph(note);
      notes[note.note] = std::move(note);
    }
    std::size_t source = rt.paragraphs.empty() ? 0 : rt.paragraphs.back().source;
    for (auto& [n, note] : notes) {
      note.source = ++source;
      rt.paragraphs.push_back(std::move(note));
    }
  }
  return rich::build_rich_document(std::move(rt), name, options);
}

}  // namespace paralign
