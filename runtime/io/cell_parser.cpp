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
