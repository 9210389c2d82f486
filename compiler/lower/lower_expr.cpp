// Lowering expressions: names to slots and parameters, members to fields and links, calls to
// built-ins, look-ups, aggregates and inlined defines; operands converted explicitly (int to dec)
// so that every IR operation sees the types it computes with.
#include <fmt/format.h>

#include <stdexcept>

#include "data/scalar_values.h"
#include "lower/lowering.h"
#include "sema/builtins.h"

namespace fundguard {

using namespace ast;

const Type& Lowering::checkedType(const Expr& e) const {
  return module_->exprTypes.at(e.id);
}

const Resolution& Lowering::resolution(const Expr& e) const {
  static const Resolution none;
  return e.id < module_->resolutions.size() ? module_->resolutions[e.id] : none;
}

const Lowering::Name* Lowering::find(const std::string& wanted) const {
  for (auto it = names_.rbegin(); it != names_.rend(); ++it)
    if (it->name == wanted) return &*it;
  return nullptr;
}

ir::Node* Lowering::node(ir::Op op, ir::Type t, const Expr& at, std::vector<ir::Node*> args) {
  ir::Node* n = rule_->make(op, std::move(t), range(at.span));
  n->args = std::move(args);
  return n;
}

ir::Node* Lowering::local(uint32_t slot, ir::SourceRange span) {
  ir::Node* n = rule_->make(ir::Op::Local, rule_->slots[slot].type, span);
  n->index = slot;
  return n;
}

ir::Node* Lowering::notOf(ir::Node* n) {
  ir::Node* out = rule_->make(ir::Op::Not, ir::Type::scalar(ir::Kind::Bool, n->type.nullable()), n->span);
  out->args = {n};
  return out;
}

ir::Node* Lowering::convert(ir::Node* n, const ir::Type& want) {
  const ir::Type& have = n->type;
  if (n->op == ir::Op::Const && n->isNull) {  // a `null` literal takes the type of where it stands
    n->type = want.withNullable(true);
    return n;
  }
  if (have.kind() == want.kind()) {
    if (have.kind() == ir::Kind::List && n->op == ir::Op::MakeList && want.element().kind() != have.element().kind()) {
      for (ir::Node*& item : n->args) item = convert(item, want.element());
      n->type = want;
    }
    return n;
  }
  bool widen = (have.kind() == ir::Kind::Int && (want.kind() == ir::Kind::Dec || want.kind() == ir::Kind::Money)) ||
               (have.kind() == ir::Kind::Dec && want.kind() == ir::Kind::Money);
  if (!widen) return n;  // the operation itself takes mixed operands (money * dec, date + int)
  ir::Node* c = rule_->make(ir::Op::Convert, ir::Type::scalar(want.kind(), have.nullable()), n->span);
  c->args = {n};
  return c;
}

ir::Node* Lowering::exprAs(const Expr& e, const ir::Type& want) {
  return convert(expr(e), want);
}

ir::Node* Lowering::expr(const Expr& e) {
  const Type& t = checkedType(e);
  switch (e.kind) {
    case ExprKind::Literal:
      return literal(static_cast<const LiteralExpr&>(e), t);
    case ExprKind::Name:
      return name(static_cast<const NameExpr&>(e));
    case ExprKind::Member:
      return member(static_cast<const MemberExpr&>(e));
    case ExprKind::Call:
      return call(static_cast<const CallExpr&>(e));
    case ExprKind::Aggregate:
      return aggregate(static_cast<const AggregateExpr&>(e));
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      if (u.op == UnaryOp::Not) return node(ir::Op::Not, type(t), e, {expr(*u.operand)});
      return node(ir::Op::Neg, type(t), e, {exprAs(*u.operand, type(t))});
    }
    case ExprKind::Binary:
      return binary(static_cast<const BinaryExpr&>(e));
    case ExprKind::Compare: {
      const auto& c = static_cast<const CompareExpr&>(e);
      static const ir::Op ops[] = {ir::Op::Eq, ir::Op::Ne, ir::Op::Lt, ir::Op::Le, ir::Op::Gt, ir::Op::Ge};
      return compare(ops[static_cast<int>(c.op)], *c.lhs, *c.rhs, range(e.span));
    }
    case ExprKind::IsNull: {
      const auto& n = static_cast<const IsNullExpr&>(e);
      ir::Node* is = node(ir::Op::IsNull, ir::Type::scalar(ir::Kind::Bool), e, {expr(*n.operand)});
      return n.negated ? notOf(is) : is;
    }
    case ExprKind::In: {
      const auto& in = static_cast<const InExpr&>(e);
      ir::Node* set = expr(*in.set);
      ir::Node* value = expr(*in.value);
      if (value->type.kind() == ir::Kind::Int && set->type.element().kind() == ir::Kind::Dec)
        value = convert(value, set->type.element());
      else if (value->type.kind() == ir::Kind::Dec && set->type.element().kind() == ir::Kind::Int)
        set = convert(set, ir::Type::list(value->type));
      ir::Node* n = node(ir::Op::In, ir::Type::scalar(ir::Kind::Bool, value->type.nullable()), e, {value, set});
      return in.negated ? notOf(n) : n;
    }
    case ExprKind::Between: {
      // x between a and b  =>  bind %t = x in (%t >= a and %t <= b): x is computed once.
      const auto& b = static_cast<const BetweenExpr&>(e);
      ir::Node* value = expr(*b.value);
      auto temp = static_cast<uint32_t>(rule_->slots.size());
      rule_->slots.push_back({"between", value->type});
      ir::SourceRange at = range(e.span);
      auto side = [&](ir::Op op, const Expr& bound) {
        ir::Node* x = local(temp, at);
        ir::Node* y = expr(bound);
        if (x->type.kind() == ir::Kind::Int && y->type.kind() == ir::Kind::Dec) x = convert(x, y->type);
        if (y->type.kind() == ir::Kind::Int && x->type.kind() == ir::Kind::Dec) y = convert(y, x->type);
        ir::Node* c = rule_->make(op, ir::Type::scalar(ir::Kind::Bool, x->type.nullable() || y->type.nullable()), at);
        c->args = {x, y};
        return c;
      };
      ir::Node* ge = side(ir::Op::Ge, *b.low);
      ir::Node* le = side(ir::Op::Le, *b.high);
      ir::Node* both =
          rule_->make(ir::Op::And, ir::Type::scalar(ir::Kind::Bool, ge->type.nullable() || le->type.nullable()), at);
      both->args = {ge, le};
      ir::Node* bind = rule_->make(ir::Op::Bind, both->type, at);
      bind->index = temp;
      bind->args = {value, both};
      return b.negated ? notOf(bind) : bind;
    }
    case ExprKind::StartsWith: {
      const auto& s = static_cast<const StartsWithExpr&>(e);
      return node(ir::Op::StartsWith, type(t), e, {expr(*s.value), expr(*s.prefix)});
    }
    case ExprKind::If: {
      const auto& i = static_cast<const IfExpr&>(e);
      ir::Type want = type(t);
      return node(ir::Op::If, want, e, {expr(*i.condition), exprAs(*i.then, want), exprAs(*i.otherwise, want)});
    }
    case ExprKind::List: {
      const auto& l = static_cast<const ListExpr&>(e);
      ir::Type want = type(t);
      ir::Node* n = node(ir::Op::MakeList, want, e);
      for (const auto& item : l.items) n->args.push_back(exprAs(*item, want.element()));
      return n;
    }
    case ExprKind::Error:
      break;
  }
  throw std::logic_error("lowering met an expression the checker rejected");
}

ir::Node* Lowering::literal(const LiteralExpr& e, const Type& t) {
  ir::Node* n = node(ir::Op::Const, type(t), e);
  auto need = [&](auto parsed) {
    if (!parsed) throw std::logic_error("a literal the checker accepted does not parse: " + e.text);
    return static_cast<int64_t>(*parsed.value);
  };
  switch (e.literal) {
    case LiteralKind::Int:
    case LiteralKind::Dec:
      if (t.kind() == TypeKind::Money)
        n->imm = need(parseMoney(e.text));
      else if (t.kind() == TypeKind::Dec)
        n->imm = need(parseDec(e.text));
      else
        n->imm = need(parseInt(e.text));
      break;
    case LiteralKind::Percent:
      n->imm = need(parseDec(e.text)) / 100;
      break;
    case LiteralKind::String:
      n->text = e.text;
      break;
    case LiteralKind::Date:
      n->imm = need(parseDate(e.text));
      break;
    case LiteralKind::DateTime:
      n->imm = need(parseDateTime(e.text));
      break;
    case LiteralKind::Bool:
      n->imm = e.text == "true" ? 1 : 0;
      break;
    case LiteralKind::Null:
      n->isNull = true;
      break;
  }
  return n;
}

ir::Node* Lowering::name(const NameExpr& e) {
  const Resolution& r = resolution(e);
  if (r.kind == Resolution::Kind::List) {
    auto cached = lists_.find(r.list);
    if (cached != lists_.end()) return cached->second;
    const Module* saved = module_;
    module_ = r.list->module;
    ir::Node* value = exprAs(*r.list->decl->value, type(r.list->type));
    module_ = saved;
    lists_.emplace(r.list, value);
    return value;
  }
  const Name* n = find(e.name);
  if (!n) throw std::logic_error("lowering found no binding for `" + e.name + "`");
  if (n->param) {
    ir::Node* p = node(ir::Op::Param, rule_->params[n->index].type, e);
    p->index = n->index;
    return p;
  }
  return local(n->index, range(e.span));
}

ir::Node* Lowering::member(const MemberExpr& e) {
  const Resolution& r = resolution(e);
  ir::Node* object = expr(*e.object);
  ir::Type t = type(checkedType(e));
  switch (r.kind) {
    case Resolution::Kind::Column: {
      ir::Node* n = node(ir::Op::Field, t, e, {object});
      n->table = object->type.table();
      n->column = r.column->index;
      return n;
    }
    case Resolution::Kind::Link: {
      ir::Node* n = node(r.link->many ? ir::Op::LinkMany : ir::Op::Link, t, e, {object});
      n->table = tableIndex(r.link->target);
      n->index = linkIndex(object->type.table(), r.link->name);
      return n;
    }
    case Resolution::Kind::GroupKey: {
      ir::Node* n = node(ir::Op::GroupKey, t, e, {object});
      n->index = static_cast<uint32_t>(r.groupKey);
      return n;
    }
    case Resolution::Kind::GroupRows:
      return node(ir::Op::GroupRows, t, e, {object});
    default:
      break;
  }
  throw std::logic_error("lowering: member `" + e.member.name + "` resolved to nothing");
}

ir::Node* Lowering::binary(const BinaryExpr& e) {
  ir::Type t = type(checkedType(e));
  if (e.op == BinaryOp::And || e.op == BinaryOp::Or)
    return node(e.op == BinaryOp::And ? ir::Op::And : ir::Op::Or, t, e, {expr(*e.lhs), expr(*e.rhs)});
  ir::Node* l = expr(*e.lhs);
  ir::Node* r = expr(*e.rhs);
  static const ir::Op ops[] = {ir::Op::Add, ir::Op::Sub, ir::Op::Mul, ir::Op::Div};
  ir::Op op = ops[static_cast<int>(e.op)];
  if (t.kind() == ir::Kind::List) return node(ir::Op::Concat, t, e, {convert(l, t), convert(r, t)});
  // Same-kind arithmetic: both operands in the result's kind. Money scaled by a number, money
  // divided by money, and date arithmetic keep their operands as they are.
  bool moneyScaled = t.kind() == ir::Kind::Money && (op == ir::Op::Mul || op == ir::Op::Div) &&
                     (l->type.kind() != ir::Kind::Money || r->type.kind() != ir::Kind::Money);
  bool moneyRatio = op == ir::Op::Div && l->type.kind() == ir::Kind::Money && r->type.kind() == ir::Kind::Money;
  bool dates = l->type.kind() == ir::Kind::Date || r->type.kind() == ir::Kind::Date;
  if (!moneyScaled && !moneyRatio && !dates) {
    l = convert(l, t);
    r = convert(r, t);
  }
  return node(op, t, e, {l, r});
}

ir::Node* Lowering::compare(ir::Op op, const Expr& le, const Expr& re, ir::SourceRange span) {
  ir::Node* l = expr(le);
  ir::Node* r = expr(re);
  if (l->type.kind() != r->type.kind()) {  // int with dec: compare as dec; null: as the other side
    if (r->op == ir::Op::Const && r->isNull) r = convert(r, l->type);
    if (l->op == ir::Op::Const && l->isNull) l = convert(l, r->type);
    if (l->type.kind() == ir::Kind::Int && r->type.isNumber()) l = convert(l, r->type);
    if (r->type.kind() == ir::Kind::Int && l->type.isNumber()) r = convert(r, l->type);
    if (l->type.kind() == ir::Kind::Dec && r->type.kind() == ir::Kind::Money) l = convert(l, r->type);
    if (r->type.kind() == ir::Kind::Dec && l->type.kind() == ir::Kind::Money) r = convert(r, l->type);
  }
  ir::Node* n = rule_->make(op, ir::Type::scalar(ir::Kind::Bool, l->type.nullable() || r->type.nullable()), span);
  n->args = {l, r};
  return n;
}

ir::Node* Lowering::call(const CallExpr& e) {
  const Resolution& r = resolution(e);
  if (r.kind == Resolution::Kind::Define) return callDefine(e, *r.define);
  const BuiltinInfo* info = r.builtin ? r.builtin : findBuiltin(e.callee.name);
  if (!info) throw std::logic_error("lowering: call of unknown `" + e.callee.name + "`");
  ir::Fn fn = ir::fnNamed(info->name);
  ir::Type t = type(checkedType(e));
  switch (info->kind) {
    case BuiltinInfo::Kind::Table:
      return tableCall(e);
    case BuiltinInfo::Kind::Ordered: {
      const auto& arg = static_cast<const NameExpr&>(*e.args[0].value);
      const Name* n = find(arg.name);
      if (!n || n->param) throw std::logic_error("lowering: previous/next of a non-element");
      ir::Node* o = node(ir::Op::Ordered, t, e);
      o->fn = fn;
      o->index = n->index;
      return o;
    }
    case BuiltinInfo::Kind::Peer: {
      ir::Node* p = node(ir::Op::Peer, t, e, {expr(*e.args[0].value)});
      p->fn = fn;
      return p;
    }
    case BuiltinInfo::Kind::Aggregate:
      if ((fn == ir::Fn::Min || fn == ir::Fn::Max) && e.args.size() == 2) break;  // min(a, b): a scalar call
      return aggregateOverList(e, fn);
    case BuiltinInfo::Kind::Scalar:
      break;
  }
  if (std::string(info->name) == "coalesce")
    return node(ir::Op::Coalesce, t, e, {exprAs(*e.args[0].value, t), exprAs(*e.args[1].value, t)});
  ir::Node* c = node(ir::Op::Call, t, e);
  c->fn = fn;
  for (const auto& arg : e.args) c->args.push_back(expr(*arg.value));
  if (fn == ir::Fn::Min || fn == ir::Fn::Max || fn == ir::Fn::Abs || fn == ir::Fn::Round) {
    c->args[0] = convert(c->args[0], t);
    if (fn != ir::Fn::Round && c->args.size() > 1) c->args[1] = convert(c->args[1], t);
  }
  if (fn == ir::Fn::Label) {
    const Type& code = checkedType(*e.args[0].value);
    c->index = code.dict() ? dictIndex(code.dict()) : UINT32_MAX;
  }
  return c;
}

// A define's body inlined: each argument bound to a slot once, the body lowered in the define's
// own module with only its parameters in scope.
ir::Node* Lowering::callDefine(const CallExpr& e, const DefineInfo& define) {
  std::vector<std::pair<uint32_t, ir::Node*>> bound;
  for (size_t i = 0; i < define.params.size(); ++i) {
    ir::Node* arg = exprAs(*e.args[i].value, type(define.params[i].second));
    auto slot = static_cast<uint32_t>(rule_->slots.size());
    rule_->slots.push_back({define.name + "." + define.params[i].first, arg->type});
    bound.emplace_back(slot, arg);
  }
  std::vector<Name> saved = std::move(names_);
  const Module* savedModule = module_;
  names_.clear();
  for (size_t i = 0; i < define.params.size(); ++i) names_.push_back({define.params[i].first, false, bound[i].first});
  module_ = define.module;
  ir::Node* body = define.resultDeclared ? exprAs(*define.decl->body, type(define.result)) : expr(*define.decl->body);
  module_ = savedModule;
  names_ = std::move(saved);
  ir::Node* result = body;
  for (auto it = bound.rbegin(); it != bound.rend(); ++it) {
    ir::Node* b = node(ir::Op::Bind, body->type, e, {it->second, result});
    b->index = it->first;
    result = b;
  }
  return result;
}

// lookup(table, key: v, ...) and rows(table, column: v, ...): the table is the first argument.
ir::Node* Lowering::tableCall(const CallExpr& e) {
  const Resolution& tr = resolution(*e.args[0].value);
  if (!tr.table) throw std::logic_error("lowering: lookup/rows without a table");
  uint32_t table = tableIndex(tr.table);
  bool lookup = e.callee.name == "lookup";
  ir::Node* n = node(lookup ? ir::Op::Lookup : ir::Op::RowsWhere, type(checkedType(e)), e);
  n->table = table;
  const TableLayout& layout = set_.tables[table].layout;
  if (lookup) {
    // Arguments in the order of the key's columns, whatever order they were written in.
    for (uint32_t key : set_.tables[table].key) {
      for (size_t i = 1; i < e.args.size(); ++i)
        if (e.args[i].name && e.args[i].name->name == layout.columns[key].name) {
          n->args.push_back(expr(*e.args[i].value));
          n->columns.push_back(key);
        }
    }
  } else {
    for (size_t i = 1; i < e.args.size(); ++i) {
      n->args.push_back(expr(*e.args[i].value));
      n->columns.push_back(static_cast<uint32_t>(layout.columnIndex(e.args[i].name->name)));
    }
  }
  return n;
}

ir::Node* Lowering::aggregate(const AggregateExpr& e) {
  ir::Fn fn = ir::fnNamed(e.function.name);
  ir::Node* source = expr(*e.source);
  ir::Node* n = node(ir::Op::Aggregate, type(checkedType(e)), e, {source, nullptr, nullptr});
  n->fn = fn;
  n->index = newSlot(e.var.name, source->type.element());
  if (e.value) n->args[1] = expr(*e.value);
  if (e.filter) n->args[2] = expr(*e.filter);
  for (const GroupKey& key : e.keys) n->args.push_back(expr(*key.value));
  names_.pop_back();
  if (n->args[1] && (fn == ir::Fn::Sum || fn == ir::Fn::Avg || fn == ir::Fn::Median || fn == ir::Fn::Stddev) &&
      n->type.kind() != n->args[1]->type.kind() && n->args[1]->type.kind() == ir::Kind::Int)
    n->args[1] = convert(n->args[1], n->type);
  return n;
}

// count(setl.lines), sum(amounts): an aggregate whose element is its own value.
ir::Node* Lowering::aggregateOverList(const CallExpr& e, ir::Fn fn) {
  ir::Node* source = expr(*e.args[0].value);
  ir::Node* n = node(ir::Op::Aggregate, type(checkedType(e)), e, {source, nullptr, nullptr});
  n->fn = fn;
  n->index = static_cast<uint32_t>(rule_->slots.size());
  rule_->slots.push_back({"element", source->type.element()});
  if (fn != ir::Fn::Count && fn != ir::Fn::Exists) n->args[1] = local(n->index, range(e.span));
  if (n->args[1] && (fn == ir::Fn::Sum || fn == ir::Fn::Avg || fn == ir::Fn::Median || fn == ir::Fn::Stddev) &&
      n->args[1]->type.kind() == ir::Kind::Int && n->type.kind() != ir::Kind::Int)
    n->args[1] = convert(n->args[1], n->type);
  return n;
}

}  // namespace fundguard
