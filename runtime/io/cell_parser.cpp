// See cell_parser.h.
#include "io/cell_parser.h"

#include "data/scalar_values.h"

namespace fundguard {

bool parseCell(ValueKind kind, std::string_view text, StringPool& strings, int64_t& value, std::string& reason) {
  auto take = [&](auto parsed) {
    if (!parsed) {
      reason = parsed.error;
      return false;
    }
    value = static_cast<int64_t>(*parsed.value);
    return true;
  };
  switch (kind) {
    case ValueKind::Money:
      return take(parseMoney(text));
    case ValueKind::Dec:
      return take(parseDec(text));
    case ValueKind::Int:
      return take(parseInt(text));
    case ValueKind::Date:
      return take(parseDate(text));
    case ValueKind::DateTime:
      // Exports often give a date alone where a time is declared (fee_ocur_time): the day is
      // known, the time is not; it reads as midnight rather than losing the row.
      if (text.size() == 10) {
        auto day = parseDate(text);
        if (day) {
          value = static_cast<int64_t>(*day.value) * 86400;
          return true;
        }
      }
      return take(parseDateTime(text));
    case ValueKind::Bool:
      if (text == "1" || text == "true") {
        value = 1;
      } else if (text == "0" || text == "false") {
        value = 0;
      } else {
        reason = "not a bool (0, 1, true or false): '" + std::string(text) + "'";
        return false;
      }
      return true;
    case ValueKind::Str:
    case ValueKind::Code:
    case ValueKind::List:  // a list of lists is not a kind the schema allows; read the item as text
      value = strings.intern(text);
      return true;
  }
  return false;
}

}  // namespace fundguard

namespace fundguard {

bool appendTextRow(Table& table, const TextRow& cells, StringPool& strings, std::string& reason) {
  bool ok = true;
  auto fail = [&](const ColumnLayout& column, const std::string& why) {
    if (ok) reason = column.name + ": " + why;
    ok = false;
  };
  for (size_t c = 0; c < table.columns.size(); ++c) {
    Column& column = table.columns[c];
    const ColumnLayout& layout = column.layout;
    if (c >= cells.size() || !cells[c]) {
      column.appendMissing();
      continue;
    }
    const std::string& text = *cells[c];
    std::string why;
    if (layout.kind != ValueKind::List) {
      int64_t value = 0;
      if (parseCell(layout.kind, text, strings, value, why)) {
        column.append(value);
      } else {
        column.appendMissing();
        fail(layout, why);
      }
      continue;
    }
    std::vector<int64_t> items;
    bool itemsOk = true;
    for (size_t start = 0, bar = 0; bar != std::string::npos && itemsOk; start = bar + 1) {
      bar = text.find('|', start);
      int64_t item = 0;
      itemsOk = parseCell(layout.element, std::string_view(text).substr(start, bar - start), strings, item, why);
      items.push_back(item);
    }
    if (itemsOk) {
      column.appendList(items);
    } else {
      column.appendMissing();
      fail(layout, why);
    }
  }
  ++table.rows;
  return ok;
}

}  // namespace fundguard
