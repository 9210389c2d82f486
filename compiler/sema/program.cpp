// Name visibility across modules; see program.h. Imports are not transitive: a file sees its
// own declarations and those of the modules it imports itself.
#include "sema/program.h"

namespace fundguard {

std::vector<const Symbol*> Program::lookup(const Module& from, const std::string& name) const {
  std::vector<const Symbol*> found;
  auto own = from.symbols.find(name);
  if (own != from.symbols.end()) return {&own->second};
  for (const Module* imp : from.imports) {
    auto it = imp->symbols.find(name);
    if (it != imp->symbols.end()) {
      bool seen = false;
      for (const Symbol* s : found) seen |= s == &it->second;
      if (!seen) found.push_back(&it->second);
    }
  }
  return found;
}

std::vector<std::string> Program::visibleNames(const Module& from) const {
  std::vector<std::string> names;
  for (const auto& [name, sym] : from.symbols) names.push_back(name);
  for (const Module* imp : from.imports)
    for (const auto& [name, sym] : imp->symbols) names.push_back(name);
  return names;
}

std::vector<std::string> Program::visibleNames(const Module& from, Symbol::Kind kind) const {
  std::vector<std::string> names;
  for (const auto& name : visibleNames(from)) {
    auto found = lookup(from, name);
    if (!found.empty() && found[0]->kind == kind) names.push_back(name);
  }
  return names;
}

const TableInfo* Program::tableWithRole(const Module& from, const std::string& role) const {
  auto scan = [&](const Module& m) -> const TableInfo* {
    for (const auto& t : m.tables)
      if (t->roles.count(role)) return t.get();
    return nullptr;
  };
  if (const TableInfo* t = scan(from)) return t;
  for (const Module* imp : from.imports)
    if (const TableInfo* t = scan(*imp)) return t;
  return nullptr;
}

}  // namespace fundguard
