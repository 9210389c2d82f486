// The formatter (compiler/format): the canonical layout, alignment by display width with Chinese
// names, comments kept, idempotence, refusal of files with syntax errors, and the token check
// that guards against a layout that would change what a file says.
#include <doctest/doctest.h>

#include <string>

#include "format/formatter.h"

using namespace fundguard;

namespace {

struct Formatted {
  FormatResult result;
  DiagnosticSink diags;
};

Formatted format(const std::string& text) {
  SourceManager sources;
  uint32_t id = sources.add("t.rule", text);
  Formatted out;
  out.result = formatFile(sources, id, out.diags);
  return out;
}

// The formatted text; fails the test when the text does not format, or formats differently a
// second time.
std::string fmt(const std::string& text) {
  Formatted once = format(text);
  REQUIRE(once.result.status == FormatResult::Status::Formatted);
  Formatted twice = format(once.result.text);
  REQUIRE(twice.result.status == FormatResult::Status::Formatted);
  CHECK(twice.result.text == once.result.text);
  return once.result.text;
}

}  // namespace

TEST_CASE("fmt: indentation, spacing around operators, commas, dots, calls and brackets") {
  CHECK(fmt("import std.schema\n"
            "rule \"R\" \"t\" {\n"
            "      scope line\n"
            "let x=round( line.pric*2 ,-2 )+sum(l.cnt for l in setl.lines where l.cnt>1)\n"
            "    when x in [ \"a\" ,\"b\" ] and not(x = -1)\n"
            "}\n") ==
        "import std.schema\n"
        "rule \"R\" \"t\" {\n"
        "  scope line\n"
        "  let x = round(line.pric * 2, -2) + sum(l.cnt for l in setl.lines where l.cnt > 1)\n"
        "  when x in [\"a\", \"b\"] and not (x = -1)\n"
        "}\n");
}

TEST_CASE("fmt: blank lines: at most one, none after { or before }, none at the start; LF, one final newline") {
  CHECK(fmt("\n\nimport std.schema\r\n\r\n\r\n\r\nrule \"R\" \"t\" {\r\n\r\n  scope line\r\n\r\n\r\n  when true   "
            "\r\n\r\n}"
            "\n\n\n") == "import std.schema\n\nrule \"R\" \"t\" {\n  scope line\n\n  when true\n}\n");
}

TEST_CASE("fmt: metadata values, lets and params align by display width (a Chinese character is 2 columns)") {
  std::string out =
      fmt("rule \"R\" \"t\" {\n"
          "  version: 1\n"
          "  severity: low\n"
          "  effective: 2024-01-01 ..\n"
          "\n"
          "  param 最少项目数 int = 2 \"至少\"\n"
          "  param 容差 money = 0.00 \"容差\"\n"
          "  param n int = 10\n"
          "\n"
          "  let 机构编码 = 1\n"
          "  let ab = 2\n"
          "  let 本机构结算 = 3\n"
          "}\n");
  CHECK(out ==
        "rule \"R\" \"t\" {\n"
        "  version:   1\n"
        "  severity:  low\n"
        "  effective: 2024-01-01 ..\n"
        "\n"
        "  param 最少项目数 int   = 2    \"至少\"\n"
        "  param 容差       money = 0.00 \"容差\"\n"
        "  param n          int   = 10\n"
        "\n"
        "  let 机构编码   = 1\n"
        "  let ab         = 2\n"
        "  let 本机构结算 = 3\n"
        "}\n");
}

TEST_CASE("fmt: a blank line or a comment ends an alignment group; a continuation line does not") {
  CHECK(fmt("rule \"R\" \"t\" {\n"
            "  let a = 1\n"
            "  let 长名字 = 2\n"
            "  # comment\n"
            "  let b = 3\n"
            "  let cc = [1,\n"
            "            2]\n"
            "  let 长 = 4\n"
            "}\n") ==
        "rule \"R\" \"t\" {\n"
        "  let a      = 1\n"
        "  let 长名字 = 2\n"
        "  # comment\n"
        "  let b  = 3\n"
        "  let cc = [1,\n"
        "            2]\n"
        "  let 长 = 4\n"
        "}\n");
}

TEST_CASE("fmt: table columns and dict entries in columns; links by their arrow") {
  CHECK(fmt("table 明细_b \"明细\" {\n"
            "  role fee_line\n"
            "  明细号 str key \"明细号\"\n"
            "  金额 money \"金额\"\n"
            "  item_group code(项目组) required \"项目组\"\n"
            "  link setl -> setl_d on setl_id\n"
            "  link person -> psn_info_b on psn_no\n"
            "}\n"
            "dict 项目组 \"组\" {\n"
            "  \"CT\": \"CT检查\",\n"
            "  \"CONSUMABLE\": \"耗材\",\n"
            "}\n") ==
        "table 明细_b \"明细\" {\n"
        "  role fee_line\n"
        "  明细号      str           key       \"明细号\"\n"
        "  金额        money                   \"金额\"\n"
        "  item_group  code(项目组)  required  \"项目组\"\n"
        "  link setl   -> setl_d on setl_id\n"
        "  link person -> psn_info_b on psn_no\n"
        "}\n"
        "dict 项目组 \"组\" {\n"
        "  \"CT\":         \"CT检查\",\n"
        "  \"CONSUMABLE\": \"耗材\",\n"
        "}\n");
}

TEST_CASE("fmt: fund under amount, evidence under violating; items sharing a line two spaces apart") {
  CHECK(fmt("rule \"R\" \"t\" {\n"
            "  version: 1  severity:   low\n"
            "  amount 1\n"
            "  fund 2\n"
            "  violating line\n"
            "  evidence a, b\n"
            "}\n") ==
        "rule \"R\" \"t\" {\n"
        "  version: 1  severity: low\n"
        "  amount 1\n"
        "  fund   2\n"
        "  violating line\n"
        "  evidence  a, b\n"
        "}\n");
}

TEST_CASE("fmt: continuation lines keep their place under the token they were aligned with") {
  // The block moves two columns left; `and` stays one column right of `when`, `else` under `if`.
  CHECK(fmt("rule \"R\" \"t\" {\n"
            "    when a\n"
            "     and b\n"
            "    let 限价 =   if x then 1\n"
            "                 else 2\n"
            "}\n") ==
        "rule \"R\" \"t\" {\n"
        "  when a\n"
        "   and b\n"
        "  let 限价 = if x then 1\n"
        "             else 2\n"
        "}\n");
  // When alignment moves `=`, what is under the expression moves with it.
  CHECK(fmt("rule \"R\" \"t\" {\n"
            "  let 长名字 = 1\n"
            "  let x = if a then 1\n"
            "          else 2\n"
            "}\n") ==
        "rule \"R\" \"t\" {\n"
        "  let 长名字 = 1\n"
        "  let x      = if a then 1\n"
        "               else 2\n"
        "}\n");
}

TEST_CASE("fmt: comments are kept: alone on a line, trailing, inside an item; trailing spaces dropped") {
  CHECK(fmt("# 文件说明   \n"
            "list 名单 \"名单\" = [\n"
            "  \"J00\",   # 感冒\n"
            "  \"J02\",   # 咽炎\n"
            "      # 注释在列表里\n"
            "  \"Z13\" // 筛查\n"
            "]\n"
            "rule \"R\" \"t\" {  # 开始\n"
            "        # 说明 when\n"
            "  when true\n"
            "# 块末注释\n"
            "}\n") ==
        "# 文件说明\n"
        "list 名单 \"名单\" = [\n"
        "  \"J00\",  # 感冒\n"
        "  \"J02\",  # 咽炎\n"
        "      # 注释在列表里\n"
        "  \"Z13\"  // 筛查\n"
        "]\n"
        "rule \"R\" \"t\" {  # 开始\n"
        "  # 说明 when\n"
        "  when true\n"
        "  # 块末注释\n"
        "}\n");
}

TEST_CASE("fmt: rows of tests and tables: a space between a table's name and its columns, none in calls") {
  CHECK(fmt("rule \"R\" \"t\" {\n"
            "  test \"x\" {\n"
            "    given setl_d(setl_id,psn_no) (\"S1\",\"P1\")(\"S2\" , -1)\n"
            "    with 容差 = -0.5\n"
            "    expect hit \"S1\" amount -1.00 fund 0\n"
            "  }\n"
            "}\n") ==
        "rule \"R\" \"t\" {\n"
        "  test \"x\" {\n"
        "    given setl_d (setl_id, psn_no) (\"S1\", \"P1\") (\"S2\", -1)\n"
        "    with 容差 = -0.5\n"
        "    expect hit \"S1\" amount -1.00 fund 0\n"
        "  }\n"
        "}\n");
}

TEST_CASE("fmt: a file with syntax errors is refused with the checker's diagnostics") {
  Formatted out = format("rule \"R\" \"t\" {\n  when (a\n}\n");
  CHECK(out.result.status == FormatResult::Status::SyntaxErrors);
  CHECK(out.result.text.empty());
  CHECK(out.diags.errorCount() > 0);
  CHECK(format("rule \"R\" \"t\" { when a，b }\n").result.status == FormatResult::Status::SyntaxErrors);
}

TEST_CASE("fmt: lines that end with a carriage return alone are lines") {
  CHECK(fmt("# c\rimport std.schema\r\rlist a = [1]  # d\r") == "# c\nimport std.schema\n\nlist a = [1]  # d\n");
}

TEST_CASE("fmt: an empty file, a file of comments, a byte-order mark") {
  CHECK(fmt("") == "");
  CHECK(fmt("\n\n  \n") == "");
  CHECK(fmt("  # 只有注释\n\n\n// 第二行") == "# 只有注释\n\n// 第二行\n");
  CHECK(fmt("\xEF\xBB\xBFimport std.schema\n") == "import std.schema\n");
}

TEST_CASE("fmt: the token check tells a change of meaning or a lost comment from a change of layout") {
  CHECK(compareTokens("let a = 1 # c  \n", "let  a =\n 1   # c\n").empty());
  CHECK(compareTokens("when a >= 1", "when a > = 1").find("token 3 changed") != std::string::npos);
  CHECK(!compareTokens("when a # note", "when a").empty());
  CHECK(!compareTokens("when \"a b\"", "when \"a  b\"").empty());
  CHECK(compareTokens("when a.b", "when a . b").empty());  // spacing around `.` is layout
}
