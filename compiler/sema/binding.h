// Local names inside a rule, a define or an aggregate: what each is bound to while checking.
#pragma once

#include <string>
#include <vector>

#include "diag/source_file.h"
#include "sema/types.h"

namespace fundguard {

struct Binding {
  enum class Kind { ScopeName, Param, Let, Loop, Aggregate, DefineParam } kind = Kind::Let;
  std::string name;
  Type type;
  Span span;
  bool used = false;
  bool ordered = false;  // a `for each` element: previous()/next() apply
};

// The local names in force, innermost last.
class LocalScope {
 public:
  Binding& add(Binding binding) {
    bindings_.push_back(std::move(binding));
    return bindings_.back();
  }
  void popTo(size_t size) { bindings_.resize(size); }
  size_t size() const { return bindings_.size(); }
  Binding* find(const std::string& name);
  std::vector<std::string> names() const;
  const std::vector<Binding>& all() const { return bindings_; }

 private:
  std::vector<Binding> bindings_;
};

}  // namespace fundguard
