// See number_text.h.
#include "support/number_text.h"

#include "data/scalar_values.h"

namespace fundguard {

std::string groupThousands(std::string_view number) {
  size_t start = !number.empty() && (number[0] == '-' || number[0] == '+') ? 1 : 0;
  size_t end = start;
  while (end < number.size() && number[end] >= '0' && number[end] <= '9') ++end;
  if (end == start) return std::string(number);
  for (size_t i = end; i < number.size(); ++i)
    if (!(number[i] >= '0' && number[i] <= '9') && !(i == end && number[i] == '.')) return std::string(number);
  std::string out(number.substr(0, start));
  for (size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) out += ',';
    out += number[i];
  }
  out.append(number.substr(end));
  return out;
}

std::string yuanForPeople(int64_t fen) {
  return groupThousands(formatMoney(fen));
}

}  // namespace fundguard
