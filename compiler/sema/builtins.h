// The built-in functions of the language, listed once: their names, how they are written and
// what they do. The checker types them (call_checker.cpp, aggregate_checker.cpp); the docs and
// "did you mean" read this table; the interpreter and JIT will dispatch on the same names.
#pragma once

#include <string>
#include <vector>

namespace fundguard {

struct BuiltinInfo {
  enum class Kind { Scalar, Aggregate, Table, Ordered, Peer } kind;
  const char* name;
  const char* signature;  // as shown in hints and docs
  const char* meaning;
};

const std::vector<BuiltinInfo>& builtinFunctions();
const BuiltinInfo* findBuiltin(const std::string& name);
std::vector<std::string> builtinNames();

}  // namespace fundguard
