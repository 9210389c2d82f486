// See declarations.h.
#include "sema/declarations.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "sema/builtins.h"
#include "sema/expr_checker.h"
#include "sema/row_values.h"

namespace fundguard {

const Symbol* findSymbol(const Program& program, const Module& from, const std::string& name, Span at,
                         DiagnosticSink& diags) {
  auto found = program.lookup(from, name);
  if (found.empty()) return nullptr;
  if (found.size() > 1) {
    auto& d = diags.report(
        DiagCode::FG1005, at,
        fmt::format("`{}` is declared by both `{}` and `{}`", name, found[0]->module->name, found[1]->module->name),
        "rename one of them, or import only the module you mean");
    for (const Symbol* s : found) d.notes.push_back({s->span, "declared here"});
  }
  return found[0];
}

Type resolveTypeRef(const Program& program, const Module& from, const ast::TypeRef& ref, DiagnosticSink& diags,
                    bool allowRows) {
  using Kind = ast::TypeRef::Kind;
  switch (ref.kind) {
    case Kind::List:
    case Kind::Set: {
      Type element = ref.element ? resolveTypeRef(program, from, *ref.element, diags, allowRows) : Type::error();
      return ref.kind == Kind::List ? Type::list(element) : Type::set(element);
    }
    case Kind::Dict: {
      if (ref.name.name != "code") {
        diags.report(DiagCode::FG1015, ref.name.span,
                     fmt::format("only `code` takes a dictionary, not `{}`", ref.name.name),
                     fmt::format("write `code({})`", ref.dict.name));
        return Type::error();
      }
      const Symbol* sym = findSymbol(program, from, ref.dict.name, ref.dict.span, diags);
      if (!sym || sym->kind != Symbol::Kind::Dict) {
        std::vector<std::string> dicts = program.visibleNames(from, Symbol::Kind::Dict);
        diags.report(DiagCode::FG1014, ref.dict.span, fmt::format("no dictionary named `{}`", ref.dict.name),
                     didYouMeanOr(ref.dict.name, dicts, "declare it with `dict NAME { \"code\": \"label\" }`"));
        return Type::code(nullptr);
      }
      return Type::code(sym->dict);
    }
    case Kind::Named: {
      if (ref.name.name.empty()) return Type::error();  // the parser already reported what is missing
      Type scalar = scalarTypeNamed(ref.name.name);
      if (!scalar.isError()) return scalar;
      const Symbol* sym = findSymbol(program, from, ref.name.name, ref.name.span, diags);
      if (sym && sym->kind == Symbol::Kind::Table) {
        if (allowRows) return Type::row(sym->table);
        diags.report(DiagCode::FG1015, ref.name.span,
                     fmt::format("`{}` is a table; a column holds a single value", ref.name.name),
                     "use a `link` to refer to another table");
        return Type::error();
      }
      std::vector<std::string> names = scalarTypeNames();
      names.push_back("list of str");
      if (allowRows)
        for (const auto& n : program.visibleNames(from, Symbol::Kind::Table)) names.push_back(n);
      diags.report(DiagCode::FG1015, ref.name.span, fmt::format("unknown type `{}`", ref.name.name),
                   didYouMeanOr(ref.name.name, names,
                                "types are str, code, int, dec, money, date, datetime, bool, list of T, set of T"));
      return Type::error();
    }
  }
  return Type::error();
}

void DeclarationPass::run() {
  for (auto& m : program_.modules) collectSymbols(*m);
  for (auto& m : program_.modules) resolveDicts(*m);
  for (auto& m : program_.modules) resolveColumns(*m);
  for (auto& m : program_.modules) checkShippedRows(*m);
  for (auto& m : program_.modules) resolveLinks(*m);
  checkRoles();
  // Every signature before any value: lists and defines may use each other, across modules.
  for (auto& m : program_.modules) resolveDefines(*m);
  for (auto& m : program_.modules)
    for (auto& list : m->lists) checkListValue(program_, *list, diags_);
  for (auto& m : program_.modules)
    for (auto& define : m->defines) checkDefineBody(program_, *define, diags_);
}

void DeclarationPass::collectSymbols(Module& module) {
  auto declare = [&](const ast::Ident& name, Symbol symbol) {
    if (name.name.empty()) return;
    if (findBuiltin(name.name)) {
      diags_.report(DiagCode::FG1004, name.span, fmt::format("`{}` is a built-in function of the language", name.name),
                    "choose another name, so that every `" + name.name + "(...)` means one thing");
      return;
    }
    symbol.span = name.span;
    symbol.module = &module;
    auto [it, inserted] = module.symbols.emplace(name.name, symbol);
    if (!inserted) {
      auto& d = diags_.report(DiagCode::FG1004, name.span, fmt::format("`{}` is declared twice", name.name),
                              "give each dictionary, table, list and define its own name");
      d.notes.push_back({it->second.span, "first declared here"});
    }
  };
  const ast::File& file = *module.ast;
  for (const auto& d : file.dicts) {
    DictInfo& info = *module.dicts.emplace_back(std::make_unique<DictInfo>());
    info.name = d.name.name;
    info.label = d.label;
    info.span = d.name.span;
    declare(d.name, Symbol::of(&info));
  }
  for (const auto& t : file.tables) {
    TableInfo& info = *module.tables.emplace_back(std::make_unique<TableInfo>());
    info.name = t.name.name;
    info.label = t.label;
    info.module = module.name;
    info.span = t.name.span;
    info.decl = &t;
    declare(t.name, Symbol::of(&info));
  }
  for (const auto& l : file.lists) {
    ListInfo& info = *module.lists.emplace_back(std::make_unique<ListInfo>());
    info.name = l.name.name;
    info.label = l.label;
    info.span = l.name.span;
    info.decl = &l;
    info.module = &module;
    info.type = Type::error();
    declare(l.name, Symbol::of(&info));
  }
  for (const auto& f : file.defines) {
    DefineInfo& info = *module.defines.emplace_back(std::make_unique<DefineInfo>());
    info.name = f.name.name;
    info.span = f.name.span;
    info.decl = &f;
    info.module = &module;
    declare(f.name, Symbol::of(&info));
  }
}

void DeclarationPass::resolveDicts(Module& module) {
  for (size_t i = 0; i < module.dicts.size(); ++i) {
    DictInfo& info = *module.dicts[i];
    const ast::DictDecl& decl = module.ast->dicts[i];
    std::map<std::string, Span> seen;
    for (const auto& e : decl.entries) {
      if (!info.codes.emplace(e.code, e.label).second) {
        auto& d = diags_.report(DiagCode::FG2005, e.span,
                                fmt::format("code \"{}\" appears twice in dictionary `{}`", e.code, info.name),
                                "each code has one label; remove one of them");
        d.notes.push_back({seen[e.code], "first given here"});
      } else {
        seen[e.code] = e.span;
      }
    }
  }
}

void DeclarationPass::resolveColumns(Module& module) {
  for (auto& table : module.tables) {
    const ast::TableDecl& decl = *table->decl;
    for (const auto& c : decl.columns) {
      if (table->column(c.name.name)) {
        auto& d = diags_.report(DiagCode::FG2001, c.name.span,
                                fmt::format("column `{}` is declared twice in table `{}`", c.name.name, table->name),
                                "remove or rename one of them");
        d.notes.push_back({table->column(c.name.name)->span, "first declared here"});
        continue;
      }
      ColumnInfo col;
      col.name = c.name.name;
      col.label = c.label;
      col.key = c.key;
      col.required = c.required || c.key;
      col.type = resolveTypeRef(program_, module, c.type, diags_, false).withNullable(!col.required);
      col.index = static_cast<uint32_t>(table->columns.size());
      col.span = c.name.span;
      table->columns.push_back(std::move(col));
    }
    for (const auto& c : table->columns)
      if (c.key) table->key.push_back(&c);
    for (const auto& clause : decl.keyClauses) {
      if (!table->key.empty()) {
        diags_.report(DiagCode::FG2002, clause.empty() ? decl.name.span : clause.front().span,
                      fmt::format("table `{}` declares its key twice", table->name),
                      "mark key columns with `key`, or list them once in `key (a, b)`, not both");
        continue;
      }
      for (const auto& name : clause) {
        const ColumnInfo* col = table->column(name.name);
        if (!col) {
          std::vector<std::string> names = table->columnNames();
          diags_.report(DiagCode::FG2002, name.span,
                        fmt::format("key column `{}` is not a column of `{}`", name.name, table->name),
                        didYouMean(name.name, names));
          continue;
        }
        auto& mut = table->columns[col->index];
        mut.required = true;
        mut.type = mut.type.withNullable(false);
        table->key.push_back(&mut);
      }
    }
    static const std::vector<std::string> kRoles = {kRoleSettlement, kRoleFeeLine, kRolePerson, kRoleInstitution};
    for (const auto& role : decl.roles) {
      if (std::find(kRoles.begin(), kRoles.end(), role.name) == kRoles.end()) {
        diags_.report(DiagCode::FG2004, role.span, fmt::format("unknown role `{}`", role.name),
                      didYouMeanOr(role.name, kRoles, "roles are settlement, fee_line, person and institution"));
        continue;
      }
      table->roles.insert(role.name);
    }
  }
}

void DeclarationPass::checkShippedRows(Module& module) {
  for (auto& table : module.tables) {
    const ast::TableDecl& decl = *table->decl;
    for (size_t i = 0; i < decl.rows.size(); ++i) {
      const ast::TableRows& rows = decl.rows[i];
      if (rows.word.name != "rows") {
        diags_.report(DiagCode::FG2007, rows.word.span,
                      fmt::format("`{}` is not something a table declares", rows.word.name),
                      "a table declares columns, `key (...)`, `link`, `role` and its shipped data as "
                      "`rows (col, ...) (value, ...) ...`");
        continue;
      }
      if (table->shippedRows) {
        auto& d =
            diags_.report(DiagCode::FG2007, rows.word.span, fmt::format("table `{}` ships its rows twice", table->name),
                          "put every row in one `rows (...)` block");
        d.notes.push_back({table->shippedRows->word.span, "first given here"});
        continue;
      }
      table->shippedRows = &rows;
      checkRowBlock(*table, rows.block, rows.word.span, "rows", diags_);
    }
  }
}

void DeclarationPass::resolveLinks(Module& module) {
  for (auto& table : module.tables) {
    for (const auto& l : table->decl->links) {
      if (table->link(l.name.name) || table->column(l.name.name)) {
        diags_.report(DiagCode::FG2003, l.name.span,
                      fmt::format("`{}` already names a column or link of `{}`", l.name.name, table->name),
                      "give the link its own name");
        continue;
      }
      LinkInfo link;
      link.name = l.name.name;
      link.many = l.many;
      link.span = l.name.span;
      const Symbol* sym = findSymbol(program_, module, l.target.name, l.target.span, diags_);
      if (!sym || sym->kind != Symbol::Kind::Table) {
        std::vector<std::string> tables = program_.visibleNames(module, Symbol::Kind::Table);
        diags_.report(DiagCode::FG1012, l.target.span, fmt::format("no table named `{}`", l.target.name),
                      didYouMean(l.target.name, tables));
        continue;
      }
      link.target = sym->table;
      bool ok = true;
      for (const auto& pair : l.on) {
        const ColumnInfo* ours = table->column(pair.local.name);
        const ast::Ident& remoteName = pair.remote ? *pair.remote : pair.local;
        const ColumnInfo* theirs = link.target->column(remoteName.name);
        if (!ours) {
          std::vector<std::string> names = table->columnNames();
          diags_.report(DiagCode::FG1011, pair.local.span,
                        fmt::format("table `{}` has no column `{}`", table->name, pair.local.name),
                        didYouMean(pair.local.name, names));
          ok = false;
          continue;
        }
        if (!theirs) {
          std::vector<std::string> names = link.target->columnNames();
          diags_.report(DiagCode::FG1011, remoteName.span,
                        fmt::format("table `{}` has no column `{}`", link.target->name, remoteName.name),
                        didYouMeanOr(remoteName.name, names,
                                     fmt::format("write `{} = COLUMN_OF_{}` when the names differ", pair.local.name,
                                                 link.target->name)));
          ok = false;
          continue;
        }
        bool compatible = ours->type.sameAs(theirs->type) || (ours->type.isText() && theirs->type.isText());
        if (!compatible) {
          diags_.report(DiagCode::FG2003, pair.local.span,
                        fmt::format("link `{}` joins `{}` ({}) with `{}` ({})", link.name, ours->name, ours->type.str(),
                                    theirs->name, theirs->type.str()),
                        "join columns must have the same type");
          ok = false;
        }
        link.on.emplace_back(ours, theirs);
      }
      if (!ok) continue;
      // A one-link finds at most one row: it must join on the target's whole key.
      const TableInfo* keyed = link.many ? table.get() : link.target;
      std::vector<const ColumnInfo*> joined;
      for (const auto& [ours, theirs] : link.on) joined.push_back(link.many ? ours : theirs);
      std::vector<const ColumnInfo*> key = keyed->key;
      std::sort(joined.begin(), joined.end());
      std::sort(key.begin(), key.end());
      if (joined != key) {
        std::string keyNames;
        for (const ColumnInfo* c : keyed->key) keyNames += (keyNames.empty() ? "" : ", ") + c->name;
        diags_.report(DiagCode::FG2003, l.name.span,
                      link.many ? fmt::format("many-link `{}` must start from the key of `{}` ({})", link.name,
                                              table->name, keyNames.empty() ? "none declared" : keyNames)
                                : fmt::format("link `{}` must join on the key of `{}` ({})", link.name,
                                              link.target->name, keyNames.empty() ? "none declared" : keyNames),
                      link.many ? "a many-link lists the rows of the other table that carry this row's key"
                                : "a link reaches one row, so it joins on the other table's whole key (name "
                                  "those columns); to reach several rows, write `link NAME -> many TABLE on ...`");
        continue;
      }
      table->links.push_back(std::move(link));
    }
  }
}

// Each role is played by one table among those a module sees (its own and its imports'): two
// schemas may each declare a settlement table, as long as no file imports both.
void DeclarationPass::checkRoles() {
  std::set<std::pair<const TableInfo*, const TableInfo*>> reported;
  for (auto& m : program_.modules) {
    std::vector<const Module*> visible = {m.get()};
    visible.insert(visible.end(), m->imports.begin(), m->imports.end());
    std::map<std::string, const TableInfo*> byRole;
    for (const Module* v : visible)
      for (const auto& t : v->tables)
        for (const auto& role : t->roles) {
          auto [it, inserted] = byRole.emplace(role, t.get());
          if (inserted || it->second == t.get() || !reported.emplace(it->second, t.get()).second) continue;
          auto& d =
              diags_.report(DiagCode::FG2004, t->span,
                            fmt::format("role `{}` is given to both `{}` and `{}`", role, it->second->name, t->name),
                            "one table plays each role in the modules a file imports");
          d.notes.push_back({it->second->span, "first given here"});
        }
  }
}

void DeclarationPass::resolveDefines(Module& module) {
  for (auto& define : module.defines) {
    const ast::DefineDecl& decl = *define->decl;
    for (const auto& p : decl.params)
      define->params.emplace_back(p.name.name, resolveTypeRef(program_, module, p.type, diags_, true));
    if (decl.result) {
      define->result = resolveTypeRef(program_, module, *decl.result, diags_, true);
      define->resultDeclared = true;
    }
  }
}

}  // namespace fundguard
