// Loading a data directory: absent tables, reversal records and their fee lines left out and
// counted, the reject and memory limits, and per-table statistics.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/dataset_loader.h"
#include "temp_files.h"

using namespace fundguard;
using fundguard::testing::TempDir;

namespace {

ColumnLayout col(const std::string& name, ValueKind kind, bool key = false) {
  ColumnLayout c;
  c.name = name;
  c.kind = kind;
  c.key = key;
  return c;
}

// Fee lines first: the loader must still read settlements first to know which lines to exclude.
std::vector<TableLayout> layouts() {
  TableLayout fee{"fee_list_d",
                  {col("feedetl_sn", ValueKind::Str, true), col("setl_id", ValueKind::Str),
                   col("det_item_fee_sumamt", ValueKind::Money)},
                  {},
                  false};
  TableLayout setl{"setl_d",
                   {col("setl_id", ValueKind::Str, true), col("refd_setl_flag", ValueKind::Code),
                    col("medfee_sumamt", ValueKind::Money)},
                   {},
                   false};
  TableLayout psn{"psn_info_b", {col("psn_no", ValueKind::Str, true)}, {}, false};
  return {fee, setl, psn};
}

ReversalExclusion contractReversals() {
  return ReversalExclusion{"setl_d", "setl_id", "refd_setl_flag", "1", "fee_list_d", "setl_id"};
}

void writeData(const TempDir& tmp) {
  tmp.write("setl_d.csv",
            "setl_id,refd_setl_flag,medfee_sumamt\n"
            "S1,0,100.00\n"
            "S2,1,-100.00\n"
            "S3,,50.00\n");
  tmp.write("fee_list_d.csv",
            "feedetl_sn,setl_id,det_item_fee_sumamt\n"
            "F1,S1,60.00\n"
            "F2,S2,-60.00\n"
            "F3,S2,-40.00\n"
            "F4,S3,50.00\n");
}

std::vector<std::string> keys(const Dataset& data, const std::string& table, const std::string& column) {
  std::vector<std::string> out;
  const Table* t = data.table(table);
  REQUIRE(t != nullptr);
  const Column* c = t->column(column);
  for (size_t row = 0; row < t->rows; ++row) out.emplace_back(data.strings.text(static_cast<uint32_t>(c->at(row))));
  return out;
}

}  // namespace

TEST_CASE("load: reversal settlements and their fee lines are excluded and counted") {
  TempDir tmp;
  writeData(tmp);
  LoadOptions options;
  options.reversals = contractReversals();
  LoadResult r = loadDataset(tmp.dir(), layouts(), options);
  REQUIRE(r.ok());
  CHECK(r.rejects.empty());
  CHECK(r.absentTables == std::vector<std::string>{"psn_info_b"});
  CHECK(keys(*r.dataset, "setl_d", "setl_id") == std::vector<std::string>{"S1", "S3"});
  CHECK(keys(*r.dataset, "fee_list_d", "feedetl_sn") == std::vector<std::string>{"F1", "F4"});
  REQUIRE(r.stats.size() == 3);
  const TableStats& fee = r.stats[0];
  CHECK(fee.name == "fee_list_d");
  CHECK(fee.present);
  CHECK(fee.rowsRead == 4);
  CHECK(fee.rowsKept == 2);
  CHECK(fee.rowsExcluded == 2);
  CHECK(fee.rowsRejected == 0);
  const TableStats& setl = r.stats[1];
  CHECK(setl.rowsRead == 3);
  CHECK(setl.rowsKept == 2);
  CHECK(setl.rowsExcluded == 1);
  CHECK_FALSE(r.stats[2].present);
  CHECK(r.dataset->table("psn_info_b") == nullptr);
}

TEST_CASE("load: reversals are kept when asked for, and without an exclusion configured") {
  TempDir tmp;
  writeData(tmp);
  LoadOptions options;
  options.reversals = contractReversals();
  options.includeReversals = true;
  for (const LoadOptions& o : {options, LoadOptions{}}) {
    LoadResult r = loadDataset(tmp.dir(), layouts(), o);
    REQUIRE(r.ok());
    CHECK(r.stats[0].rowsKept == 4);
    CHECK(r.stats[0].rowsExcluded == 0);
    CHECK(r.stats[1].rowsKept == 3);
    CHECK(r.stats[1].rowsExcluded == 0);
  }
}

TEST_CASE("load: an exclusion naming an undeclared table is refused") {
  TempDir tmp;
  LoadOptions options;
  options.reversals = contractReversals();
  options.reversals->settlementTable = "setl";
  LoadResult r = loadDataset(tmp.dir(), layouts(), options);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == "reversal exclusion names table 'setl', which is not declared");
}

TEST_CASE("load: more rejects than the limit stops the load; rejects come in layout order") {
  TempDir tmp;
  tmp.write("setl_d.csv", "setl_id,refd_setl_flag,medfee_sumamt\nS1,0,1.001\nS2,0,x\n");
  tmp.write("fee_list_d.csv", "feedetl_sn,setl_id,det_item_fee_sumamt\nF1,S1,1\nF1,S1,2\n");
  LoadOptions options;
  options.maxRejects = 3;
  LoadResult r = loadDataset(tmp.dir(), layouts(), options);
  REQUIRE(r.ok());
  REQUIRE(r.rejects.size() == 3);
  CHECK(r.rejects[0].file == tmp.dir() + "/fee_list_d.csv");
  CHECK(r.rejects[0].reason == "duplicate key feedetl_sn=F1, first seen on line 2");
  CHECK(r.rejects[1].file == tmp.dir() + "/setl_d.csv");
  CHECK(r.rejects[1].line == 2);
  CHECK(r.rejects[2].line == 3);
  CHECK(r.stats[1].rowsRejected == 2);

  // Fee lines are read first (layout order): their one reject, then the second of setl_d is one too many.
  options.maxRejects = 2;
  r = loadDataset(tmp.dir(), layouts(), options);
  CHECK_FALSE(r.ok());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == "too many rejected rows: more than 2 (the reject limit); stopped reading " + tmp.dir() +
                           "/setl_d.csv at line 3");
}

TEST_CASE("load: the memory limit fails the load with a message naming the table and the limit") {
  TempDir tmp;
  writeData(tmp);
  LoadOptions options;
  options.memoryLimitBytes = 1 << 20;
  CHECK(loadDataset(tmp.dir(), layouts(), options).ok());
  options.memoryLimitBytes = 300;
  LoadResult r = loadDataset(tmp.dir(), layouts(), options);
  CHECK_FALSE(r.ok());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("memory limit of 300 bytes reached while reading fee_list_d (" + tmp.dir() +
                         "/fee_list_d.csv, line ") == 0);
  CHECK(r.dataset->table("fee_list_d") == nullptr);
}

TEST_CASE("load: a table that cannot be read is an error that does not stop the others") {
  TempDir tmp;
  writeData(tmp);
  tmp.write("psn_info_b.csv", "name\nx\n");
  LoadResult r = loadDataset(tmp.dir(), layouts());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == tmp.dir() + "/psn_info_b.csv: the header lacks key column 'psn_no'");
  CHECK(r.warnings == std::vector<std::string>{tmp.dir() + "/psn_info_b.csv: column 'name' is not declared for "
                                                           "table psn_info_b; ignored"});
  CHECK(r.dataset->table("setl_d") != nullptr);
  CHECK(r.dataset->table("fee_list_d") != nullptr);
  CHECK(r.absentTables.empty());
}

TEST_CASE("load: rows shipped with a table's declaration stand in for its missing file, never for a present one") {
  TempDir tmp;
  writeData(tmp);
  std::vector<TableLayout> all = layouts();
  TableLayout ref{
      "诊断支撑_b", {col("dise_prefix", ValueKind::Str, true), col("item_group", ValueKind::Code)}, {}, true};
  ref.shippedRows = {{std::string("I63"), std::string("CT")}, {std::string("I63"), std::nullopt}};
  all.push_back(ref);
  LoadOptions options;
  LoadResult result = loadDataset(tmp.dir(), all, options);
  REQUIRE(result.ok());
  CHECK(keys(*result.dataset, "诊断支撑_b", "dise_prefix") == std::vector<std::string>{"I63", "I63"});
  CHECK(!result.dataset->table("诊断支撑_b")->column("item_group")->has(1));
  CHECK(result.stats.back().shipped);
  CHECK(!result.stats.back().present);
  CHECK(result.stats.back().rowsKept == 2);
  REQUIRE(!result.notes.empty());
  CHECK(result.notes.back().find("the 2 rows its declaration ships are used") != std::string::npos);
  CHECK(result.warnings.empty());
  CHECK(std::find(result.absentTables.begin(), result.absentTables.end(), "诊断支撑_b") == result.absentTables.end());

  // The dataset's own file wins.
  tmp.write("诊断支撑_b.csv", "dise_prefix,item_group\nI61,MRI\n");
  LoadResult own = loadDataset(tmp.dir(), all, options);
  CHECK(keys(*own.dataset, "诊断支撑_b", "dise_prefix") == std::vector<std::string>{"I61"});
  CHECK(own.stats.back().present);
  CHECK(!own.stats.back().shipped);
}
