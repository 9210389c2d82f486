// The interpreter's value: one 64-bit cell and a presence flag, as in a column (column.h), plus
// the compound values the IR has: lists (of rows, codes, numbers, groups) and groups. Rows are
// row numbers of the table the static type names; text is a text id (text_table.h).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace fundguard::interp {

struct GroupValue;

struct Value {
  int64_t i = 0;
  bool present = false;
  std::shared_ptr<const std::vector<Value>> list;  // List: never missing (empty instead)
  std::shared_ptr<const GroupValue> group;

  static Value missing() { return {}; }
  static Value of(int64_t v) {
    Value x;
    x.i = v;
    x.present = true;
    return x;
  }
  static Value boolean(bool b) { return of(b ? 1 : 0); }
  static Value ofList(std::vector<Value> items) {
    Value x;
    x.present = true;
    x.list = std::make_shared<const std::vector<Value>>(std::move(items));
    return x;
  }
  const std::vector<Value>& items() const;  // empty when not a list
  bool isTrue() const { return present && i != 0; }
  bool isFalse() const { return present && i == 0; }
};

struct GroupValue {
  std::vector<Value> keys;
  std::vector<Value> elements;
};

}  // namespace fundguard::interp
