// What the functions of one generated module share: the LLVM types of the ABI structs
// (jit_abi.h), the helper declarations (jit_helpers.def), and the module's tables of text
// constants, look-ups and peer sites. Internal to the code generator.
#pragma once

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <map>
#include <string>
#include <vector>

#include "codegen/code_generator.h"

namespace fundguard::codegen {

// Field numbers of the ABI structs.
enum CellField : unsigned { kCellValue = 0, kCellPresent = 1 };
enum ListField : unsigned { kListSize = 0, kListCapacity = 1, kListCells = 2 };
enum GroupField : unsigned { kGroupKeys = 0, kGroupElements = 1 };
enum ColumnField : unsigned { kColumnValues = 0, kColumnPresent = 1 };
enum SubjectField : unsigned { kSubjectRow = 0, kSubjectPeriod = 1, kSubjectSettlements = 2 };
enum ContextField : unsigned {
  kContextTables = 0,
  kContextParams = 1,
  kContextTexts = 2,
  kContextSettlementDates = 3,
  kContextEnabled = 4,
  kContextRuntime = 5,
  kContextLinks = 6,
  kContextManyLinks = 7
};

enum class Helper : unsigned {
#define FG_HELPER(name, effects, result, ...) name,
#include "codegen/jit_helpers.def"
#undef FG_HELPER
};

class ModuleState {
 public:
  ModuleState(llvm::LLVMContext& context, llvm::Module& module, const ir::RuleSet& set, GeneratedModule& out);

  llvm::LLVMContext& context;
  llvm::Module& module;
  const ir::RuleSet& set;
  GeneratedModule& out;

  llvm::Type* i1;
  llvm::Type* i8;
  llvm::Type* i32;
  llvm::Type* i64;
  llvm::PointerType* ptr;
  llvm::StructType* cell;
  llvm::StructType* list;
  llvm::StructType* group;
  llvm::StructType* column;
  llvm::StructType* subject;
  llvm::StructType* kernelContext;

  llvm::FunctionCallee helper(Helper h);
  size_t textIndex(const std::string& text);
  size_t lookupIndex(uint32_t table, const std::vector<uint32_t>& columns);
  size_t linkIndex(uint32_t table, uint32_t link);
  size_t manyLinkIndex(uint32_t table, uint32_t link);
  std::string uniqueName(const std::string& base);

 private:
  std::vector<llvm::FunctionCallee> helpers_;
  std::map<std::string, size_t> texts_;
  std::map<std::pair<uint32_t, std::vector<uint32_t>>, size_t> lookups_;
  std::map<std::pair<uint32_t, uint32_t>, size_t> links_, manyLinks_;
  std::map<std::string, int> names_;
};

}  // namespace fundguard::codegen
