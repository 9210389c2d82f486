// See function_emitter.h. Values, rows and look-ups, arithmetic, comparison, logic and the
// built-in scalar functions.
#include "codegen/function_emitter.h"

#include <stdexcept>

#include "data/scalar_values.h"

namespace fundguard::codegen {

using ir::Kind;
using ir::Op;
using llvm::Value;

namespace {
int64_t scaleOf(Kind kind) {
  return kind == Kind::Money ? 100 : kind == Kind::Dec ? 10000 : 1;
}
}  // namespace

FunctionEmitter::FunctionEmitter(ModuleState& state, const ir::Rule& rule, uint32_t ruleIndex, llvm::Function* function,
                                 Value* context, Value* frame)
    : m(state),
      b(state.context),
      rule_(rule),
      ruleIndex_(ruleIndex),
      function_(function),
      context_(context),
      frame_(frame) {}

llvm::BasicBlock* FunctionEmitter::block(const char* name) {
  return llvm::BasicBlock::Create(m.context, name, function_);
}

Value* FunctionEmitter::loadInvariant(llvm::Type* type, Value* at) {
  llvm::LoadInst* load = b.CreateLoad(type, at);
  load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(m.context, {}));
  return load;
}

Value* FunctionEmitter::contextField(ContextField field) {
  return loadInvariant(m.ptr, b.CreateStructGEP(m.kernelContext, context_, field));
}

Value* FunctionEmitter::runtime() {
  if (!runtime_) {
    // Loaded once in the entry block, so that every use is dominated by it.
    llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
    runtime_ = entry.CreateLoad(m.ptr, entry.CreateStructGEP(m.kernelContext, context_, kContextRuntime), "rt");
  }
  return runtime_;
}

Value* FunctionEmitter::call(Helper h, std::initializer_list<Value*> args) {
  return b.CreateCall(m.helper(h), llvm::ArrayRef<Value*>(args.begin(), args.size()));
}

Value* FunctionEmitter::constant(int64_t v) {
  return llvm::ConstantInt::get(m.i64, static_cast<uint64_t>(v), true);
}
Value* FunctionEmitter::truth(bool value) {
  return llvm::ConstantInt::get(m.i1, value ? 1 : 0);
}
CV FunctionEmitter::missing() {
  return {constant(0), truth(false)};
}
CV FunctionEmitter::present(Value* v) {
  return {v, truth(true)};
}
CV FunctionEmitter::boolean(Value* bit) {
  return present(b.CreateZExt(bit, m.i64));
}
Value* FunctionEmitter::isTrue(CV v) {
  return b.CreateAnd(v.p, b.CreateICmpNE(v.v, constant(0)));
}

Value* FunctionEmitter::listPtr(Value* v) {
  return b.CreateIntToPtr(v, m.ptr);
}
Value* FunctionEmitter::listSize(Value* list) {
  return b.CreateLoad(m.i64, b.CreateStructGEP(m.list, list, kListSize));
}
Value* FunctionEmitter::listCell(Value* list, Value* index) {
  Value* cells = b.CreateLoad(m.ptr, b.CreateStructGEP(m.list, list, kListCells));
  return b.CreateInBoundsGEP(m.cell, cells, {index});
}
Value* FunctionEmitter::emptyList() {
  return b.CreatePtrToInt(call(Helper::fg_list_new, {runtime(), constant(0)}), m.i64);
}

CV FunctionEmitter::loadCell(Value* cellPtr) {
  Value* v = b.CreateLoad(m.i64, b.CreateStructGEP(m.cell, cellPtr, kCellValue));
  Value* p = b.CreateLoad(m.i64, b.CreateStructGEP(m.cell, cellPtr, kCellPresent));
  return {v, b.CreateICmpNE(p, constant(0))};
}
void FunctionEmitter::storeCell(Value* cellPtr, CV value) {
  b.CreateStore(value.v, b.CreateStructGEP(m.cell, cellPtr, kCellValue));
  b.CreateStore(b.CreateZExt(value.p, m.i64), b.CreateStructGEP(m.cell, cellPtr, kCellPresent));
}
CV FunctionEmitter::loadSlot(uint32_t slot) {
  return loadCell(b.CreateConstInBoundsGEP1_64(m.cell, frame_, slot));
}
void FunctionEmitter::storeSlot(uint32_t slot, CV value) {
  storeCell(b.CreateConstInBoundsGEP1_64(m.cell, frame_, slot), value);
}

CV FunctionEmitter::branch(Value* cond, const std::function<CV()>& then, const std::function<CV()>& otherwise) {
  if (auto* c = llvm::dyn_cast<llvm::ConstantInt>(cond)) return c->isOne() ? then() : otherwise();
  llvm::BasicBlock* thenBlock = block("then");
  llvm::BasicBlock* elseBlock = block("else");
  llvm::BasicBlock* merge = block("merge");
  b.CreateCondBr(cond, thenBlock, elseBlock);
  b.SetInsertPoint(thenBlock);
  CV a = then();
  llvm::BasicBlock* thenEnd = b.GetInsertBlock();
  b.CreateBr(merge);
  b.SetInsertPoint(elseBlock);
  CV c = otherwise();
  llvm::BasicBlock* elseEnd = b.GetInsertBlock();
  b.CreateBr(merge);
  b.SetInsertPoint(merge);
  llvm::PHINode* v = b.CreatePHI(m.i64, 2);
  v->addIncoming(a.v, thenEnd);
  v->addIncoming(c.v, elseEnd);
  llvm::PHINode* p = b.CreatePHI(m.i1, 2);
  p->addIncoming(a.p, thenEnd);
  p->addIncoming(c.p, elseEnd);
  return {v, p};
}

Value* FunctionEmitter::variable(int64_t init) {
  llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
  Value* slot = entry.CreateAlloca(m.i64);
  b.CreateStore(constant(init), slot);
  return slot;
}

void FunctionEmitter::loop(Value* list, const LoopBody& body) {
  Value* size = listSize(list);
  llvm::BasicBlock* before = b.GetInsertBlock();
  llvm::BasicBlock* head = block("loop");
  llvm::BasicBlock* bodyBlock = block("body");
  llvm::BasicBlock* next = block("next");
  llvm::BasicBlock* exit = block("done");
  b.CreateBr(head);
  b.SetInsertPoint(head);
  llvm::PHINode* index = b.CreatePHI(m.i64, 2, "i");
  index->addIncoming(constant(0), before);
  b.CreateCondBr(b.CreateICmpSLT(index, size), bodyBlock, exit);
  b.SetInsertPoint(bodyBlock);
  body(index, listCell(list, index), next, exit);
  if (!b.GetInsertBlock()->getTerminator()) b.CreateBr(next);
  b.SetInsertPoint(next);
  Value* following = b.CreateAdd(index, constant(1));
  index->addIncoming(following, next);
  b.CreateBr(head);
  b.SetInsertPoint(exit);
}

CV FunctionEmitter::constantNode(const ir::Node& n) {
  if (n.isNull) return missing();
  if (n.type.isText()) {
    Value* texts = contextField(kContextTexts);
    Value* at = b.CreateConstInBoundsGEP1_64(m.i64, texts, m.textIndex(n.text));
    return present(loadInvariant(m.i64, at));
  }
  return present(constant(n.imm));
}

CV FunctionEmitter::field(const ir::Node& n) {
  CV row = emit(*n.args[0]);
  if (n.type.kind() == Kind::List) {
    Value* rowOrNone = b.CreateSelect(row.p, row.v, constant(-1));
    // A missing list cell is missing (`is null` holds) and, where its items are read, empty.
    Value* list = call(Helper::fg_field_list, {runtime(), constant(n.table), constant(n.column), rowOrNone});
    Value* isNull = b.CreateICmpEQ(list, llvm::ConstantPointerNull::get(m.ptr));
    CV items = branch(
        isNull, [&]() { return present(emptyList()); }, [&]() { return present(b.CreatePtrToInt(list, m.i64)); });
    return {items.v, b.CreateNot(isNull)};
  }
  return branch(
      row.p,
      [&]() {
        Value* tables = contextField(kContextTables);
        Value* table = loadInvariant(m.ptr, b.CreateConstInBoundsGEP1_64(m.ptr, tables, n.table));
        Value* column = b.CreateConstInBoundsGEP1_64(m.column, table, n.column);
        Value* values = loadInvariant(m.ptr, b.CreateStructGEP(m.column, column, kColumnValues));
        Value* presence = loadInvariant(m.ptr, b.CreateStructGEP(m.column, column, kColumnPresent));
        Value* has = loadInvariant(m.i8, b.CreateInBoundsGEP(m.i8, presence, {row.v}));
        Value* v = loadInvariant(m.i64, b.CreateInBoundsGEP(m.i64, values, {row.v}));
        return CV{v, b.CreateICmpNE(has, llvm::ConstantInt::get(m.i8, 0))};
      },
      [&]() { return missing(); });
}

// A link is one load from a join index (jit_abi.h): the row it names, or -1; a link to many rows
// one load from a list join index.
CV FunctionEmitter::link(const ir::Node& n) {
  CV row = emit(*n.args[0]);
  if (n.op == Op::LinkMany) {
    size_t slot = m.manyLinkIndex(n.args[0]->type.table(), n.index);
    return branch(
        row.p,
        [&]() {
          Value* lists =
              loadInvariant(m.ptr, b.CreateConstInBoundsGEP1_64(m.ptr, contextField(kContextManyLinks), slot));
          return present(b.CreatePtrToInt(b.CreateInBoundsGEP(m.list, lists, {row.v}), m.i64));
        },
        [&]() { return present(emptyList()); });
  }
  // One load from the join index (jit_abi.h).
  size_t slot = m.linkIndex(n.args[0]->type.table(), n.index);
  return branch(
      row.p,
      [&]() {
        Value* links = contextField(kContextLinks);
        Value* column = loadInvariant(m.ptr, b.CreateConstInBoundsGEP1_64(m.ptr, links, slot));
        Value* found = b.CreateSExt(loadInvariant(m.i32, b.CreateInBoundsGEP(m.i32, column, {row.v})), m.i64);
        return CV{found, b.CreateICmpSGE(found, constant(0))};
      },
      [&]() { return missing(); });
}

// The key values of a look-up (Lookup, RowsWhere) in a stack array of Cells, as the helpers take
// them (they answer "none" when one is missing).
Value* FunctionEmitter::lookupKeys(const ir::Node& n) {
  std::vector<CV> keys;
  for (const ir::Node* a : n.args) keys.push_back(emit(*a));
  llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
  Value* cells = entry.CreateAlloca(m.cell, constant(static_cast<int64_t>(std::max<size_t>(1, keys.size()))));
  for (size_t k = 0; k < keys.size(); ++k) storeCell(b.CreateConstInBoundsGEP1_64(m.cell, cells, k), keys[k]);
  return cells;
}

CV FunctionEmitter::lookup(const ir::Node& n) {
  Value* cells = lookupKeys(n);
  Value* id = constant(static_cast<int64_t>(m.lookupIndex(n.table, n.columns)));
  if (n.op == Op::RowsWhere)
    return present(b.CreatePtrToInt(call(Helper::fg_rows_where, {runtime(), id, cells}), m.i64));
  Value* found = call(Helper::fg_lookup, {runtime(), id, cells});
  return {found, b.CreateICmpSGE(found, constant(0))};
}

CV FunctionEmitter::arithmetic(const ir::Node& n) {
  CV a = emit(*n.args[0]);
  Kind to = n.type.kind(), ka = n.args[0]->type.kind();
  int64_t st = scaleOf(to), sa = scaleOf(ka);
  if (n.op == Op::Convert) {
    if (st % sa == 0) return {b.CreateMul(a.v, constant(st / sa)), a.p};
    return {call(Helper::fg_div_round, {a.v, constant(st), constant(sa), constant(1)}), a.p};
  }
  if (n.op == Op::Neg) return {b.CreateNeg(a.v), a.p};
  // The interpreter returns before evaluating the right operand when the left is missing.
  return branch(
      a.p,
      [&]() {
        CV c = emit(*n.args[1]);
        int64_t sb = scaleOf(n.args[1]->type.kind());
        switch (n.op) {
          case Op::Add:
            return CV{b.CreateAdd(a.v, c.v), c.p};
          case Op::Sub:
            return CV{b.CreateSub(a.v, c.v), c.p};
          case Op::Mul: {
            if (st % (sa * sb) == 0) return CV{b.CreateMul(b.CreateMul(a.v, c.v), constant(st / (sa * sb))), c.p};
            return CV{call(Helper::fg_mul_div, {a.v, c.v, constant(st), constant(sa * sb)}), c.p};
          }
          case Op::Div: {
            Value* zero = b.CreateICmpEQ(c.v, constant(0));
            Value* divisor = b.CreateSelect(zero, constant(1), c.v);
            Value* q = call(Helper::fg_div_round, {a.v, constant(sb * st), constant(sa), divisor});
            return CV{q, b.CreateAnd(c.p, b.CreateNot(zero))};
          }
          default:
            throw std::logic_error("not an arithmetic node");
        }
      },
      [&]() { return missing(); });
}

Value* FunctionEmitter::textCompare(Value* a, Value* c) {
  return call(Helper::fg_text_compare, {runtime(), a, c});
}

// a < b (i1), both present.
Value* FunctionEmitter::less(Value* a, Value* c, const ir::Type& type) {
  if (type.isText()) return b.CreateICmpSLT(textCompare(a, c), constant(0));
  return b.CreateICmpSLT(a, c);
}

CV FunctionEmitter::compare(const ir::Node& n) {
  CV a = emit(*n.args[0]);
  CV c = emit(*n.args[1]);
  Value* both = b.CreateAnd(a.p, c.p);
  const ir::Type& type = n.args[0]->type;
  // Equal text has equal ids (one pool, see interp/text_table.h): only order needs the bytes.
  if (n.op == Op::Eq) return {b.CreateZExt(b.CreateICmpEQ(a.v, c.v), m.i64), both};
  if (n.op == Op::Ne) return {b.CreateZExt(b.CreateICmpNE(a.v, c.v), m.i64), both};
  auto ordered = [&]() {
    Value* order;  // -1, 0, 1
    if (type.isText()) {
      order = b.CreateSelect(b.CreateICmpEQ(a.v, c.v), constant(0), textCompare(a.v, c.v));
    } else {
      order = b.CreateSelect(b.CreateICmpSLT(a.v, c.v), constant(-1), b.CreateZExt(b.CreateICmpSGT(a.v, c.v), m.i64));
    }
    Value* bit = nullptr;
    switch (n.op) {
      case Op::Lt:
        bit = b.CreateICmpSLT(order, constant(0));
        break;
      case Op::Le:
        bit = b.CreateICmpSLE(order, constant(0));
        break;
      case Op::Gt:
        bit = b.CreateICmpSGT(order, constant(0));
        break;
      default:
        bit = b.CreateICmpSGE(order, constant(0));
        break;
    }
    return boolean(bit);
  };
  if (!type.isText()) {
    CV r = ordered();
    return {r.v, both};
  }
  return branch(both, ordered, [&]() { return missing(); });
}

CV FunctionEmitter::logic(const ir::Node& n) {
  CV a = emit(*n.args[0]);
  if (n.op == Op::Not) return {b.CreateZExt(b.CreateICmpEQ(a.v, constant(0)), m.i64), a.p};
  bool isAnd = n.op == Op::And;
  // And: false as soon as one side is false; Or: true as soon as one side is true.
  Value* decided = isAnd ? b.CreateAnd(a.p, b.CreateICmpEQ(a.v, constant(0))) : isTrue(a);
  return branch(
      decided, [&]() { return present(constant(isAnd ? 0 : 1)); },
      [&]() {
        CV c = emit(*n.args[1]);
        Value* cDecided = isAnd ? b.CreateAnd(c.p, b.CreateICmpEQ(c.v, constant(0))) : isTrue(c);
        Value* both = b.CreateAnd(a.p, c.p);
        Value* p = b.CreateOr(cDecided, both);
        Value* v = constant(isAnd ? 1 : 0);
        v = b.CreateSelect(cDecided, constant(isAnd ? 0 : 1), v);
        return CV{v, p};
      });
}

CV FunctionEmitter::conditional(const ir::Node& n) {
  if (n.op == Op::Coalesce) {
    CV a = emit(*n.args[0]);
    return branch(
        a.p, [&]() { return a; }, [&]() { return emit(*n.args[1]); });
  }
  CV c = emit(*n.args[0]);
  bool list = n.type.kind() == Kind::List;
  return branch(
      c.p,
      [&]() {
        return branch(
            b.CreateICmpNE(c.v, constant(0)), [&]() { return emit(*n.args[1]); }, [&]() { return emit(*n.args[2]); });
      },
      [&]() { return list ? present(emptyList()) : missing(); });
}

CV FunctionEmitter::ordered(const ir::Node& n) {
  if (!loopList || n.index != rule_.forEachSlot) return missing();
  Value* size = listSize(loopList);
  if (n.fn == ir::Fn::Previous) {
    Value* has = b.CreateICmpSGT(loopIndex, constant(0));
    return branch(
        has, [&]() { return loadCell(listCell(loopList, b.CreateSub(loopIndex, constant(1)))); },
        [&]() { return missing(); });
  }
  Value* has = b.CreateICmpSLT(b.CreateAdd(loopIndex, constant(1)), size);
  return branch(
      has, [&]() { return loadCell(listCell(loopList, b.CreateAdd(loopIndex, constant(1)))); },
      [&]() { return missing(); });
}

CV FunctionEmitter::peer(const ir::Node& n) {
  // Peer statistics read other subjects' frames: the runtime computes them (runtime/jit).
  size_t id = m.out.peers.size();
  PeerSite site;
  site.rule = ruleIndex_;
  site.node = &n;
  site.loopLetsDone = loopLetsDone;
  site.inLoop = loopList != nullptr;
  m.out.peers.push_back(site);
  llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
  Value* flag = entry.CreateAlloca(m.i64);
  Value* v = call(Helper::fg_peer, {runtime(), constant(static_cast<int64_t>(id)), frame_, flag});
  return {v, b.CreateICmpNE(b.CreateLoad(m.i64, flag), constant(0))};
}

CV FunctionEmitter::emit(const ir::Node& n) {
  switch (n.op) {
    case Op::Const:
      return constantNode(n);
    case Op::Param: {
      Value* params = contextField(kContextParams);
      size_t at = m.out.paramOffsets[ruleIndex_] + n.index;
      Value* cell = b.CreateConstInBoundsGEP1_64(m.cell, params, at);
      Value* v = loadInvariant(m.i64, b.CreateStructGEP(m.cell, cell, kCellValue));
      Value* p = loadInvariant(m.i64, b.CreateStructGEP(m.cell, cell, kCellPresent));
      return {v, b.CreateICmpNE(p, constant(0))};
    }
    case Op::Local:
      return loadSlot(n.index);
    case Op::Bind:
      storeSlot(n.index, emit(*n.args[0]));
      return emit(*n.args[1]);
    case Op::Field:
      return field(n);
    case Op::Link:
    case Op::LinkMany:
      return link(n);
    case Op::Lookup:
    case Op::RowsWhere:
      return lookup(n);
    case Op::Convert:
    case Op::Neg:
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return arithmetic(n);
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return compare(n);
    case Op::IsNull: {
      CV a = emit(*n.args[0]);
      return boolean(b.CreateNot(a.p));
    }
    case Op::Not:
    case Op::And:
    case Op::Or:
      return logic(n);
    case Op::If:
    case Op::Coalesce:
      return conditional(n);
    case Op::In:
      return membership(n);
    case Op::StartsWith:
      return startsWith(n);
    case Op::Call:
      return call(n);
    case Op::MakeList:
      return makeList(n);
    case Op::Concat: {
      CV a = emit(*n.args[0]);
      CV c = emit(*n.args[1]);
      return present(b.CreatePtrToInt(call(Helper::fg_list_concat, {runtime(), listPtr(a.v), listPtr(c.v)}), m.i64));
    }
    case Op::Aggregate:
      return aggregate(n);
    case Op::GroupKey: {
      CV g = emit(*n.args[0]);
      return branch(
          g.p,
          [&]() {
            Value* keys = b.CreateLoad(m.ptr, b.CreateStructGEP(m.group, listPtr(g.v), kGroupKeys));
            return loadCell(b.CreateConstInBoundsGEP1_64(m.cell, keys, n.index));
          },
          [&]() { return missing(); });
    }
    case Op::GroupRows: {
      CV g = emit(*n.args[0]);
      return branch(
          g.p,
          [&]() {
            Value* elements = b.CreateLoad(m.ptr, b.CreateStructGEP(m.group, listPtr(g.v), kGroupElements));
            return present(b.CreatePtrToInt(elements, m.i64));
          },
          [&]() { return present(emptyList()); });
    }
    case Op::Ordered:
      return ordered(n);
    case Op::Peer:
      return peer(n);
  }
  throw std::logic_error("the code generator met an IR node it does not know");
}

}  // namespace fundguard::codegen
