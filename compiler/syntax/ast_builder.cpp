// Parse tree -> AST; see ast_builder.h. The parser recovers from syntax errors by leaving parts
// of the tree empty; every accessor here tolerates a missing child (null) and builds what it can.
#include "syntax/ast_builder.h"

#include <fmt/format.h>

#include "syntax/parser.h"

namespace fundguard {

using namespace ast;

Span AstBuilder::spanOf(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {};
  antlr4::Token* start = ctx->getStart();
  antlr4::Token* stop = ctx->getStop();
  uint32_t begin = static_cast<uint32_t>(start->getStartIndex());
  uint32_t end = begin;
  if (stop && stop->getType() != antlr4::Token::EOF && stop->getStopIndex() + 1 >= start->getStartIndex())
    end = static_cast<uint32_t>(stop->getStopIndex() + 1);
  return {fileId_, begin, end};
}

Span AstBuilder::spanOf(antlr4::Token* token) const {
  if (!token) return {};
  return {fileId_, static_cast<uint32_t>(token->getStartIndex()), static_cast<uint32_t>(token->getStopIndex() + 1)};
}

Ident AstBuilder::ident(P::IdentContext* ctx) const {
  if (!ctx) return {};
  return {ctx->getText(), spanOf(ctx)};
}

QualifiedName AstBuilder::qualifiedName(P::QualifiedNameContext* ctx) const {
  QualifiedName out;
  if (!ctx) return out;
  for (auto* part : ctx->pathWord()) out.parts.push_back({part->getText(), spanOf(part)});
  out.span = spanOf(ctx);
  return out;
}

std::string AstBuilder::stringText(antlr4::tree::TerminalNode* node) const {
  return node ? unescapeString(node->getText()) : std::string();
}

std::unique_ptr<File> AstBuilder::build(P::File_Context* tree) {
  auto file = std::make_unique<File>();
  file->fileId = fileId_;
  if (auto* m = tree->moduleDecl()) {
    file->module = qualifiedName(m->qualifiedName());
    file->moduleLabel = stringText(m->STRING());
  }
  for (auto* imp : tree->importDecl()) file->imports.push_back(qualifiedName(imp->qualifiedName()));
  for (auto* decl : tree->decl()) {
    if (auto* d = decl->dictDecl()) file->dicts.push_back(dict(d));
    else if (auto* t = decl->tableDecl()) file->tables.push_back(table(t));
    else if (auto* l = decl->listDecl()) file->lists.push_back(list(l));
    else if (auto* f = decl->defineDecl()) file->defines.push_back(define(f));
    else if (auto* r = decl->ruleDecl()) file->rules.push_back(rule(r));
  }
  file->exprCount = nextId_;
  return file;
}

// ---------------------------------------------------------------- schema

DictDecl AstBuilder::dict(P::DictDeclContext* ctx) {
  DictDecl out;
  out.name = ident(ctx->ident());
  out.label = stringText(ctx->STRING());
  out.span = spanOf(ctx);
  for (auto* e : ctx->dictEntry()) {
    if (e->STRING().size() < 2) continue;
    out.entries.push_back({stringText(e->STRING(0)), stringText(e->STRING(1)), spanOf(e)});
  }
  return out;
}

TypeRef AstBuilder::typeRef(P::TypeRefContext* ctx) {
  TypeRef out;
  if (!ctx) return out;
  out.span = spanOf(ctx);
  if (auto* l = dynamic_cast<P::ListTypeContext*>(ctx)) {
    out.kind = TypeRef::Kind::List;
    out.element = std::make_unique<TypeRef>(typeRef(l->typeRef()));
  } else if (auto* s = dynamic_cast<P::SetTypeContext*>(ctx)) {
    out.kind = TypeRef::Kind::Set;
    out.element = std::make_unique<TypeRef>(typeRef(s->typeRef()));
  } else if (auto* d = dynamic_cast<P::DictTypeContext*>(ctx)) {
    out.kind = TypeRef::Kind::Dict;
    out.name = ident(d->ident(0));
    out.dict = ident(d->ident(1));
  } else if (auto* n = dynamic_cast<P::NamedTypeContext*>(ctx)) {
    out.name = ident(n->ident());
  }
  return out;
}

TableDecl AstBuilder::table(P::TableDeclContext* ctx) {
  TableDecl out;
  out.name = ident(ctx->ident());
  out.label = stringText(ctx->STRING());
  out.span = spanOf(ctx);
  for (auto* item : ctx->tableItem()) {
    if (auto* r = dynamic_cast<P::RoleItemContext*>(item)) {
      out.roles.push_back(ident(r->ident()));
    } else if (auto* k = dynamic_cast<P::KeyItemContext*>(item)) {
      std::vector<Ident> cols;
      for (auto* c : k->ident()) cols.push_back(ident(c));
      out.keyClauses.push_back(std::move(cols));
    } else if (auto* l = dynamic_cast<P::LinkItemContext*>(item)) {
      LinkDecl link;
      auto names = l->ident();
      if (names.size() >= 2) {
        link.name = ident(names[0]);
        link.target = ident(names[1]);
      }
      link.many = l->MANY != nullptr;
      for (auto* pair : l->linkPair()) {
        LinkPair p;
        auto sides = pair->ident();
        if (!sides.empty()) p.local = ident(sides[0]);
        if (sides.size() > 1) p.remote = ident(sides[1]);
        link.on.push_back(std::move(p));
      }
      link.span = spanOf(l);
      out.links.push_back(std::move(link));
    } else if (auto* c = dynamic_cast<P::ColumnItemContext*>(item)) {
      ColumnDecl col;
      col.name = ident(c->ident());
      col.type = typeRef(c->typeRef());
      for (auto* flag : c->columnFlag()) {
        if (flag->getText() == "key") col.key = true;
        else col.required = true;
      }
      col.label = stringText(c->STRING());
      col.span = spanOf(c);
      out.columns.push_back(std::move(col));
    }
  }
  return out;
}

ListDecl AstBuilder::list(P::ListDeclContext* ctx) {
  ListDecl out;
  out.name = ident(ctx->ident());
  out.label = stringText(ctx->STRING());
  out.value = expr(ctx->expr());
  out.span = spanOf(ctx);
  return out;
}

DefineDecl AstBuilder::define(P::DefineDeclContext* ctx) {
  DefineDecl out;
  out.name = ident(ctx->ident());
  for (auto* p : ctx->defineParam()) out.params.push_back({ident(p->ident()), typeRef(p->typeRef())});
  if (ctx->typeRef()) out.result = typeRef(ctx->typeRef());
  out.body = expr(ctx->expr());
  out.span = spanOf(ctx);
  return out;
}

// ---------------------------------------------------------------- rules

RuleDecl AstBuilder::rule(P::RuleDeclContext* ctx) {
  RuleDecl out;
  auto strings = ctx->STRING();
  if (!strings.empty()) {
    out.id = stringText(strings[0]);
    out.idSpan = spanOf(strings[0]);
  }
  if (strings.size() > 1) out.title = stringText(strings[1]);
  out.span = spanOf(ctx);
  out.syntaxErrors = hasSyntaxError(ctx);
  for (auto* item : ctx->ruleItem()) {
    // A `key: value` the parser had to repair is most often a misspelt keyword: the syntax
    // error says so; checking it as metadata would only add a second, misleading error.
    if (dynamic_cast<P::MetaItemContext*>(item) && hasSyntaxError(item)) continue;
    if (auto c = clause(item)) {
      c->repaired = hasSyntaxError(item);
      out.clauses.push_back(std::move(*c));
    }
  }
  return out;
}

bool AstBuilder::hasSyntaxError(antlr4::tree::ParseTree* tree) {
  if (dynamic_cast<antlr4::tree::ErrorNode*>(tree)) return true;
  if (auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(tree); ctx && ctx->exception) return true;
  for (auto* child : tree->children)
    if (hasSyntaxError(child)) return true;
  return false;
}

TestValue AstBuilder::testKey(P::TestKeyContext* ctx) {
  if (!ctx) return {};
  if (ctx->signedLiteral()) return testValue(ctx->signedLiteral());
  TestValue out;
  out.bareWord = true;
  out.text = ctx->getText();
  out.span = spanOf(ctx);
  return out;
}

MetaValue AstBuilder::metaValue(P::MetaValueContext* ctx) {
  MetaValue out;
  out.span = spanOf(ctx);
  if (auto* r = dynamic_cast<P::DateRangeMetaContext*>(ctx)) {
    out.kind = MetaValue::Kind::DateRange;
    auto dates = r->DATE();
    if (!dates.empty()) out.text = dates[0]->getText();
    if (dates.size() > 1) out.rangeEnd = dates[1]->getText();
  } else if (auto* l = dynamic_cast<P::LiteralMetaContext*>(ctx)) {
    auto lit = literal(l->literal());
    auto* le = static_cast<LiteralExpr*>(lit.get());
    out.kind = MetaValue::Kind::Literal;
    out.literal = le->literal;
    out.text = le->text;
  } else if (auto* w = dynamic_cast<P::IdentMetaContext*>(ctx)) {
    out.kind = MetaValue::Kind::Word;
    out.text = w->ident()->getText();
  }
  return out;
}

std::optional<Clause> AstBuilder::clause(P::RuleItemContext* ctx) {
  Span span = spanOf(ctx);
  if (auto* m = dynamic_cast<P::MetaItemContext*>(ctx)) {
    MetaClause c{ident(m->ident()), {}};
    for (auto* v : m->metaValue()) c.values.push_back(metaValue(v));
    return Clause{span, std::move(c)};
  }
  if (auto* s = dynamic_cast<P::ScopeItemContext*>(ctx)) {
    auto names = s->ident();
    ScopeClause c;
    if (!names.empty()) c.scope = ident(names[0]);
    if (names.size() > 1) c.period = ident(names[1]);
    return Clause{span, std::move(c)};
  }
  if (auto* p = dynamic_cast<P::PeersItemContext*>(ctx)) return Clause{span, PeersClause{expr(p->expr())}};
  if (auto* p = dynamic_cast<P::ParamItemContext*>(ctx)) {
    ParamClause c{ident(p->ident()), typeRef(p->typeRef()), expr(p->expr()), stringText(p->STRING())};
    return Clause{span, std::move(c)};
  }
  if (auto* l = dynamic_cast<P::LetItemContext*>(ctx)) return Clause{span, LetClause{ident(l->ident()), expr(l->expr())}};
  if (auto* f = dynamic_cast<P::ForEachItemContext*>(ctx)) {
    auto names = f->ident();
    ForEachClause c;
    if (!names.empty()) c.var = ident(names[0]);
    if (names.size() > 1) c.second = ident(names[1]);
    c.source = expr(f->expr());
    return Clause{span, std::move(c)};
  }
  auto exprClause = [&](ExprClauseKind which, P::ExprContext* e) { return Clause{span, ExprClause{which, expr(e)}}; };
  if (auto* w = dynamic_cast<P::WhenItemContext*>(ctx)) return exprClause(ExprClauseKind::When, w->expr());
  if (auto* a = dynamic_cast<P::AmountItemContext*>(ctx)) return exprClause(ExprClauseKind::Amount, a->expr());
  if (auto* f = dynamic_cast<P::FundItemContext*>(ctx)) return exprClause(ExprClauseKind::Fund, f->expr());
  if (auto* v = dynamic_cast<P::ViolatingItemContext*>(ctx)) return exprClause(ExprClauseKind::Violating, v->expr());
  if (auto* i = dynamic_cast<P::InvolvedItemContext*>(ctx)) return exprClause(ExprClauseKind::Involved, i->expr());
  if (auto* m = dynamic_cast<P::MessageItemContext*>(ctx)) {
    std::string raw = m->STRING() ? m->STRING()->getText() : std::string("\"\"");
    raw = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : std::string();
    return Clause{span, MessageClause{raw, m->STRING() ? spanOf(m->STRING()) : span}};
  }
  if (auto* e = dynamic_cast<P::EvidenceItemContext*>(ctx)) {
    EvidenceClause c;
    for (auto* v : e->expr()) c.values.push_back(expr(v));
    return Clause{span, std::move(c)};
  }
  if (auto* t = dynamic_cast<P::TestItemContext*>(ctx)) return Clause{span, test(t->testDecl())};
  return std::nullopt;
}

TestValue AstBuilder::testValue(P::SignedLiteralContext* ctx) {
  TestValue out;
  if (!ctx || !ctx->literal()) return out;
  auto lit = literal(ctx->literal());
  auto* le = static_cast<LiteralExpr*>(lit.get());
  out.literal = le->literal;
  out.text = le->text;
  out.negative = ctx->MINUS != nullptr;
  out.span = spanOf(ctx);
  return out;
}

TestClause AstBuilder::test(P::TestDeclContext* ctx) {
  TestClause out;
  if (!ctx) return out;
  out.name = stringText(ctx->STRING());
  for (auto* step : ctx->testStep()) {
    Span span = spanOf(step);
    if (auto* g = dynamic_cast<P::GivenStepContext*>(step)) {
      GivenStep given;
      auto names = g->ident();
      if (!names.empty()) given.table = ident(names[0]);
      for (size_t i = 1; i < names.size(); ++i) given.columns.push_back(ident(names[i]));
      for (auto* row : g->rowValues()) {
        std::vector<TestValue> values;
        for (auto* v : row->signedLiteral()) values.push_back(testValue(v));
        given.rows.push_back(std::move(values));
        given.rowSpans.push_back(spanOf(row));
      }
      out.steps.push_back({span, std::move(given)});
    } else if (auto* w = dynamic_cast<P::WithStepContext*>(step)) {
      out.steps.push_back({span, WithStep{ident(w->ident()), testValue(w->signedLiteral())}});
    } else if (auto* h = dynamic_cast<P::ExpectHitStepContext*>(step)) {
      ExpectStep e;
      e.kind = ExpectStep::Kind::Hit;
      if (h->keyValue) e.key = testKey(h->keyValue);
      if (h->amountValue) e.amount = testValue(h->amountValue);
      if (h->fundValue) e.fund = testValue(h->fundValue);
      out.steps.push_back({span, std::move(e)});
    } else if (auto* n = dynamic_cast<P::ExpectNoHitStepContext*>(step)) {
      ExpectStep e;
      e.kind = ExpectStep::Kind::NoHit;
      if (n->testKey()) e.key = testKey(n->testKey());
      out.steps.push_back({span, std::move(e)});
    } else if (auto* c = dynamic_cast<P::ExpectCountStepContext*>(step)) {
      ExpectStep e;
      e.kind = ExpectStep::Kind::Count;
      // Too large a count is kept as -1 for the checker to report; it is never a crash.
      if (c->INT()) {
        std::string digits = c->INT()->getText();
        e.count = digits.size() > 9 ? -1 : std::stoll(digits);
        e.countSpan = spanOf(c->INT());
      }
      out.steps.push_back({span, std::move(e)});
    }
  }
  return out;
}

// ---------------------------------------------------------------- expressions

ExprPtr AstBuilder::errorExpr(Span span) {
  auto e = make<LiteralExpr>(ExprKind::Literal, span);
  e->literal = LiteralKind::Null;
  e->text = "<error>";
  return e;
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
    diags_.report(DiagCode::FG0010, spanOf(parts[kMaxTerms]), fmt::format("more than {} terms in one expression", kMaxTerms),
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
  return leftAssociative(ctx, ctx ? ctx->andExpr() : std::vector<P::AndExprContext*>{}, {},
                         [this](P::AndExprContext* c) { return andExpr(c); }, [](const std::string&) { return BinaryOp::Or; });
}

ExprPtr AstBuilder::andExpr(P::AndExprContext* ctx) {
  return leftAssociative(ctx, ctx ? ctx->notExpr() : std::vector<P::NotExprContext*>{}, {},
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
  return leftAssociative(ctx, ctx->multiplicative(), {ops.begin(), ops.end()},
                         [this](P::MultiplicativeContext* c) { return multiplicative(c); },
                         [](const std::string& op) { return op == "-" ? BinaryOp::Sub : BinaryOp::Add; });
}

ExprPtr AstBuilder::multiplicative(P::MultiplicativeContext* ctx) {
  if (!ctx) return errorExpr({});
  auto ops = ctx->mulOp();
  return leftAssociative(ctx, ctx->unary(), {ops.begin(), ops.end()}, [this](P::UnaryContext* c) { return unary(c); },
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

bool AstBuilder::isAggregateName(const std::string& name) {
  static const char* const kNames[] = {"count", "sum", "min", "max", "avg", "median", "stddev", "distinct",
                                       "share", "exists", "all", "filter", "first", "last", "groups"};
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

// A call is an aggregate over a comprehension when it has `for`, `where` or `by`, or when an
// aggregate's one argument reads `x in LIST`: count(l in setl.lines).
ExprPtr AstBuilder::call(P::CallExprContext* c) {
  Span span = spanOf(c);
  Ident callee = ident(c->ident());
  auto args = c->callArg();
  bool tail = c->forPart() || c->wherePart() || c->byPart();
  bool inForm = false;
  if (!tail && args.size() == 1 && !args[0]->ident() && isAggregateName(callee.name)) {
    ExprPtr probe = expr(args[0]->expr());
    auto* in = dynamic_cast<InExpr*>(probe.get());
    inForm = in && !in->negated && in->value->kind == ExprKind::Name;
    if (!inForm) {
      auto e = make<CallExpr>(ExprKind::Call, span);
      e->callee = std::move(callee);
      e->args.push_back({std::nullopt, std::move(probe)});
      return e;
    }
    auto e = make<AggregateExpr>(ExprKind::Aggregate, span);
    e->function = std::move(callee);
    e->var = {static_cast<NameExpr&>(*in->value).name, in->value->span};
    e->source = std::move(in->set);
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
    diags_.report(DiagCode::FG0010, at, fmt::format("`{}(...)` is written `{}(x in LIST where ...)` or `{}(VALUE for x in LIST)`",
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
    auto* in = dynamic_cast<InExpr*>(first.get());
    if (in && !in->negated && in->value->kind == ExprKind::Name) {
      e->var = {static_cast<NameExpr&>(*in->value).name, in->value->span};
      e->source = std::move(in->set);
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

ExprPtr AstBuilder::literal(P::LiteralContext* ctx) {
  auto e = make<LiteralExpr>(ExprKind::Literal, spanOf(ctx));
  if (!ctx || !ctx->getStart()) {
    e->text = "<error>";
    return e;
  }
  std::string text = ctx->getText();
  switch (ctx->getStart()->getType()) {
    case P::INT: e->literal = LiteralKind::Int; e->text = text; break;
    case P::DECIMAL: e->literal = LiteralKind::Dec; e->text = text; break;
    case P::PERCENT: e->literal = LiteralKind::Percent; e->text = text.substr(0, text.size() - 1); break;
    case P::STRING: e->literal = LiteralKind::String; e->text = unescapeString(text); break;
    case P::DATE: e->literal = LiteralKind::Date; e->text = text; break;
    case P::DATETIME: e->literal = LiteralKind::DateTime; e->text = text; break;
    default:
      if (text == "true" || text == "false") {
        e->literal = LiteralKind::Bool;
        e->text = text;
      } else {
        e->literal = LiteralKind::Null;
        e->text = "null";
      }
  }
  return e;
}

}  // namespace fundguard
