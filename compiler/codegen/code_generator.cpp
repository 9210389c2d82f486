// See code_generator.h. The module's shape: one internal function per rule of the line, claim and
// person scopes (called by its scope's kernel), one kernel per scope, and per institution rule
// the functions the runtime calls in its two passes (lets of every subject, then screening).
#include "codegen/code_generator.h"

#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <functional>
#include <stdexcept>

#include "codegen/function_emitter.h"

namespace fundguard::codegen {

using llvm::Value;

GeneratedModule::GeneratedModule() = default;
GeneratedModule::~GeneratedModule() {
  module.reset();  // before the context that owns its types
}
GeneratedModule::GeneratedModule(GeneratedModule&&) noexcept = default;
GeneratedModule& GeneratedModule::operator=(GeneratedModule&&) noexcept = default;

ModuleState::ModuleState(llvm::LLVMContext& c, llvm::Module& mod, const ir::RuleSet& rules, GeneratedModule& result)
    : context(c), module(mod), set(rules), out(result) {
  i1 = llvm::Type::getInt1Ty(c);
  i8 = llvm::Type::getInt8Ty(c);
  i32 = llvm::Type::getInt32Ty(c);
  i64 = llvm::Type::getInt64Ty(c);
  ptr = llvm::PointerType::get(c, 0);
  cell = llvm::StructType::create(c, {i64, i64}, "Cell");
  list = llvm::StructType::create(c, {i64, i64, ptr}, "List");
  group = llvm::StructType::create(c, {ptr, ptr}, "Group");
  column = llvm::StructType::create(c, {ptr, ptr}, "ColumnView");
  subject = llvm::StructType::create(c, {cell, cell, ptr}, "ScopeSubject");
  kernelContext = llvm::StructType::create(c, {ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr}, "KernelContext");
  auto declare = [&](const char* name, const std::string& effects, llvm::FunctionType* type) {
    llvm::FunctionCallee callee = module.getOrInsertFunction(name, type);
    auto* f = llvm::cast<llvm::Function>(callee.getCallee());
    f->setDoesNotThrow();
    if (effects == "PURE") f->setDoesNotAccessMemory();
    if (effects == "READS") f->setOnlyReadsMemory();
    if (effects != "WRITES") f->setWillReturn();
    helpers_.push_back(callee);
  };
  // "I64, PTR, ..." to LLVM types.
  auto types = [&](const std::string& codes) {
    std::vector<llvm::Type*> parsed;
    size_t at = 0;
    while (at < codes.size()) {
      size_t end = codes.find(',', at);
      if (end == std::string::npos) end = codes.size();
      std::string name = codes.substr(at, end - at);
      name.erase(0, name.find_first_not_of(' '));
      parsed.push_back(name == "I64" ? i64 : name == "PTR" ? static_cast<llvm::Type*>(ptr) : llvm::Type::getVoidTy(c));
      at = end + 1;
    }
    return parsed;
  };
#define FG_HELPER(name, effects, result, ...) \
  declare(#name, #effects, llvm::FunctionType::get(types(#result)[0], types(#__VA_ARGS__), false));
#include "codegen/jit_helpers.def"
#undef FG_HELPER
}

llvm::FunctionCallee ModuleState::helper(Helper h) {
  return helpers_[static_cast<size_t>(h)];
}

size_t ModuleState::textIndex(const std::string& text) {
  auto [it, inserted] = texts_.emplace(text, out.texts.size());
  if (inserted) out.texts.push_back(text);
  return it->second;
}

size_t ModuleState::lookupIndex(uint32_t table, const std::vector<uint32_t>& columns) {
  auto [it, inserted] = lookups_.emplace(std::make_pair(table, columns), out.lookups.size());
  if (inserted) out.lookups.push_back({table, columns});
  return it->second;
}

size_t ModuleState::linkIndex(uint32_t table, uint32_t link) {
  auto [it, inserted] = links_.emplace(std::make_pair(table, link), out.links.size());
  if (inserted) out.links.emplace_back(table, link);
  return it->second;
}

size_t ModuleState::manyLinkIndex(uint32_t table, uint32_t link) {
  auto [it, inserted] = manyLinks_.emplace(std::make_pair(table, link), out.manyLinks.size());
  if (inserted) out.manyLinks.emplace_back(table, link);
  return it->second;
}

std::string ModuleState::uniqueName(const std::string& base) {
  int n = names_[base]++;
  return n == 0 ? base : base + "." + std::to_string(n);
}

namespace {

// Whether evaluating the rule may allocate lists (the kernel then frees them per subject).
bool allocates(const ir::Rule& rule) {
  for (const auto& node : rule.arena) {
    switch (node->op) {
      case ir::Op::MakeList:
      case ir::Op::Concat:
      case ir::Op::LinkMany:
      case ir::Op::RowsWhere:
      case ir::Op::Aggregate:
      case ir::Op::GroupRows:
        return true;
      case ir::Op::Field:
      case ir::Op::If:
        if (node->type.kind() == ir::Kind::List) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

// The slots a rule's condition depends on: the lets it reads, and the lets those read. A kernel
// computes only these (the rest feed the amounts and the message, made for hits only).
std::vector<bool> neededSlots(const ir::Rule& rule) {
  std::vector<bool> needed(rule.slots.size(), false);
  std::function<void(const ir::Node*)> reads = [&](const ir::Node* n) {
    if (!n) return;
    if (n->op == ir::Op::Local && n->index < needed.size()) needed[n->index] = true;
    for (const ir::Node* a : n->args) reads(a);
  };
  reads(rule.when);
  for (auto let = rule.loopLets.rbegin(); let != rule.loopLets.rend(); ++let)
    if (needed[let->slot]) reads(let->value);
  reads(rule.forEach);
  for (auto let = rule.lets.rbegin(); let != rule.lets.rend(); ++let)
    if (needed[let->slot]) reads(let->value);
  return needed;
}

// The lets whose value depends on peer statistics (directly, or through another such let). An
// institution rule's first pass computes every let without peers; the second recomputes these.
std::vector<bool> peerSlots(const ir::Rule& rule) {
  std::vector<bool> peers(rule.slots.size(), false);
  std::function<bool(const ir::Node*)> asks = [&](const ir::Node* n) {
    if (!n) return false;
    if (n->op == ir::Op::Peer || (n->op == ir::Op::Local && n->index < peers.size() && peers[n->index])) return true;
    for (const ir::Node* a : n->args)
      if (asks(a)) return true;
    return false;
  };
  for (const ir::Let& let : rule.lets) peers[let.slot] = asks(let.value);
  return peers;
}

class Generator {
 public:
  Generator(ModuleState& state) : m(state) {}

  void run() {
    const ir::RuleSet& set = m.set;
    size_t offset = 0;
    for (const ir::Rule& rule : set.rules) {
      m.out.paramOffsets.push_back(offset);
      offset += rule.params.size();
    }
    std::vector<uint32_t> byScope[4];
    for (uint32_t r = 0; r < set.rules.size(); ++r) byScope[static_cast<int>(set.rules[r].scope)].push_back(r);
    if (!byScope[0].empty()) m.out.lineKernel = kernel(ir::ScopeKind::Line, byScope[0]);
    if (!byScope[1].empty()) m.out.claimKernel = kernel(ir::ScopeKind::Claim, byScope[1]);
    if (!byScope[2].empty()) m.out.personKernel = kernel(ir::ScopeKind::Person, byScope[2]);
    for (uint32_t r : byScope[3]) institution(r);
    // Peer arguments: each evaluated in a frame (its own subject's, or a peer's).
    // (An argument may ask the peers itself: its sites are appended, and get theirs in turn.)
    for (size_t k = 0; k < m.out.peers.size(); ++k) {
      PeerSite site = m.out.peers[k];
      std::string name = valueFunction("peer" + std::to_string(k), site.rule, *site.node->args[0]);
      m.out.peers[k].argument = name;
    }
  }

 private:
  llvm::Function* function(const std::string& name, llvm::FunctionType* type, bool internal) {
    auto linkage = internal ? llvm::Function::InternalLinkage : llvm::Function::ExternalLinkage;
    llvm::Function* f = llvm::Function::Create(type, linkage, m.uniqueName(name), m.module);
    llvm::BasicBlock::Create(m.context, "entry", f);
    return f;
  }

  // Lets, then the `for each` (if any) with the loop lets and the condition: fg_hit where true.
  // Only the lets the condition needs; for an institution rule (`secondPass`), of the lets before
  // the loop only those that depend on peers (the others are in the frame from the first pass).
  void screenBody(FunctionEmitter& e, const ir::Rule& rule, uint32_t r, Value* subject, bool secondPass) {
    std::vector<bool> needed = neededSlots(rule);
    std::vector<bool> again = secondPass ? peerSlots(rule) : needed;
    for (const ir::Let& let : rule.lets)
      if (needed[let.slot] && again[let.slot]) e.storeSlot(let.slot, e.emit(*let.value));
    auto testOne = [&](Value* element, Value* second) {
      e.loopLetsDone = 0;
      for (const ir::Let& let : rule.loopLets) {
        if (needed[let.slot]) e.storeSlot(let.slot, e.emit(*let.value));
        ++e.loopLetsDone;
      }
      CV when = e.emit(*rule.when);
      // Unknown (a value the condition needs is missing): no hit, counted as "no data".
      auto* known = llvm::dyn_cast<llvm::ConstantInt>(when.p);
      if (!known || !known->isOne()) {
        llvm::BasicBlock* unknown = e.block("unknown");
        llvm::BasicBlock* decided = e.block("decided");
        e.b.CreateCondBr(when.p, decided, unknown);
        e.b.SetInsertPoint(unknown);
        e.call(Helper::fg_undecided, {e.runtime(), e.constant(r)});
        e.b.CreateBr(decided);
        e.b.SetInsertPoint(decided);
      }
      llvm::BasicBlock* hit = e.block("hit");
      llvm::BasicBlock* after = e.block("after");
      e.b.CreateCondBr(e.isTrue(when), hit, after);
      e.b.SetInsertPoint(hit);
      e.call(Helper::fg_hit, {e.runtime(), e.constant(r), subject, element, second});
      e.b.CreateBr(after);
      e.b.SetInsertPoint(after);
    };
    if (!rule.forEach) {
      testOne(e.constant(-1), e.constant(-1));
      return;
    }
    CV source = e.emit(*rule.forEach);
    Value* list = e.listPtr(source.v);
    e.loopList = list;
    // What an element's loop lets and condition allocate is dead after it: freed per element.
    bool frees = allocates(rule);
    auto test = [&](Value* element, Value* second) {
      Value* mark = frees ? e.call(Helper::fg_mark, {e.runtime()}) : nullptr;
      testOne(element, second);
      if (frees) e.call(Helper::fg_release, {e.runtime(), mark});
    };
    e.loop(list, [&](Value* i, Value* cell, llvm::BasicBlock*, llvm::BasicBlock*) {
      e.loopIndex = i;
      e.storeSlot(rule.forEachSlot, e.loadCell(cell));
      if (!rule.forEachPairs) {
        test(i, e.constant(-1));
        return;
      }
      e.loop(list, [&](Value* j, Value* other, llvm::BasicBlock* next, llvm::BasicBlock*) {
        llvm::BasicBlock* body = e.block("pair");
        e.b.CreateCondBr(e.b.CreateICmpEQ(i, j), next, body);
        e.b.SetInsertPoint(body);
        e.storeSlot(rule.forEachSecond, e.loadCell(other));
        test(i, j);
      });
    });
    e.loopList = nullptr;
    e.loopIndex = nullptr;
  }

  // rule_R(ctx, subject, scope cells): the rule for one subject of a fused kernel.
  llvm::Function* ruleFunction(uint32_t r) {
    const ir::Rule& rule = m.set.rules[r];
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(m.context), {m.ptr, m.i64, m.ptr}, false);
    llvm::Function* f = function("rule_" + rule.id, type, true);
    // Not inlined into the kernel: the call costs little per subject, and optimising and
    // compiling many small functions is much faster than one huge one (docs/performance.md).
    f->addFnAttr(llvm::Attribute::NoInline);
    Value* ctx = f->getArg(0);
    llvm::IRBuilder<> entry(&f->getEntryBlock());
    Value* frame = entry.CreateAlloca(m.cell, entry.getInt64(std::max<size_t>(1, rule.slots.size())), "frame");
    FunctionEmitter e(m, rule, r, f, ctx, frame);
    e.b.SetInsertPoint(&f->getEntryBlock());
    for (size_t k = 0; k < rule.scopeSlots.size(); ++k)
      e.storeSlot(rule.scopeSlots[k], e.loadCell(e.b.CreateConstInBoundsGEP1_64(m.cell, f->getArg(2), k)));
    screenBody(e, rule, r, f->getArg(1), false);
    e.b.CreateRetVoid();
    return f;
  }

  std::string kernel(ir::ScopeKind scope, const std::vector<uint32_t>& rules) {
    std::vector<llvm::Function*> bodies;
    bool reset = false;
    for (uint32_t r : rules) {
      bodies.push_back(ruleFunction(r));
      reset = reset || allocates(m.set.rules[r]);
    }
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(m.context), {m.ptr, m.ptr, m.i64, m.i64}, false);
    std::string name = std::string("kernel_") + ir::scopeName(scope);
    llvm::Function* f = function(name, type, false);
    Value* ctx = f->getArg(0);
    Value* subjects = f->getArg(1);
    FunctionEmitter e(m, m.set.rules[rules[0]], rules[0], f, ctx, nullptr);
    e.b.SetInsertPoint(&f->getEntryBlock());
    Value* scopeCells = e.b.CreateAlloca(m.cell, e.constant(3), "scope");
    Value* enabled = e.contextField(kContextEnabled);
    Value* dates = e.contextField(kContextSettlementDates);
    llvm::BasicBlock* before = e.b.GetInsertBlock();
    llvm::BasicBlock* head = e.block("subjects");
    llvm::BasicBlock* body = e.block("subject");
    llvm::BasicBlock* exit = e.block("end");
    e.b.CreateBr(head);
    e.b.SetInsertPoint(head);
    llvm::PHINode* i = e.b.CreatePHI(m.i64, 2, "s");
    i->addIncoming(f->getArg(2), before);
    e.b.CreateCondBr(e.b.CreateICmpSLT(i, f->getArg(3)), body, exit);
    e.b.SetInsertPoint(body);
    if (reset) e.call(Helper::fg_reset, {e.runtime()});
    Value* settlement = nullptr;
    auto setCell = [&](size_t k, CV v) { e.storeCell(e.b.CreateConstInBoundsGEP1_64(m.cell, scopeCells, k), v); };
    if (scope == ir::ScopeKind::Line) {
      Value* pair = e.b.CreateInBoundsGEP(m.i32, subjects, {e.b.CreateMul(i, e.constant(2))});
      Value* line = e.b.CreateZExt(e.b.CreateLoad(m.i32, pair), m.i64);
      settlement = e.b.CreateZExt(e.b.CreateLoad(m.i32, e.b.CreateConstInBoundsGEP1_64(m.i32, pair, 1)), m.i64);
      setCell(0, e.present(line));
      setCell(1, e.present(settlement));
    } else if (scope == ir::ScopeKind::Claim) {
      settlement = e.b.CreateZExt(e.b.CreateLoad(m.i32, e.b.CreateInBoundsGEP(m.i32, subjects, {i})), m.i64);
      setCell(0, e.present(settlement));
    } else {
      Value* s = e.b.CreateInBoundsGEP(m.subject, subjects, {i});
      setCell(0, e.loadCell(e.b.CreateStructGEP(m.subject, s, kSubjectRow)));
      Value* list = e.b.CreateLoad(m.ptr, e.b.CreateStructGEP(m.subject, s, kSubjectSettlements));
      setCell(1, e.present(e.b.CreatePtrToInt(list, m.i64)));
    }
    Value* day = settlement ? e.loadInvariant(m.i64, e.b.CreateInBoundsGEP(m.i64, dates, {settlement})) : nullptr;
    for (size_t k = 0; k < rules.size(); ++k) {
      const ir::Rule& rule = m.set.rules[rules[k]];
      Value* on = e.b.CreateICmpNE(e.loadInvariant(m.i8, e.b.CreateConstInBoundsGEP1_64(m.i8, enabled, rules[k])),
                                   llvm::ConstantInt::get(m.i8, 0));
      bool dated = rule.effectiveFrom != INT32_MIN || rule.effectiveTo != INT32_MAX;
      if (day && dated) {
        // A settlement without a date is screened (as the interpreter's effectiveOn says).
        Value* undated = e.b.CreateICmpEQ(day, e.constant(INT64_MIN));
        Value* inside = e.b.CreateAnd(e.b.CreateICmpSGE(day, e.constant(rule.effectiveFrom)),
                                      e.b.CreateICmpSLE(day, e.constant(rule.effectiveTo)));
        on = e.b.CreateAnd(on, e.b.CreateOr(undated, inside));
      }
      llvm::BasicBlock* run = e.block("rule");
      llvm::BasicBlock* next = e.block("next_rule");
      e.b.CreateCondBr(on, run, next);
      e.b.SetInsertPoint(run);
      e.b.CreateCall(bodies[k], {ctx, i, scopeCells});
      e.b.CreateBr(next);
      e.b.SetInsertPoint(next);
    }
    i->addIncoming(e.b.CreateAdd(i, e.constant(1)), e.b.GetInsertBlock());
    e.b.CreateBr(head);
    e.b.SetInsertPoint(exit);
    e.b.CreateRetVoid();
    return std::string(f->getName());
  }

  // A function (ctx, frame, out cell) evaluating one node of rule r in the given frame.
  std::string valueFunction(const std::string& base, uint32_t r, const ir::Node& node) {
    const ir::Rule& rule = m.set.rules[r];
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(m.context), {m.ptr, m.ptr, m.ptr}, false);
    llvm::Function* f = function(base + "_" + rule.id, type, false);
    FunctionEmitter e(m, rule, r, f, f->getArg(0), f->getArg(1));
    e.b.SetInsertPoint(&f->getEntryBlock());
    e.storeCell(f->getArg(2), e.emit(node));
    e.b.CreateRetVoid();
    return std::string(f->getName());
  }

  void institution(uint32_t r) {
    const ir::Rule& rule = m.set.rules[r];
    InstitutionRule out;
    out.rule = r;
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(m.context), {m.ptr, m.ptr, m.i64}, false);
    {
      llvm::Function* f = function("lets_" + rule.id, type, false);
      FunctionEmitter e(m, rule, r, f, f->getArg(0), f->getArg(1));
      e.b.SetInsertPoint(&f->getEntryBlock());
      for (const ir::Let& let : rule.lets) e.storeSlot(let.slot, e.emit(*let.value));
      e.b.CreateRetVoid();
      out.lets = std::string(f->getName());
    }
    {
      llvm::Function* f = function("screen_" + rule.id, type, false);
      FunctionEmitter e(m, rule, r, f, f->getArg(0), f->getArg(1));
      e.b.SetInsertPoint(&f->getEntryBlock());
      screenBody(e, rule, r, f->getArg(2), true);
      e.b.CreateRetVoid();
      out.screen = std::string(f->getName());
    }
    if (rule.peersBy) out.peersBy = valueFunction("peersby", r, *rule.peersBy);
    // A peer asked inside the loop is asked for its own matching element: its `for each` list
    // and loop lets are then needed as functions of a frame (jit/jit_peers).
    bool peersInLoop = false;
    for (const PeerSite& site : m.out.peers) peersInLoop = peersInLoop || (site.rule == r && site.inLoop);
    if (peersInLoop) {
      out.forEach = valueFunction("foreach", r, *rule.forEach);
      for (size_t k = 0; k < rule.loopLets.size(); ++k)
        out.loopLets.push_back(valueFunction("looplet" + std::to_string(k), r, *rule.loopLets[k].value));
    }
    m.out.institutionRules.push_back(std::move(out));
  }

  ModuleState& m;
};

}  // namespace

GeneratedModule generateModule(const ir::RuleSet& set) {
  GeneratedModule out;
  out.context = std::make_unique<llvm::LLVMContext>();
  out.module = std::make_unique<llvm::Module>("fundguard_rules", *out.context);
  ModuleState state(*out.context, *out.module, set, out);
  Generator(state).run();
  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(*out.module, &os))
    throw std::logic_error("the generated module is not valid LLVM IR: " + os.str());
  return out;
}

std::string printModule(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os, nullptr);
  return os.str();
}

}  // namespace fundguard::codegen
