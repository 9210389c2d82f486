// Reading one CSV file into a Table: header matching, every value kind, and the rejects (file,
// line, column, raw text, reason) for records that cannot be read whole.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "data/scalar_values.h"
#include "io/cell_parser.h"
#include "io/table_reader.h"
#include "temp_files.h"

using namespace fundguard;
using fundguard::testing::TempDir;

namespace {

ColumnLayout col(const std::string& name, ValueKind kind, bool key = false, bool required = false) {
  ColumnLayout c;
  c.name = name;
  c.kind = kind;
  c.key = key;
  c.required = required;
  return c;
}

TableLayout settlements() {
  TableLayout t;
  t.name = "setl_d";
  t.columns = {col("setl_id", ValueKind::Str, true),
               col("psn_no", ValueKind::Str, false, true),
               col("gend", ValueKind::Code),
               col("brdy", ValueKind::Date),
               col("setl_time", ValueKind::DateTime),
               col("medfee_sumamt", ValueKind::Money),
               col("cnt", ValueKind::Dec),
               col("age", ValueKind::Int),
               col("flag", ValueKind::Bool),
               col("oth_dise_codg", ValueKind::List)};
  t.columns.back().element = ValueKind::Str;
  return t;
}

TableLayout small() {
  TableLayout t;
  t.name = "t";
  t.columns = {col("id", ValueKind::Str, true), col("amt", ValueKind::Money), col("day", ValueKind::Date)};
  return t;
}

std::string text(const StringPool& pool, const Table& table, const std::string& column, size_t row) {
  const Column* c = table.column(column);
  REQUIRE(c != nullptr);
  REQUIRE(c->has(row));
  return std::string(pool.text(static_cast<uint32_t>(c->at(row))));
}

int64_t value(const Table& table, const std::string& column, size_t row) {
  const Column* c = table.column(column);
  REQUIRE(c != nullptr);
  REQUIRE(c->has(row));
  return c->at(row);
}

}  // namespace

TEST_CASE("table: every kind is read exactly, header columns in any order, empty fields missing") {
  TempDir tmp;
  std::string path = tmp.write("setl_d.csv",
                               "oth_dise_codg,setl_id,psn_no,gend,brdy,setl_time,medfee_sumamt,cnt,age,flag\n"
                               "J18.9|I10,S1,P1,1,1980-02-29,2024-01-31 08:30:05,1234.5,2.25,44,true\n"
                               ",S2,P2,,,,-0.05,,,0\n");
  StringPool pool;
  TableReadResult r = readTable(path, settlements(), pool);
  REQUIRE(r.ok());
  CHECK(r.rejects.empty());
  CHECK(r.warnings.empty());
  CHECK(r.rowsRead == 2);
  CHECK(r.rowsKept == 2);
  CHECK(r.encoding == Encoding::Utf8);
  const Table& t = *r.table;
  CHECK(t.rows == 2);
  CHECK(t.sourcePath == path);
  CHECK(t.columns[0].layout.name == "setl_id");  // layout order, not file order
  CHECK(text(pool, t, "setl_id", 0) == "S1");
  CHECK(text(pool, t, "psn_no", 1) == "P2");
  CHECK(text(pool, t, "gend", 0) == "1");
  CHECK(value(t, "brdy", 0) == *parseDate("1980-02-29").value);
  CHECK(value(t, "setl_time", 0) == *parseDateTime("2024-01-31 08:30:05").value);
  CHECK(value(t, "medfee_sumamt", 0) == 123450);
  CHECK(value(t, "medfee_sumamt", 1) == -5);
  CHECK(value(t, "cnt", 0) == 22500);
  CHECK(value(t, "age", 0) == 44);
  CHECK(value(t, "flag", 0) == 1);
  CHECK(value(t, "flag", 1) == 0);
  const Column& list = *t.column("oth_dise_codg");
  REQUIRE(list.has(0));
  REQUIRE(list.listSize(0) == 2);
  CHECK(pool.text(static_cast<uint32_t>(list.listBegin(0)[0])) == "J18.9");
  CHECK(pool.text(static_cast<uint32_t>(list.listBegin(0)[1])) == "I10");
  CHECK_FALSE(list.has(1));
  for (const char* missing : {"gend", "brdy", "setl_time", "cnt", "age"}) CHECK_FALSE(t.column(missing)->has(1));
}

TEST_CASE("table: a list of money items, and a bad item rejects the record") {
  TempDir tmp;
  TableLayout layout;
  layout.name = "l";
  layout.columns = {col("id", ValueKind::Str, true), col("amts", ValueKind::List)};
  layout.columns[1].element = ValueKind::Money;
  StringPool pool;
  TableReadResult r = readTable(tmp.write("l.csv", "id,amts\na,1.5|2|0.01\nb,1||2\nc,1|x\n"), layout, pool);
  REQUIRE(r.ok());
  REQUIRE(r.table->rows == 1);
  const Column& amts = r.table->columns[1];
  REQUIRE(amts.listSize(0) == 3);
  CHECK(amts.listBegin(0)[0] == 150);
  CHECK(amts.listBegin(0)[1] == 200);
  CHECK(amts.listBegin(0)[2] == 1);
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].column == 2);
  CHECK(r.rejects[0].reason == "item 2 of the list is empty");
  CHECK(r.rejects[1].reason == "item 2 of the list: not a money amount: 'x'");
}

TEST_CASE("table: a GBK file is read into UTF-8") {
  TempDir tmp;
  // 张三 in GBK is D5 C5 C8 FD.
  std::string path = tmp.write("t.csv", "id,amt,day\r\n\xD5\xC5\xC8\xFD,1.00,2024-01-01\r\n");
  StringPool pool;
  TableReadResult r = readTable(path, small(), pool);
  REQUIRE(r.ok());
  CHECK(r.encoding == Encoding::Gb18030);
  REQUIRE(r.table->rows == 1);
  CHECK(text(pool, *r.table, "id", 0) == "\xE5\xBC\xA0\xE4\xB8\x89");
}

TEST_CASE("table: bytes that do not decode reject the record, shown as \\xNN") {
  TempDir tmp;
  StringPool pool;
  TableReadOptions utf8;
  utf8.encoding = Encoding::Utf8;
  TableReadResult r = readTable(tmp.write("t.csv", "id,amt,day\nok,1,\nb\xD5\xC5,2,\n"), small(), pool, utf8);
  REQUIRE(r.ok());
  CHECK(r.rowsRead == 2);
  CHECK(r.rowsKept == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].column == 1);
  CHECK(r.rejects[0].columnName == "id");
  CHECK(r.rejects[0].raw == "b\\xD5\\xC5");
  CHECK(r.rejects[0].reason.find("invalid UTF-8") == 0);

  TableReadOptions gbk;
  gbk.encoding = Encoding::Gb18030;
  r = readTable(tmp.write("g.csv", "id,amt,day\n\xD5\xC5\xFF,2,\n"), small(), pool, gbk);
  REQUIRE(r.ok());
  CHECK(r.rowsKept == 0);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].raw == "\xE5\xBC\xA0\\xFF");
  CHECK(r.rejects[0].reason == "bytes that are not valid GBK/GB18030");
}

TEST_CASE("table: rejects name file, line, column, raw value and reason") {
  TempDir tmp;
  std::string path = tmp.write("t.csv",
                               "id,amt,day\n"
                               "a,1.00,2024-02-29\n"
                               "b,2.00\n"
                               "c,1.00,2024-02-30\n"
                               "d,12.345,2024-01-01\n"
                               ",1,2024-01-01\n"
                               "\"e\n\",\"3\"x,\n"
                               "a,9,\n"
                               "f,\"unterminated\n");
  StringPool pool;
  TableReadResult r = readTable(path, small(), pool);
  REQUIRE(r.ok());
  CHECK(r.rowsRead == 8);
  CHECK(r.rowsKept == 1);
  REQUIRE(r.rejects.size() == 7);
  const Reject& count = r.rejects[0];
  CHECK(count.file == path);
  CHECK(count.line == 3);
  CHECK(count.column == 0);
  CHECK(count.raw == "b,2.00");
  CHECK(count.reason == "expected 3 fields, found 2");
  const Reject& date = r.rejects[1];
  CHECK(date.line == 4);
  CHECK(date.column == 3);
  CHECK(date.columnName == "day");
  CHECK(date.raw == "2024-02-30");
  CHECK(date.reason == "no such day: '2024-02-30'");
  const Reject& money = r.rejects[2];
  CHECK(money.line == 5);
  CHECK(money.column == 2);
  CHECK(money.columnName == "amt");
  CHECK(money.raw == "12.345");
  CHECK(money.reason == "money amount has more than 2 decimal places");
  const Reject& key = r.rejects[3];
  CHECK(key.line == 6);
  CHECK(key.column == 1);
  CHECK(key.reason == "key column is empty");
  const Reject& quote = r.rejects[4];
  CHECK(quote.line == 7);
  CHECK(quote.column == 0);
  CHECK(quote.raw == "\"e\n\",\"3\"x,");
  CHECK(quote.reason == "characters after the closing quote of field 2");
  const Reject& dup = r.rejects[5];
  CHECK(dup.line == 9);
  CHECK(dup.columnName == "id");
  CHECK(dup.raw == "a");
  CHECK(dup.reason == "duplicate key id=a, first seen on line 2");
  const Reject& open = r.rejects[6];
  CHECK(open.line == 10);
  CHECK(open.reason == "quoted field 2 is not closed: it runs to the end of the file");
  // The one row kept is whole; nothing of the rejected ones leaked into the columns.
  CHECK(r.table->rows == 1);
  for (const Column& c : r.table->columns) CHECK(c.size() == 1);
  CHECK(value(*r.table, "amt", 0) == 100);
}

TEST_CASE("table: composite keys are duplicates only when every key column matches") {
  TempDir tmp;
  TableLayout layout;
  layout.name = "psi_d";
  layout.columns = {col("org", ValueKind::Str, true), col("ym", ValueKind::Str, true), col("n", ValueKind::Int)};
  StringPool pool;
  TableReadResult r =
      readTable(tmp.write("psi_d.csv", "org,ym,n\nH1,2024-01,1\nH1,2024-02,2\nH1,2024-01,3\n"), layout, pool);
  REQUIRE(r.ok());
  CHECK(r.rowsKept == 2);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].reason == "duplicate key org,ym=H1,2024-01, first seen on line 2");
}

TEST_CASE("table: header problems") {
  TempDir tmp;
  StringPool pool;
  SUBCASE("an empty file has no header") {
    std::string path = tmp.write("t.csv", "");
    TableReadResult r = readTable(path, small(), pool);
    CHECK_FALSE(r.ok());
    CHECK(r.table == nullptr);
    CHECK(r.error == path + ": the file is empty; a header row is required");
  }
  SUBCASE("a missing key or required column fails the table") {
    std::string path = tmp.write("setl_d.csv", "gend,brdy\n1,2000-01-01\n");
    TableReadResult r = readTable(path, settlements(), pool);
    CHECK_FALSE(r.ok());
    CHECK(r.table == nullptr);
    CHECK(r.error == path + ": the header lacks key column 'setl_id', required column 'psn_no'");
  }
  SUBCASE("a missing optional column is all missing; an undeclared one is ignored with one warning") {
    std::string path = tmp.write("t.csv", "extra,id,amt\nx,a,1\ny,b,2\n");
    TableReadResult r = readTable(path, small(), pool);
    REQUIRE(r.ok());
    CHECK(r.rowsKept == 2);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0] == path + ": column 'extra' is not declared for table t; ignored");
    CHECK(r.warnings[1] == path + ": declared column 'day' is not in the header; all its values are missing");
    CHECK_FALSE(r.table->column("day")->has(0));
    CHECK_FALSE(r.table->column("day")->has(1));
    CHECK(value(*r.table, "amt", 1) == 200);
  }
  SUBCASE("a declared column twice in the header is ambiguous") {
    std::string path = tmp.write("t.csv", "id,amt,amt\n");
    TableReadResult r = readTable(path, small(), pool);
    CHECK(r.error == path + ": column 'amt' appears twice in the header (fields 2 and 3)");
  }
  SUBCASE("a header alone is an empty table") {
    TableReadResult r = readTable(tmp.write("t.csv", "id,amt,day\r\n"), small(), pool);
    REQUIRE(r.ok());
    CHECK(r.table->rows == 0);
    CHECK(r.rowsRead == 0);
  }
}

TEST_CASE("table: bool accepts 0, 1, true and false only") {
  TempDir tmp;
  TableLayout layout;
  layout.name = "b";
  layout.columns = {col("id", ValueKind::Int, true), col("flag", ValueKind::Bool)};
  StringPool pool;
  TableReadResult r = readTable(tmp.write("b.csv", "id,flag\n1,1\n2,false\n3,yes\n"), layout, pool);
  REQUIRE(r.ok());
  CHECK(r.rowsKept == 2);
  CHECK(value(*r.table, "id", 1) == 2);
  CHECK(value(*r.table, "flag", 1) == 0);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].reason == "not a bool (0, 1, true or false): 'yes'");
}

TEST_CASE("cell: a date alone in a datetime column is that day at midnight; a bad one is still rejected") {
  StringPool pool;
  int64_t value = 0;
  std::string reason;
  REQUIRE(parseCell(ValueKind::DateTime, "2024-03-01", pool, value, reason));
  CHECK(value == *parseDate("2024-03-01").value * int64_t{86400});
  REQUIRE(parseCell(ValueKind::DateTime, "2024-03-01 08:30:00", pool, value, reason));
  CHECK(value == *parseDate("2024-03-01").value * int64_t{86400} + 8 * 3600 + 30 * 60);
  CHECK(!parseCell(ValueKind::DateTime, "2024-02-30", pool, value, reason));
  CHECK(!parseCell(ValueKind::DateTime, "2024-03-01 25:00:00", pool, value, reason));
}
