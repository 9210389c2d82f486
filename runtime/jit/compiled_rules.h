// A rule set compiled to native code: the generated module (compiler/codegen) optimised with
// LLVM's new pass manager and loaded into an ORC LLJIT instance, with the addresses of its
// kernels and functions. Compiled once per rule set; any number of datasets and threads may run
// it (the code keeps no state: everything is in the KernelContext and the ThreadRuntime).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "codegen/code_generator.h"
#include "codegen/jit_abi.h"

namespace llvm::orc {
class LLJIT;
}

namespace fundguard::jit {

struct InstitutionCode {
  uint32_t rule = 0;
  FrameFunction lets = nullptr, screen = nullptr;
  FrameValueFunction forEach = nullptr, peersBy = nullptr;
  std::vector<FrameValueFunction> loopLets;
};

class CompiledRules {
 public:
  // Throws std::runtime_error when LLVM cannot compile the module (a bug: the IR is checked).
  static std::unique_ptr<CompiledRules> compile(const ir::RuleSet& set, int optLevel = 2);
  // The module as LLVM assembly, optimised at optLevel (`fundguard ir --llvm`).
  static std::string llvmText(const ir::RuleSet& set, int optLevel = 2);
  ~CompiledRules();

  const ir::RuleSet& set() const { return set_; }
  const codegen::GeneratedModule& layout() const { return layout_; }
  LineKernel lineKernel = nullptr;
  ClaimKernel claimKernel = nullptr;
  SubjectKernel personKernel = nullptr;
  std::vector<InstitutionCode> institutions;
  std::vector<FrameValueFunction> peerArguments;  // per peer site (layout().peers)
  // Where compiling went: generating the LLVM IR, optimising it, making machine code, loading
  // it into the JIT. With a cache hit (object_cache.h) the middle two are skipped.
  double generateSeconds = 0, optimizeSeconds = 0, machineCodeSeconds = 0, loadSeconds = 0;
  bool cacheHit = false;

 private:
  explicit CompiledRules(const ir::RuleSet& set);
  const ir::RuleSet& set_;
  codegen::GeneratedModule layout_;  // module and context moved into the JIT
  std::unique_ptr<llvm::orc::LLJIT> jit_;
};

}  // namespace fundguard::jit
