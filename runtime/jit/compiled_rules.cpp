// See compiled_rules.h.
#include "jit/compiled_rules.h"

#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Target/TargetMachine.h>

#include <chrono>
#include <mutex>
#include <stdexcept>

#include "jit/jit_helpers.h"

namespace fundguard::jit {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void initialiseLlvm() {
  static std::once_flag once;
  std::call_once(once, []() {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

[[noreturn]] void fail(const std::string& what, llvm::Error error) {
  throw std::runtime_error(what + ": " + llvm::toString(std::move(error)));
}

llvm::orc::JITTargetMachineBuilder hostMachine() {
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder) fail("cannot describe this machine to LLVM", builder.takeError());
  return *builder;
}

// The new pass manager's standard pipeline at -O`level`, for the JIT's target.
void optimise(llvm::Module& module, llvm::TargetMachine& machine, int level) {
  module.setDataLayout(machine.createDataLayout());
  module.setTargetTriple(machine.getTargetTriple().str());
  if (level <= 0) return;
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder passes(&machine);
  passes.registerModuleAnalyses(modules);
  passes.registerCGSCCAnalyses(sccs);
  passes.registerFunctionAnalyses(functions);
  passes.registerLoopAnalyses(loops);
  passes.crossRegisterProxies(loops, functions, sccs, modules);
  llvm::OptimizationLevel opt = level == 1   ? llvm::OptimizationLevel::O1
                                : level == 2 ? llvm::OptimizationLevel::O2
                                             : llvm::OptimizationLevel::O3;
  passes.buildPerModuleDefaultPipeline(opt).run(module, modules);
}

}  // namespace

CompiledRules::CompiledRules(const ir::RuleSet& set) : set_(set) {}
CompiledRules::~CompiledRules() = default;

std::string CompiledRules::llvmText(const ir::RuleSet& set, int optLevel) {
  initialiseLlvm();
  codegen::GeneratedModule generated = codegen::generateModule(set);
  auto machine = hostMachine().createTargetMachine();
  if (!machine) fail("cannot create a target machine", machine.takeError());
  optimise(*generated.module, **machine, optLevel);
  return codegen::printModule(*generated.module);
}

std::unique_ptr<CompiledRules> CompiledRules::compile(const ir::RuleSet& set, int optLevel) {
  initialiseLlvm();
  std::unique_ptr<CompiledRules> out(new CompiledRules(set));
  auto start = Clock::now();
  out->layout_ = codegen::generateModule(set);
  out->generateSeconds = since(start);

  start = Clock::now();
  llvm::orc::JITTargetMachineBuilder host = hostMachine();
  host.setCodeGenOptLevel(getenv("FG_CG1") ? llvm::CodeGenOptLevel::Less
                          : optLevel <= 0  ? llvm::CodeGenOptLevel::None
                                           : llvm::CodeGenOptLevel::Default);
  if (getenv("FG_OPT")) optLevel = atoi(getenv("FG_OPT"));
  auto machine = host.createTargetMachine();
  if (!machine) fail("cannot create a target machine", machine.takeError());
  optimise(*out->layout_.module, **machine, optLevel);
  out->optimizeSeconds = since(start);

  start = Clock::now();
  auto jit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(host).create();
  if (!jit) fail("cannot start the JIT", jit.takeError());
  out->jit_ = std::move(*jit);
  llvm::orc::LLJIT& lljit = *out->jit_;
  // The helpers by address; the C library (memcpy and the like that LLVM may call) from the process.
  llvm::orc::SymbolMap symbols;
  for (const auto& [name, address] : helperSymbols())
    symbols[lljit.mangleAndIntern(name)] = {llvm::orc::ExecutorAddr::fromPtr(address), llvm::JITSymbolFlags::Exported};
  if (auto error = lljit.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols))))
    fail("cannot bind the runtime helpers", std::move(error));
  auto process =
      llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(lljit.getDataLayout().getGlobalPrefix());
  if (!process) fail("cannot search the process for symbols", process.takeError());
  lljit.getMainJITDylib().addGenerator(std::move(*process));
  if (auto error = lljit.addIRModule(
          llvm::orc::ThreadSafeModule(std::move(out->layout_.module), std::move(out->layout_.context))))
    fail("cannot add the rules' module to the JIT", std::move(error));

  auto address = [&](const std::string& name) -> llvm::orc::ExecutorAddr {
    auto found = lljit.lookup(name);
    if (!found) fail("the JIT lost function " + name, found.takeError());
    return *found;
  };
  const codegen::GeneratedModule& g = out->layout_;
  if (!g.lineKernel.empty()) out->lineKernel = address(g.lineKernel).toPtr<LineKernel>();
  if (!g.claimKernel.empty()) out->claimKernel = address(g.claimKernel).toPtr<ClaimKernel>();
  if (!g.personKernel.empty()) out->personKernel = address(g.personKernel).toPtr<SubjectKernel>();
  auto valueFunction = [&](const std::string& name) {
    return name.empty() ? nullptr : address(name).toPtr<FrameValueFunction>();
  };
  for (const codegen::InstitutionRule& r : g.institutionRules) {
    InstitutionCode code;
    code.rule = r.rule;
    code.lets = address(r.lets).toPtr<FrameFunction>();
    code.screen = address(r.screen).toPtr<FrameFunction>();
    code.forEach = valueFunction(r.forEach);
    code.peersBy = valueFunction(r.peersBy);
    for (const std::string& let : r.loopLets) code.loopLets.push_back(valueFunction(let));
    out->institutions.push_back(std::move(code));
  }
  for (const codegen::PeerSite& site : g.peers) out->peerArguments.push_back(valueFunction(site.argument));
  out->machineCodeSeconds = since(start);
  return out;
}

}  // namespace fundguard::jit
