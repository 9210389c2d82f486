// See types.h.
#include "sema/types.h"

#include "sema/schema.h"

namespace fundguard {

Type Type::code(const DictInfo* dict, bool nullable) {
  Type t(TypeKind::Code, nullable);
  t.dict_ = dict;
  return t;
}

Type Type::list(Type element, bool nullable) {
  Type t(TypeKind::List, nullable);
  t.element_ = std::make_shared<const Type>(std::move(element));
  return t;
}

Type Type::set(Type element, bool nullable) {
  Type t(TypeKind::Set, nullable);
  t.element_ = std::make_shared<const Type>(std::move(element));
  return t;
}

Type Type::row(const TableInfo* table, bool nullable) {
  Type t(TypeKind::Row, nullable);
  t.table_ = table;
  return t;
}

Type Type::table(const TableInfo* table) {
  Type t(TypeKind::Table);
  t.table_ = table;
  return t;
}

Type Type::group(std::shared_ptr<const GroupInfo> group) {
  Type t(TypeKind::Group);
  t.group_ = std::move(group);
  return t;
}

bool Type::isScalar() const {
  switch (kind_) {
    case TypeKind::Bool:
    case TypeKind::Int:
    case TypeKind::Dec:
    case TypeKind::Money:
    case TypeKind::Str:
    case TypeKind::Code:
    case TypeKind::Date:
    case TypeKind::DateTime:
      return true;
    default:
      return false;
  }
}

Type Type::withNullable(bool nullable) const {
  Type t = *this;
  if (kind_ != TypeKind::Error && kind_ != TypeKind::Table) t.nullable_ = nullable;
  return t;
}

bool Type::sameAs(const Type& other) const {
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case TypeKind::List:
    case TypeKind::Set:
      return element_->sameAs(*other.element_);
    case TypeKind::Row:
    case TypeKind::Table:
      return table_ == other.table_;
    case TypeKind::Group:
      return group_ == other.group_;
    default:
      return true;
  }
}

std::string Type::str() const {
  std::string s;
  switch (kind_) {
    case TypeKind::Error:
      return "<error>";
    case TypeKind::Null:
      return "null";
    case TypeKind::Bool:
      s = "bool";
      break;
    case TypeKind::Int:
      s = "int";
      break;
    case TypeKind::Dec:
      s = "dec";
      break;
    case TypeKind::Money:
      s = "money";
      break;
    case TypeKind::Str:
      s = "str";
      break;
    case TypeKind::Code:
      s = dict_ ? "code(" + dict_->name + ")" : "code";
      break;
    case TypeKind::Date:
      s = "date";
      break;
    case TypeKind::DateTime:
      s = "datetime";
      break;
    case TypeKind::List:
      s = "list of " + element_->str();
      break;
    case TypeKind::Set:
      s = "set of " + element_->str();
      break;
    case TypeKind::Row:
      s = table_ ? table_->name : "row";
      break;
    case TypeKind::Group:
      s = "group";
      break;
    case TypeKind::Table:
      return "table " + (table_ ? table_->name : std::string());
  }
  if (nullable_) s += isCollection() ? " (may be missing)" : "?";
  return s;
}

const std::vector<std::string>& scalarTypeNames() {
  static const std::vector<std::string> names = {"str", "code", "int", "dec", "money", "date", "datetime", "bool"};
  return names;
}

Type scalarTypeNamed(const std::string& word) {
  if (word == "str") return Type::scalar(TypeKind::Str);
  if (word == "code") return Type::code(nullptr);
  if (word == "int") return Type::scalar(TypeKind::Int);
  if (word == "dec") return Type::scalar(TypeKind::Dec);
  if (word == "money") return Type::scalar(TypeKind::Money);
  if (word == "date") return Type::scalar(TypeKind::Date);
  if (word == "datetime") return Type::scalar(TypeKind::DateTime);
  if (word == "bool") return Type::scalar(TypeKind::Bool);
  return Type::error();
}

}  // namespace fundguard
