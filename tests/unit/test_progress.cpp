// Terminal output helpers: display width of Chinese text, readable numbers, the progress line.
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

#include "exec/progress.h"
#include "support/display_width.h"
#include "support/number_text.h"

using namespace fundguard;

TEST_CASE("display width and readable numbers") {
  CHECK(terminalWidth("abc") == 3);
  CHECK(terminalWidth("挂名住院") == 8);
  CHECK(terminalWidth("C2 挂名住院 (x)") == 15);
  CHECK(terminalWidth("\xFF") == 1);
  CHECK(padLeft("元", 4) == "  元");
  CHECK(padRight("元", 3) == "元 ");
  CHECK(padRight("住院", 3) == "住院");  // never cut
  CHECK(groupThousands("1234567.89") == "1,234,567.89");
  CHECK(groupThousands("-123456") == "-123,456");
  CHECK(groupThousands("999.00") == "999.00");
  CHECK(groupThousands("n/a") == "n/a");
  CHECK(yuanForPeople(-100000000) == "-1,000,000.00");
}

TEST_CASE("progress: silent without a terminal; drawn, then erased, on one") {
  using std::chrono::milliseconds;
  {
    Progress silent("读取 setl_d", 10, nullptr, milliseconds(0));
    silent.advance(5);
    CHECK(silent.done() == 5);
  }
  Progress p("读取", 200, nullptr, milliseconds(0));
  CHECK(p.line(50) == "读取 [######------------------]  25%  50/200");
  CHECK(p.line(250) == "读取 [########################] 100%  250/200");
  Progress unknown("rows", 0, nullptr, milliseconds(0));
  CHECK(unknown.line(1234567) == "rows  1,234,567");

  std::ostringstream term;
  {
    Progress bar("x", 2000, &term, milliseconds(0));
    bar.advance(1000);
    bar.finish();
    bar.advance(1);  // after finish: nothing more is drawn
  }
  const std::string drawn = "x [############------------]  50%  1,000/2,000";
  CHECK(term.str() == "\r" + drawn + "\r" + std::string(drawn.size(), ' ') + "\r");

  // A long interval: nothing is drawn, so nothing needs erasing.
  std::ostringstream quiet;
  {
    Progress slow("x", 10, &quiet, milliseconds(60000));
    slow.advance(3);
  }
  CHECK(quiet.str().empty());
}

TEST_CASE("progress: advance is thread-safe") {
  Progress p("x", 0, nullptr, std::chrono::milliseconds(0));
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) p.advance();
    });
  for (auto& t : threads) t.join();
  CHECK(p.done() == 80000);
}
