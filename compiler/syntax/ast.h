// The FundGuard abstract syntax tree: what a .rule file says, with spans, and nothing of ANTLR.
// Built by AstBuilder (ast_builder.h) from the parse tree; read by the checker (compiler/sema),
// which records its results in side tables keyed by Expr::id and never mutates the tree.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source_file.h"

namespace fundguard::ast {

struct Ident {
  std::string name;
  Span span;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind {
  Literal,
  Name,
  Member,
  Call,
  Aggregate,
  Unary,
  Binary,
  Compare,
  IsNull,
  In,
  Between,
  StartsWith,
  If,
  List,
  Error
};

struct Expr {
  Expr(ExprKind k, Span s, uint32_t i) : kind(k), span(s), id(i) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Span span;
  uint32_t id;  // unique per file, below File::exprCount: index into the checker's side tables
};
using ExprPtr = std::unique_ptr<Expr>;

enum class LiteralKind { Int, Dec, Percent, String, Date, DateTime, Bool, Null };

struct LiteralExpr : Expr {
  using Expr::Expr;
  LiteralKind literal = LiteralKind::Null;
  std::string text;  // the spelling; for strings the unescaped content, for percent without '%'
};

struct NameExpr : Expr {
  using Expr::Expr;
  std::string name;
};

struct MemberExpr : Expr {
  using Expr::Expr;
  ExprPtr object;
  Ident member;
};

struct CallArg {
  std::optional<Ident> name;  // named argument: lookup(hilist_b, hilist_code: x)
  ExprPtr value;
};

struct CallExpr : Expr {
  using Expr::Expr;
  Ident callee;
  std::vector<CallArg> args;
};

struct GroupKey {
  Ident name;
  ExprPtr value;
};

// sum(l.cnt for l in setl.lines where ...), count(l in setl.lines), groups(l in x by k: e)
struct AggregateExpr : Expr {
  using Expr::Expr;
  Ident function;
  ExprPtr value;  // may be null: count(l in ...)
  Ident var;
  ExprPtr source;
  ExprPtr filter;  // may be null
  std::vector<GroupKey> keys;
};

enum class UnaryOp { Negate, Not };
struct UnaryExpr : Expr {
  using Expr::Expr;
  UnaryOp op = UnaryOp::Negate;
  ExprPtr operand;
};

enum class BinaryOp { Add, Sub, Mul, Div, And, Or };
struct BinaryExpr : Expr {
  using Expr::Expr;
  BinaryOp op = BinaryOp::Add;
  ExprPtr lhs, rhs;
  Span opSpan;
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };
struct CompareExpr : Expr {
  using Expr::Expr;
  CompareOp op = CompareOp::Eq;
  ExprPtr lhs, rhs;
  Span opSpan;
};

struct IsNullExpr : Expr {
  using Expr::Expr;
  ExprPtr operand;
  bool negated = false;  // is not null
};

struct InExpr : Expr {
  using Expr::Expr;
  ExprPtr value, set;
  bool negated = false;
};

struct BetweenExpr : Expr {
  using Expr::Expr;
  ExprPtr value, low, high;
  bool negated = false;
};

struct StartsWithExpr : Expr {
  using Expr::Expr;
  ExprPtr value, prefix;  // prefix: a string or a list of strings (any of them)
};

struct IfExpr : Expr {
  using Expr::Expr;
  ExprPtr condition, then, otherwise;
};

struct ListExpr : Expr {
  using Expr::Expr;
  std::vector<ExprPtr> items;
};

// Stands where the parser recovered from a syntax error; the checker accepts it silently.
struct ErrorExpr : Expr {
  using Expr::Expr;
};

const char* name(BinaryOp op);
const char* name(CompareOp op);

// ---------------------------------------------------------------- schema and shared definitions

struct TypeRef {
  enum class Kind { Named, Dict, List, Set } kind = Kind::Named;
  Ident name;                        // Named: str/int/.../table; Dict: the base type (code)
  Ident dict;                        // Dict: the dictionary
  std::unique_ptr<TypeRef> element;  // List, Set
  Span span;
};

struct DictEntry {
  std::string code;
  std::string label;
  Span span;
};

struct DictDecl {
  Ident name;
  std::string label;
  std::vector<DictEntry> entries;
  Span span;
};

struct ColumnDecl {
  Ident name;
  TypeRef type;
  bool key = false;
  bool required = false;
  std::string label;
  Span span;
};

struct LinkPair {
  Ident local;
  std::optional<Ident> remote;  // defaults to the local name
};

struct LinkDecl {
  Ident name;
  Ident target;
  bool many = false;
  std::vector<LinkPair> on;
  Span span;
};

// Values in test rows and in a table's `rows`: literals, with the sign kept apart so "-0.5" keeps its spelling.
struct TestValue {
  LiteralKind literal = LiteralKind::Null;
  std::string text;
  bool negative = false;
  bool bareWord = false;  // a word without quotes where a key was expected (an error)
  Span span;
};

// rows (a, b) ("x", 1) ...: rows of literal values for the columns named (a test's `given`, a
// table's contents shipped with its declaration).
struct RowBlock {
  std::vector<Ident> columns;
  std::vector<std::vector<TestValue>> rows;
  std::vector<Span> rowSpans;
};

struct TableRows {
  Ident word;  // `rows` (any other word is an error)
  RowBlock block;
  Span span;
};

struct TableDecl {
  Ident name;
  std::string label;
  std::vector<Ident> roles;
  std::vector<ColumnDecl> columns;
  std::vector<std::vector<Ident>> keyClauses;  // key (a, b)
  std::vector<LinkDecl> links;
  std::vector<TableRows> rows;  // at most one is meant; more are reported
  Span span;
};

struct ListDecl {
  Ident name;
  std::string label;
  ExprPtr value;
  Span span;
};

struct DefineParam {
  Ident name;
  TypeRef type;
};

struct DefineDecl {
  Ident name;
  std::vector<DefineParam> params;
  std::optional<TypeRef> result;
  ExprPtr body;
  Span span;
};

// ---------------------------------------------------------------- rules

struct MetaValue {
  enum class Kind { Literal, Word, DateRange } kind = Kind::Literal;
  LiteralKind literal = LiteralKind::Null;  // Literal
  std::string text;                         // literal spelling, word, or range start
  std::string rangeEnd;                     // DateRange: may be empty (open end)
  Span span;
};

struct MetaClause {
  Ident key;
  std::vector<MetaValue> values;
};
struct ScopeClause {
  Ident scope;
  std::optional<Ident> period;  // institution per month|quarter|year
};
struct PeersClause {
  ExprPtr by;
};
struct ParamClause {
  Ident name;
  TypeRef type;
  ExprPtr defaultValue;
  std::string label;
};
struct LetClause {
  Ident name;
  ExprPtr value;
};
struct ForEachClause {
  Ident var;
  std::optional<Ident> second;  // for each a, b in lines: pairs
  ExprPtr source;
};
enum class ExprClauseKind { When, Amount, Fund, Violating, Involved };
struct ExprClause {
  ExprClauseKind which = ExprClauseKind::When;
  ExprPtr value;
};
struct MessageClause {
  std::string text;  // the template between the quotes, escapes kept (the checker reads holes)
  Span textSpan;     // of the string literal, quotes included
};
struct EvidenceClause {
  std::vector<ExprPtr> values;
};

struct GivenStep {
  Ident table;
  RowBlock block;
};
struct WithStep {
  Ident param;
  TestValue value;
};
struct ExpectStep {
  enum class Kind { Hit, NoHit, Count } kind = Kind::Hit;
  std::optional<TestValue> key, amount, fund;
  int64_t count = 0;  // expect N hits; -1 when N is too large to be meant
  Span countSpan;
};
using TestStep = std::variant<GivenStep, WithStep, ExpectStep>;
struct TestStepAt {
  Span span;
  TestStep step;
};
struct TestClause {
  std::string name;
  std::vector<TestStepAt> steps;
};

using ClauseBody = std::variant<MetaClause, ScopeClause, PeersClause, ParamClause, LetClause, ForEachClause, ExprClause,
                                MessageClause, EvidenceClause, TestClause>;
struct Clause {
  Span span;
  ClauseBody body;
  bool repaired = false;  // the parser recovered inside it: its syntax error says enough
};

struct RuleDecl {
  std::string id;  // "CH-01"
  Span idSpan;
  std::string title;
  std::vector<Clause> clauses;  // in source order: order matters for let and for each
  Span span;
  bool syntaxErrors = false;  // the parser recovered inside this rule: "missing" checks are off
};

// ---------------------------------------------------------------- files

struct QualifiedName {
  std::vector<Ident> parts;
  Span span;
  std::string dotted() const;
};

struct File {
  uint32_t fileId = 0;
  std::optional<QualifiedName> module;
  std::string moduleLabel;
  std::vector<QualifiedName> imports;
  std::vector<DictDecl> dicts;
  std::vector<TableDecl> tables;
  std::vector<ListDecl> lists;
  std::vector<DefineDecl> defines;
  std::vector<RuleDecl> rules;
  uint32_t exprCount = 0;  // ids 0..exprCount-1 are used by this file's expressions
};

}  // namespace fundguard::ast
