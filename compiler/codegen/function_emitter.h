// Emits the LLVM IR of one generated function: IR nodes to instructions over a frame of Cells.
// A value is a pair (64-bit value, presence bit); nodes whose type is not nullable have a
// constant-true presence, which LLVM folds away. The evaluation order and the short circuits
// are the interpreter's (runtime/interp/evaluator.cpp), so both engines agree on every value.
// Scalar nodes are in function_emitter.cpp, lists and aggregates in function_emitter_lists.cpp.
#pragma once

#include <functional>

#include "codegen/module_state.h"

namespace fundguard::codegen {

struct CV {
  llvm::Value* v = nullptr;  // i64
  llvm::Value* p = nullptr;  // i1
};

class FunctionEmitter {
 public:
  FunctionEmitter(ModuleState& m, const ir::Rule& rule, uint32_t ruleIndex, llvm::Function* function,
                  llvm::Value* context, llvm::Value* frame);

  CV emit(const ir::Node& n);
  CV loadSlot(uint32_t slot);
  void storeSlot(uint32_t slot, CV value);
  void storeCell(llvm::Value* cellPtr, CV value);
  CV loadCell(llvm::Value* cellPtr);

  // Control flow: `then` when cond (i1) holds, else `otherwise`; the two results merged.
  CV branch(llvm::Value* cond, const std::function<CV()>& then, const std::function<CV()>& otherwise);
  // A loop over the cells of a list: body(index, cell pointer, next, exit), where a branch to
  // `next` continues with the following element and one to `exit` leaves the loop.
  using LoopBody =
      std::function<void(llvm::Value* index, llvm::Value* cell, llvm::BasicBlock* next, llvm::BasicBlock* exit)>;
  void loop(llvm::Value* list, const LoopBody& body);
  // 1 (i64) when test(item) holds for an item of the list, else 0; stops at the first.
  llvm::Value* anyItem(llvm::Value* list, const std::function<llvm::Value*(CV item)>& test);
  // An i64 variable in the entry block (promoted to a register by LLVM), set to `init` here.
  llvm::Value* variable(int64_t init);
  llvm::BasicBlock* block(const char* name);

  llvm::Value* runtime();
  llvm::Value* call(Helper h, std::initializer_list<llvm::Value*> args);
  llvm::Value* constant(int64_t v);
  llvm::Value* truth(bool b);
  CV missing();
  CV present(llvm::Value* v);
  CV boolean(llvm::Value* i1value);
  llvm::Value* isTrue(CV v);
  llvm::Value* listPtr(llvm::Value* i64value);
  llvm::Value* listSize(llvm::Value* list);
  llvm::Value* listCell(llvm::Value* list, llvm::Value* index);
  llvm::Value* emptyList();
  llvm::Value* contextField(ContextField field);
  // A load of memory that does not change while rules run (the context, the columns, the
  // parameters): LLVM may hoist it out of loops and merge it across helper calls.
  llvm::Value* loadInvariant(llvm::Type* type, llvm::Value* at);

  ModuleState& m;
  llvm::IRBuilder<> b;
  // The `for each` loop being emitted (Ordered reads it): its list and position.
  llvm::Value* loopList = nullptr;
  llvm::Value* loopIndex = nullptr;
  size_t loopLetsDone = 0;  // recorded in the peer sites met

 private:
  CV field(const ir::Node& n);
  CV link(const ir::Node& n);
  CV lookup(const ir::Node& n);
  llvm::Value* lookupKeys(const ir::Node& n);
  CV arithmetic(const ir::Node& n);
  CV compare(const ir::Node& n);
  CV logic(const ir::Node& n);
  CV conditional(const ir::Node& n);
  CV membership(const ir::Node& n);
  CV startsWith(const ir::Node& n);
  CV call(const ir::Node& n);
  CV makeList(const ir::Node& n);
  CV aggregate(const ir::Node& n);
  CV countRows(const ir::Node& n);
  CV ordered(const ir::Node& n);
  CV peer(const ir::Node& n);
  CV constantNode(const ir::Node& n);
  // a < b as -1/0/1 semantics of the interpreter's compareValues, for the operand type.
  llvm::Value* less(llvm::Value* a, llvm::Value* b, const ir::Type& type);
  llvm::Value* textCompare(llvm::Value* a, llvm::Value* b);

  const ir::Rule& rule_;
  uint32_t ruleIndex_;
  llvm::Function* function_;
  llvm::Value* context_;
  llvm::Value* frame_;
  llvm::Value* runtime_ = nullptr;
};

}  // namespace fundguard::codegen
