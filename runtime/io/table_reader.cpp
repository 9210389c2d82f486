// Reading one CSV file into a Table; see table_reader.h.
#include "io/table_reader.h"

#include <algorithm>
#include <unordered_map>

#include "data/scalar_values.h"
#include "io/cell_parser.h"
#include "io/csv_parser.h"

namespace fundguard {

namespace {

// The memory estimate behind ReadBudget::memoryLimitBytes. It need not be exact, only close enough
// to stop a load well before the operating system kills it: a cell is a value and a presence byte;
// a list item is a value and its share of the offsets; a pooled string is its text plus the pool's
// std::string, view and hash node; a key remembered for the duplicate check is a hash node.
constexpr uint64_t kCellBytes = 9;
constexpr uint64_t kListItemBytes = 12;
constexpr uint64_t kPooledStringOverhead = 80;
constexpr uint64_t kKeyEntryBytes = 64;

struct KeyHash {
  size_t operator()(const std::vector<int64_t>& key) const {
    uint64_t h = 1469598103934665603ull;
    for (int64_t v : key) h = (h ^ static_cast<uint64_t>(v)) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

// One column's value in the record being read, kept apart until the whole record has passed.
struct Staged {
  bool present = false;
  int64_t value = 0;
  std::vector<int64_t> items;
};

class FileReader {
 public:
  FileReader(const std::string& path, const TableLayout& layout, StringPool& strings, const TableReadOptions& options,
             TableReadResult& result)
      : path_(path), layout_(layout), strings_(strings), options_(options), result_(result) {}

  void run();

 private:
  bool readHeader(CsvRecord& header);
  // Reads the fields of a well-formed record into staged_; false when it was rejected.
  bool stageRecord(const CsvRecord& record);
  bool parseScalar(ValueKind kind, std::string_view text, int64_t& value, std::string& reason);
  bool parseField(const ColumnLayout& column, const std::string& text, Staged& staged, std::string& reason);
  // A reject; false when it takes the load past its reject limit (result_.error is then set).
  bool reject(uint64_t line, uint32_t column, std::string columnName, std::string raw, std::string reason);
  bool chargeMemory(uint64_t bytes, uint64_t line);
  void commit();
  // Batches: hands the rows read so far to the callback and starts a new batch.
  bool flushBatch();

  const std::string& path_;
  const TableLayout& layout_;
  StringPool& strings_;
  const TableReadOptions& options_;
  TableReadResult& result_;
  std::unique_ptr<TextDecoder> decoder_;
  std::unique_ptr<Table> table_;
  std::vector<int> fieldToColumn_;  // per header field: layout column, or -1 when ignored
  std::vector<std::string> headerNames_;
  std::vector<Staged> staged_;      // per layout column
  std::vector<std::string> texts_;  // per layout column: the decoded field of the current record
  std::vector<int> keyColumns_;
  std::unordered_map<std::vector<int64_t>, uint64_t, KeyHash> keys_;  // key -> line first seen
  int excludeColumn_ = -1, collectColumn_ = -1;
  uint64_t pendingBytes_ = 0;  // pooled text added while staging the current record
  // Batches
  int groupColumn_ = -1;
  std::string lastGroup_;    // the group text of the last committed row
  size_t poolMark_ = 0;      // the pool's size when the rows began: later texts are per batch
  uint64_t batchBytes_ = 0;  // memory charged by the current batch
};

bool FileReader::flushBatch() {
  std::unique_ptr<Table> batch = std::move(table_);
  table_ = std::make_unique<Table>(layout_);
  table_->sourcePath = path_;
  keys_.clear();
  if (!options_.batches->onBatch(std::move(batch), result_.error)) {
    if (result_.error.empty()) result_.error = path_ + ": stopped while screening a batch";
    return false;
  }
  strings_.rollback(poolMark_);
  if (options_.budget) options_.budget->memoryBytes -= std::min(options_.budget->memoryBytes, batchBytes_);
  batchBytes_ = 0;
  return true;
}

bool FileReader::reject(uint64_t line, uint32_t column, std::string columnName, std::string raw, std::string reason) {
  result_.rejects.push_back(Reject{path_, line, column, std::move(columnName), std::move(raw), std::move(reason)});
  ReadBudget* budget = options_.budget;
  if (!budget) return true;
  ++budget->rejects;
  if (budget->maxRejects && budget->rejects > *budget->maxRejects) {
    result_.error = "too many rejected rows: more than " + std::to_string(*budget->maxRejects) +
                    " (the reject limit); stopped reading " + path_ + " at line " + std::to_string(line);
    return false;
  }
  return true;
}

bool FileReader::chargeMemory(uint64_t bytes, uint64_t line) {
  batchBytes_ += bytes;
  ReadBudget* budget = options_.budget;
  if (!budget) return true;
  budget->memoryBytes += bytes;
  if (budget->memoryLimitBytes && budget->memoryBytes > *budget->memoryLimitBytes) {
    result_.error = "memory limit of " + std::to_string(*budget->memoryLimitBytes) + " bytes reached while reading " +
                    layout_.name + " (" + path_ + ", line " + std::to_string(line) + "; estimated " +
                    std::to_string(budget->memoryBytes) + " bytes): raise the limit or load less data";
    return false;
  }
  return true;
}

bool FileReader::readHeader(CsvRecord& header) {
  if (!header.error.empty()) {
    result_.error = path_ + ": the header row is malformed: " + header.error;
    return false;
  }
  std::vector<int> columnToField(layout_.columns.size(), -1);
  for (size_t f = 0; f < header.fields.size(); ++f) {
    std::string name, reason;
    if (!decoder_->decode(header.fields[f], name, reason)) {
      result_.error = path_ + ": header field " + std::to_string(f + 1) + " '" +
                      decoder_->renderForReject(header.fields[f]) + "': " + reason;
      return false;
    }
    // A GB18030 byte-order mark decodes to U+FEFF; the UTF-8 one never reaches here.
    if (f == 0 && name.compare(0, 3, "\xEF\xBB\xBF") == 0) name.erase(0, 3);
    int c = layout_.columnIndex(name);
    if (c >= 0 && columnToField[static_cast<size_t>(c)] >= 0) {
      result_.error = path_ + ": column '" + name + "' appears twice in the header (fields " +
                      std::to_string(columnToField[static_cast<size_t>(c)] + 1) + " and " + std::to_string(f + 1) + ")";
      return false;
    }
    if (c >= 0) {
      columnToField[static_cast<size_t>(c)] = static_cast<int>(f);
    } else {
      result_.warnings.push_back(path_ + ": column '" + name + "' is not declared for table " + layout_.name +
                                 "; ignored");
    }
    fieldToColumn_.push_back(c);
    headerNames_.push_back(std::move(name));
  }
  std::string missing, absent;
  size_t absentCount = 0;
  for (size_t c = 0; c < layout_.columns.size(); ++c) {
    const ColumnLayout& column = layout_.columns[c];
    if (columnToField[c] >= 0) continue;
    if (column.key || column.required) {
      missing += std::string(missing.empty() ? "" : ", ") + (column.key ? "key" : "required") + " column '" +
                 column.name + "'";
    } else {
      absent += std::string(absent.empty() ? "" : ", ") + "'" + column.name + "'";
      ++absentCount;
    }
  }
  // One warning per file, however many optional columns an export leaves out.
  if (absentCount == 1)
    result_.warnings.push_back(path_ + ": declared column " + absent +
                               " is not in the header; all its values are missing");
  else if (absentCount > 1)
    result_.warnings.push_back(path_ + ": declared columns " + absent +
                               " are not in the header; all their values are missing");
  if (!missing.empty()) {
    result_.error = path_ + ": the header lacks " + missing;
    return false;
  }
  return true;
}

bool FileReader::parseScalar(ValueKind kind, std::string_view text, int64_t& value, std::string& reason) {
  size_t before = strings_.size();
  if (!parseCell(kind, text, strings_, value, reason)) return false;
  if (strings_.size() != before) pendingBytes_ += text.size() + kPooledStringOverhead;
  return true;
}

bool FileReader::parseField(const ColumnLayout& column, const std::string& text, Staged& staged, std::string& reason) {
  staged.items.clear();
  staged.present = true;
  if (column.kind != ValueKind::List) return parseScalar(column.kind, text, staged.value, reason);
  size_t start = 0;
  for (size_t n = 1;; ++n) {
    size_t bar = text.find('|', start);
    std::string_view item = std::string_view(text).substr(start, bar == std::string::npos ? bar : bar - start);
    if (item.empty()) {
      reason = "item " + std::to_string(n) + " of the list is empty";
      return false;
    }
    int64_t v;
    if (!parseScalar(column.element, item, v, reason)) {
      reason = "item " + std::to_string(n) + " of the list: " + reason;
      return false;
    }
    staged.items.push_back(v);
    if (bar == std::string::npos) return true;
    start = bar + 1;
  }
}

bool FileReader::stageRecord(const CsvRecord& record) {
  std::string reason;
  for (size_t f = 0; f < record.fields.size(); ++f) {
    int c = fieldToColumn_[f];
    if (c < 0) continue;  // not declared: its bytes reach no rule, so they are not decoded
    const ColumnLayout& column = layout_.columns[static_cast<size_t>(c)];
    Staged& staged = staged_[static_cast<size_t>(c)];
    std::string& text = texts_[static_cast<size_t>(c)];
    const std::string& bytes = record.fields[f];
    auto fieldNumber = static_cast<uint32_t>(f + 1);
    if (bytes.empty()) {
      text.clear();
      staged.present = false;
      if (column.key || column.required) {
        reject(record.line, fieldNumber, column.name, "",
               std::string(column.key ? "key" : "required") + " column is empty");
        return false;
      }
      continue;
    }
    if (!decoder_->decode(bytes, text, reason)) {
      reject(record.line, fieldNumber, column.name, decoder_->renderForReject(bytes), reason);
      return false;
    }
    if (!parseField(column, text, staged, reason)) {
      reject(record.line, fieldNumber, column.name, text, reason);
      return false;
    }
  }
  return true;
}

void FileReader::commit() {
  uint64_t bytes = pendingBytes_ + kCellBytes * layout_.columns.size();
  for (size_t c = 0; c < staged_.size(); ++c) {
    Column& column = table_->columns[c];
    const Staged& staged = staged_[c];
    if (!staged.present) {
      column.appendMissing();
    } else if (column.layout.kind == ValueKind::List) {
      column.appendList(staged.items);
      bytes += kListItemBytes * staged.items.size();
    } else {
      column.append(staged.value);
    }
  }
  ++table_->rows;
  ++result_.rowsKept;
  pendingBytes_ = bytes;
}

void FileReader::run() {
  Encoding encoding = options_.encoding;
  if (encoding == Encoding::Auto) {
    encoding = detectFileEncoding(path_, result_.error);
    if (!result_.error.empty()) return;
  }
  result_.encoding = encoding;
  decoder_ = std::make_unique<TextDecoder>(encoding);
  CsvReader csv(options_.chunkBytes);
  if (!csv.open(path_, result_.error)) return;
  CsvRecord record;
  if (!csv.next(record)) {
    result_.error = csv.ioError().empty() ? path_ + ": the file is empty; a header row is required" : csv.ioError();
    return;
  }
  if (!readHeader(record)) return;
  for (size_t c = 0; c < layout_.columns.size(); ++c)
    if (layout_.columns[c].key) keyColumns_.push_back(static_cast<int>(c));
  if (options_.exclusion) {
    excludeColumn_ = layout_.columnIndex(options_.exclusion->column);
    if (excludeColumn_ < 0) {
      result_.error =
          "table " + layout_.name + " has no column '" + options_.exclusion->column + "' to exclude rows by";
      return;
    }
    if (!options_.exclusion->collectColumn.empty()) {
      collectColumn_ = layout_.columnIndex(options_.exclusion->collectColumn);
      if (collectColumn_ < 0) {
        result_.error = "table " + layout_.name + " has no column '" + options_.exclusion->collectColumn + "'";
        return;
      }
    }
  }
  if (options_.batches) {
    groupColumn_ = layout_.columnIndex(options_.batches->groupColumn);
    poolMark_ = strings_.size();
  }
  table_ = std::make_unique<Table>(layout_);
  table_->sourcePath = path_;
  staged_.assign(layout_.columns.size(), Staged{});
  texts_.assign(layout_.columns.size(), std::string());
  std::vector<int64_t> key(keyColumns_.size());
  while (csv.next(record)) {
    ++result_.rowsRead;
    for (Staged& s : staged_) s.present = false;  // columns absent from the header stay missing
    for (std::string& t : texts_) t.clear();
    pendingBytes_ = 0;
    bool kept;
    if (!record.error.empty()) {
      kept = false;
      if (!reject(record.line, 0, "", decoder_->renderForReject(record.raw), record.error)) return;
    } else if (record.fields.size() != headerNames_.size()) {
      kept = false;
      if (!reject(record.line, 0, "", decoder_->renderForReject(record.raw),
                  "expected " + std::to_string(headerNames_.size()) + " fields, found " +
                      std::to_string(record.fields.size())))
        return;
    } else {
      kept = stageRecord(record);
      if (!result_.error.empty()) return;
      // A full batch ends where a new group begins; the record is read again after the pool
      // forgot the batch's texts (its own included).
      if (kept && options_.batches && table_->rows >= options_.batches->rows &&
          (groupColumn_ < 0 || texts_[static_cast<size_t>(groupColumn_)] != lastGroup_)) {
        if (!flushBatch()) return;
        pendingBytes_ = 0;
        kept = stageRecord(record);
        if (!result_.error.empty()) return;
      }
    }
    // Text a rejected record added to the pool stays there (unreferenced), so it still counts.
    if (!kept) {
      if (!chargeMemory(pendingBytes_, record.line)) return;
      continue;
    }
    if (!keyColumns_.empty()) {
      for (size_t k = 0; k < keyColumns_.size(); ++k) key[k] = staged_[static_cast<size_t>(keyColumns_[k])].value;
      auto [found, fresh] = keys_.emplace(key, record.line);
      if (!fresh) {
        std::string names, values;
        for (int c : keyColumns_) {
          names += (names.empty() ? "" : ",") + layout_.columns[static_cast<size_t>(c)].name;
          values += (values.empty() ? "" : ",") + texts_[static_cast<size_t>(c)];
        }
        if (!reject(
                record.line, 0, names, values,
                "duplicate key " + names + "=" + values + ", first seen on line " + std::to_string(found->second)) ||
            !chargeMemory(pendingBytes_, record.line))
          return;
        continue;
      }
      pendingBytes_ += kKeyEntryBytes + 8 * key.size();
    }
    if (excludeColumn_ >= 0 && options_.exclusion->values.count(texts_[static_cast<size_t>(excludeColumn_)])) {
      ++result_.rowsExcluded;
      if (collectColumn_ >= 0) result_.excludedValues.push_back(texts_[static_cast<size_t>(collectColumn_)]);
      if (!chargeMemory(pendingBytes_, record.line)) return;
      continue;
    }
    commit();
    if (groupColumn_ >= 0) lastGroup_ = texts_[static_cast<size_t>(groupColumn_)];
    if (!chargeMemory(pendingBytes_, record.line)) return;
  }
  if (!csv.ioError().empty()) {
    result_.error = csv.ioError();
    return;
  }
  if (options_.batches) {
    flushBatch();
    return;
  }
  result_.table = std::move(table_);
}

}  // namespace

TableReadResult readTable(const std::string& path, const TableLayout& layout, StringPool& strings,
                          const TableReadOptions& options) {
  TableReadResult result;
  FileReader(path, layout, strings, options, result).run();
  return result;
}

}  // namespace fundguard
