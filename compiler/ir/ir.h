// The FundGuard IR: what a rule set computes, with every name resolved, every operation typed
// and every missing value explicit. Lowering (compiler/lower) builds it from the checked AST; the
// interpreter (runtime/interp) and the LLVM code generator run it; `fundguard ir` prints it
// (ir_printer.h). Nothing of the AST or ANTLR is reachable from here. docs/ir.md describes it.
//
// A rule is a tree of nodes per clause (lets, for each, when, amount, fund, ...), evaluated over
// a frame of slots: the scope fills its slots (line, setl, ...), each `let` stores its value in
// its slot, loops and aggregates bind their element to a slot. Nodes live in the rule's arena.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/column.h"
#include "ir/ir_type.h"

namespace fundguard::ir {

enum class Op : uint8_t {
#define IR_NODE(Name, printed, meaning) Name,
#include "ir/ir_nodes.def"
#undef IR_NODE
};
const char* opName(Op op);

// The functions that Call, Aggregate, Ordered and Peer nodes name.
enum class Fn : uint8_t {
  None,
  // scalar built-ins (Call)
  Prefix,
  DateOf,
  Month,
  Year,
  Days,
  AgeAt,
  Abs,
  Round,
  Len,
  IntOf,
  Label,
  Contains,
  // aggregates (Aggregate)
  Count,
  Sum,
  Min,
  Max,
  Avg,
  Median,
  Stddev,
  Distinct,
  Share,
  Exists,
  All,
  Filter,
  First,
  Last,
  Flatten,
  Groups,
  // ordered (Ordered)
  Previous,
  Next,
  // peers (Peer)
  Zscore,
  PeerMean,
  PeerStddev,
  PeerMedian,
  Prior,
};
const char* fnName(Fn fn);
Fn fnNamed(const std::string& name);  // Fn::None when unknown

struct SourceRange {
  uint32_t file = 0;
  uint32_t begin = 0, end = 0;  // character offsets in the file
};

struct Node {
  Op op = Op::Const;
  Type type;
  SourceRange span;
  std::vector<Node*> args;
  Fn fn = Fn::None;
  uint32_t index = 0;             // slot, parameter, link or group key number
  uint32_t table = 0;             // Field, Link, LinkMany, Lookup, RowsWhere: RuleSet::tables index
  uint32_t column = 0;            // Field
  std::vector<uint32_t> columns;  // RowsWhere: the columns compared with args
  // Const
  bool isNull = false;
  int64_t imm = 0;   // scalar value, in the representation of runtime/data/column.h
  std::string text;  // str and code constants
};

struct LinkRef {
  std::string name;
  uint32_t target = 0;
  bool many = false;
  std::vector<uint32_t> ours, theirs;  // column indexes joined, in order
};

struct TableRef {
  TableLayout layout;
  std::vector<uint32_t> key;  // primary key columns
  std::vector<LinkRef> links;
  std::string label;
  int linkIndex(const std::string& name) const;  // -1 when the table has no such link
};

struct DictRef {
  std::string name;
  std::map<std::string, std::string> labels;  // code -> label
};

struct GroupLayout {
  std::vector<std::pair<std::string, Type>> keys;
  Type element;  // the type of the grouped elements
};

enum class ScopeKind : uint8_t { Line, Claim, Person, Institution };
enum class Period : uint8_t { None, Month, Quarter, Year };
const char* scopeName(ScopeKind scope);
const char* periodName(Period period);

struct Slot {
  std::string name;
  Type type;
};

struct Param {
  std::string name;
  Type type;
  std::string label;
  Node* defaultValue = nullptr;  // a constant expression
};

struct Let {
  uint32_t slot = 0;
  Node* value = nullptr;
};

struct MessagePart {
  std::string text;       // literal text, escapes resolved
  Node* value = nullptr;  // or a hole
};

struct Evidence {
  std::string name;  // as written in the rule
  Node* value = nullptr;
};

struct Rule {
  std::string id, title, category, kind, severity, file;
  std::string basisDocument;             // document number and article
  std::vector<std::string> basisQuotes;  // verbatim quotes from it
  int version = 0;
  int32_t effectiveFrom = INT32_MIN, effectiveTo = INT32_MAX;  // days; open ends are the extremes
  SourceRange span;

  ScopeKind scope = ScopeKind::Line;
  Period period = Period::None;
  std::vector<Slot> slots;           // the frame
  std::vector<uint32_t> scopeSlots;  // the scope's names, in the order of scopeSlotNames(scope)
  std::vector<Param> params;
  std::vector<Let> lets;  // before `for each`: once per subject
  // `for each x in source` (pairs: `for each x, y in source`): the rest runs per element.
  Node* forEach = nullptr;
  uint32_t forEachSlot = 0, forEachSecond = 0;
  bool forEachPairs = false;
  std::vector<Let> loopLets;  // after `for each`: once per element
  Node* peersBy = nullptr;
  Node* when = nullptr;
  Node* amount = nullptr;
  Node* fund = nullptr;
  Node* violating = nullptr;
  Node* involved = nullptr;
  std::vector<MessagePart> message;
  std::vector<Evidence> evidence;

  std::vector<std::unique_ptr<Node>> arena;
  Node* make(Op op, Type type, SourceRange at);
};

// The names a scope gives its rules, in slot order.
const std::vector<const char*>& scopeSlotNames(ScopeKind scope);

struct RuleSet {
  std::vector<TableRef> tables;
  std::vector<DictRef> dicts;
  std::vector<GroupLayout> groups;
  // Tables playing the roles the scopes need (-1: none), and the links the scopes follow.
  int settlementTable = -1, feeLineTable = -1, personTable = -1, institutionTable = -1;
  int lineToSettlement = -1;       // link of the fee-line table: its settlement
  int settlementLines = -1;        // link of the settlement table: its lines
  int settlementPerson = -1;       // link of the settlement table: its person
  int settlementInstitution = -1;  // link of the settlement table: its institution
  std::vector<Rule> rules;

  int tableIndex(const std::string& name) const;
};

}  // namespace fundguard::ir
