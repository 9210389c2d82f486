// FundGuard policy language: the one grammar every .rule file is parsed with.
//
// Pipeline position: source text -> (this grammar, ANTLR 4 generated C++) -> parse tree ->
// compiler/syntax/AstBuilder -> AST. Nothing outside compiler/syntax sees these rules.
//
// Layout is free: newlines are whitespace. Metadata reads like a form ("title: ...");
// clauses start with a keyword ("when", "amount", ...). Identifiers may be Chinese.
grammar FundGuard;

// ---------------------------------------------------------------- files and modules
file_       : moduleDecl? importDecl* decl* EOF ;

moduleDecl  : 'module' qualifiedName STRING? ;
importDecl  : 'import' qualifiedName ;
qualifiedName : pathWord ('.' pathWord)* ;
// A part of a module name may be any word, keywords included: `import std.list` works.
pathWord    : ident | 'list' | 'set' | 'dict' | 'table' | 'rule' | 'test' | 'import' | 'define'
            | 'when' | 'let' | 'param' | 'scope' | 'key' | 'link' | 'role' | 'amount' | 'fund'
            | 'message' | 'evidence' | 'involved' | 'violating' | 'peers' | 'given' | 'expect' ;

decl
    : dictDecl
    | tableDecl
    | listDecl
    | defineDecl
    | ruleDecl
    ;

// ---------------------------------------------------------------- schema
// dict med_type "医疗类别" { "11": "普通门诊", "21": "普通住院" }
dictDecl    : 'dict' ident STRING? '{' (dictEntry ','?)* '}' ;
dictEntry   : STRING ':' STRING ;

// table setl_d "结算" { role settlement  setl_id str key "结算ID"  ... }
tableDecl   : 'table' ident STRING? '{' tableItem* '}' ;
tableItem
    : 'role' ident                                              # roleItem
    | 'key' '(' ident (',' ident)* ')'                          # keyItem
    | 'link' ident '->' MANY='many'? ident 'on' linkPair (',' linkPair)*   # linkItem
    | ident typeRef columnFlag* STRING?                         # columnItem
    // rows (dise_prefix, item_group) ("I63", "CT") ...: the table's contents when the dataset
    // has no file for it (reference data shipped with the rules). The word must be `rows`; it
    // is not a keyword, so that `rows(...)` stays a function in expressions.
    | ident '(' ident (',' ident)* ')' rowValues*              # rowsItem
    ;
columnFlag  : 'key' | 'required' ;
linkPair    : ident ('=' ident)? ;

typeRef
    : 'list' ('of' typeRef)?                                    # listType  // bare `list`: list of str
    | 'set' ('of' typeRef)?                                     # setType
    | ident '(' ident ')'                                       # dictType
    | ident                                                     # namedType
    ;

// ---------------------------------------------------------------- shared definitions
// list 轻症诊断 "轻症诊断前缀" = ["J00", "J06"]
listDecl    : 'list' ident STRING? '=' expr ;
// define 住院(s: setl_d): bool = s.med_type = "21"
defineDecl  : 'define' ident '(' (defineParam (',' defineParam)*)? ')' (':' typeRef)? '=' expr ;
defineParam : ident ':' typeRef ;

// ---------------------------------------------------------------- rules
ruleDecl    : 'rule' STRING STRING? '{' ruleItem* '}' ;

ruleItem
    : ident ':' metaValues                                      # metaItem
    | 'scope' ident ('per' ident)?                              # scopeItem
    | 'peers' 'by' expr                                         # peersItem
    | 'param' ident typeRef '=' expr STRING?                    # paramItem
    | 'let' ident '=' expr                                      # letItem
    | 'for' 'each' ident (',' ident)? 'in' expr                 # forEachItem
    | 'when' expr                                               # whenItem
    | 'amount' expr                                             # amountItem
    | 'fund' expr                                               # fundItem
    | 'message' STRING                                          # messageItem
    | 'violating' expr                                          # violatingItem
    | 'involved' expr                                           # involvedItem
    | 'evidence' expr (',' expr)*                               # evidenceItem
    | testDecl                                                  # testItem
    ;

// Several values only where several are meant: texts (basis: "文号" "引文") or words separated by
// commas (tags: a, b). One word stands alone, so a misspelt keyword on the next line
// (`severity: low` then `scop line`) is not read as a second value.
metaValues  : metaValue+ | ident (',' ident)* ;
metaValue
    : DATE '..' DATE?                                           # dateRangeMeta
    | literal                                                   # literalMeta
    ;

// ---------------------------------------------------------------- rule tests
// test "超过限价" { given fee_list_d (feedetl_sn, pric) ("F1", 12.00)  expect hit "F1" }
testDecl    : 'test' STRING '{' testStep* '}' ;
testStep
    : 'given' ident '(' ident (',' ident)* ')' rowValues*        # givenStep
    | 'with' ident '=' signedLiteral                            # withStep
    | 'expect' 'hit' keyValue=testKey ('amount' amountValue=signedLiteral)? ('fund' fundValue=signedLiteral)?  # expectHitStep
    | 'expect' 'no' 'hit' testKey?                              # expectNoHitStep
    | 'expect' INT ('hits' | 'hit')                             # expectCountStep
    ;
rowValues   : '(' signedLiteral (',' signedLiteral)* ')' ;
// A key is a text in quotes; a bare word is read too, so the checker can say "put it in quotes".
testKey     : signedLiteral | ident ;
signedLiteral : MINUS='-'? literal ;

// ---------------------------------------------------------------- expressions
// Precedence, loosest first: if, or, and, not, predicates, + -, * /, unary -, postfix.
expr        : 'if' expr 'then' expr 'else' expr                 # ifExpr
            | orExpr                                            # plainExpr
            ;
orExpr      : andExpr ('or' andExpr)* ;
andExpr     : notExpr ('and' notExpr)* ;
notExpr     : 'not' notExpr                                     # notOp
            | predicate                                         # notPass
            ;
// The operator is decided after the left operand, on one token: an unfinished operand (a
// missing `)`) is then reported where it is, not as "no viable alternative" far away.
predicate   : additive predicateTail? ;
predicateTail
    : compOp additive                                           # compare
    | 'is' NOT='not'? 'null'                                    # isNull
    | NOT='not'? 'in' additive                                  # inSet
    | NOT='not'? 'between' additive 'and' additive              # between
    | 'starts' 'with' additive                                  # startsWith
    ;
compOp      : '=' | '!=' | '<' | '<=' | '>' | '>=' | '==' | '<>' ;
additive    : multiplicative (addOp multiplicative)* ;
addOp       : '+' | '-' ;
multiplicative : unary (mulOp unary)* ;
mulOp       : '*' | '/' ;
unary       : '-' unary                                         # negate
            | postfix                                           # unaryPass
            ;
postfix     : primary ('.' ident)* ;
primary
    : literal                                                   # literalExpr
    | ident '(' (callArg (',' callArg)*)? forPart? wherePart? byPart? ')'   # callExpr
    | ident                                                     # nameExpr
    | '(' expr ')'                                              # parenExpr
    | '[' (expr (',' expr)* ','?)? ']'                          # listExpr
    ;
// Aggregates are calls with a comprehension inside; the builder tells them apart:
//   sum(l.cnt for l in setl.lines where l.cnt > 1)    count(l in setl.lines)
//   groups(l in setl.lines by day: date(l.fee_ocur_time), code: l.med_list_codg)
forPart     : 'for' ident 'in' expr ;
wherePart   : 'where' expr ;
byPart      : 'by' groupKey (',' groupKey)* ;
groupKey    : ident ':' expr ;
callArg     : (ident ':')? expr ;

literal
    : INT | DECIMAL | PERCENT | STRING | DATE | DATETIME | 'true' | 'false' | 'null' ;

// Words that are keywords only inside a clause may still name things. Words that start a
// clause or an item (when, amount, fund, message, role, ...) may not: a clause left unfinished
// must not swallow the next one.
ident
    : ID | 'per' | 'by' | 'of' | 'hit' | 'hits' | 'no' | 'with' | 'starts' | 'on' | 'many'
    | 'required' | 'module' | 'each' ;

// ---------------------------------------------------------------- tokens
DATETIME    : DIGIT4 '-' DIGIT2 '-' DIGIT2 ('T' | ' ') DIGIT2 ':' DIGIT2 (':' DIGIT2)? ;
DATE        : DIGIT4 '-' DIGIT2 '-' DIGIT2 ;
PERCENT     : [0-9]+ ('.' [0-9]+)? '%' ;
DECIMAL     : [0-9]+ '.' [0-9]+ ;
INT         : [0-9]+ ;
// Any escape is lexed; the front end reports the ones that mean nothing (\d in "C:\data").
STRING      : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
ID          : [\p{L}_] [\p{L}\p{N}_]* ;

LINE_COMMENT : ('//' | '#') ~[\r\n]* -> channel(HIDDEN) ;
WS          : [ \t\r\n\u00A0\u3000\uFEFF]+ -> channel(HIDDEN) ;

// Full-width punctuation typed by a Chinese input method; the front end reports it with the
// ASCII character to use instead, rather than a generic syntax error.
// “中文引号” around a text: read as a text, after an error that asks for ASCII quotes.
FULLWIDTH_STRING : '\u201C' ~[\u201D\r\n"]* '\u201D' ;
FULLWIDTH   : [\uFF01-\uFF5E\u201C\u201D\u3010\u3011\u3002\u3001] ;
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '\\'? ;
UNKNOWN_CHAR : . ;

fragment DIGIT4 : [0-9][0-9][0-9][0-9] ;
fragment DIGIT2 : [0-9][0-9] ;
