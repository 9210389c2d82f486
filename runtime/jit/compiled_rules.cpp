// See compiled_rules.h.
#include "jit/compiled_rules.h"

#include <llvm/Config/llvm-config.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <chrono>
#include <mutex>
#include <stdexcept>

#include "jit/jit_helpers.h"
#include "jit/object_cache.h"
#include "support/sha256.h"

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

// Machine code for the module, as an object file in memory (the JIT links it).
std::unique_ptr<llvm::MemoryBuffer> emitObject(llvm::Module& module, llvm::TargetMachine& machine) {
  llvm::SmallVector<char, 0> bytes;
  llvm::raw_svector_ostream stream(bytes);
  llvm::legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, stream, nullptr, llvm::CodeGenFileType::ObjectFile))
    throw std::runtime_error("LLVM cannot emit object code for this machine");
  passes.run(module);
  return llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(bytes.data(), bytes.size()), "fundguard-rules.o");
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

  llvm::orc::JITTargetMachineBuilder host = hostMachine();
  host.setCodeGenOptLevel(optLevel <= 0 ? llvm::CodeGenOptLevel::None : llvm::CodeGenOptLevel::Default);
  auto machine = host.createTargetMachine();
  if (!machine) fail("cannot create a target machine", machine.takeError());

  // The object code: from the cache when this module was compiled before on this machine.
  ObjectCache cache = ObjectCache::fromEnvironment();
  std::string key;
  if (cache.enabled()) {
    Sha256 hash;
    hash.update(codegen::printModule(*out->layout_.module));
    hash.update(std::string("\n-O") + std::to_string(optLevel) + "\n" + host.getCPU() + "\n" +
                host.getFeatures().getString() + "\nLLVM " LLVM_VERSION_STRING "\n");
    key = hash.hexDigest();
  }
  std::unique_ptr<llvm::MemoryBuffer> object = cache.load(key);
  out->cacheHit = object != nullptr;
  if (!object) {
    start = Clock::now();
    optimise(*out->layout_.module, **machine, optLevel);
    out->optimizeSeconds = since(start);
    start = Clock::now();
    object = emitObject(*out->layout_.module, **machine);
    out->machineCodeSeconds = since(start);
    cache.store(key, object->getBuffer());
  }
  out->layout_.module.reset();
  out->layout_.context.reset();

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
  if (auto error = lljit.addObjectFile(std::move(object))) fail("cannot load the rules' object code", std::move(error));

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
  out->loadSeconds = since(start);
  return out;
}

}  // namespace fundguard::jit
