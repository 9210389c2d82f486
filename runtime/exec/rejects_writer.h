// Writes rejects (input rows that could not be read) as CSV, so they can be fixed at the source
// and the run repeated: columns file, line, column, column_name, raw, reason. UTF-8, header row,
// RFC 4180 quoting, LF line ends (support/csv_writer.h). column is empty when the whole record
// was at fault (Reject::column 0).
#pragma once

#include <ostream>
#include <vector>

#include "io/reject.h"

namespace fundguard {

class RejectsCsvWriter {
 public:
  // Writes the header row at once, so a run without rejects still gets a well-formed file.
  explicit RejectsCsvWriter(std::ostream& out);
  void write(const Reject& reject);
  void finish() { out_.flush(); }

 private:
  std::ostream& out_;
};

// Header plus every reject, in the order given (the readers' order: file, then line).
void writeRejectsCsv(std::ostream& out, const std::vector<Reject>& rejects);

}  // namespace fundguard
