// An input row that could not be read: where it is, what was there and why. Rejects are written
// to the run's rejects output and counted in the summary; nothing is dropped silently.
#pragma once

#include <cstdint>
#include <string>

namespace fundguard {

struct Reject {
  std::string file;        // the CSV file as named to the reader
  uint64_t line = 0;       // 1-based physical line where the record starts
  uint32_t column = 0;     // 1-based field number; 0 when the whole record is at fault
  std::string columnName;  // the header's name of that field, when known
  std::string raw;         // the offending field (or record) as read, UTF-8 (invalid bytes as \xNN)
  std::string reason;      // English, one line: "money has more than two decimal places"
};

}  // namespace fundguard
