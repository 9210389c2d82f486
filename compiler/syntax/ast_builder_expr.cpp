// Parse tree -> AST for expressions: one method per precedence level of the grammar, and the
// calls that are aggregates over a comprehension. See ast_builder.h.
#include <fmt/format.h>

#include "sema/builtins.h"
#include "syntax/ast_builder.h"
#include "syntax/parser.h"

namespace fundguard {

using namespace ast;

// ---------------------------------------------------------------- expressions

ExprPtr AstBuilder::errorExpr(Span span) {
  return make<ErrorExpr>(ExprKind::Error, span);
}

ExprPtr AstBuilder::expr(P::ExprContext* ctx) {
  if (!ctx) return errorExpr({});
  if (auto* i = dynamic_cast<P::IfExprContext*>(ctx)) {
    auto e = make<IfExpr>(ExprKind::If, spanOf(ctx));
    auto parts = i->expr();
    e->condition = parts.size() > 0 ? expr(parts[0]) : errorExpr(e->span);
    e->then = parts.size() > 1 ? expr(parts[1]) : errorExpr(e->span);
    e->otherwise = parts.size() > 2 ? expr(parts[2]) : errorExpr(e->span);
    return e;
  }
  if (auto* p = dynamic_cast<P::PlainExprContext*>(ctx)) return orExpr(p->orExpr());
  return errorExpr(spanOf(ctx));
}

// Folds `a op b op c` into ((a op b) op c). `ops[i]` is the operator between parts i and i+1
// (empty for `and`/`or`, whose operator is fixed).
template <typename Part, typename Build>
ExprPtr AstBuilder::leftAssociative(antlr4::ParserRuleContext* ctx, const std::vector<Part*>& parts,
                                    const std::vector<antlr4::ParserRuleContext*>& ops, Build build,
                                    BinaryOp (*opOf)(const std::string& text)) {
  if (!ctx) return errorExpr({});
  if (parts.empty()) return errorExpr(spanOf(ctx));
  // Each operator adds a level to the tree that the checker walks recursively: bound it.
  constexpr size_t kMaxTerms = 2000;
  size_t count = parts.size();
  if (count > kMaxTerms) {
    diags_.report(DiagCode::FG0010, spanOf(parts[kMaxTerms]),
                  fmt::format("more than {} terms in one expression", kMaxTerms),
                  "put the values in a named list and use `in`, or split the expression with `let`");
    count = kMaxTerms;
  }
  ExprPtr result = build(parts[0]);
  for (size_t i = 1; i < count; ++i) {
    // From the first operand's own text, so that `(a + b) * c` spans its opening bracket.
    auto e = make<BinaryExpr>(ExprKind::Binary, Span{fileId_, spanOf(parts[0]).begin, spanOf(parts[i]).end});
    auto* op = i - 1 < ops.size() ? ops[i - 1] : nullptr;
    e->op = opOf(op ? op->getText() : std::string());
    if (op) e->opSpan = spanOf(op);
    e->lhs = std::move(result);
    e->rhs = build(parts[i]);
    result = std::move(e);
  }
  return result;
}

ExprPtr AstBuilder::orExpr(P::OrExprContext* ctx) {
  return leftAssociative(
      ctx, ctx ? ctx->andExpr() : std::vector<P::AndExprContext*>{}, {},
      [this](P::AndExprContext* c) { return andExpr(c); }, [](const std::string&) { return BinaryOp::Or; });
}

ExprPtr AstBuilder::andExpr(P::AndExprContext* ctx) {
  return leftAssociative(
      ctx, ctx ? ctx->notExpr() : std::vector<P::NotExprContext*>{}, {},
      [this](P::NotExprContext* c) { return notExpr(c); }, [](const std::string&) { return BinaryOp::And; });
}

ExprPtr AstBuilder::notExpr(P::NotExprContext* ctx) {
  if (auto* n = dynamic_cast<P::NotOpContext*>(ctx)) {
    auto e = make<UnaryExpr>(ExprKind::Unary, spanOf(ctx));
    e->op = UnaryOp::Not;
    e->operand = notExpr(n->notExpr());
    return e;
  }
  if (auto* p = dynamic_cast<P::NotPassContext*>(ctx)) return predicate(p->predicate());
  return errorExpr(spanOf(ctx));
}

static CompareOp compareOp(const std::string& text) {
  if (text == "=" || text == "==") return CompareOp::Eq;
  if (text == "!=" || text == "<>") return CompareOp::Ne;
  if (text == "<") return CompareOp::Lt;
  if (text == "<=") return CompareOp::Le;
  if (text == ">") return CompareOp::Gt;
  return CompareOp::Ge;
}

ExprPtr AstBuilder::predicate(P::PredicateContext* ctx) {
  if (!ctx) return errorExpr({});
  Span span = spanOf(ctx);
  ExprPtr left = additive(ctx->additive());
  auto* tail = ctx->predicateTail();
  if (!tail) return left;
  auto operand = [&](std::vector<P::AdditiveContext*> parts, size_t i) {
    return i < parts.size() ? additive(parts[i]) : errorExpr(span);
  };
  if (auto* c = dynamic_cast<P::CompareContext*>(tail)) {
    auto e = make<CompareExpr>(ExprKind::Compare, span);
    e->op = compareOp(c->compOp() ? c->compOp()->getText() : "=");
    e->opSpan = spanOf(c->compOp());
    e->lhs = std::move(left);
    e->rhs = operand({c->additive()}, 0);
    return e;
  }
  if (auto* n = dynamic_cast<P::IsNullContext*>(tail)) {
    auto e = make<IsNullExpr>(ExprKind::IsNull, span);
    e->operand = std::move(left);
    e->negated = n->NOT != nullptr;
    return e;
  }
  if (auto* i = dynamic_cast<P::InSetContext*>(tail)) {
    auto e = make<InExpr>(ExprKind::In, span);
    e->value = std::move(left);
    e->set = operand({i->additive()}, 0);
    e->negated = i->NOT != nullptr;
    return e;
  }
  if (auto* b = dynamic_cast<P::BetweenContext*>(tail)) {
    auto e = make<BetweenExpr>(ExprKind::Between, span);
    e->value = std::move(left);
    e->low = operand(b->additive(), 0);
    e->high = operand(b->additive(), 1);
    e->negated = b->NOT != nullptr;
    return e;
  }
  if (auto* w = dynamic_cast<P::StartsWithContext*>(tail)) {
    auto e = make<StartsWithExpr>(ExprKind::StartsWith, span);
    e->value = std::move(left);
    e->prefix = operand({w->additive()}, 0);
    return e;
  }
  return left;
}

ExprPtr AstBuilder::additive(P::AdditiveContext* ctx) {
  if (!ctx) return errorExpr({});
  auto ops = ctx->addOp();
  return leftAssociative(
      ctx, ctx->multiplicative(), {ops.begin(), ops.end()},
      [this](P::MultiplicativeContext* c) { return multiplicative(c); },
      [](const std::string& op) { return op == "-" ? BinaryOp::Sub : BinaryOp::Add; });
}

ExprPtr AstBuilder::multiplicative(P::MultiplicativeContext* ctx) {
  if (!ctx) return errorExpr({});
  auto ops = ctx->mulOp();
  return leftAssociative(
      ctx, ctx->unary(), {ops.begin(), ops.end()}, [this](P::UnaryContext* c) { return unary(c); },
      [](const std::string& op) { return op == "/" ? BinaryOp::Div : BinaryOp::Mul; });
}

ExprPtr AstBuilder::unary(P::UnaryContext* ctx) {
  if (auto* n = dynamic_cast<P::NegateContext*>(ctx)) {
    auto e = make<UnaryExpr>(ExprKind::Unary, spanOf(ctx));
    e->op = UnaryOp::Negate;
    e->operand = unary(n->unary());
    return e;
  }
  if (auto* p = dynamic_cast<P::UnaryPassContext*>(ctx)) return postfix(p->postfix());
  return errorExpr(spanOf(ctx));
}

ExprPtr AstBuilder::postfix(P::PostfixContext* ctx) {
  if (!ctx) return errorExpr({});
  ExprPtr result = primary(ctx->primary());
  uint32_t begin = spanOf(ctx->primary()).begin;
  for (auto* member : ctx->ident()) {
    Ident m = ident(member);
    auto e = make<MemberExpr>(ExprKind::Member, Span{fileId_, begin, m.span.end});
    e->object = std::move(result);
    e->member = std::move(m);
    result = std::move(e);
  }
  return result;
}

ExprPtr AstBuilder::primary(P::PrimaryContext* ctx) {
  Span span = spanOf(ctx);
  if (auto* l = dynamic_cast<P::LiteralExprContext*>(ctx)) return literal(l->literal());
  if (auto* c = dynamic_cast<P::CallExprContext*>(ctx)) return call(c);
  if (auto* n = dynamic_cast<P::NameExprContext*>(ctx)) {
    auto e = make<NameExpr>(ExprKind::Name, span);
    e->name = n->ident()->getText();
    return e;
  }
  if (auto* p = dynamic_cast<P::ParenExprContext*>(ctx)) return expr(p->expr());
  if (auto* l = dynamic_cast<P::ListExprContext*>(ctx)) {
    auto e = make<ListExpr>(ExprKind::List, span);
    for (auto* item : l->expr()) e->items.push_back(expr(item));
    return e;
  }
  return errorExpr(span);
}

// Aggregates are part of the language, listed once in the table of built-ins.
bool AstBuilder::isAggregateName(const std::string& name) {
  const BuiltinInfo* info = findBuiltin(name);
  return info && info->kind == BuiltinInfo::Kind::Aggregate;
}

// `x in LIST` heading a comprehension (count(l in setl.lines)), or null.
static InExpr* comprehensionHead(Expr& e) {
  auto* in = dynamic_cast<InExpr*>(&e);
  return in && !in->negated && in->value->kind == ExprKind::Name ? in : nullptr;
}

static void takeHead(AggregateExpr& aggregate, InExpr& head) {
  aggregate.var = {static_cast<NameExpr&>(*head.value).name, head.value->span};
  aggregate.source = std::move(head.set);
}

// A call is an aggregate over a comprehension when it has `for`, `where` or `by`, or when an
// aggregate's one argument reads `x in LIST`: count(l in setl.lines).
ExprPtr AstBuilder::call(P::CallExprContext* c) {
  Span span = spanOf(c);
  Ident callee = ident(c->ident());
  auto args = c->callArg();
  bool tail = c->forPart() || c->wherePart() || c->byPart();
  if (!tail && args.size() == 1 && !args[0]->ident() && isAggregateName(callee.name)) {
    ExprPtr probe = expr(args[0]->expr());
    if (InExpr* head = comprehensionHead(*probe)) {
      auto e = make<AggregateExpr>(ExprKind::Aggregate, span);
      e->function = std::move(callee);
      takeHead(*e, *head);
      return e;
    }
    auto e = make<CallExpr>(ExprKind::Call, span);
    e->callee = std::move(callee);
    e->args.push_back({std::nullopt, std::move(probe)});
    return e;
  }
  if (!tail) {
    auto e = make<CallExpr>(ExprKind::Call, span);
    e->callee = std::move(callee);
    for (auto* a : args) {
      CallArg arg;
      if (a->ident()) arg.name = ident(a->ident());
      arg.value = expr(a->expr());
      e->args.push_back(std::move(arg));
    }
    return e;
  }
  auto e = make<AggregateExpr>(ExprKind::Aggregate, span);
  e->function = std::move(callee);
  auto shapeError = [&](Span at) {
    diags_.report(DiagCode::FG0010, at,
                  fmt::format("`{}(...)` is written `{}(x in LIST where ...)` or `{}(VALUE for x in LIST)`",
                              e->function.name, e->function.name, e->function.name),
                  "name the element before `in`, e.g. count(l in setl.lines where l.cnt > 1)");
    e->source = errorExpr(at);
  };
  if (args.size() != 1 || args[0]->ident()) {
    shapeError(span);
  } else if (auto* f = c->forPart()) {
    e->value = expr(args[0]->expr());
    e->var = ident(f->ident());
    e->source = expr(f->expr());
  } else {
    ExprPtr first = expr(args[0]->expr());
    if (InExpr* head = comprehensionHead(*first)) {
      takeHead(*e, *head);
    } else {
      shapeError(first->span);
    }
  }
  if (auto* w = c->wherePart()) e->filter = expr(w->expr());
  if (auto* b = c->byPart())
    for (auto* k : b->groupKey()) e->keys.push_back({ident(k->ident()), expr(k->expr())});
  if (!e->source) e->source = errorExpr(span);
  return e;
}

std::pair<LiteralKind, std::string> AstBuilder::literalOf(P::LiteralContext* ctx) {
  std::string text = ctx->getText();
  switch (ctx->getStart()->getType()) {
    case P::INT:
      return {LiteralKind::Int, text};
    case P::DECIMAL:
      return {LiteralKind::Dec, text};
    case P::PERCENT:
      return {LiteralKind::Percent, text.substr(0, text.size() - 1)};
    case P::STRING:
      return {LiteralKind::String, unescapeString(text)};
    case P::DATE:
      return {LiteralKind::Date, text};
    case P::DATETIME:
      return {LiteralKind::DateTime, text};
    default:
      return text == "true" || text == "false" ? std::pair{LiteralKind::Bool, text}
                                               : std::pair{LiteralKind::Null, std::string("null")};
  }
}

ExprPtr AstBuilder::literal(P::LiteralContext* ctx) {
  if (!ctx || !ctx->getStart()) return errorExpr(spanOf(ctx));
  auto e = make<LiteralExpr>(ExprKind::Literal, spanOf(ctx));
  std::tie(e->literal, e->text) = literalOf(ctx);
  return e;
}

}  // namespace fundguard
