// See rejects_writer.h.
#include "exec/rejects_writer.h"

#include <string>

#include "support/csv_writer.h"

namespace fundguard {

RejectsCsvWriter::RejectsCsvWriter(std::ostream& out) : out_(out) {
  std::string header;
  appendCsvRecord(header, {"file", "line", "column", "column_name", "raw", "reason"});
  out_ << header;
}

void RejectsCsvWriter::write(const Reject& r) {
  std::string record;
  appendCsvRecord(record, {r.file, std::to_string(r.line), r.column ? std::to_string(r.column) : std::string(),
                           r.columnName, r.raw, r.reason});
  out_ << record;
}

void writeRejectsCsv(std::ostream& out, const std::vector<Reject>& rejects) {
  RejectsCsvWriter w(out);
  for (const auto& r : rejects) w.write(r);
  w.finish();
}

}  // namespace fundguard
