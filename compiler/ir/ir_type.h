// The types of the IR: what a value is at run time, with its nullability. Smaller than sema's
// types (no error or null kinds, no tables as values): every IR value has one of these.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/column.h"

namespace fundguard::ir {

enum class Kind : uint8_t { Bool, Int, Dec, Money, Date, DateTime, Str, Code, Row, List, Group };

struct GroupLayout;

class Type {
 public:
  Type() = default;
  static Type scalar(Kind kind, bool nullable = false) { return Type(kind, nullable); }
  static Type row(uint32_t table, bool nullable = false);
  static Type list(Type element);
  static Type group(uint32_t group);

  Kind kind() const { return kind_; }
  bool nullable() const { return nullable_; }
  uint32_t table() const { return index_; }  // Row: the table
  uint32_t group() const { return index_; }  // Group: index into RuleSet::groups
  const Type& element() const { return *element_; }
  bool isScalar() const { return kind_ <= Kind::Code; }
  bool isText() const { return kind_ == Kind::Str || kind_ == Kind::Code; }
  bool isNumber() const { return kind_ == Kind::Int || kind_ == Kind::Dec || kind_ == Kind::Money; }
  Type withNullable(bool nullable) const;

 private:
  Type(Kind kind, bool nullable) : kind_(kind), nullable_(nullable) {}
  Kind kind_ = Kind::Bool;
  bool nullable_ = false;
  uint32_t index_ = 0;
  std::shared_ptr<const Type> element_;
};

const char* kindName(Kind kind);

// The IR kind of a column's cells (a list column: the kind of its items' list is List).
Kind kindOfColumn(ValueKind kind);

}  // namespace fundguard::ir
