// See function_emitter.h. Membership, text prefixes, built-in functions, lists and aggregates:
// the same passes, filters and results as runtime/interp/evaluator_aggregate.cpp.
#include <stdexcept>

#include "codegen/function_emitter.h"

namespace fundguard::codegen {

using ir::Fn;
using ir::Kind;
using ir::Op;
using llvm::Value;

Value* FunctionEmitter::anyItem(Value* list, const std::function<Value*(CV item)>& test) {
  Value* found = variable(0);
  loop(list, [&](Value*, Value* cell, llvm::BasicBlock*, llvm::BasicBlock* exit) {
    Value* holds = test(loadCell(cell));
    llvm::BasicBlock* hit = block("found");
    llvm::BasicBlock* go = block("go");
    b.CreateCondBr(holds, hit, go);
    b.SetInsertPoint(hit);
    b.CreateStore(constant(1), found);
    b.CreateBr(exit);
    b.SetInsertPoint(go);
  });
  return b.CreateLoad(m.i64, found);
}

CV FunctionEmitter::makeList(const ir::Node& n) {
  std::vector<CV> items;
  for (const ir::Node* a : n.args) items.push_back(emit(*a));
  Value* list = call(Helper::fg_list_new, {runtime(), constant(static_cast<int64_t>(items.size()))});
  for (const CV& item : items) call(Helper::fg_list_push, {runtime(), list, item.v, b.CreateZExt(item.p, m.i64)});
  return present(b.CreatePtrToInt(list, m.i64));
}

// x in list: a list written out in the rule is compared element by element without building it.
CV FunctionEmitter::membership(const ir::Node& n) {
  CV v = emit(*n.args[0]);
  const ir::Node& source = *n.args[1];
  if (source.op == Op::MakeList) {
    std::vector<CV> items;
    for (const ir::Node* a : source.args) items.push_back(emit(*a));
    Value* found = truth(false);
    for (const CV& item : items) found = b.CreateOr(found, b.CreateAnd(item.p, b.CreateICmpEQ(item.v, v.v)));
    return {b.CreateZExt(found, m.i64), v.p};
  }
  CV list = emit(source);
  return branch(
      v.p,
      [&]() {
        return present(
            anyItem(listPtr(list.v), [&](CV item) { return b.CreateAnd(item.p, b.CreateICmpEQ(item.v, v.v)); }));
      },
      [&]() { return missing(); });
}

CV FunctionEmitter::startsWith(const ir::Node& n) {
  CV v = emit(*n.args[0]);
  const ir::Node& prefixes = *n.args[1];
  bool isList = prefixes.type.kind() == Kind::List;
  if (isList && prefixes.op == Op::MakeList) {
    std::vector<CV> items;
    for (const ir::Node* a : prefixes.args) items.push_back(emit(*a));
    return branch(
        v.p,
        [&]() {
          Value* found = truth(false);
          for (const CV& item : items) {
            CV one = branch(
                b.CreateAnd(item.p, b.CreateNot(found)),
                [&]() {
                  return present(call(Helper::fg_starts_with, {runtime(), v.v, item.v}));
                },
                [&]() { return present(constant(0)); });
            found = b.CreateOr(found, b.CreateICmpNE(one.v, constant(0)));
          }
          return boolean(found);
        },
        [&]() { return missing(); });
  }
  CV p = emit(prefixes);
  if (!isList)
    return branch(
        b.CreateAnd(v.p, p.p),
        [&]() {
          return present(call(Helper::fg_starts_with, {runtime(), v.v, p.v}));
        },
        [&]() { return missing(); });
  return branch(
      v.p,
      [&]() {
        return present(anyItem(listPtr(p.v), [&](CV item) {
          CV one = branch(
              item.p,
              [&]() {
                return present(call(Helper::fg_starts_with, {runtime(), v.v, item.v}));
              },
              [&]() { return present(constant(0)); });
          return b.CreateICmpNE(one.v, constant(0));
        }));
      },
      [&]() { return missing(); });
}

CV FunctionEmitter::call(const ir::Node& n) {
  std::vector<CV> args;
  for (const ir::Node* a : n.args) args.push_back(emit(*a));
  auto kindOf = [&](size_t i) { return n.args[i]->type.kind(); };
  bool listArg = !n.args.empty() && kindOf(0) == Kind::List;
  if (n.fn == Fn::Contains) {
    if (listArg) {
      return branch(
          args[1].p,
          [&]() {
            return present(anyItem(listPtr(args[0].v),
                                   [&](CV item) { return b.CreateAnd(item.p, b.CreateICmpEQ(item.v, args[1].v)); }));
          },
          [&]() { return missing(); });
    }
    return branch(
        b.CreateAnd(args[0].p, args[1].p),
        [&]() {
          return present(call(Helper::fg_text_contains, {runtime(), args[0].v, args[1].v}));
        },
        [&]() { return missing(); });
  }
  if (n.fn == Fn::Len && listArg) return present(listSize(listPtr(args[0].v)));
  // Every other function is missing when an argument is.
  Value* all = truth(true);
  for (const CV& a : args) all = b.CreateAnd(all, a.p);
  auto day = [&](size_t i) -> Value* {
    if (kindOf(i) != Kind::DateTime) return args[i].v;
    Value* v = args[i].v;
    Value* adjusted = b.CreateSelect(b.CreateICmpSGE(v, constant(0)), v, b.CreateSub(v, constant(86399)));
    return b.CreateSDiv(adjusted, constant(86400));
  };
  auto compute = [&]() -> CV {
    switch (n.fn) {
      case Fn::Prefix:
        return present(call(Helper::fg_prefix, {runtime(), args[0].v, args[1].v}));
      case Fn::DateOf:
        return present(day(0));
      case Fn::Month:
        return present(call(Helper::fg_month, {runtime(), day(0)}));
      case Fn::Year:
        return present(call(Helper::fg_year, {day(0)}));
      case Fn::Days:
        return present(b.CreateSub(args[1].v, args[0].v));
      case Fn::AgeAt:
        return present(call(Helper::fg_age_at, {args[0].v, args[1].v}));
      case Fn::Abs: {
        Value* v = args[0].v;
        return present(b.CreateSelect(b.CreateICmpSLT(v, constant(0)), b.CreateNeg(v), v));
      }
      case Fn::Round: {
        Kind k = kindOf(0);
        int64_t digits = k == Kind::Money ? 2 : k == Kind::Dec ? 4 : 0;
        return present(call(Helper::fg_round, {args[0].v, constant(digits), args[1].v}));
      }
      case Fn::Len:
        return present(call(Helper::fg_text_length, {runtime(), args[0].v}));
      case Fn::IntOf: {
        llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
        Value* flag = entry.CreateAlloca(m.i64);
        Value* v = call(Helper::fg_int_of, {runtime(), args[0].v, flag});
        return {v, b.CreateICmpNE(b.CreateLoad(m.i64, flag), constant(0))};
      }
      case Fn::Label:
        return present(call(Helper::fg_label, {runtime(), constant(n.index), args[0].v}));
      case Fn::Min:
      case Fn::Max: {
        // min: the first when first <= second; max: the first when first > second.
        Value* firstFirst = n.fn == Fn::Min ? b.CreateNot(less(args[1].v, args[0].v, n.args[0]->type))
                                            : less(args[1].v, args[0].v, n.args[0]->type);
        return present(b.CreateSelect(firstFirst, args[0].v, args[1].v));
      }
      default:
        throw std::logic_error("the code generator met a function it does not know");
    }
  };
  return branch(all, compute, [&]() { return missing(); });
}

// exists(...) and count(...) of the rows of a look-up or a link: counted by the index, no list made.
CV FunctionEmitter::countRows(const ir::Node& n) {
  const ir::Node& source = *n.args[0];
  Value* count = nullptr;
  if (source.op == Op::RowsWhere) {
    Value* cells = lookupKeys(source);
    Value* id = constant(static_cast<int64_t>(m.lookupIndex(source.table, source.columns)));
    count = call(Helper::fg_rows_count, {runtime(), id, cells});
  } else {
    CV row = emit(*source.args[0]);
    Value* rowOrNone = b.CreateSelect(row.p, row.v, constant(-1));
    count = call(Helper::fg_link_count,
                 {runtime(), constant(source.args[0]->type.table()), constant(source.index), rowOrNone});
  }
  if (n.fn == Fn::Exists) return boolean(b.CreateICmpSGT(count, constant(0)));
  return present(count);
}

CV FunctionEmitter::aggregate(const ir::Node& n) {
  const ir::Node& sourceNode = *n.args[0];
  bool counts = (n.fn == Fn::Exists || (n.fn == Fn::Count && !n.args[1])) && !n.args[2];
  if (counts && (sourceNode.op == Op::RowsWhere || sourceNode.op == Op::LinkMany)) return countRows(n);
  CV source = emit(*n.args[0]);
  const ir::Node* valueNode = n.args[1];
  const ir::Node* filter = n.args[2];
  Fn fn = n.fn;
  Value* total = variable(0);
  Value* kept = variable(0);
  Value* counted = variable(0);  // values present
  Value* sum = variable(0);
  Value* found = variable(0);  // min, max, first, last, exists: one is there; all: a false one
  Value* best = variable(0);
  Value* bestPresent = variable(0);
  Value* out = nullptr;  // filter, flatten: the list made; statistics and distinct: the values
  bool collects = fn == Fn::Filter || fn == Fn::Flatten || fn == Fn::Avg || fn == Fn::Median || fn == Fn::Stddev ||
                  fn == Fn::Distinct;
  if (collects) out = call(Helper::fg_list_new, {runtime(), constant(0)});
  Value* builder = nullptr;
  Value* keys = nullptr;
  size_t keyCount = n.args.size() > 3 ? n.args.size() - 3 : 0;
  if (fn == Fn::Groups) {
    builder = call(Helper::fg_groups_new, {runtime(), constant(static_cast<int64_t>(keyCount))});
    llvm::IRBuilder<> entry(&function_->getEntryBlock(), function_->getEntryBlock().begin());
    keys = entry.CreateAlloca(m.cell, constant(static_cast<int64_t>(std::max<size_t>(1, keyCount))));
  }
  CV saved = loadSlot(n.index);
  auto increment = [&](Value* var, Value* by) { b.CreateStore(b.CreateAdd(b.CreateLoad(m.i64, var), by), var); };

  loop(listPtr(source.v), [&](Value*, Value* cell, llvm::BasicBlock* next, llvm::BasicBlock* exit) {
    increment(total, constant(1));
    CV element = loadCell(cell);
    storeSlot(n.index, element);
    if (filter) {
      CV f = emit(*filter);
      llvm::BasicBlock* pass = block("kept");
      llvm::BasicBlock* fail = block("dropped");
      b.CreateCondBr(isTrue(f), pass, fail);
      b.SetInsertPoint(fail);
      if (fn == Fn::All) {  // every element must be TRUE: an unknown one makes it false
        b.CreateStore(constant(1), found);
        b.CreateBr(exit);
      } else {
        b.CreateBr(next);
      }
      b.SetInsertPoint(pass);
    }
    increment(kept, constant(1));
    CV value = element;
    if (valueNode && fn != Fn::Groups) value = emit(*valueNode);
    Value* valuePresent = b.CreateZExt(value.p, m.i64);
    switch (fn) {
      case Fn::Count:
        increment(counted, valuePresent);
        break;
      case Fn::Sum:
        increment(sum, b.CreateSelect(value.p, value.v, constant(0)));
        break;
      case Fn::Min:
      case Fn::Max: {
        llvm::BasicBlock* has = block("value");
        b.CreateCondBr(value.p, has, next);
        b.SetInsertPoint(has);
        Value* any = b.CreateICmpNE(b.CreateLoad(m.i64, found), constant(0));
        CV take = branch(
            any,
            [&]() {
              Value* current = b.CreateLoad(m.i64, best);
              const ir::Type& type = valueNode->type;
              return boolean(fn == Fn::Min ? less(value.v, current, type) : less(current, value.v, type));
            },
            [&]() { return present(constant(1)); });
        b.CreateStore(b.CreateSelect(b.CreateICmpNE(take.v, constant(0)), value.v, b.CreateLoad(m.i64, best)), best);
        b.CreateStore(constant(1), found);
        break;
      }
      case Fn::First: {
        Value* any = b.CreateICmpNE(b.CreateLoad(m.i64, found), constant(0));
        b.CreateStore(b.CreateSelect(any, b.CreateLoad(m.i64, best), value.v), best);
        b.CreateStore(b.CreateSelect(any, b.CreateLoad(m.i64, bestPresent), valuePresent), bestPresent);
        b.CreateStore(constant(1), found);
        break;
      }
      case Fn::Last:
        b.CreateStore(value.v, best);
        b.CreateStore(valuePresent, bestPresent);
        b.CreateStore(constant(1), found);
        break;
      case Fn::Exists:
        b.CreateStore(constant(1), found);
        b.CreateBr(exit);
        break;
      case Fn::Filter:
        call(Helper::fg_list_push, {runtime(), out, element.v, b.CreateZExt(element.p, m.i64)});
        break;
      case Fn::Flatten:
        call(Helper::fg_list_extend, {runtime(), out, listPtr(value.v)});
        break;
      case Fn::Avg:
      case Fn::Median:
      case Fn::Stddev:
      case Fn::Distinct: {
        llvm::BasicBlock* has = block("value");
        b.CreateCondBr(value.p, has, next);
        b.SetInsertPoint(has);
        call(Helper::fg_list_push, {runtime(), out, value.v, constant(1)});
        break;
      }
      case Fn::Groups:
        for (size_t k = 0; k < keyCount; ++k)
          storeCell(b.CreateConstInBoundsGEP1_64(m.cell, keys, k), emit(*n.args[3 + k]));
        call(Helper::fg_groups_add, {runtime(), builder, keys, element.v, b.CreateZExt(element.p, m.i64)});
        break;
      case Fn::Share:
      case Fn::All:
        break;
      default:
        throw std::logic_error("the code generator met an aggregate it does not know");
    }
  });
  storeSlot(n.index, saved);

  auto load = [&](Value* var) { return b.CreateLoad(m.i64, var); };
  Value* any = b.CreateICmpNE(load(found), constant(0));
  switch (fn) {
    case Fn::Count:
      return present(load(valueNode ? counted : kept));
    case Fn::Exists:
      return present(load(found));
    case Fn::All:
      return boolean(b.CreateNot(any));
    case Fn::Share: {
      Value* t = load(total);
      return {call(Helper::fg_share, {load(kept), t}), b.CreateICmpNE(t, constant(0))};
    }
    case Fn::Filter:
    case Fn::Flatten:
      return present(b.CreatePtrToInt(out, m.i64));
    case Fn::First:
    case Fn::Last:
      return {load(best), b.CreateAnd(any, b.CreateICmpNE(load(bestPresent), constant(0)))};
    case Fn::Sum:
      return present(load(sum));
    case Fn::Distinct:
      return present(call(Helper::fg_distinct, {runtime(), out}));
    case Fn::Min:
    case Fn::Max:
      return {load(best), any};
    case Fn::Avg:
    case Fn::Median:
    case Fn::Stddev: {
      Value* flag = variable(0);
      Kind from = valueNode ? valueNode->type.kind() : Kind::Int;
      Value* v = call(Helper::fg_statistic,
                      {runtime(), out, constant(static_cast<int64_t>(fn)), constant(static_cast<int64_t>(from)),
                       constant(static_cast<int64_t>(n.type.kind())), flag});
      return {v, b.CreateICmpNE(load(flag), constant(0))};
    }
    case Fn::Groups:
      return present(b.CreatePtrToInt(call(Helper::fg_groups_finish, {runtime(), builder}), m.i64));
    default:
      break;
  }
  throw std::logic_error("the code generator met an aggregate it does not know");
}

}  // namespace fundguard::codegen
