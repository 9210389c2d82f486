// Parse tree -> AST; see ast_builder.h. The parser recovers from syntax errors by leaving parts
// of the tree empty; every accessor here tolerates a missing child (null) and builds what it can.
#include "syntax/ast_builder.h"

#include <algorithm>
#include <tuple>

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
    if (auto* d = decl->dictDecl())
      file->dicts.push_back(dict(d));
    else if (auto* t = decl->tableDecl())
      file->tables.push_back(table(t));
    else if (auto* l = decl->listDecl())
      file->lists.push_back(list(l));
    else if (auto* f = decl->defineDecl())
      file->defines.push_back(define(f));
    else if (auto* r = decl->ruleDecl())
      file->rules.push_back(rule(r));
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
  // A bare `list` (as the data contract writes it) is a list of text.
  auto elementOf = [&](P::TypeRefContext* element) {
    if (element) return std::make_unique<TypeRef>(typeRef(element));
    auto text = std::make_unique<TypeRef>();
    text->name = {"str", out.span};
    text->span = out.span;
    return text;
  };
  if (auto* l = dynamic_cast<P::ListTypeContext*>(ctx)) {
    out.kind = TypeRef::Kind::List;
    out.element = elementOf(l->typeRef());
  } else if (auto* s = dynamic_cast<P::SetTypeContext*>(ctx)) {
    out.kind = TypeRef::Kind::Set;
    out.element = elementOf(s->typeRef());
  } else if (auto* d = dynamic_cast<P::DictTypeContext*>(ctx)) {
    out.kind = TypeRef::Kind::Dict;
    out.name = ident(d->ident(0));
    out.dict = ident(d->ident(1));
  } else if (auto* n = dynamic_cast<P::NamedTypeContext*>(ctx)) {
    out.name = ident(n->ident());
  }
  return out;
}

RowBlock AstBuilder::rowBlock(const std::vector<P::IdentContext*>& names,
                              const std::vector<P::RowValuesContext*>& rows) {
  RowBlock out;
  for (size_t i = 1; i < names.size(); ++i) out.columns.push_back(ident(names[i]));  // names[0]: table or `rows`
  for (auto* row : rows) {
    std::vector<TestValue> values;
    for (auto* v : row->signedLiteral()) values.push_back(testValue(v));
    out.rows.push_back(std::move(values));
    out.rowSpans.push_back(spanOf(row));
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
        if (flag->getText() == "key")
          col.key = true;
        else
          col.required = true;
      }
      col.label = stringText(c->STRING());
      col.span = spanOf(c);
      out.columns.push_back(std::move(col));
    } else if (auto* shipped = dynamic_cast<P::RowsItemContext*>(item)) {
      TableRows rows;
      auto names = shipped->ident();
      if (!names.empty()) rows.word = ident(names[0]);
      rows.block = rowBlock(names, shipped->rowValues());
      rows.span = spanOf(shipped);
      out.rows.push_back(std::move(rows));
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
    // `source:` without a value took the next line's key as its value; the parser then reported
    // the stray `:` that follows. Drop the item rather than check a value that was never meant.
    if (dynamic_cast<P::MetaItemContext*>(item)) {
      auto& siblings = ctx->children;
      auto at = std::find(siblings.begin(), siblings.end(), item);
      if (at != siblings.end() && at + 1 != siblings.end() && dynamic_cast<antlr4::tree::ErrorNode*>(*(at + 1)) &&
          (*(at + 1))->getText() == ":")
        continue;
    }
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
    out.kind = MetaValue::Kind::Literal;
    std::tie(out.literal, out.text) = literalOf(l->literal());
  }
  return out;
}

std::optional<Clause> AstBuilder::clause(P::RuleItemContext* ctx) {
  Span span = spanOf(ctx);
  if (auto* m = dynamic_cast<P::MetaItemContext*>(ctx)) {
    MetaClause c{ident(m->ident()), {}};
    if (auto* values = m->metaValues()) {
      for (auto* v : values->metaValue()) c.values.push_back(metaValue(v));
      for (auto* word : values->ident()) {
        MetaValue w;
        w.kind = MetaValue::Kind::Word;
        w.text = word->getText();
        w.span = spanOf(word);
        c.values.push_back(std::move(w));
      }
    }
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
  if (auto* l = dynamic_cast<P::LetItemContext*>(ctx))
    return Clause{span, LetClause{ident(l->ident()), expr(l->expr())}};
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
  std::tie(out.literal, out.text) = literalOf(ctx->literal());
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
      given.block = rowBlock(names, g->rowValues());
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

}  // namespace fundguard
