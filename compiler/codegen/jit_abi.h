// The contract between generated code and the runtime: the memory layouts the generated code
// reads and writes directly, and (jit_helpers.def) the C functions it calls. The code generator
// (compiler/codegen) builds LLVM types that match these structs field for field; the runtime
// (runtime/jit) fills them and implements the helpers. Every IR value is a Cell: the 64-bit
// representation of runtime/data/column.h plus a presence flag; rows are row numbers; lists and
// groups are pointers (as 64-bit integers) to List and Group, allocated by the runtime.
#pragma once

#include <cstdint>

namespace fundguard::jit {

struct Cell {
  int64_t v;
  int64_t present;  // 0 or 1
};

struct List {
  int64_t size;
  int64_t capacity;
  Cell* cells;
};

struct Group {
  Cell* keys;
  List* elements;
};

// One column of a bound table: values and presence per row (column.h); null for list columns,
// which helpers read.
struct ColumnView {
  const int64_t* values;
  const uint8_t* present;
};

// A person or institution subject as the kernels read it.
struct ScopeSubject {
  Cell row;     // the person or institution row (missing when the table has none)
  Cell period;  // institution scope: the period's text id
  List* settlements;
};

// What every generated function receives. Fields are read by position: keep the order.
struct KernelContext {
  const ColumnView* const* tables;  // per IR table (null: not in the dataset)
  const Cell* params;               // every rule's parameters, rule after rule
  const int64_t* texts;             // the ids of the module's text constants
  const int64_t* settlementDates;   // per settlement row: days, INT64_MIN when missing
  const uint8_t* enabled;           // per rule of the set: 1 = screen it
  void* runtime;                    // the thread's ThreadRuntime: first argument of the helpers
  // Join indexes: per link the module follows (GeneratedModule::links), per row of its table the
  // row it names in the target table, or -1. Made once per dataset: a link is then one load.
  const int32_t* const* links;
  // The same for links to many rows (GeneratedModule::manyLinks): per row, the list of the rows
  // it names (read only: generated code never changes a list it did not make).
  const List* const* manyLinks;
};

// Kernel signatures (one per scope; the institution scope has per-rule functions, see
// code_generator.h).
using LineKernel = void (*)(const KernelContext*, const uint32_t* lineSettlementPairs, int64_t begin, int64_t end);
using ClaimKernel = void (*)(const KernelContext*, const uint32_t* settlements, int64_t begin, int64_t end);
using SubjectKernel = void (*)(const KernelContext*, const ScopeSubject* subjects, int64_t begin, int64_t end);
// Institution rules: lets into a frame whose scope slots are filled; then the rest.
using FrameFunction = void (*)(const KernelContext*, Cell* frame, int64_t subject);
// A peer argument, a `for each` source or a loop let evaluated in a given frame.
using FrameValueFunction = void (*)(const KernelContext*, Cell* frame, Cell* out);

}  // namespace fundguard::jit
