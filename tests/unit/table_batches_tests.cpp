// Reading a table in batches (a fee-line file larger than memory): batches end only where the
// group column changes, every batch reaches the callback (the last one too), and the texts a
// batch added to the pool are forgotten before the next.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/table_reader.h"
#include "temp_files.h"

using namespace fundguard;
using fundguard::testing::TempDir;

namespace {

TableLayout lines() {
  TableLayout t;
  t.name = "fee_list_d";
  ColumnLayout id{"feedetl_sn", ValueKind::Str, ValueKind::Str, true, false};
  ColumnLayout setl{"setl_id", ValueKind::Str, ValueKind::Str, false, true};
  ColumnLayout amt{"det_item_fee_sumamt", ValueKind::Money, ValueKind::Str, false, false};
  t.columns = {id, setl, amt};
  return t;
}

}  // namespace

TEST_CASE("batches: cut at a change of the group column, the last batch included, pool rolled back") {
  TempDir tmp;
  std::string path = tmp.write("fee_list_d.csv",
                               "feedetl_sn,setl_id,det_item_fee_sumamt\n"
                               "F1,S1,1.00\nF2,S1,2.00\nF3,S1,3.00\nF4,S2,4.00\nF5,S3,5.00\nF6,S3,6.00\n");
  StringPool pool;
  uint32_t s1 = pool.intern("S1");  // known before the read: it keeps its id
  size_t before = pool.size();
  std::vector<std::vector<std::string>> seen;
  std::vector<size_t> poolSizes;
  TableReadOptions options;
  options.batches = TableBatches{2, "setl_id", [&](std::unique_ptr<Table> batch, std::string&) {
                                   std::vector<std::string> keys;
                                   const Column& id = batch->columns[0];
                                   for (size_t r = 0; r < batch->rows; ++r)
                                     keys.emplace_back(pool.text(static_cast<uint32_t>(id.at(r))));
                                   seen.push_back(keys);
                                   poolSizes.push_back(pool.size());
                                   return true;
                                 }};
  TableReadResult r = readTable(path, lines(), pool, options);
  REQUIRE(r.ok());
  CHECK(r.table == nullptr);
  CHECK(r.rowsKept == 6);
  // S1's three lines stay together although the batch size is 2; S2 and S3 follow.
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == std::vector<std::string>{"F1", "F2", "F3"});
  CHECK(seen[1] == std::vector<std::string>{"F4", "F5", "F6"});
  CHECK(pool.size() == before);  // every text the batches added is forgotten
  uint32_t again;
  CHECK(pool.find("S1", again));
  CHECK(again == s1);
  CHECK_FALSE(pool.find("F1", again));
}

TEST_CASE("batches: an empty file still gives one (empty) batch; a callback can stop the read") {
  TempDir tmp;
  StringPool pool;
  int calls = 0;
  TableReadOptions options;
  options.batches = TableBatches{10, "setl_id", [&](std::unique_ptr<Table> batch, std::string&) {
                                   ++calls;
                                   CHECK(batch->rows == 0);
                                   return true;
                                 }};
  TableReadResult empty = readTable(tmp.write("a.csv", "feedetl_sn,setl_id\n"), lines(), pool, options);
  CHECK(empty.ok());
  CHECK(calls == 1);

  options.batches = TableBatches{1, "setl_id", [&](std::unique_ptr<Table>, std::string& error) {
                                   error = "stop here";
                                   return false;
                                 }};
  TableReadResult stopped = readTable(tmp.write("b.csv", "feedetl_sn,setl_id\nF1,S1\nF2,S2\n"), lines(), pool, options);
  CHECK(stopped.error == "stop here");
}
