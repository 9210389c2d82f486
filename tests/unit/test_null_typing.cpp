// The null rule in the types: every value that may be missing is typed `?`, so that the IR can
// make each null check explicit and a missing value can never become a hit by accident.
#include <doctest/doctest.h>

#include "test_helpers.h"

using namespace fundguard;
using namespace fundguard::testing;

namespace {
CheckResult withLets(const std::string& lets) {
  return checkText(lineRule("line.pric > 0.00", lets));
}
}  // namespace

TEST_CASE("columns are `?` unless key or required, and links may find nothing") {
  auto r = withLets(
      "  let a = line.feedetl_sn\n  let b = line.pric\n  let c = setl.begndate\n  let d = line.item\n"
      "  let e = line.item.rx_flag\n  let f = setl.lines\n");
  INFO(text(r));
  CHECK(r.diags.all().empty());
  CHECK(letType(r, "a") == "str");
  CHECK(letType(r, "b") == "money?");
  CHECK(letType(r, "c") == "date");
  CHECK(letType(r, "d") == "hilist_b?");
  CHECK(letType(r, "e") == "code(flag01)?");
  CHECK(letType(r, "f") == "list of fee_list_d");
}

TEST_CASE("operators propagate `?`; comparisons give bool?") {
  auto r = withLets(
      "  let a = line.pric * 2\n  let b = setl.enddate - setl.begndate\n  let c = line.pric > 1.00\n"
      "  let d = setl.enddate > setl.begndate\n  let e = line.pric is null\n  let f = not (line.pric > 1.00)\n");
  INFO(text(r));
  CHECK(letType(r, "a") == "money?");
  CHECK(letType(r, "b") == "int");
  CHECK(letType(r, "c") == "bool?");
  CHECK(letType(r, "d") == "bool");
  CHECK(letType(r, "e") == "bool");
  CHECK(letType(r, "f") == "bool?");
}

TEST_CASE("division may give a missing value (division by zero)") {
  auto r = withLets(
      "  let a = setl.enddate - setl.begndate\n  let b = a / 2\n  let c = count(setl.lines) / count(setl.lines)\n");
  CHECK(letType(r, "b") == "dec?");
  CHECK(letType(r, "c") == "dec?");
}

TEST_CASE("if with an unknown condition is unknown") {
  auto r =
      withLets("  let a = if setl.age > 60 then 1 else 2\n  let b = if setl.begndate > setl.enddate then 1 else 2\n");
  CHECK(letType(r, "a") == "int?");
  CHECK(letType(r, "b") == "int");
}

TEST_CASE("in: the value, the list and its items may each be missing") {
  auto r = withLets(
      "  let a = \"A\" in setl.oth_dise_codg\n  let b = \"A\" in [line.med_list_codg, \"B\"]\n"
      "  let c = \"A\" in [\"A\", \"B\"]\n");
  INFO(text(r));
  CHECK(letType(r, "a") == "bool?");
  CHECK(letType(r, "b") == "bool?");
  CHECK(letType(r, "c") == "bool");
}

TEST_CASE("aggregates: sums and counts are never missing; min, max, avg of nothing are") {
  auto r = withLets(
      "  let a = sum(l.det_item_fee_sumamt for l in setl.lines)\n  let b = count(setl.lines)\n"
      "  let c = max(l.pric for l in setl.lines)\n  let d = avg(l.cnt for l in setl.lines)\n"
      "  let e = exists(l in setl.lines where l.pric > 1.00)\n");
  INFO(text(r));
  CHECK(letType(r, "a") == "money");
  CHECK(letType(r, "b") == "int");
  CHECK(letType(r, "c") == "money?");
  CHECK(letType(r, "d") == "dec?");
  CHECK(letType(r, "e") == "bool");
}

TEST_CASE("coalesce removes `?` when its last argument is present") {
  auto r = withLets("  let a = coalesce(line.pric, 0.00)\n  let b = coalesce(line.pric, line.det_item_fee_sumamt)\n");
  CHECK(letType(r, "a") == "money");
  CHECK(letType(r, "b") == "money?");
}

TEST_CASE("a condition that is only `null` is refused, as is null in a list") {
  CHECK(codes(checkText(lineRule("null"))) == std::vector<std::string>{"FG3002"});
  CHECK(codes(checkText(lineRule("setl.med_type in [\"21\", null]"))) == std::vector<std::string>{"FG3003"});
}
