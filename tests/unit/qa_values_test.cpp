// The number/date/reference checks against the ways a faithful translation writes one value differently (each
// shape taken from the false alarms inspected on the UN development set, in sentences written for this test), and
// against the same sentences with a value changed: what is tolerated must never hide a changed digit, month or
// symbol. docs/qa-false-alarms.md lists the shapes.
#include <algorithm>
#include <string>
#include <vector>

#include "paralign/qa.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

struct Pair {
  const char* name;
  const char* lang;
  const char* zh;
  const char* target;
  const char* expected;  // a number/date/reference check that must fire, or "" for none at all
};

std::vector<std::string> value_findings(const QaChecker& qa, const Pair& p) {
  QaInput in;
  in.languages = {"zh", p.lang};
  QaUnit u;
  u.sides = {{p.zh}, {p.target}};
  in.units.push_back(u);
  std::vector<std::string> out;
  for (const Finding& f : qa.check(in).findings)
    if (f.check.rfind("number.", 0) == 0 || f.check.rfind("date.", 0) == 0 || f.check.rfind("reference.", 0) == 0)
      out.push_back(f.check + ": " + f.message);
  return out;
}

QaChecker make_checker() {
  QaOptions opts;
  opts.spelling = false;
  opts.consistency = false;
  opts.disabled = {"form", "structure", "term"};
  auto qa = QaChecker::create(opts);
  EXPECT_TRUE(qa.ok()) << qa.status().to_string();
  return std::move(*qa);
}

void run(const std::vector<Pair>& pairs) {
  const QaChecker qa = make_checker();
  for (const Pair& p : pairs) {
    const std::vector<std::string> got = value_findings(qa, p);
    if (!*p.expected) {
      EXPECT_TRUE(got.empty()) << p.name << ": " << (got.empty() ? "" : got.front());
    } else {
      const bool found = std::any_of(got.begin(), got.end(), [&](const std::string& g) {
        return g.substr(0, g.find(':')) == p.expected;
      });
      EXPECT_TRUE(found) << p.name << ": expected " << p.expected << (got.empty() ? ", got nothing" : ", got " + got.front());
    }
  }
}

TEST(QaValues, FaithfulRenderingsRaiseNothing) {
  run({
      {"time with 下午", "en", "会议定于2016年5月3日星期二下午3时30分开始。", "The meeting will open on Tuesday, 3 May 2016, at 3.30 p.m.", ""},
      {"time, French", "fr", "会议定于2016年5月3日下午3时举行。", "La séance se tiendra le 3 mai 2016 à 15 heures.", ""},
      {"time, Arabic", "ar", "会议定于2016年5月3日上午10时举行。", "تعقد الجلسة يوم 3 أيار/مايو 2016، الساعة 10:00", ""},
      {"两 as both", "en", "两个委员会都审议了这一问题。", "Both committees considered the matter.", ""},
      {"five-year", "en", "秘书长的五年行动计划", "the Secretary-General's five-year action plan", ""},
      {"biennium", "ru", "2016-2017两年期方案预算", "бюджет по программам на двухгодичный период 2016-2017 годов", ""},
      {"chapter", "en", "根据《宪章》第七章采取行动，", "Acting under Chapter VII of the Charter,", ""},
      {"session, Arabic words", "ar", "大会第六十九届会议", "الدورة التاسعة والستون للجمعية العامة", ""},
      {"Arabic groups", "ar", "约有483 918人获得了援助。", "حصل 918 483 شخصا على المساعدة.", ""},
      {"resolution list", "en", "回顾第1612(2005)、第1882(2009)和第2143(2014)号决议，",
       "Recalling resolutions 1612 (2005), 1882 (2009) and 2143 (2014),", ""},
      {"resolution without year", "en", "违反了第2118(2013)号决议", "in violation of resolution 2118", ""},
      {"range written as ends", "fr", "在1994年1月1日至12月31日期间", "entre le 1er janvier et le 31 décembre 1994", ""},
      {"year once in a range", "en", "会议将于2016年3月7日至9日举行，", "The meeting will be held from 7 to 9 March,", ""},
      {"months of one year", "en", "2014年10月和11月期间", "during October and November 2014", ""},
      {"year named twice", "en", "定于2015年9月颁奖。", "The prize for 2015 will be awarded in September 2015.", ""},
      {"per cent once", "en", "分别为45%和46%。", "45 and 46 per cent respectively.", ""},
      {"section number", "ar", "2.1 提高效率", "2-1 زيادة الكفاءة", ""},
      {"footnote marker", "en", "所有文件都将登载在网站上。", "All documents will be available on the website.3", ""},
      {"numeral twice", "en", "三(3)名男子越过蓝线", "Three (3) men crossed the Blue Line", ""},
      // Resolutions numbered with the session (the style used until 1976): the number, part letter and session
      // are one reference, not figures; Arabic names the letter (ألف, "A", which is also "thousand").
      {"session style, English", "en", "大会1948年12月10日第217A(III)号决议通过", "adopted by General Assembly resolution 217 A (III) of 10 December 1948", ""},
      {"session style, Russian", "ru", "大会1948年12月10日第217A(III)号决议通过", "принята резолюцией 217 А (III) Генеральной Ассамблеи от 10 декабря 1948 года", ""},
      {"session style, Arabic letter", "ar", "大会1948年12月10日第217A(III)号决议通过", "اعتمد بموجب قرار الجمعية العامة 217 ألف (د-3) المؤرخ 10 كانون الأول/ديسمبر 1948", ""},
      {"session style, no letter", "ar", "依照大会第1514 (XV)号决议，", "ووفقا لقرار الجمعية العامة 1514 (د-15)،", ""},
  });
}

TEST(QaValues, ChangedValuesAreStillFound) {
  run({
      {"time changed", "en", "会议定于2016年5月3日星期二下午3时30分开始。", "The meeting will open on Tuesday, 3 May 2016, at 4.30 p.m.", "date.mismatch"},
      {"am for pm", "en", "会议定于下午3时开始。", "The meeting will open at 3 a.m.", "date.mismatch"},
      {"Arabic ordinal changed", "ar", "大会第六十九届会议", "الدورة الثامنة والستون للجمعية العامة", "number.mismatch"},
      {"Arabic groups changed", "ar", "约有483 918人获得了援助。", "حصل 918 484 شخصا على المساعدة.", "number.mismatch"},
      {"resolution year changed", "en", "违反了第2118(2013)号决议", "in violation of resolution 2118 (2014)", "reference.mismatch"},
      {"session changed", "fr", "依照大会第1514 (XV)号决议，", "conformément à la résolution 1514 (XVI) de l'Assemblée générale,", "reference.mismatch"},
      {"part letter changed", "es", "大会第2200A(XXI)号决议", "resolución 2200 B (XXI) de la Asamblea General", "reference.mismatch"},
      {"resolution in a list changed", "en", "回顾第1612(2005)、第1882(2009)和第2143(2014)号决议，",
       "Recalling resolutions 1612 (2005), 1882 (2010) and 2143 (2014),", "reference.mismatch"},
      {"range end changed", "fr", "在1994年1月1日至12月31日期间", "entre le 1er janvier et le 30 décembre 1994", "date.mismatch"},
      {"month of a list changed", "en", "2014年10月和11月期间", "during October and December 2014", "date.mismatch"},
      {"per cent changed", "en", "分别为45%和46%。", "45 and 47 per cent respectively.", "number.mismatch"},
      {"digit left out", "en", "共收到62份答复。", "Replies were received.", "number.missing"},
      {"digit under ten changed", "en", "有3名男子越过蓝线", "Four men crossed the Blue Line, 4 in all", "number.mismatch"},
  });
}

}  // namespace
}  // namespace paralign
