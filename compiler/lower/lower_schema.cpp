// Lowering the schema: tables to runtime layouts with their keys and links, dictionaries for
// label(), group layouts, and sema types to IR types.
#include <stdexcept>

#include "lower/lower.h"
#include "lower/lowering.h"
#include "sema/row_values.h"

namespace fundguard {

namespace {

ValueKind valueKind(TypeKind kind) {
  switch (kind) {
    case TypeKind::Bool:
      return ValueKind::Bool;
    case TypeKind::Int:
      return ValueKind::Int;
    case TypeKind::Dec:
      return ValueKind::Dec;
    case TypeKind::Money:
      return ValueKind::Money;
    case TypeKind::Date:
      return ValueKind::Date;
    case TypeKind::DateTime:
      return ValueKind::DateTime;
    case TypeKind::Code:
      return ValueKind::Code;
    case TypeKind::List:
    case TypeKind::Set:
      return ValueKind::List;
    default:
      return ValueKind::Str;
  }
}

}  // namespace

uint32_t Lowering::tableIndex(const TableInfo* table) {
  if (auto found = tables_.find(table); found != tables_.end()) return found->second;
  auto index = static_cast<uint32_t>(set_.tables.size());
  tables_.emplace(table, index);
  set_.tables.emplace_back();
  {
    ir::TableRef& ref = set_.tables.back();
    ref.layout.name = table->name;
    ref.label = table->label;
    for (const ColumnInfo& c : table->columns) {
      ColumnLayout col;
      col.name = c.name;
      col.kind = valueKind(c.type.kind());
      if (col.kind == ValueKind::List) col.element = valueKind(c.type.element().kind());
      col.key = c.key;
      col.required = c.required;
      ref.layout.columns.push_back(col);
    }
    for (const ColumnInfo* k : table->key) ref.key.push_back(k->index);
    if (table->shippedRows) {
      ref.layout.hasShippedRows = true;
      const ast::RowBlock& block = table->shippedRows->block;
      for (size_t r = 0; r < block.rows.size(); ++r) ref.layout.shippedRows.push_back(textRow(block, r, ref.layout));
    }
  }
  // Links after the table has its index: they may lead back to it.
  std::vector<ir::LinkRef> links;
  for (const LinkInfo& l : table->links) {
    ir::LinkRef link;
    link.name = l.name;
    link.target = tableIndex(l.target);
    link.many = l.many;
    for (const auto& [ours, theirs] : l.on) {
      link.ours.push_back(ours->index);
      link.theirs.push_back(theirs->index);
    }
    links.push_back(std::move(link));
  }
  set_.tables[index].links = std::move(links);
  return index;
}

uint32_t Lowering::dictIndex(const DictInfo* dict) {
  if (auto found = dicts_.find(dict); found != dicts_.end()) return found->second;
  auto index = static_cast<uint32_t>(set_.dicts.size());
  dicts_.emplace(dict, index);
  set_.dicts.push_back({dict->name, dict->codes});
  return index;
}

uint32_t Lowering::groupIndex(const GroupInfo& group) {
  if (auto found = groups_.find(&group); found != groups_.end()) return found->second;
  auto index = static_cast<uint32_t>(set_.groups.size());
  groups_.emplace(&group, index);
  set_.groups.emplace_back();
  ir::GroupLayout layout;
  for (const auto& [name, t] : group.keys) layout.keys.emplace_back(name, type(t));
  layout.element = type(group.rowType);
  set_.groups[index] = std::move(layout);
  return index;
}

uint32_t Lowering::linkIndex(uint32_t table, const std::string& link) const {
  int index = set_.tables[table].linkIndex(link);
  if (index >= 0) return static_cast<uint32_t>(index);
  throw std::logic_error("lowering: table " + set_.tables[table].layout.name + " has no link " + link);
}

ir::Type Lowering::type(const Type& t) {
  bool n = t.nullable();
  switch (t.kind()) {
    case TypeKind::Bool:
      return ir::Type::scalar(ir::Kind::Bool, n);
    case TypeKind::Int:
      return ir::Type::scalar(ir::Kind::Int, n);
    case TypeKind::Dec:
      return ir::Type::scalar(ir::Kind::Dec, n);
    case TypeKind::Money:
      return ir::Type::scalar(ir::Kind::Money, n);
    case TypeKind::Str:
      return ir::Type::scalar(ir::Kind::Str, n);
    case TypeKind::Code:
      return ir::Type::scalar(ir::Kind::Code, n);
    case TypeKind::Date:
      return ir::Type::scalar(ir::Kind::Date, n);
    case TypeKind::DateTime:
      return ir::Type::scalar(ir::Kind::DateTime, n);
    case TypeKind::List:
    case TypeKind::Set:
      return ir::Type::list(type(t.element()));
    case TypeKind::Row:
      return ir::Type::row(tableIndex(t.tableInfo()), n);
    case TypeKind::Group:
      return ir::Type::group(groupIndex(t.groupInfo()));
    case TypeKind::Null:
      return ir::Type::scalar(ir::Kind::Bool, true);  // retyped where it is used
    case TypeKind::Error:
    case TypeKind::Table:
      break;
  }
  throw std::logic_error("lowering met a type with no run-time form: " + t.str());
}

ir::Type Lowering::fieldType(uint32_t table, uint32_t column, bool rowNullable) const {
  const ColumnLayout& c = set_.tables[table].layout.columns[column];
  if (c.kind == ValueKind::List) return ir::Type::list(ir::Type::scalar(ir::kindOfColumn(c.element)));
  return ir::Type::scalar(ir::kindOfColumn(c.kind), rowNullable || !(c.key || c.required));
}

}  // namespace fundguard
