// See compiled_rules.h.
#include "jit/compiled_rules.h"

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
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
#include <llvm/Transforms/Utils/SplitModule.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

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

// Optimises and compiles the module in `parts` pieces on as many threads. LLVM contexts are not
// shared between threads: each piece goes through bitcode into a context (and a target machine)
// of its own. Functions that call across pieces are linked by the JIT.
std::vector<std::unique_ptr<llvm::MemoryBuffer>> compileInParts(llvm::Module& module,
                                                                llvm::orc::JITTargetMachineBuilder& host, int optLevel,
                                                                unsigned parts, CompiledRules& out) {
  std::vector<llvm::SmallVector<char, 0>> bitcode;
  if (parts <= 1) {
    bitcode.emplace_back();
    llvm::raw_svector_ostream stream(bitcode.back());
    llvm::WriteBitcodeToFile(module, stream);
  } else {
    llvm::SplitModule(
        module, parts,
        [&](std::unique_ptr<llvm::Module> part) {
          bitcode.emplace_back();
          llvm::raw_svector_ostream stream(bitcode.back());
          llvm::WriteBitcodeToFile(*part, stream);
        },
        /*PreserveLocals=*/false, /*RoundRobin=*/true);
  }
  size_t n = bitcode.size();
  std::vector<std::unique_ptr<llvm::TargetMachine>> machines;
  for (size_t i = 0; i < n; ++i) {
    auto machine = host.createTargetMachine();
    if (!machine) fail("cannot create a target machine", machine.takeError());
    machines.push_back(std::move(*machine));
  }
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects(n);
  std::vector<std::string> errors(n);
  std::vector<double> optimised(n, 0), compiled(n, 0);
  auto work = [&](size_t i) {
    try {
      llvm::LLVMContext context;
      llvm::MemoryBufferRef bytes(llvm::StringRef(bitcode[i].data(), bitcode[i].size()), "fundguard-rules.bc");
      auto part = llvm::parseBitcodeFile(bytes, context);
      if (!part) {
        errors[i] = llvm::toString(part.takeError());
        return;
      }
      auto start = Clock::now();
      optimise(**part, *machines[i], optLevel);
      optimised[i] = since(start);
      start = Clock::now();
      objects[i] = emitObject(**part, *machines[i]);
      compiled[i] = since(start);
    } catch (const std::exception& e) {
      errors[i] = e.what();
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < n; ++i) threads.emplace_back(work, i);
  work(0);
  for (auto& t : threads) t.join();
  for (const std::string& e : errors)
    if (!e.empty()) throw std::runtime_error(e);
  // The phases overlap across threads: each is reported as its longest piece.
  out.optimizeSeconds = *std::max_element(optimised.begin(), optimised.end());
  out.machineCodeSeconds = *std::max_element(compiled.begin(), compiled.end());
  return objects;
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
  // The module is compiled in as many parts as there are cores (each part on its own thread,
  // in an LLVMContext of its own), so the parts' count is part of the key.
  unsigned parts = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects;
  for (unsigned i = 0; i < parts && cache.enabled(); ++i) {
    auto object = cache.load(key + "-" + std::to_string(i) + "of" + std::to_string(parts));
    if (!object) break;
    objects.push_back(std::move(object));
  }
  out->cacheHit = objects.size() == parts;
  if (!out->cacheHit) {
    objects = compileInParts(*out->layout_.module, host, optLevel, parts, *out);
    for (size_t i = 0; i < objects.size(); ++i)
      cache.store(key + "-" + std::to_string(i) + "of" + std::to_string(objects.size()), objects[i]->getBuffer());
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
  for (auto& object : objects)
    if (auto error = lljit.addObjectFile(std::move(object)))
      fail("cannot load the rules' object code", std::move(error));

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
