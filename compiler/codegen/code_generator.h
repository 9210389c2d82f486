// The LLVM code generator: a lowered rule set (ir::RuleSet) to one LLVM module. Every rule of
// a scope is fused into that scope's kernel: one loop over the subjects that screens all of
// them, calling fg_hit (jit_helpers.def) where a rule's condition holds. The runtime then gives
// each hit its amounts, message and evidence (runtime/jit). Institution rules, whose peer
// statistics need every subject's lets first, get per-rule functions instead. The module refers
// to the dataset only through the KernelContext (jit_abi.h), so one compiled module serves any
// dataset and any parameter values.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ir/ir.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace fundguard::codegen {

// A look-up by key (Lookup, RowsWhere): the index the runtime must provide.
struct LookupSite {
  uint32_t table = 0;
  std::vector<uint32_t> columns;
};

// A Peer node: the function that evaluates its argument in a frame, and how many of the rule's
// loop lets are computed where it is asked (the peer's own values of those are needed).
struct PeerSite {
  uint32_t rule = 0;
  const ir::Node* node = nullptr;
  std::string argument;  // FrameValueFunction
  size_t loopLetsDone = 0;
  bool inLoop = false;  // asked inside the `for each` (for the peer's matching element)
};

struct InstitutionRule {
  uint32_t rule = 0;
  std::string lets;                   // FrameFunction: the lets (scope slots already in the frame)
  std::string screen;                 // FrameFunction: lets, `for each`, loop lets, condition, fg_hit
  std::string forEach;                // FrameValueFunction: the `for each` list ("" when none)
  std::string peersBy;                // FrameValueFunction: the `peers by` key ("" when none)
  std::vector<std::string> loopLets;  // FrameValueFunction per loop let
};

struct GeneratedModule {
  std::unique_ptr<llvm::LLVMContext> context;
  std::unique_ptr<llvm::Module> module;
  std::vector<std::string> texts;                    // text constants: KernelContext::texts[i] is the id of texts[i]
  std::vector<LookupSite> lookups;                   // by look-up id
  std::vector<std::pair<uint32_t, uint32_t>> links;  // (table, link) of each join index
  std::vector<std::pair<uint32_t, uint32_t>> manyLinks;  // (table, link) of each list join index
  std::vector<PeerSite> peers;                           // by peer node id
  std::vector<size_t> paramOffsets;                      // per rule: its first parameter in KernelContext::params
  std::string lineKernel, claimKernel, personKernel;     // "" when the set has no rule of the scope
  std::vector<InstitutionRule> institutionRules;
  ~GeneratedModule();
  GeneratedModule();
  GeneratedModule(GeneratedModule&&) noexcept;
  GeneratedModule& operator=(GeneratedModule&&) noexcept;
};

GeneratedModule generateModule(const ir::RuleSet& set);

// Runs LLVM's new pass manager over the module at -O`level` (0 to 3).
void optimizeModule(llvm::Module& module, int level);

// The module as LLVM assembly text (`fundguard ir --llvm`).
std::string printModule(const llvm::Module& module);

}  // namespace fundguard::codegen
