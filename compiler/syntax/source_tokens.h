// The tokens of a source text as written, comments and whitespace included, for the tools that
// rewrite the text rather than read its meaning (compiler/format, `fundguard fmt`). Like
// parser.h, the front door to ANTLR: nothing here mentions it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fundguard {

enum class TokenKind : uint8_t { Code, Comment, Space };

// What a token starts, as far as layout cares: a declaration, an item of a block (a clause of
// a rule, a column of a table, an entry of a dict, a step of a test), or nothing.
enum class ItemKind : uint8_t {
  None,
  Declaration,  // module, import, dict, table, list, define, rule
  Meta,         // version: 1
  Let,
  Param,
  Column,     // a table's column: name type flags "label"
  Link,       // link name -> table on ...
  DictEntry,  // "11": "普通门诊"
  Amount,     // amount, fund: the money clauses
  Subject,    // violating, involved, evidence: what a hit names
  Other,      // any other clause, table item or test step
};

struct SourceToken {
  TokenKind kind = TokenKind::Code;
  std::string text;                // UTF-8, as written
  size_t type = 0;                 // the lexer's token type (same type, same text: the same token)
  ItemKind item = ItemKind::None;  // set on the first token of an item
  // Where the columns of an aligned item start: 1, 2, 3 for its second, third and fourth
  // column (a let's `=`; a param's type, `=` and label; a column's type, flags and label; the
  // value of metadata, a dict entry or an amount, fund, violating, involved or evidence clause).
  uint8_t cell = 0;
  bool callParen = false;   // `(` right after a function's or a type's name: no space before it
  bool unaryMinus = false;  // `-` of a negative value: no space after it
  bool namedValue = false;  // the value of a named argument or group key (`ym: period`)
};

// The lexer's tokens for `text`, every one of them, so that concatenating their texts gives the
// text back (a leading byte-order mark aside, which is dropped). Never fails: characters the
// language does not know come as tokens of their own.
std::vector<SourceToken> lexSourceTokens(std::string_view text);

// lexSourceTokens, and what the parser says about them (item, cell, callParen, unaryMinus).
// Meant for text that parses without errors (parseFile reports them); returns false when the
// parser found any, with the tokens unannotated.
bool readSourceTokens(std::string_view text, std::vector<SourceToken>& tokens);

}  // namespace fundguard
