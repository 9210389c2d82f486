// The C functions generated code calls, declared from compiler/codegen/jit_helpers.def, and the
// table of their names and addresses that the JIT session binds.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#define I64 int64_t
#define PTR void*
#define VOID void
extern "C" {
#define FG_HELPER(name, effects, result, ...) result name(__VA_ARGS__);
#include "codegen/jit_helpers.def"
#undef FG_HELPER
}
#undef I64
#undef PTR
#undef VOID

namespace fundguard::jit {

// (name, address) of every helper.
std::vector<std::pair<const char*, void*>> helperSymbols();

}  // namespace fundguard::jit
