// A streaming RFC 4180 record reader: reads a CSV file in fixed-size chunks (never the whole file,
// so multi-gigabyte exports read in constant memory) and hands out one record at a time, as
// bytes, with the physical line it starts on. Encoding is not its concern: the separators it looks
// for (comma, quote, CR, LF) are ASCII and never occur inside a UTF-8, GBK or GB18030 character.
//
// Accepted: comma separator; CRLF or LF line ends; quoted fields with embedded commas, doubled
// quotes and line breaks. A leading UTF-8 byte-order mark is dropped. Blank lines are skipped and
// a final line end does not start another record. A malformed record (a quote inside an unquoted
// field, characters after a closing quote, a quoted field still open at the end of the file) is
// returned with `error` set so the caller can reject it and go on with the next line.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace fundguard {

struct CsvRecord {
  std::vector<std::string> fields;  // raw bytes, quotes removed; unreliable when `error` is set
  std::string raw;                  // the record's bytes as in the file, without its line end
  uint64_t line = 0;                // 1-based physical line the record starts on
  std::string error;                // why the record is malformed; empty when well-formed
};

class CsvReader {
 public:
  // A record longer than `maxRecordBytes` stops reading with ioError() set: it is almost always a
  // quote that is never closed, and holding the rest of a multi-gigabyte file in one field would
  // exhaust memory instead of saying so.
  explicit CsvReader(size_t chunkBytes = 1 << 20, size_t maxRecordBytes = 64 << 20);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // False, with `error`, when the file cannot be opened.
  bool open(const std::string& path, std::string& error);
  // The next record; false at the end of the file, or on a read error or an overlong record (then
  // `ioError()` is set).
  bool next(CsvRecord& record);
  const std::string& ioError() const { return ioError_; }

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  // The next byte, or -1 at the end of the file.
  int get();
  bool fill();

  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string path_;
  std::vector<char> buffer_;
  size_t maxRecordBytes_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool started_ = false;  // the byte-order mark check is done
  uint64_t line_ = 1;     // physical line of the next byte
  std::string ioError_;
};

}  // namespace fundguard
