// The token stream of a file with comments and whitespace, annotated from the parse tree with
// what the formatter needs to know about a token that its text alone does not tell: which tokens
// start an item, where an item's aligned columns start, which `(` belongs to a call and which `-`
// is a sign.
#include "syntax/source_tokens.h"

#include "FundGuardLexer.h"
#include "FundGuardParser.h"
#include "antlr4-runtime.h"
#include "diag/source_file.h"

namespace fundguard {

using fundguard_grammar::FundGuardLexer;
using fundguard_grammar::FundGuardParser;

namespace {

using P = FundGuardParser;

// Valid UTF-8 for the lexer (invalid bytes become U+FFFD), without a leading byte-order mark.
std::string lexerInput(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    bool ok;
    utf8::append(out, utf8::decode(text, i, ok));
  }
  return out;
}

std::vector<SourceToken> toSourceTokens(antlr4::CommonTokenStream& stream) {
  std::vector<SourceToken> out;
  for (antlr4::Token* token : stream.getTokens()) {
    if (token->getType() == antlr4::Token::EOF) break;
    SourceToken t;
    t.type = token->getType();
    t.text = token->getText();
    if (t.type == FundGuardLexer::WS)
      t.kind = TokenKind::Space;
    else if (t.type == FundGuardLexer::LINE_COMMENT)
      t.kind = TokenKind::Comment;
    out.push_back(std::move(t));
  }
  return out;
}

antlr4::Token* terminal(antlr4::ParserRuleContext* ctx, const char* text) {
  for (antlr4::tree::ParseTree* child : ctx->children)
    if (auto* node = dynamic_cast<antlr4::tree::TerminalNode*>(child); node && node->getSymbol()->getText() == text)
      return node->getSymbol();
  return nullptr;
}

class Annotator {
 public:
  explicit Annotator(std::vector<SourceToken>& tokens) : tokens_(tokens) {}

  void walk(antlr4::tree::ParseTree* node) {
    auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(node);
    if (!ctx) return;
    annotate(ctx);
    for (antlr4::tree::ParseTree* child : ctx->children) walk(child);
  }

 private:
  SourceToken* at(antlr4::Token* token) {
    if (!token || token->getTokenIndex() >= tokens_.size()) return nullptr;
    return &tokens_[token->getTokenIndex()];
  }
  void item(antlr4::ParserRuleContext* ctx, ItemKind kind) {
    if (SourceToken* t = at(ctx->getStart())) t->item = kind;
  }
  void cell(antlr4::Token* token, uint8_t index) {
    if (SourceToken* t = at(token)) t->cell = index;
  }
  void cell(antlr4::ParserRuleContext* ctx, uint8_t index) {
    if (ctx) cell(ctx->getStart(), index);
  }
  void cell(antlr4::tree::TerminalNode* node, uint8_t index) {
    if (node) cell(node->getSymbol(), index);
  }
  void callParen(antlr4::ParserRuleContext* ctx) {
    if (SourceToken* t = at(terminal(ctx, "("))) t->callParen = true;
  }

  void annotate(antlr4::ParserRuleContext* ctx) {
    if (dynamic_cast<P::ModuleDeclContext*>(ctx) || dynamic_cast<P::ImportDeclContext*>(ctx) ||
        dynamic_cast<P::DictDeclContext*>(ctx) || dynamic_cast<P::TableDeclContext*>(ctx) ||
        dynamic_cast<P::ListDeclContext*>(ctx) || dynamic_cast<P::RuleDeclContext*>(ctx)) {
      item(ctx, ItemKind::Declaration);
    } else if (auto* define = dynamic_cast<P::DefineDeclContext*>(ctx)) {
      item(define, ItemKind::Declaration);
      callParen(define);
    } else if (auto* meta = dynamic_cast<P::MetaItemContext*>(ctx)) {
      item(meta, ItemKind::Meta);
      cell(meta->metaValues(), 1);
    } else if (auto* let = dynamic_cast<P::LetItemContext*>(ctx)) {
      item(let, ItemKind::Let);
      cell(terminal(let, "="), 1);
    } else if (auto* param = dynamic_cast<P::ParamItemContext*>(ctx)) {
      item(param, ItemKind::Param);
      cell(param->typeRef(), 1);
      cell(terminal(param, "="), 2);
      cell(param->STRING(), 3);
    } else if (auto* column = dynamic_cast<P::ColumnItemContext*>(ctx)) {
      item(column, ItemKind::Column);
      cell(column->typeRef(), 1);
      if (!column->columnFlag().empty()) cell(column->columnFlag(0), 2);
      cell(column->STRING(), 3);
    } else if (auto* link = dynamic_cast<P::LinkItemContext*>(ctx)) {
      item(link, ItemKind::Link);
      cell(terminal(link, "->"), 1);
    } else if (auto* entry = dynamic_cast<P::DictEntryContext*>(ctx)) {
      item(entry, ItemKind::DictEntry);
      cell(entry->STRING(1), 1);
    } else if (dynamic_cast<P::AmountItemContext*>(ctx) || dynamic_cast<P::FundItemContext*>(ctx)) {
      item(ctx, ItemKind::Amount);
      cell(ctx->getRuleContext<P::ExprContext>(0), 1);
    } else if (dynamic_cast<P::ViolatingItemContext*>(ctx) || dynamic_cast<P::InvolvedItemContext*>(ctx) ||
               dynamic_cast<P::EvidenceItemContext*>(ctx)) {
      item(ctx, ItemKind::Subject);
      cell(ctx->getRuleContext<P::ExprContext>(0), 1);
    } else if (dynamic_cast<P::RuleItemContext*>(ctx) || dynamic_cast<P::TableItemContext*>(ctx) ||
               dynamic_cast<P::TestStepContext*>(ctx)) {
      // A test inside a rule is a RuleItem (TestItemContext) whose TestDecl starts at the same token.
      item(ctx, ItemKind::Other);
    } else if (dynamic_cast<P::CallExprContext*>(ctx) || dynamic_cast<P::DictTypeContext*>(ctx)) {
      callParen(ctx);
    } else if (auto* argument = dynamic_cast<P::CallArgContext*>(ctx); argument && argument->ident()) {
      if (SourceToken* t = at(argument->expr()->getStart())) t->namedValue = true;
    } else if (auto* key = dynamic_cast<P::GroupKeyContext*>(ctx)) {
      if (SourceToken* t = at(key->expr()->getStart())) t->namedValue = true;
    } else if (dynamic_cast<P::NegateContext*>(ctx)) {
      if (SourceToken* t = at(ctx->getStart())) t->unaryMinus = true;
    } else if (auto* signedLiteral = dynamic_cast<P::SignedLiteralContext*>(ctx)) {
      if (SourceToken* t = at(signedLiteral->MINUS)) t->unaryMinus = true;
    }
  }

  std::vector<SourceToken>& tokens_;
};

}  // namespace

std::vector<SourceToken> lexSourceTokens(std::string_view text) {
  antlr4::ANTLRInputStream input(lexerInput(text));
  FundGuardLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream stream(&lexer);
  stream.fill();
  return toSourceTokens(stream);
}

bool readSourceTokens(std::string_view text, std::vector<SourceToken>& tokens) {
  antlr4::ANTLRInputStream input(lexerInput(text));
  FundGuardLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream stream(&lexer);
  stream.fill();
  tokens = toSourceTokens(stream);
  FundGuardParser parser(&stream);
  parser.removeErrorListeners();
  FundGuardParser::File_Context* tree = parser.file_();
  if (parser.getNumberOfSyntaxErrors() > 0) return false;
  Annotator(tokens).walk(tree);
  return true;
}

}  // namespace fundguard
