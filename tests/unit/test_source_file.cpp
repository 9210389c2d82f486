// Positions count characters, so Chinese text lines up; carets use display width.
#include <doctest/doctest.h>

#include "diag/diagnostic_render.h"
#include "diag/source_file.h"

using namespace fundguard;

TEST_CASE("line and column count characters, not bytes") {
  SourceFile f("a.rule", "规则 x\n  当 y\r\nlast");
  CHECK(f.lineCount() == 3);
  CHECK(f.position(0).line == 1);
  CHECK(f.position(3).column == 4);  // 'x' after two Chinese characters and a space
  CHECK(f.position(5).line == 2);
  CHECK(f.position(7).column == 3);  // '当'
  CHECK(f.lineText(2) == "  当 y");  // CR stripped
  CHECK(f.lineText(3) == "last");
  CHECK(f.slice(0, 2) == "规则");
}

TEST_CASE("invalid UTF-8 is found and located") {
  std::string text = "ok\n\xff bad";
  SourceFile f("a.rule", text);
  CHECK_FALSE(f.validUtf8());
  CHECK(f.firstInvalidByte() == 3);
  CHECK(f.charOffsetOfByte(3) == 3);
}

TEST_CASE("display width: CJK and full-width characters take two columns") {
  CHECK(utf8::displayWidth("abc") == 3);
  CHECK(utf8::displayWidth("超标") == 4);
  CHECK(utf8::displayWidth("：") == 2);
}

TEST_CASE("the caret sits under the offending characters in Chinese text") {
  SourceManager sm;
  uint32_t id = sm.add("a.rule", "let 限价 = x.hifp_pya\n");
  Diagnostic d{
      DiagCode::FG1011, Severity::Error, Span{id, 11, 19}, "unknown column", "did you mean `hifp_pay`?", {}, {}};
  std::string out = renderText(sm, {d});
  CHECK(out.find("  --> a.rule:1:12\n") != std::string::npos);
  // "let " (4) + "限价" (4 columns) + " = x." (5) = 13 columns before the caret.
  CHECK(out.find("1 | let 限价 = x.hifp_pya\n  | " + std::string(13, ' ') + "^^^^^^^^\n") != std::string::npos);
  CHECK(out.find("= hint: did you mean `hifp_pay`?") != std::string::npos);
}
