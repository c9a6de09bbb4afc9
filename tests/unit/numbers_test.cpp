// Table-driven tests of find_quantities: the same figures written the ways each of the six languages writes them
// must give the same keys; labels, symbols' digits and everyday words that look like numerals must not.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "paralign/numbers.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

struct Case {
  std::string lang;
  std::string text;
  std::vector<std::string> expected;  // "kind key [text as written]", then " soft" for a soft quantity
};

std::vector<std::string> describe(const std::string& text, const std::string& lang) {
  std::vector<std::string> out;
  for (const Quantity& q : find_quantities(text, lang)) {
    EXPECT_EQ(text.substr(q.offset, q.length), q.text) << text;
    out.push_back(std::string(to_string(q.kind)) + " " + q.key + " [" + q.text + "]" + (q.soft ? " soft" : ""));
  }
  return out;
}

void run_table(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(describe(c.text, c.lang), c.expected) << c.lang << ": " << c.text;
}

TEST(Quantities, DigitsGroupingAndDecimalsPerLanguage) {
  run_table({
      {"en", "A total of 1,234,567 weapons and 62 depots", {"number 1234567 [1,234,567]", "number 62 [62]"}},
      {"en", "an average of 3.75 items", {"number 3.75 [3.75]"}},
      {"zh", "共收缴６２件武器，１，２３４件弹药", {"number 62 [６２]", "number 1 [１]", "number 234 [２３４]"}},
      {"zh", "共有1,234,567件武器和100 000发弹药", {"number 1234567 [1,234,567]", "number 100000 [100 000]"}},
      {"fr", "soit 1 234 567 armes et 1 234,5 tonnes",
       {"number 1234567 [1 234 567]", "number 1234.5 [1 234,5]"}},
      {"fr", "soit 1\u00A0234\u00A0567 armes et 3\u202F500 munitions",
       {"number 1234567 [1\u00A0234\u00A0567]", "number 3500 [3\u202F500]"}},
      {"ru", "всего 1 234 567 единиц, или 2,5 тонны", {"number 1234567 [1 234 567]", "number 2.5 [2,5]"}},
      {"es", "un total de 1.234.567,5 dólares", {"number 1234567.5 [1.234.567,5]"}},
      {"ar", "ما مجموعه ١٢٣ قطعة و 9,810 طلقة", {"number 123 [١٢٣]", "number 9810 [9,810]"}},
      {"ar", "بنسبة ٤٫٥ نقطة", {"number 4.5 [٤٫٥]"}},
      // A four-digit first group is a year followed by a number, not one number.
      {"fr", "en 2004 150 personnes", {"year 2004 [2004]", "number 150 [150]"}},
  });
}

TEST(Quantities, ChineseNumerals) {
  run_table({
      {"zh", "有六十二个国家", {"number 62 [六十二]"}},
      {"zh", "一百零五名观察员", {"number 105 [一百零五]"}},
      {"zh", "两千件武器", {"number 2000 [两千]"}},
      // One numeral character is soft: 两 is often "both", 三方 "tripartite".
      {"zh", "三个区域组织和两国政府", {"number 3 [三] soft", "number 2 [两] soft"}},
      {"zh", "三千五百万美元", {"number 35000000 [三千五百万]"}},
      {"zh", "一亿二千万人", {"number 120000000 [一亿二千万]"}},
      {"zh", "十二项建议", {"number 12 [十二]"}},
      {"zh", "大会第五十九届会议", {"ordinal 59 [五十九]"}},
      // Words built on 一 are not numbers: 一些 (some), 统一 (unified), 万一, 之一; 十分 (very) is a soft 10 at
      // most, and 第一 a soft first.
      {"zh", "一些国家统一行动，十分重要，万一失败，是其中之一，第一次会议", {"number 10 [十] soft", "ordinal 1 [一] soft"}},
      // Approximations are soft: 数十 (dozens), 一千多 (over a thousand), 数以十万计, 五六个 (five or six).
      {"zh", "数十人受伤，一千多个组织，数以十万计的家庭，五六个国家",
       {"number 10 [十] soft", "number 1000 [一千] soft", "number 100000 [十万] soft", "number 56 [五六] soft"}},
      // 星期五 is Friday; 第9项 numbers an item other languages letter.
      {"zh", "星期五审议第9项", {"ordinal 9 [9] soft"}},
      // Past what a 64-bit integer holds (a fuzzer's find, once an overflow): not a figure, and no crash.
      {"zh", "六亿亿亿人", {}},
  });
}

TEST(Quantities, ScalesAndPercentages) {
  run_table({
      {"zh", "约650万人，1.2亿美元", {"number 6500000 [650万]", "number 120000000 [1.2亿]"}},
      {"en", "some 6.5 million people and 2 billion dollars",
       {"number 6500000 [6.5 million]", "number 2000000000 [2 billion]"}},
      {"fr", "quelque 6,5 millions de personnes et 2 milliards de dollars",
       {"number 6500000 [6,5 millions]", "number 2000000000 [2 milliards]"}},
      {"es", "unos 6,5 millones de personas y 2.000 millones de dólares",
       {"number 6500000 [6,5 millones]", "number 2000000000 [2.000 millones]"}},
      {"es", "2 mil millones", {"number 2000000000 [2 mil millones]"}},
      {"ru", "около 6,5 млн человек и 2 млрд долларов",
       {"number 6500000 [6,5 млн]", "number 2000000000 [2 млрд]"}},
      {"ar", "نحو 6.5 مليون شخص", {"number 6500000 [6.5 مليون]"}},
      {"zh", "占62%，占百分之六十二，占６２％，占百分之4.5",
       {"percent 62% [62%]", "percent 62% [百分之六十二]", "percent 62% [６２％]", "percent 4.5% [百分之4.5]"}},
      {"en", "62 per cent of States, 58% of the total, 4.5 percent", {"percent 62% [62 per cent]",
                                                                     "percent 58% [58%]", "percent 4.5% [4.5 percent]"}},
      {"fr", "62 pour cent des États, soit 58 %", {"percent 62% [62 pour cent]", "percent 58% [58 %]"}},
      {"es", "el 62 por ciento de los Estados", {"percent 62% [62 por ciento]"}},
      {"ru", "62 процента государств", {"percent 62% [62 процента]"}},
      {"ar", "62 في المائة من الدول و ٦٢٪", {"percent 62% [62 في المائة]", "percent 62% [٦٢٪]"}},
      {"en", "five per cent", {"percent 5% [five per cent]"}},
  });
}

TEST(Quantities, DatesInTheSixLanguages) {
  run_table({
      {"zh", "2004 年 7 月 15 日", {"date 2004-07-15 [2004 年 7 月 15 日]"}},
      {"zh", "于2004年7月15日通过", {"date 2004-07-15 [2004年7月15日]"}},
      {"zh", "二〇〇四年七月十五日", {"date 2004-07-15 [二〇〇四年七月十五日]"}},
      {"en", "on 15 July 2004", {"date 2004-07-15 [15 July 2004]"}},
      {"en", "on July 15, 2004", {"date 2004-07-15 [July 15, 2004]"}},
      {"fr", "le 15 juillet 2004", {"date 2004-07-15 [15 juillet 2004]"}},
      {"fr", "le 1er juillet 2004", {"date 2004-07-01 [1er juillet 2004]"}},
      {"es", "el 15 de julio de 2004", {"date 2004-07-15 [15 de julio de 2004]"}},
      {"ru", "15 июля 2004 года", {"date 2004-07-15 [15 июля 2004 года]"}},
      {"ru", "15 июля 2004 г.", {"date 2004-07-15 [15 июля 2004 г.]"}},
      {"ar", "في 15 تموز/يوليه 2004", {"date 2004-07-15 [15 تموز/يوليه 2004]"}},
      {"ar", "في 21 كانون الثاني/يناير 2015", {"date 2015-01-21 [21 كانون الثاني/يناير 2015]"}},
      {"ar", "في ١٥ يوليه ٢٠٠٤", {"date 2004-07-15 [١٥ يوليه ٢٠٠٤]"}},
      // Month and year alone.
      {"zh", "2003 年 7 月", {"date 2003-07 [2003 年 7 月]"}},
      {"en", "in July 2003", {"date 2003-07 [July 2003]"}},
      {"fr", "en juillet 2003", {"date 2003-07 [juillet 2003]"}},
      {"es", "en julio de 2003", {"date 2003-07 [julio de 2003]"}},
      {"ru", "в июле 2003 года", {"date 2003-07 [июле 2003 года]"}},
      // Day and month without a year.
      {"zh", "7月15日", {"date --07-15 [7月15日]"}},
      {"en", "on 15 July", {"date --07-15 [15 July]"}},
      // Years.
      {"zh", "2004年", {"year 2004 [2004年]"}},
      {"zh", "二〇〇四年", {"year 2004 [二〇〇四年]"}},
      {"en", "in 2004", {"year 2004 [2004]"}},
      {"ru", "в 2004 году", {"year 2004 [2004 году]"}},
      // "may" is a verb; "May" a month.
      {"en", "States may 15 times", {"number 15 [15]"}},
      {"en", "on 3 May 2005", {"date 2005-05-03 [3 May 2005]"}},
  });
}

TEST(Quantities, Ranges) {
  run_table({
      {"zh", "2004 年 6 月 14 至 25 日", {"range 2004-06-14/2004-06-25 [2004 年 6 月 14 至 25 日]"}},
      {"zh", "2004年6月14日至25日", {"range 2004-06-14/2004-06-25 [2004年6月14日至25日]"}},
      {"zh", "2004年6月14日至7月2日", {"range 2004-06-14/2004-07-02 [2004年6月14日至7月2日]"}},
      {"en", "from 14 to 25 June 2004", {"range 2004-06-14/2004-06-25 [14 to 25 June 2004]"}},
      {"en", "14-25 June 2004", {"range 2004-06-14/2004-06-25 [14-25 June 2004]"}},
      {"en", "from 14 June to 2 July 2004", {"range 2004-06-14/2004-07-02 [14 June to 2 July 2004]"}},
      {"fr", "du 14 au 25 juin 2004", {"range 2004-06-14/2004-06-25 [14 au 25 juin 2004]"}},
      {"es", "del 14 al 25 de junio de 2004", {"range 2004-06-14/2004-06-25 [14 al 25 de junio de 2004]"}},
      {"ru", "с 14 по 25 июня 2004 года", {"range 2004-06-14/2004-06-25 [14 по 25 июня 2004 года]"}},
      {"ar", "من 14 إلى 25 حزيران/يونيه 2004", {"range 2004-06-14/2004-06-25 [14 إلى 25 حزيران/يونيه 2004]"}},
      {"en", "the Decade 2001-2010", {"range 2001/2010 [2001-2010]"}},
      {"zh", "2001-2010年期间", {"range 2001/2010 [2001-2010年]"}},
      {"zh", "2001年至2010年", {"range 2001/2010 [2001年至2010年]"}},
      // Two days of one month are two dates.
      {"en", "on 24 and 25 October 2013", {"date 2013-10-24 [24]", "date 2013-10-25 [25 October 2013]"}},
      {"zh", "2013年10月24和25日", {"date 2013-10-24 [2013年10月24]", "date 2013-10-25 [25日]"}},
  });
}

TEST(Quantities, NumberWordsAndOrdinals) {
  run_table({
      {"en", "three reports and twelve recommendations", {"number 3 [three] soft", "number 12 [twelve]"}},
      {"en", "twenty-five States", {"number 25 [twenty-five]"}},
      {"en", "two hundred observers", {"number 200 [two hundred]"}},
      {"en", "its fifty-ninth session", {"ordinal 59 [fifty-ninth]"}},
      {"en", "the 7364th meeting", {"ordinal 7364 [7364th]"}},
      {"fr", "trois rapports, sa cinquante-neuvième session",
       {"number 3 [trois] soft", "ordinal 59 [cinquante-neuvième]"}},
      {"fr", "Dix-sept membres et dix-huit pays", {"number 17 [Dix-sept]", "number 18 [dix-huit]"}},
      {"fr", "la 7364e séance, soixante-dix-neuf pays", {"ordinal 7364 [7364e]", "number 79 [soixante-dix-neuf]"}},
      {"es", "tres informes, treinta y dos Estados", {"number 3 [tres] soft", "number 32 [treinta y dos]"}},
      {"es", "quincuagésimo noveno período de sesiones", {"ordinal 59 [quincuagésimo noveno]"}},
      {"ru", "три доклада, пятьдесят девятой сессии", {"number 3 [три] soft", "ordinal 59 [пятьдесят девятой]"}},
      {"ru", "на своей одиннадцатой сессии, на 7384е заседании, пятью минутами",
       {"ordinal 11 [одиннадцатой]", "ordinal 7384 [7384е]", "number 5 [пятью] soft"}},
      {"ar", "ثلاثة تقارير والخمس", {"number 3 [ثلاثة] soft", "number 5 [والخمس] soft"}},
      // Arabic puts the unit first: 69th, 14th, 12, 31st; يوم الاثنين is Monday.
      {"ar", "الدورة التاسعة والستون، دورتها الرابعة عشرة، المرافق الاثنى عشر، الدورة الحادية والثلاثين",
       {"ordinal 69 [التاسعة والستون]", "ordinal 14 [الرابعة عشرة]", "number 12 [الاثنى عشر]",
        "ordinal 31 [الحادية والثلاثين]"}},
      {"ar", "يوم الاثنين", {}},
      // Pronouns and adjectives are soft ones: "one of", "the first", "second"; the articles un, una are not read.
      {"en", "one of the first steps in the second phase",
       {"number 1 [one] soft", "ordinal 1 [first] soft", "ordinal 2 [second] soft"}},
      {"fr", "un des premiers", {}},
      {"es", "una de las primeras", {}},
      // Hundreds take the tens and units after them: 101 million, not 100 and a million.
      {"en", "one hundred and one million", {"number 101000000 [one hundred and one million]"}},
      // Thousands take the rest under a thousand after them, "and" included (British English).
      {"en", "one thousand two hundred and thirty-four cases", {"number 1234 [one thousand two hundred and thirty-four]"}},
      {"en", "in the year two thousand and ten", {"number 2010 [two thousand and ten]"}},
      {"en", "two hundred thousand five hundred people", {"number 200500 [two hundred thousand five hundred]"}},
      {"fr", "deux mille cinq cents personnes, mille deux cents pays",
       {"number 2500 [deux mille cinq cents]", "number 1200 [mille deux cents]"}},
      {"es", "dos mil diez, mil doscientas treinta y cuatro personas",
       {"number 2010 [dos mil diez]", "number 1234 [mil doscientas treinta y cuatro]"}},
      {"ru", "тысяча двести тридцать четыре человека, пять тысяч беженцев, 3 тысячи",
       {"number 1234 [тысяча двести тридцать четыре]", "number 5000 [пять тысяч]", "number 3000 [3 тысячи]"}},
      // Not one number: two thousands joined by "and", a larger scale after the rest, a thousand word alone.
      {"en", "between one thousand and two thousand", {"number 1000 [one thousand]", "number 2000 [two thousand]"}},
      {"es", "dos mil millones", {"number 2000000000 [dos mil millones]"}},
      {"fr", "mille fois", {}},
  });
}

// Ways of writing figures seen on the UN development set that a faithful translation uses: each row is a reading
// that was a false alarm before the rule it tests (docs/qa-false-alarms.md).
TEST(Quantities, NumbersInWordsFractionsAndCompounds) {
  run_table({
      // French hundreds and eighties.
      {"fr", "Cent onze pays", {"number 111 [Cent onze]"}},
      {"fr", "la cent trente et unième Assemblée", {"ordinal 131 [cent trente et unième]"}},
      {"fr", "sa quatre-vingt-treizième session", {"ordinal 93 [quatre-vingt-treizième]"}},
      {"fr", "quatre-vingts pays et deux cent mille personnes", {"number 80 [quatre-vingts]", "number 200000 [deux cent mille]"}},
      {"es", "doscientos cincuenta personas", {"number 250 [doscientos cincuenta]"}},
      {"ru", "двести пять человек", {"number 205 [двести пять]"}},
      // "hundreds of" is no figure.
      {"en", "hundreds of people", {}},
      // Fractions: digits and Chinese are exact, word fractions soft ("one in three" is not read).
      {"zh", "只有1/3的国家，三分之二多数", {"number 1/3 [1/3]", "number 2/3 [三分之二] soft"}},
      {"fr", "un tiers des pays, deux tiers", {"number 1/3 [un tiers] soft", "number 2/3 [deux tiers] soft"}},
      {"es", "dos tercios", {"number 2/3 [dos tercios] soft"}},
      {"ru", "две трети и одной третью", {"number 2/3 [две трети] soft", "number 1/3 [одной третью] soft"}},
      {"en", "two-thirds majority", {"number 2/3 [two-thirds] soft"}},
      {"en", "on 1/3/2015", {"number 1 [1]", "number 3 [3]", "year 2015 [2015]"}},
      // Russian compound adjectives: soft numbers, a scale word inside too.
      {"ru", "двухлетний бюджет, трехсторонний механизм, пятилетнего плана, двухмиллионным населением",
       {"number 2 [двухлетний] soft", "number 3 [трехсторонний] soft", "number 5 [пятилетнего] soft",
        "number 2000000 [двухмиллионным] soft"}},
      {"ru", "семинар и стандарт", {}},
      {"ru", "30процентную квоту, 122мм", {"number 30 [30процентную]", "number 122 [122мм]"}},
      // Short codes: one or two capitals glued to digits give a soft number; longer codes give none.
      {"zh", "在B59附近，DC1大楼", {"number 59 [59] soft", "number 1 [1] soft"}},
      {"ru", "(С3)", {"number 3 [3] soft"}},
      {"en", "UF6 and H5N1 and Hayabusa2", {"number 6 [6] soft"}},
      {"es", "2013-041A", {"year 2013 [2013]"}},
      // Spanish ordinal suffix; Roman numerals standing alone from XI up.
      {"es", "la 7364a sesión", {"ordinal 7364 [7364a]"}},
      {"es", "la XXIV Cumbre, siglo XXI", {"ordinal 24 [XXIV] soft", "ordinal 21 [XXI] soft"}},
      {"fr", "du XXIe siècle", {"ordinal 21 [XXIe] soft"}},
      {"en", "a CIVIL case, MIX and LIVE", {}},
      // An approximation between a figure and its scale.
      {"zh", "向200多万人", {"number 2000000 [200多万] soft"}},
      // Two days with an article before each.
      {"es", "entre el 14 y el 27 de enero", {"date --01-14 [14]", "date --01-27 [el 27 de enero]"}},
      {"fr", "le 8 et le 9 décembre 2014", {"date 2014-12-08 [8]", "date 2014-12-09 [le 9 décembre 2014]"}},
      // English dates copied into another version, Maghreb month names, Arabic millions and billions.
      {"ru", "6 February 2015", {"date 2015-02-06 [6 February 2015]"}},
      {"ar", "من 1 إلى 2 دجنبر 2014", {"range 2014-12-01/2014-12-02 [1 إلى 2 دجنبر 2014]"}},
      {"ar", "نحو مليون شخص و 2.4 بلايين دولار", {"number 1000000 [مليون]", "number 2400000000 [2.4 بلايين]"}},
      // Isotopes: the mass number is no figure a translation must repeat (235U, U-235).
      {"zh", "铀-235丰度", {"number 235 [235] soft"}},
      // A chapter label in Chinese numerals: XII. or ثاني عشر- in other versions, or nothing.
      {"zh", "十二、 议事规则", {"number 12 [十二] soft"}},
      // Footnote markers in brackets glued to a word, and after closing quotes.
      {"ar", "في موقعه الشبكي(3).", {"number 3 [3] soft"}},
      {"ru", "<<злоупотребление положением>>2.", {"number 2 [2] soft"}},
      {"zh", "报告3第27段", {"number 3 [3] soft", "ordinal 27 [27]"}},
      // 一 before a currency or after 附件 is a soft 1; elsewhere (一名, 一些) it is "a" and not read.
      {"zh", "一名学生，一美元，附件一，一些国家", {"number 1 [一] soft", "number 1 [一] soft"}},
      // 二十年 is as often "two decades"; 二十个 stays a figure.
      {"zh", "过去二十年里有二十个国家", {"number 20 [二十] soft", "number 20 [二十]"}},
      // Adjectives of years and approximate nouns are soft.
      {"fr", "un plan quinquennal pour une quarantaine d'experts", {"number 5 [quinquennal] soft", "number 40 [quarantaine] soft"}},
      {"fr", "entre 11 heures et midi, à minuit", {"number 11 [11]", "time 12:00 [midi] soft", "time 00:00 [minuit] soft"}},
      // Corpus artefacts: 1 for l before an apostrophe; footnote markers glued to years; decades in two digits.
      {"fr", "utiliser 1'espace", {}},
      {"fr", "en septembre 201442 et pour 2014-20151", {"date 2014-09 [septembre 201442]", "range 2014/2015 [2014-20151]"}},
      {"fr", "au début des années 60", {"year 1960 [60]"}},
  });
}

TEST(Quantities, TimesOfDay) {
  run_table({
      {"zh", "会议定于2016年5月3日星期二下午3时30分开始", {"date 2016-05-03 [2016年5月3日]", "time 15:30 [3时30分]"}},
      {"en", "The meeting will open on Tuesday, 3 May 2016, at 3.30 p.m.",
       {"date 2016-05-03 [3 May 2016]", "time 15:30 [3.30 p.m.]"}},
      {"fr", "La séance s'ouvrira le mardi 3 mai 2016, à 15 h 30", {"date 2016-05-03 [3 mai 2016]", "time 15:30 [15 h 30]"}},
      {"fr", "à 15 heures, pendant 24 heures", {"time 15:00 [15 heures]", "number 24 [24]"}},
      {"es", "a las 15.30 horas", {"time 15:30 [15.30 horas]"}},
      {"ru", "в 15 ч. 30 м.", {"time 15:30 [15 ч. 30 м.]"}},
      {"ar", "الساعة 15:30", {"time 15:30 [15:30]"}},
      // A range's second end takes 下午 from the first; 一时 and 时期 are no hours.
      {"zh", "上午9时至下午1时和下午3时至6时", {"time 09:00 [9时]", "time 13:00 [1时]", "time 15:00 [3时]", "time 18:00 [6时]"}},
      {"zh", "在这一时期，第5时期", {"ordinal 5 [5]"}},
      {"en", "between 0900 and 1300 hours, at 0300", {"time 09:00 [0900]", "time 13:00 [1300 hours]", "time 03:00 [0300]"}},
  });
}

TEST(Quantities, WaysOneValueIsWritten) {
  run_table({
      // Per cent given once for a list; percentage points.
      {"en", "45 and 46 per cent", {"percent 45% [45]", "percent 46% [46 per cent]"}},
      {"zh", "增加了4.5个百分点", {"percent 4.5% [4.5个百分点]"}},
      {"en", "by 4.5 percentage points", {"percent 4.5% [4.5 percentage points]"}},
      // Section numbers where a full stop is not a decimal sign, and Arabic groups written in reverse order.
      {"fr", "la section 2.1 et l'article 10.103", {"number 2.1 [2.1]", "number 10.103 [10.103]"}},
      {"ar", "نحو 000 350 شخص و 600 10 دولار و 800 054 201",
       {"number 350000 [000 350]", "number 10600 [600 10]", "number 201054800 [800 054 201]"}},
      // Roman numerals after the words that number with them; a lone C or L is a letter.
      {"en", "under Chapter VII and article III, in Annex C", {"ordinal 7 [VII] soft", "ordinal 3 [III] soft"}},
      {"ru", "в соответствии с главой VIII", {"ordinal 8 [VIII] soft"}},
      // Decades, a dash lost between two years, a currency glued to its figure.
      {"en", "since the 1960s", {"year 1960 [1960s]"}},
      {"fr", "pour la période 20142020", {"range 2014/2020 [20142020]"}},
      {"en", "Euro1.5 million", {"number 1500000 [1.5 million]"}},
      // Footnote markers: soft.
      {"en", "available on the website.3", {"number 3 [3] soft"}},
      {"fr", "de façon systématique[23].", {"number 23 [23] soft"}},
      {"zh", "表示注意到秘书长的报告；1", {"number 1 [1] soft"}},
  });
}

TEST(Quantities, DatesWrittenInParts) {
  run_table({
      {"zh", "2014年7-8月", {"range 2014-07/2014-08 [2014年7-8月]"}},
      {"en", "in July and August 2014", {"date 2014-07 [July]", "date 2014-08 [August 2014]"}},
      {"zh", "2014年10月和11月", {"date 2014-10 [2014年10月]", "date 2014-11 [11月]"}},
      {"en", "in July", {"date --07 [July] soft"}},
      {"zh", "7月底", {"date --07 [7月] soft"}},
      {"en", "4 - 15 May 2015", {"range 2015-05-04/2015-05-15 [4 - 15 May 2015]"}},
      {"ru", "11 -- 24 февраля 2014 года", {"range 2014-02-11/2014-02-24 [11 -- 24 февраля 2014 года]"}},
      {"zh", "6 February 2015", {"date 2015-02-06 [6 February 2015]"}},
      {"zh", "112．接管该市", {}},
  });
}

TEST(Quantities, LabelsSymbolsAndCodesAreNotQuantities) {
  run_table({
      {"en", "12. The Secretary-General has the honour", {}},
      {"en", "(3) The Panel recommends", {}},
      {"zh", "一、导言", {}},
      {"ar", "86 - تهدف الخطة", {}},
      {"ar", "10- اتفقت اللجنة", {}},
      {"en", "(a) the report A/59/181 of the Secretary-General", {}},
      {"zh", "秘书长的报告（A/59/181）", {}},
      // Codes: H5N1 gives nothing; G77 and A4 give soft numbers, which are never reported missing (a short code's
      // number is what another version writes apart: B59 ↔ "baril 59").
      {"en", "the G77 and H5N1 and A4 paper", {"number 77 [77] soft", "number 4 [4] soft"}},
      {"en", "resolution 58/241 of 2004", {"year 2004 [2004]"}},
      {"zh", "第1373（2001）号决议", {}},
      {"en", "", {}},
  });
}

TEST(Quantities, SkipSpansAreHonoured) {
  const std::string text = "Paragraph 12 of document 59/150";
  // With no spans, 59 and 150 are numbers; with a span over "59/150", they are not.
  EXPECT_EQ(find_quantities(text, "en", {}).size(), 3u);
  const std::size_t at = text.find("59/150");
  const std::vector<Quantity> q = find_quantities(text, "en", {{at, at + 6}});
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].key, "12");
  EXPECT_EQ(q[0].offset, text.find("12"));
  EXPECT_EQ(q[0].length, 2u);
}

TEST(Quantities, SameFigureSameKeyAcrossLanguages) {
  struct Parallel {
    std::vector<std::pair<std::string, std::string>> versions;
  };
  const std::vector<Parallel> sets = {
      {{{"zh", "2004 年 7 月 15 日，约 650万 人，占百分之六十二"},
        {"en", "On 15 July 2004, some 6.5 million people, or 62 per cent"},
        {"fr", "Le 15 juillet 2004, quelque 6,5 millions de personnes, soit 62 pour cent"},
        {"es", "El 15 de julio de 2004, unos 6,5 millones de personas, es decir, el 62 por ciento"},
        {"ru", "15 июля 2004 года около 6,5 млн человек, или 62 процента"},
        {"ar", "في 15 تموز/يوليه 2004، نحو 6.5 مليون شخص، أي 62 في المائة"}}},
  };
  for (const Parallel& p : sets) {
    std::multiset<std::string> first;
    for (const Quantity& q : find_quantities(p.versions[0].second, p.versions[0].first)) first.insert(q.key);
    EXPECT_EQ(first, (std::multiset<std::string>{"2004-07-15", "6500000", "62%"}));
    for (const auto& [lang, text] : p.versions) {
      std::multiset<std::string> keys;
      for (const Quantity& q : find_quantities(text, lang)) keys.insert(q.key);
      EXPECT_EQ(keys, first) << lang << ": " << text;
    }
  }
}

TEST(Quantities, ValuesAreNumbers) {
  const std::vector<Quantity> q = find_quantities("1.2亿，百分之六十二，2004年", "zh");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_DOUBLE_EQ(q[0].value, 120000000.0);
  EXPECT_DOUBLE_EQ(q[1].value, 62.0);
  EXPECT_EQ(q[2].kind, QuantityKind::kYear);
  EXPECT_DOUBLE_EQ(q[2].value, 2004.0);
}

// ---- data files -------------------------------------------------------------------------------------------------

std::string data_dir() { return testing::source_dir() + "/corpora/data"; }

TEST(NumberData, FilesLoad) {
  const auto finder = QuantityFinder::load(data_dir());
  ASSERT_TRUE(finder.ok()) << finder.status().to_string();
  EXPECT_EQ(finder->find("62%", "en", {}).size(), 1u);
  ASSERT_TRUE(default_quantity_finder().ok());
}

TEST(NumberData, DuplicatesAndBadRowsAreRejectedWithFileAndLine) {
  struct Bad {
    std::string file, line, message;
  };
  const std::vector<Bad> bads = {
      {"numbers/months.tsv", "fr\t7\tjuillet", "duplicate month"},
      {"numbers/months.tsv", "fr\t13\tthermidor", "1 to 12"},
      {"numbers/scales.tsv", "en\t6\tmillion", "duplicate scale"},
      {"numbers/scales.tsv", "en\tsix\tmillions", "power of ten"},
      {"numbers/number-words.tsv", "en\tcardinal\t3\tthree", "duplicate number word"},
      {"numbers/number-words.tsv", "en\tcardinal\t3\tthrice\tcommon", "flag is"},
      {"numbers/context-words.tsv", "en\troman-after\tchapter", "duplicate"},
      {"numbers/context-words.tsv", "en\tafter\tchapter", "role is"},
      {"numbers/date-words.tsv", "en\tam\ta.m.", "duplicate"},
      {"numbers/formats.tsv", "en\treversed\tspace", "role is"},
      {"numbers/percent.tsv", "en\tafter\tper cent", "duplicate"},
      {"numbers/date-words.tsv", "en\trange\tto", "duplicate"},
      {"numbers/date-words.tsv", "en\tweekday\tmonday", "role is"},
      {"numbers/formats.tsv", "en\tgroup\tcomma", "duplicate"},
      {"numbers/formats.tsv", "en\tgroup\tsemicolon", "unknown separator"},
      {"numbers/zh-measure-words.txt", "个", "duplicate measure"},
      {"numbers/zh-measure-words.txt", "个人", "one Han character"},
      // A column too many, as a data folder of another version of paralign can have: a Status, not an exception.
      {"numbers/formats.tsv", "fr\tdecimal\tcomma\textra", "TAB-separated columns, found 4"},
      {"numbers/number-words.tsv", "fr\tfraction\tthree\tsixièmes", "positive number"},
      {"numbers/context-words.tsv", "fr\tdecade-after\tannées", "role is"},
  };
  for (const Bad& bad : bads) {
    const std::string dir = testing::temp_dir() + "/data";
    std::filesystem::copy(data_dir(), dir, std::filesystem::copy_options::recursive);
    std::ofstream(dir + "/" + bad.file, std::ios::app) << bad.line << "\n";
    const auto finder = QuantityFinder::load(dir);
    ASSERT_FALSE(finder.ok()) << bad.line;
    EXPECT_EQ(finder.status().code(), ErrorCode::kParse);
    EXPECT_NE(finder.status().message().find(bad.message), std::string::npos) << finder.status().to_string();
    EXPECT_NE(finder.status().where().file.find(bad.file), std::string::npos) << finder.status().to_string();
    EXPECT_GT(finder.status().where().line, 0u) << finder.status().to_string();
  }
}

TEST(NumberData, EveryMonthOfEveryLanguageIsRead) {
  // Read back each month name in the file through the finder: a name the scanner cannot match fails here.
  std::ifstream in(data_dir() + "/numbers/months.tsv");
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    const std::string lang = line.substr(0, t1), month = line.substr(t1 + 1, t2 - t1 - 1);
    std::string name = line.substr(t2 + 1);
    if (lang == "en") name[0] = static_cast<char>(name[0] - 'a' + 'A');
    const std::string text = "3 " + name + " 2005";
    const std::vector<Quantity> q = find_quantities(text, lang);
    ASSERT_EQ(q.size(), 1u) << text;
    EXPECT_EQ(q[0].key, "2005-" + std::string(month.size() == 1 ? "0" : "") + month + "-03") << text;
    ++checked;
  }
  EXPECT_GT(checked, 90);
}

// ---- the shared six-way corpus -----------------------------------------------------------------------------------

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

TEST(QuantitiesOnSharedCorpus, KeysAgreeBetweenTranslationsOfTheUnpcDevset) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  const std::string base = testing::shared_corpora_dir() + "/unpc-devset/UNv1.0.devset.";
  const std::vector<std::string> en = read_lines(base + "en");
  // Measured on the 4,000 lines: share of lines holding a figure in either language whose key multisets are
  // identical. Translations legitimately differ (times, roman numerals, figures spelled out in one language only);
  // the floors sit a few points under the measured values to catch regressions.
  // Measured: en-zh 1212/1373, fr 1206/1348, es 1217/1345, ru 1232/1340, ar 1177/1354 (firm keys).
  const std::vector<std::pair<std::string, int>> floors = {{"zh", 86}, {"fr", 87}, {"es", 88}, {"ru", 90}, {"ar", 85}};
  for (const auto& [lang, floor] : floors) {
    const std::vector<std::string> other = read_lines(base + lang);
    ASSERT_EQ(other.size(), en.size());
    std::size_t with = 0, same = 0;
    for (std::size_t i = 0; i < en.size(); ++i) {
      std::multiset<std::string> a, b;
      // Soft quantities (three, 两, a footnote marker) are often rendered without a figure: firm ones only.
      for (const Quantity& q : find_quantities(en[i], "en"))
        if (!q.soft) a.insert(q.key);
      for (const Quantity& q : find_quantities(other[i], lang))
        if (!q.soft) b.insert(q.key);
      if (a.empty() && b.empty()) continue;
      ++with;
      same += a == b;
    }
    EXPECT_GT(with, 1000u);
    std::cout << "en-" << lang << ": " << same << "/" << with << " lines with identical firm keys\n";
    EXPECT_GE(same * 100, with * static_cast<std::size_t>(floor)) << lang << ": " << same << "/" << with;
  }
}

}  // namespace
}  // namespace paralign
