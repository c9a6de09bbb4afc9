// The segment stage: sentence splitting per language (UN drafting), tokenisation, and their invariants.
#include "paralign/segment.hpp"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"
#include "util/utf8.hpp"

namespace paralign {
namespace {

struct SplitCase {
  const char* lang;
  const char* what;
  std::string paragraph;
  std::vector<std::string> sentences;
};

// Written for these tests in UN style; each names the rule it exercises.
const std::vector<SplitCase>& split_cases() {
  static const std::vector<SplitCase> cases = {
      // ---- English ----
      {"en",
       "two plain sentences with a symbol",
       "The Committee considered the report of the Secretary-General (A/59/181). It took note of paragraphs 5 to 12.",
       {"The Committee considered the report of the Secretary-General (A/59/181).",
        "It took note of paragraphs 5 to 12."}},
      {"en",
       "para. and an initial",
       "In accordance with para. 5 of resolution 58/1, Mr. J. Smith introduced the item. The Chair thanked him.",
       {"In accordance with para. 5 of resolution 58/1, Mr. J. Smith introduced the item.", "The Chair thanked him."}},
      {"en",
       "S/RES/1373 (2001). is one sentence end",
       "The Council reaffirmed its resolution S/RES/1373 (2001). The Committee concurred.",
       {"The Council reaffirmed its resolution S/RES/1373 (2001).", "The Committee concurred."}},
      {"en",
       "dotted symbol at a sentence end",
       "The Programme of Action is contained in A/CONF.192/15. States were invited to implement it.",
       {"The Programme of Action is contained in A/CONF.192/15.", "States were invited to implement it."}},
      {"en",
       "enumeration with semicolons",
       "The Assembly requested the Secretary-General: (a) to submit a report; (b) to consult Member States; and (c) "
       "to keep the matter under review.",
       {"The Assembly requested the Secretary-General: (a) to submit a report; (b) to consult Member States; and (c) "
        "to keep the matter under review."}},
      {"en",
       "enumeration items ending with full stops",
       "The Committee recommends that the State party: (a) Adopt the draft law. (b) Allocate adequate resources. "
       "(c) Report on progress.",
       {"The Committee recommends that the State party: (a) Adopt the draft law. (b) Allocate adequate resources. "
        "(c) Report on progress."}},
      {"en",
       "decimal numbers",
       "Growth reached 6.5 per cent in 2004. It fell to 3.2 per cent in 2005.",
       {"Growth reached 6.5 per cent in 2004.", "It fell to 3.2 per cent in 2005."}},
      {"en",
       "e.g. and i.e. before capitals",
       "Several bodies, e.g. UNICEF and UNDP, contributed. Others, i.e. the regional commissions, did not.",
       {"Several bodies, e.g. UNICEF and UNDP, contributed.", "Others, i.e. the regional commissions, did not."}},
      {"en",
       "etc. before lower case and before a capital",
       "Costs covered travel, rent, etc. and were reimbursed. Staff received allowances, etc. The audit found no "
       "errors.",
       {"Costs covered travel, rent, etc. and were reimbursed.", "Staff received allowances, etc.",
        "The audit found no errors."}},
      {"en",
       "Add., Corr. and Rev. before numbers",
       "See documents A/59/181/Add. 1 and Corr. 2, and E/CN.4/2005/L.10/Rev. 1. The Commission took note.",
       {"See documents A/59/181/Add. 1 and Corr. 2, and E/CN.4/2005/L.10/Rev. 1.", "The Commission took note."}},
      {"en",
       "Official Records reference: No., chap., sect.",
       "Official Records of the General Assembly, Fifty-ninth Session, Supplement No. 36 (A/59/36), chap. IV, sect. "
       "B. The Committee endorsed it.",
       {"Official Records of the General Assembly, Fifty-ninth Session, Supplement No. 36 (A/59/36), chap. IV, sect. "
        "B.",
        "The Committee endorsed it."}},
      {"en",
       "annex labels end sentences",
       "The details appear in annex II. The Committee also considered annex B. Its conclusions are set out below.",
       {"The details appear in annex II.", "The Committee also considered annex B.",
        "Its conclusions are set out below."}},
      {"en",
       "question and exclamation marks",
       "Was the deadline met? The Board found that it was not! Corrective action followed.",
       {"Was the deadline met?", "The Board found that it was not!", "Corrective action followed."}},
      {"en",
       "closing quote stays with its sentence",
       "The theme was \u201CPeace and security.\u201D The debate followed.",
       {"The theme was \u201CPeace and security.\u201D", "The debate followed."}},
      {"en",
       "title and two initials",
       "Ms. A. B. Okafor (Nigeria) was elected Rapporteur. Dr. Chen spoke next.",
       {"Ms. A. B. Okafor (Nigeria) was elected Rapporteur.", "Dr. Chen spoke next."}},
      {"en",
       "vol. and No. in a treaty reference",
       "United Nations, Treaty Series, vol. 1577, No. 27531. The Convention entered into force in 1990.",
       {"United Nations, Treaty Series, vol. 1577, No. 27531.", "The Convention entered into force in 1990."}},
      {"en",
       "pp. and Para. at a sentence start",
       "See pp. 12-15 of the report. Para. 3 gives the figures. They are provisional.",
       {"See pp. 12-15 of the report.", "Para. 3 gives the figures.", "They are provisional."}},
      {"en",
       "surrounding and inner white space is trimmed",
       "  The session opened.   The agenda was adopted.  ",
       {"The session opened.", "The agenda was adopted."}},
      // ---- French ----
      {"fr",
       "M. and a symbol",
       "M. Dupont a présenté le rapport (A/59/181). La Commission en a pris note.",
       {"M. Dupont a présenté le rapport (A/59/181).", "La Commission en a pris note."}},
      {"fr",
       "p. ex. before a capital",
       "Certains organismes, p. ex. UNICEF et le PNUD, ont contribué. Le Comité recommande de poursuivre.",
       {"Certains organismes, p. ex. UNICEF et le PNUD, ont contribué.", "Le Comité recommande de poursuivre."}},
      {"fr",
       "art. before a number",
       "Le Comité renvoie à l\u2019art. 7 du Pacte. Voir art. 9. Le texte est reproduit en annexe.",
       {"Le Comité renvoie à l\u2019art. 7 du Pacte.", "Voir art. 9.", "Le texte est reproduit en annexe."}},
      {"fr",
       "resolution number with year",
       "Le Conseil de sécurité a adopté la résolution 1373 (2001). Il a également créé le Comité contre le "
       "terrorisme.",
       {"Le Conseil de sécurité a adopté la résolution 1373 (2001).",
        "Il a également créé le Comité contre le terrorisme."}},
      {"fr",
       "enumeration a) ; b)",
       "L\u2019Assemblée générale prie le Secrétaire général\u00A0: a) De lui présenter un rapport\u202F; b) De "
       "consulter les États Membres.",
       {"L\u2019Assemblée générale prie le Secrétaire général\u00A0: a) De lui présenter un rapport\u202F; b) De "
        "consulter les États Membres."}},
      {"fr",
       "guillemets and decimal comma",
       "Le thème était «\u00A0Paix et sécurité\u00A0». Le taux a atteint 6,5\u00A0% en 2004. Il a baissé.",
       {"Le thème était «\u00A0Paix et sécurité\u00A0».", "Le taux a atteint 6,5\u00A0% en 2004.", "Il a baissé."}},
      {"fr",
       "MM. and Mme",
       "Mme Martin et M. Diallo ont pris la parole. MM. Traoré et Koné ont répondu.",
       {"Mme Martin et M. Diallo ont pris la parole.", "MM. Traoré et Koné ont répondu."}},
      {"fr",
       "annexe label",
       "Voir annexe B. Le Comité l\u2019a approuvée.",
       {"Voir annexe B.", "Le Comité l\u2019a approuvée."}},
      {"fr",
       "etc. inside brackets",
       "Les dépenses (voyages, loyers, etc.) ont été remboursées. Le Comité a pris note.",
       {"Les dépenses (voyages, loyers, etc.) ont été remboursées.", "Le Comité a pris note."}},
      // ---- Spanish ----
      {"es",
       "Sr. and a symbol",
       "El Sr. Pérez presentó el informe (A/59/181). La Comisión tomó nota de él.",
       {"El Sr. Pérez presentó el informe (A/59/181).", "La Comisión tomó nota de él."}},
      {"es",
       "párr. and Sra.",
       "Según el párr. 5 de la resolución 58/1, la Sra. García fue elegida. La Comisión la felicitó.",
       {"Según el párr. 5 de la resolución 58/1, la Sra. García fue elegida.", "La Comisión la felicitó."}},
      {"es",
       "núm. before a number",
       "Véase la resolución núm. 1373 (2001). El Consejo la reafirmó.",
       {"Véase la resolución núm. 1373 (2001).", "El Consejo la reafirmó."}},
      {"es",
       "inverted question mark",
       "¿Se cumplió el plazo? La Junta determinó que no.",
       {"¿Se cumplió el plazo?", "La Junta determinó que no."}},
      {"es",
       "enumeration a); b)",
       "La Asamblea pide al Secretario General: a) Que presente un informe; b) Que consulte a los Estados Miembros.",
       {"La Asamblea pide al Secretario General: a) Que presente un informe; b) Que consulte a los Estados "
        "Miembros."}},
      {"es",
       "p. ej. inside brackets",
       "Varios organismos (p. ej. UNICEF y el PNUD) contribuyeron. Otros no lo hicieron.",
       {"Varios organismos (p. ej. UNICEF y el PNUD) contribuyeron.", "Otros no lo hicieron."}},
      {"es",
       "secc. B. ends the sentence",
       "Véase el anexo II, secc. B. El Comité lo aprobó.",
       {"Véase el anexo II, secc. B.", "El Comité lo aprobó."}},
      {"es",
       "Dr., Excmo. and Sr.",
       "El Dr. Chen habló a continuación. El Excmo. Sr. Ban Ki-moon respondió.",
       {"El Dr. Chen habló a continuación.", "El Excmo. Sr. Ban Ki-moon respondió."}},
      // ---- Russian ----
      {"ru",
       "symbol at a sentence end",
       "Г-н Иванов представил доклад (A/59/181). Комиссия приняла его к сведению.",
       {"Г-н Иванов представил доклад (A/59/181).", "Комиссия приняла его к сведению."}},
      {"ru",
       "п. before a number",
       "Как указано в п. 5 резолюции 58/1, государства должны действовать. Комитет согласился.",
       {"Как указано в п. 5 резолюции 58/1, государства должны действовать.", "Комитет согласился."}},
      {"ru",
       "resolution with year",
       "Совет Безопасности принял резолюцию 1373 (2001). Он также учредил Контртеррористический комитет.",
       {"Совет Безопасности принял резолюцию 1373 (2001).", "Он также учредил Контртеррористический комитет."}},
      {"ru",
       "т.д. before a capital ends the sentence",
       "Расходы включали поездки, аренду и т.д. Комитет не выявил ошибок.",
       {"Расходы включали поездки, аренду и т.д.", "Комитет не выявил ошибок."}},
      {"ru",
       "т.е. before a capital does not",
       "Эти органы, т.е. ЮНИСЕФ и ПРООН, внесли вклад. Другие — нет.",
       {"Эти органы, т.е. ЮНИСЕФ и ПРООН, внесли вклад.", "Другие — нет."}},
      {"ru",
       "Cyrillic initial",
       "Доклад подготовил А. Петров. Он был одобрен.",
       {"Доклад подготовил А. Петров.", "Он был одобрен."}},
      {"ru",
       "enumeration а); б)",
       "Ассамблея просит Генерального секретаря: а) представить доклад; б) провести консультации с "
       "государствами-членами.",
       {"Ассамблея просит Генерального секретаря: а) представить доклад; б) провести консультации с "
        "государствами-членами."}},
      {"ru",
       "closing guillemet",
       "Тема называлась «Мир и безопасность». Затем последовали прения.",
       {"Тема называлась «Мир и безопасность».", "Затем последовали прения."}},
      {"ru",
       "г. before a capital, decimal comma",
       "Рост составил 6,5 процента в 2004 г. В 2005 г. он снизился.",
       {"Рост составил 6,5 процента в 2004 г.", "В 2005 г. он снизился."}},
      {"ru",
       "см. and a roman numeral",
       "См. приложение II. Комитет его одобрил.",
       {"См. приложение II.", "Комитет его одобрил."}},
      {"ru",
       "долл. США",
       "Взносы составили 5 млн. долл. США. Комитет их одобрил.",
       {"Взносы составили 5 млн. долл. США.", "Комитет их одобрил."}},
      // ---- Arabic ----
      {"ar",
       "symbol at a sentence end",
       "قدم السيد أحمد التقرير (A/59/181). وأحاط المجلس علما به.",
       {"قدم السيد أحمد التقرير (A/59/181).", "وأحاط المجلس علما به."}},
      {"ar",
       "Arabic question mark",
       "هل تم الوفاء بالموعد النهائي؟ وجد المجلس أنه لم يتم.",
       {"هل تم الوفاء بالموعد النهائي؟", "وجد المجلس أنه لم يتم."}},
      {"ar",
       "enumeration (أ)؛ (ب)",
       "وتطلب الجمعية إلى الأمين العام ما يلي: (أ) أن يقدم تقريرا؛ (ب) أن يتشاور مع الدول الأعضاء.",
       {"وتطلب الجمعية إلى الأمين العام ما يلي: (أ) أن يقدم تقريرا؛ (ب) أن يتشاور مع الدول الأعضاء."}},
      {"ar", "د. before a name", "ألقى د. محمد كلمة. ثم تلاه ممثل مصر.", {"ألقى د. محمد كلمة.", "ثم تلاه ممثل مصر."}},
      {"ar",
       "ص. before a number",
       "انظر ص. 12 من التقرير. الأرقام مؤقتة.",
       {"انظر ص. 12 من التقرير.", "الأرقام مؤقتة."}},
      {"ar",
       "resolution with year",
       "اعتمد مجلس الأمن القرار 1373 (2001). وأنشأ لجنة مكافحة الإرهاب.",
       {"اعتمد مجلس الأمن القرار 1373 (2001).", "وأنشأ لجنة مكافحة الإرهاب."}},
      // ---- Chinese ----
      {"zh",
       "full stops after a symbol",
       "秘书长的报告（A/59/181）已经印发。委员会注意到该报告。",
       {"秘书长的报告（A/59/181）已经印发。", "委员会注意到该报告。"}},
      {"zh",
       "；separates enumerated items inside one sentence",
       "大会请秘书长：(a) 提交一份报告；(b) 与会员国协商；(c) 继续审议这一问题。",
       {"大会请秘书长：(a) 提交一份报告；(b) 与会员国协商；(c) 继续审议这一问题。"}},
      {"zh",
       "。！？ each end a sentence",
       "安全理事会通过了第1373(2001)号决议。该决议要求各国采取行动！各国是否已经执行？委员会将继续审查。",
       {"安全理事会通过了第1373(2001)号决议。", "该决议要求各国采取行动！", "各国是否已经执行？",
        "委员会将继续审查。"}},
      {"zh",
       "closing quote stays with its sentence",
       "秘书长指出：“必须加强合作。”委员会表示赞同。",
       {"秘书长指出：“必须加强合作。”", "委员会表示赞同。"}},
      {"zh",
       "closing bracket and book-title marks",
       "（见附件《行动纲领》。）委员会核可了这些建议。",
       {"（见附件《行动纲领》。）", "委员会核可了这些建议。"}},
      {"zh",
       "corner brackets",
       "报告指出「执行情况良好。」『各方均表满意。』会议随后闭幕。",
       {"报告指出「执行情况良好。」", "『各方均表满意。』", "会议随后闭幕。"}},
      {"zh", "decimal numbers", "增长率为6.5%。2005年下降至3.2%。", {"增长率为6.5%。", "2005年下降至3.2%。"}},
      {"zh",
       "dotted symbol",
       "报告载于A/CONF.192/15号文件。会议通过了该报告。",
       {"报告载于A/CONF.192/15号文件。", "会议通过了该报告。"}},
      {"zh",
       "Latin full stops do not end Chinese sentences",
       "会议讨论了Mr. Smith. The proposal提出的建议。委员会作出决定。",
       {"会议讨论了Mr. Smith. The proposal提出的建议。", "委员会作出决定。"}},
      {"zh",
       "full stop between Han characters",
       "文件A/59/181.委员会审议了该文件。",
       {"文件A/59/181.委员会审议了该文件。"}},
      {"zh",
       "enumeration items ending with 。",
       "委员会建议缔约国：(a) 通过法律草案。(b) 划拨足够资源。",
       {"委员会建议缔约国：(a) 通过法律草案。(b) 划拨足够资源。"}},
      {"zh",
       "full-width enumeration label",
       "委员会建议：（a）通过法律。（b）划拨资源。",
       {"委员会建议：（a）通过法律。（b）划拨资源。"}},
  };
  return cases;
}

Segmenter segmenter_for(const std::string& lang) {
  SegmentOptions opts;
  opts.language = lang;
  Result<Segmenter> seg = Segmenter::create(opts);
  EXPECT_TRUE(seg.ok()) << seg.status().to_string();
  return std::move(seg).value();
}

std::vector<std::string> texts(std::string_view p, const std::vector<SentenceSpan>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.emplace_back(p.substr(s.offset, s.length));
  return out;
}

// Spans are ascending, disjoint, trimmed, and cover every non-space character exactly once.
void expect_partition(std::string_view p, const std::vector<SentenceSpan>& spans) {
  std::vector<int> covered(p.size(), 0);
  std::size_t prev_end = 0;
  for (const auto& s : spans) {
    ASSERT_GE(s.offset, prev_end);
    ASSERT_LE(s.end(), p.size());
    ASSERT_GT(s.length, 0u);
    const std::string_view text = p.substr(s.offset, s.length);
    EXPECT_EQ(utf8::trim(text).size(), text.size()) << "span not trimmed: [" << text << "]";
    for (std::size_t i = s.offset; i < s.end(); ++i) ++covered[i];
    prev_end = s.end();
  }
  std::size_t pos = 0;
  while (pos < p.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(p, pos);
    if (utf8::is_space(cp)) continue;
    for (std::size_t i = start; i < pos; ++i) EXPECT_EQ(covered[i], 1) << "byte " << i << " of [" << p << "]";
  }
}

class SplitTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitTest, SplitsAsUnDraftingExpects) {
  const SplitCase& c = GetParam();
  const Segmenter seg = segmenter_for(c.lang);
  const auto spans = seg.split(c.paragraph);
  EXPECT_EQ(texts(c.paragraph, spans), c.sentences) << c.lang << ": " << c.what;
  expect_partition(c.paragraph, spans);
}

TEST_P(SplitTest, ExplainAgreesWithSplit) {
  const SplitCase& c = GetParam();
  const Segmenter seg = segmenter_for(c.lang);
  const auto spans = seg.split(c.paragraph);
  std::size_t kept = 0;
  for (const BoundaryDecision& d : seg.explain(c.paragraph)) {
    EXPECT_FALSE(d.reason.empty());
    if (!d.kept) continue;
    ++kept;
    const bool starts_a_span =
        std::any_of(spans.begin(), spans.end(), [&](const SentenceSpan& s) { return s.offset == d.offset; });
    EXPECT_TRUE(starts_a_span) << "kept break at " << d.offset << " (" << d.reason << ") starts no sentence";
  }
  EXPECT_EQ(kept + 1, spans.size());
}

std::string case_name(const ::testing::TestParamInfo<SplitCase>& info) {
  return std::string(info.param.lang) + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Languages, SplitTest, ::testing::ValuesIn(split_cases()), case_name);

TEST(SegmenterTest, ExplainNamesTheRuleThatFired) {
  const Segmenter seg = segmenter_for("en");
  const std::string p = "See para. 5 of the report. Mr. Smith agreed.";
  std::vector<std::string> reasons;
  for (const auto& d : seg.explain(p)) reasons.push_back((d.kept ? "kept: " : "dropped: ") + d.reason);
  ASSERT_EQ(reasons.size(), 2u) << ::testing::PrintToString(reasons);
  EXPECT_EQ(reasons[0], "kept: sentence end");
  EXPECT_EQ(reasons[1], "dropped: abbreviation \"Mr.\" (never)");
}

TEST(SegmenterTest, EmptyAndBlankParagraphs) {
  const Segmenter seg = segmenter_for("en");
  EXPECT_TRUE(seg.split("").empty());
  EXPECT_TRUE(seg.split(" \t\u3000 ").empty());
  const Segmenter zh = segmenter_for("zh");
  EXPECT_TRUE(zh.split("\u3000\u3000").empty());
  EXPECT_EQ(zh.split("。").size(), 1u);
}

TEST(SegmenterTest, InvalidUtf8IsKeptInsideSpans) {
  for (const char* lang : {"en", "zh", "ru"}) {
    const Segmenter seg = segmenter_for(lang);
    const std::string p = "Bad \xC3 byte. Next \xFF\xFE sentence\xE4\xB8. \xF0\x9F\x98\x80 Last one.";
    const auto spans = seg.split(p);
    EXPECT_FALSE(spans.empty());
    expect_partition(p, spans);
  }
}

TEST(SegmenterTest, SameResultsFromManyThreads) {
  const Segmenter en = segmenter_for("en");
  const Segmenter zh = segmenter_for("zh");
  std::vector<std::vector<SentenceSpan>> expected;
  for (const auto& c : split_cases()) expected.push_back((c.lang == std::string("zh") ? zh : en).split(c.paragraph));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < split_cases().size(); ++i) {
          const auto& c = split_cases()[i];
          if ((c.lang == std::string("zh") ? zh : en).split(c.paragraph) != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(SegmenterTest, CopiesShareRules) {
  const Segmenter a = segmenter_for("fr");
  const Segmenter b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(b.language(), "fr");
  const std::string p = "M. Dupont parle. Le Comité écoute.";
  EXPECT_EQ(a.split(p), b.split(p));
}

// ---- errors ----

TEST(SegmenterErrors, LanguageMustBeACode) {
  for (const char* lang : {"", "EN", "english", "e", "z1"}) {
    SegmentOptions opts;
    opts.language = lang;
    const auto seg = Segmenter::create(opts);
    ASSERT_FALSE(seg.ok()) << lang;
    EXPECT_EQ(seg.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(SegmenterErrors, LanguageWithoutDataFile) {
  SegmentOptions opts;
  opts.language = "xx";
  const auto seg = Segmenter::create(opts);
  ASSERT_FALSE(seg.ok());
  EXPECT_EQ(seg.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(seg.status().message().find("abbreviations/xx.txt"), std::string::npos) << seg.status().message();
}

TEST(SegmenterErrors, MissingDataFolder) {
  SegmentOptions opts;
  opts.language = "en";
  opts.data_dir = testing::temp_dir() + "/absent";
  const auto seg = Segmenter::create(opts);
  ASSERT_FALSE(seg.ok());
  EXPECT_EQ(seg.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(seg.status().message().find("absent"), std::string::npos);
}

struct BadFile {
  const char* content;
  ErrorCode code;
  std::size_t line;
};

TEST(SegmenterErrors, MalformedDataFilesNameTheLine) {
  const std::vector<BadFile> bad = {
      {"# ok\nMr.\tnever\nDr.\tsometimes\n", ErrorCode::kParse, 3},
      {"Mr.\n", ErrorCode::kParse, 1},
      {"Mr.\tnever\textra\n", ErrorCode::kParse, 1},
      {"# c\n\nMr\tnever\n", ErrorCode::kParse, 3},
      {"Mr.\tnever\r\n", ErrorCode::kParse, 1},
      {"Mr.\tnever\nD\xC3r.\tnever\n", ErrorCode::kEncoding, 2},
      {"。。\tends-sentence\n", ErrorCode::kParse, 1},
      {"Mr. \tnever\n", ErrorCode::kParse, 1},
  };
  for (const BadFile& b : bad) {
    const std::string dir = testing::temp_dir();
    std::filesystem::create_directories(dir + "/abbreviations");
    std::ofstream(dir + "/abbreviations/en.txt", std::ios::binary) << b.content;
    SegmentOptions opts;
    opts.language = "en";
    opts.data_dir = dir;
    const auto seg = Segmenter::create(opts);
    ASSERT_FALSE(seg.ok()) << b.content;
    EXPECT_EQ(seg.status().code(), b.code) << b.content << seg.status().to_string();
    EXPECT_EQ(seg.status().where().line, b.line) << b.content << seg.status().to_string();
    EXPECT_NE(seg.status().where().file.find("en.txt"), std::string::npos);
  }
}

TEST(SegmenterOptions, DataDirOverrideIsUsed) {
  const std::string dir = testing::temp_dir();
  std::filesystem::create_directories(dir + "/abbreviations");
  // A tiny rule set of our own: "Xq." never ends a sentence, and "；" does.
  std::ofstream(dir + "/abbreviations/en.txt", std::ios::binary) << "Xq.\tnever\n";
  std::ofstream(dir + "/abbreviations/zh.txt", std::ios::binary) << "。\tends-sentence\n；\tends-sentence\n";
  SegmentOptions opts;
  opts.data_dir = dir;
  opts.language = "en";
  auto en = Segmenter::create(opts);
  ASSERT_TRUE(en.ok()) << en.status().to_string();
  EXPECT_EQ(texts("See Xq. Seven. Mr. Smith left.", en->split("See Xq. Seven. Mr. Smith left.")),
            (std::vector<std::string>{"See Xq. Seven.", "Mr.", "Smith left."}));
  opts.language = "zh";
  auto zh = Segmenter::create(opts);
  ASSERT_TRUE(zh.ok()) << zh.status().to_string();
  const std::string p = "提交报告；与会员国协商。";
  EXPECT_EQ(texts(p, zh->split(p)), (std::vector<std::string>{"提交报告；", "与会员国协商。"}));
}

// ---- tokenisation ----

struct TokenCase {
  const char* lang;
  std::string sentence;
  std::vector<std::string> tokens;
};

const std::vector<TokenCase>& token_cases() {
  static const std::vector<TokenCase> cases = {
      {"en",
       "The Committee's report (A/59/181) was adopted on 5 May 2005.",
       {"the", "committee's", "report", "a", "59", "181", "was", "adopted", "on", "5", "may", "2005"}},
      {"en",
       "Growth of 6.5 per cent, i.e. 1,000 units; peace-keeping costs rose.",
       {"growth", "of", "6.5", "per", "cent", "i.e", "1,000", "units", "peace", "keeping", "costs", "rose"}},
      {"en",
       "S/RES/1373 (2001) and A/CONF.192/15 were cited.",
       {"s", "res", "1373", "2001", "and", "a", "conf", "192", "15", "were", "cited"}},
      {"fr",
       "L\u2019Assemblée générale a adopté la résolution 58/1\u202F; elle coûte 25\u202F000 dollars.",
       {"l\u2019assemblée", "générale", "a", "adopté", "la", "résolution", "58", "1", "elle", "coûte", "25\u202F000",
        "dollars"}},
      {"es", "¿Se cumplió el plazo? ÉL dijo: «No».", {"se", "cumplió", "el", "plazo", "él", "dijo", "no"}},
      {"ru",
       "Генеральная Ассамблея приняла резолюцию 58/1 (см. п. 5).",
       {"генеральная", "ассамблея", "приняла", "резолюцию", "58", "1", "см", "п", "5"}},
      {"ar", "وأحاط المجلسُ علماً بالتقرير (A/59/181).", {"وأحاط", "المجلس", "علما", "بالتقرير", "a", "59", "181"}},
      {"ar", "عدد الدول ١٩٣ دولة.", {"عدد", "الدول", "١٩٣", "دولة"}},
      {"zh", "大会第58/1号决议（A/RES/58/1）", {"大", "会", "第", "58", "1", "号", "决", "议", "a", "res", "58", "1"}},
      {"zh",
       "ＵＮＤＰ在２００５年提供了6.5%的资金。",
       {"undp", "在", "2005", "年", "提", "供", "了", "6.5", "的", "资", "金"}},
      {"zh",
       "联合国开发计划署(UNDP)和Mr. Smith。",
       {"联", "合", "国", "开", "发", "计", "划", "署", "undp", "和", "mr", "smith"}},
  };
  return cases;
}

class TokenizeTest : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenizeTest, TokensAndOffsets) {
  const TokenCase& c = GetParam();
  const auto toks = tokenize(c.sentence, c.lang);
  std::vector<std::string> got;
  std::size_t prev_end = 0;
  for (const Token& t : toks) {
    got.push_back(t.text);
    EXPECT_GE(t.offset, prev_end);
    EXPECT_LE(t.offset + t.length, c.sentence.size());
    // The original spelling folds to the token (for Arabic, up to the stripped marks).
    if (std::string(c.lang) != "ar") {
      std::string folded;
      const std::string orig = c.sentence.substr(t.offset, t.length);
      EXPECT_EQ(utf8::length(orig), utf8::length(t.text)) << orig;
    }
    prev_end = t.offset + t.length;
  }
  EXPECT_EQ(got, c.tokens);
}

INSTANTIATE_TEST_SUITE_P(Languages, TokenizeTest, ::testing::ValuesIn(token_cases()),
                         [](const ::testing::TestParamInfo<TokenCase>& info) {
                           return std::string(info.param.lang) + "_" + std::to_string(info.index);
                         });

TEST(TokenizeKinds, WordsNumbersIdeographs) {
  const auto toks = tokenize("第58段 A59 6.5 report", "zh");
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[0].kind, TokenKind::kIdeograph);
  EXPECT_EQ(toks[1].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[1].text, "58");
  EXPECT_EQ(toks[1].offset, 3u);
  EXPECT_EQ(toks[2].kind, TokenKind::kIdeograph);
  EXPECT_EQ(toks[3].kind, TokenKind::kWord);
  EXPECT_EQ(toks[3].text, "a59");
  EXPECT_EQ(toks[4].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[5].kind, TokenKind::kWord);
  EXPECT_EQ(toks[5].offset, 17u);
  EXPECT_EQ(toks[5].length, 6u);
}

TEST(TokenizeKinds, PunctuationOnlyGivesNothing) {
  EXPECT_TRUE(tokenize("", "en").empty());
  EXPECT_TRUE(tokenize(" .,;:!? — «» () _ ", "en").empty());
  EXPECT_TRUE(tokenize("。，；：！？“”（）《》", "zh").empty());
}

// Oracle: outside Han text, tokenize() must find the same words as ICU's word BreakIterator (whose Chinese
// dictionary words we replace on purpose by single characters).
std::vector<std::pair<std::size_t, std::string>> icu_words(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  EXPECT_TRUE(U_SUCCESS(status));
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  it->setText(u);
  std::vector<std::pair<std::size_t, std::string>> out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
    std::string word, prefix;
    u.tempSubStringBetween(start, end).foldCase().toUTF8String(word);
    u.tempSubStringBetween(0, start).toUTF8String(prefix);
    out.emplace_back(prefix.size(), word);
  }
  return out;
}

TEST(TokenizeOracle, MatchesIcuWordBreaksOutsideHan) {
  std::vector<std::pair<std::string, std::string>> texts_by_lang;
  // Deliberate difference: ICU keeps a narrow no-break space (French, before ";:!?") at the end of the word
  // before it; tokenize() joins it only between digits ("25 000"). Texts holding one are left out.
  for (const auto& c : split_cases()) {
    if (std::string(c.lang) != "zh" && std::string(c.lang) != "ar" && c.paragraph.find("\u202F") == std::string::npos) {
      texts_by_lang.emplace_back(c.lang, c.paragraph);
    }
  }
  for (const auto& c : token_cases()) {
    if (std::string(c.lang) != "zh" && std::string(c.lang) != "ar" && c.sentence.find("\u202F") == std::string::npos) {
      texts_by_lang.emplace_back(c.lang, c.sentence);
    }
  }
  texts_by_lang.emplace_back("ar", "اعتمد مجلس الأمن القرار 1373 (2001). وأنشأ لجنة مكافحة الإرهاب.");
  ASSERT_GT(texts_by_lang.size(), 35u);
  for (const auto& [lang, text] : texts_by_lang) {
    std::vector<std::pair<std::size_t, std::string>> ours;
    for (const Token& t : tokenize(text, lang)) ours.emplace_back(t.offset, t.text);
    EXPECT_EQ(ours, icu_words(text)) << lang << ": " << text;
  }
}

}  // namespace
}  // namespace paralign
