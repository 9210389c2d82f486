// Turns the ANTLR parse tree into our AST. Internal to the syntax layer (included by parser.cpp
// only). Every value travels as a return value of a typed method, never through antlrcpp::Any,
// whose 4.9 copy semantics silently lose std::string contents.
#pragma once

#include <memory>

#include "FundGuardParser.h"
#include "diag/diagnostic.h"
#include "syntax/ast.h"

namespace fundguard {

class AstBuilder {
 public:
  AstBuilder(uint32_t fileId, DiagnosticSink& diags) : fileId_(fileId), diags_(diags) {}
  std::unique_ptr<ast::File> build(fundguard_grammar::FundGuardParser::File_Context* tree);

 private:
  using P = fundguard_grammar::FundGuardParser;

  Span spanOf(antlr4::ParserRuleContext* ctx) const;
  Span spanOf(antlr4::Token* token) const;
  Span spanOf(antlr4::tree::TerminalNode* node) const { return spanOf(node->getSymbol()); }
  ast::Ident ident(P::IdentContext* ctx) const;
  ast::QualifiedName qualifiedName(P::QualifiedNameContext* ctx) const;
  std::string stringText(antlr4::tree::TerminalNode* node) const;

  ast::DictDecl dict(P::DictDeclContext* ctx);
  ast::TableDecl table(P::TableDeclContext* ctx);
  ast::TypeRef typeRef(P::TypeRefContext* ctx);
  ast::ListDecl list(P::ListDeclContext* ctx);
  ast::DefineDecl define(P::DefineDeclContext* ctx);
  ast::RuleDecl rule(P::RuleDeclContext* ctx);
  std::optional<ast::Clause> clause(P::RuleItemContext* ctx);
  ast::MetaValue metaValue(P::MetaValueContext* ctx);
  ast::TestClause test(P::TestDeclContext* ctx);
  ast::TestValue testValue(P::SignedLiteralContext* ctx);
  // The columns (names after the first) and rows of a `given` step or a table's `rows`.
  ast::RowBlock rowBlock(const std::vector<P::IdentContext*>& names, const std::vector<P::RowValuesContext*>& rows);
  ast::TestValue testKey(P::TestKeyContext* ctx);
  static bool hasSyntaxError(antlr4::tree::ParseTree* tree);

  // Expressions: one method per precedence level of the grammar.
  ast::ExprPtr expr(P::ExprContext* ctx);
  ast::ExprPtr orExpr(P::OrExprContext* ctx);
  ast::ExprPtr andExpr(P::AndExprContext* ctx);
  ast::ExprPtr notExpr(P::NotExprContext* ctx);
  ast::ExprPtr predicate(P::PredicateContext* ctx);
  ast::ExprPtr additive(P::AdditiveContext* ctx);
  ast::ExprPtr multiplicative(P::MultiplicativeContext* ctx);
  ast::ExprPtr unary(P::UnaryContext* ctx);
  ast::ExprPtr postfix(P::PostfixContext* ctx);
  ast::ExprPtr primary(P::PrimaryContext* ctx);
  ast::ExprPtr literal(P::LiteralContext* ctx);
  // The kind and text of a literal, without making an expression (metadata, test values).
  static std::pair<ast::LiteralKind, std::string> literalOf(P::LiteralContext* ctx);
  ast::ExprPtr call(P::CallExprContext* ctx);
  static bool isAggregateName(const std::string& name);
  ast::ExprPtr errorExpr(Span span);  // stands in where the parser recovered from an error
  template <typename Part, typename Build>
  ast::ExprPtr leftAssociative(antlr4::ParserRuleContext* ctx, const std::vector<Part*>& parts,
                               const std::vector<antlr4::ParserRuleContext*>& ops, Build build,
                               ast::BinaryOp (*opOf)(const std::string& text));

  template <typename T>
  std::unique_ptr<T> make(ast::ExprKind kind, Span span) {
    return std::make_unique<T>(kind, span, nextId_++);
  }

  uint32_t fileId_;
  DiagnosticSink& diags_;  // for shapes the grammar accepts but the language does not
  uint32_t nextId_ = 0;
};

}  // namespace fundguard
