// The types of the policy language as the checker sees them. A Type is a small value:
// a kind, whether it may be null (a missing value), and for compound kinds what they hold.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace fundguard {

struct TableInfo;
struct DictInfo;
struct GroupInfo;

enum class TypeKind {
  Error,  // an earlier error: accepted everywhere, never reported again
  Null,   // the literal `null`
  Bool,
  Int,
  Dec,    // decimal, up to 4 places
  Money,  // exact, in fen
  Str,
  Code,  // a code from a dictionary (DictInfo may be null: any code)
  Date,
  DateTime,
  List,  // ordered; element type in `element`
  Set,
  Row,    // one row of `table`
  Group,  // one group made by groups(... by ...)
  Table,  // a table named in an expression (only lookup/rows take one)
};

class Type {
 public:
  Type() = default;
  static Type error() { return Type(TypeKind::Error); }
  static Type null() { return Type(TypeKind::Null, true); }
  static Type scalar(TypeKind kind, bool nullable = false) { return Type(kind, nullable); }
  static Type code(const DictInfo* dict, bool nullable = false);
  static Type list(Type element, bool nullable = false);
  static Type set(Type element, bool nullable = false);
  static Type row(const TableInfo* table, bool nullable = false);
  static Type table(const TableInfo* table);
  static Type group(std::shared_ptr<const GroupInfo> group);

  TypeKind kind() const { return kind_; }
  bool nullable() const { return nullable_; }
  bool isError() const { return kind_ == TypeKind::Error; }
  bool isNumeric() const { return kind_ == TypeKind::Int || kind_ == TypeKind::Dec; }
  bool isText() const { return kind_ == TypeKind::Str || kind_ == TypeKind::Code; }
  bool isCollection() const { return kind_ == TypeKind::List || kind_ == TypeKind::Set; }
  bool isScalar() const;

  const Type& element() const { return *element_; }
  const TableInfo* tableInfo() const { return table_; }
  const DictInfo* dict() const { return dict_; }
  const GroupInfo& groupInfo() const { return *group_; }

  Type withNullable(bool nullable) const;
  // Display form for messages: "money", "date?", "list of setl_d", "code(med_type)".
  std::string str() const;
  bool sameAs(const Type& other) const;  // ignoring nullability

 private:
  explicit Type(TypeKind kind, bool nullable = false) : kind_(kind), nullable_(nullable) {}

  TypeKind kind_ = TypeKind::Error;
  bool nullable_ = false;
  std::shared_ptr<const Type> element_;
  const TableInfo* table_ = nullptr;
  const DictInfo* dict_ = nullptr;
  std::shared_ptr<const GroupInfo> group_;
};

// A group made by `groups(x in C by k1: e1, k2: e2)`: its keys and the rows in it.
struct GroupInfo {
  std::vector<std::pair<std::string, Type>> keys;
  Type rowType;
};

// The scalar type named by a word in source (str, int, money, ...), or Error.
Type scalarTypeNamed(const std::string& word);
const std::vector<std::string>& scalarTypeNames();

}  // namespace fundguard
