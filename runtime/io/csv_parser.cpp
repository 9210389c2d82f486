// The streaming CSV record reader; see csv_parser.h.
#include "io/csv_parser.h"

#include <cerrno>
#include <cstring>

namespace fundguard {

CsvReader::CsvReader(size_t chunkBytes, size_t maxRecordBytes)
    : buffer_(chunkBytes < 16 ? 16 : chunkBytes), maxRecordBytes_(maxRecordBytes) {}

CsvReader::~CsvReader() = default;

bool CsvReader::open(const std::string& path, std::string& error) {
  path_ = path;
  file_.reset(std::fopen(path.c_str(), "rb"));
  if (!file_) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  pos_ = end_ = 0;
  eof_ = started_ = false;
  line_ = 1;
  ioError_.clear();
  return true;
}

bool CsvReader::fill() {
  if (eof_ || !file_) return false;
  end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_.get());
  pos_ = 0;
  if (end_ == 0) {
    eof_ = true;
    if (std::ferror(file_.get())) ioError_ = "cannot read " + path_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

int CsvReader::get() {
  if (pos_ == end_ && !fill()) return -1;
  auto c = static_cast<unsigned char>(buffer_[pos_++]);
  if (c == '\n') ++line_;
  return c;
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.raw.clear();
  record.error.clear();
  if (!started_) {
    started_ = true;
    // A byte-order mark is no data in any encoding we read. It may straddle a tiny chunk only in
    // tests; a real chunk holds it whole.
    if (pos_ == end_) fill();
    if (end_ - pos_ >= 3 && std::memcmp(buffer_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
  }
  enum class State { FieldStart, Unquoted, Quoted, QuoteSeen, Skip } state = State::FieldStart;
  bool begun = false;  // a byte of this record has been read (blank lines are not records)
  auto peek = [&]() -> int {
    if (pos_ == end_ && !fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  };
  auto fail = [&](const std::string& why) {
    record.error = why;
    state = State::Skip;
  };
  for (;;) {
    uint64_t at = line_;
    int c = get();
    if (c < 0) {
      if (!begun) return false;
      if (state == State::FieldStart) record.fields.emplace_back();  // "a," ends in an empty field
      if (state == State::Quoted)
        record.error =
            "quoted field " + std::to_string(record.fields.size()) + " is not closed: it runs to the end of the file";
      return true;
    }
    // CRLF or LF ends a line; a lone CR is data.
    bool lineEnd = c == '\n';
    if (c == '\r' && state != State::Quoted && peek() == '\n') {
      get();
      lineEnd = true;
    }
    if (!begun) {
      if (lineEnd) continue;  // a blank line
      begun = true;
      record.line = at;
    }
    if (lineEnd && state != State::Quoted) {
      if (state == State::FieldStart) record.fields.emplace_back();
      return true;
    }
    record.raw += static_cast<char>(c);
    if (record.raw.size() > maxRecordBytes_) {
      ioError_ = path_ + ": the record starting on line " + std::to_string(record.line) + " is longer than " +
                 std::to_string(maxRecordBytes_) + " bytes (is a quote not closed?); reading stopped";
      eof_ = true;
      pos_ = end_ = 0;
      return false;
    }
    switch (state) {
      case State::FieldStart:
        if (c == ',') {
          record.fields.emplace_back();
        } else if (c == '"') {
          record.fields.emplace_back();
          state = State::Quoted;
        } else {
          record.fields.emplace_back(1, static_cast<char>(c));
          state = State::Unquoted;
        }
        break;
      case State::Unquoted:
        if (c == ',') {
          state = State::FieldStart;
        } else if (c == '"') {
          fail("a quote inside unquoted field " + std::to_string(record.fields.size()) +
               " (quote the whole field and double the quote)");
        } else {
          record.fields.back() += static_cast<char>(c);
        }
        break;
      case State::Quoted:
        if (c == '"') {
          state = State::QuoteSeen;
        } else {
          record.fields.back() += static_cast<char>(c);
        }
        break;
      case State::QuoteSeen:
        if (c == '"') {
          record.fields.back() += '"';
          state = State::Quoted;
        } else if (c == ',') {
          state = State::FieldStart;
        } else {
          fail("characters after the closing quote of field " + std::to_string(record.fields.size()));
        }
        break;
      case State::Skip:
        break;
    }
  }
}

}  // namespace fundguard
