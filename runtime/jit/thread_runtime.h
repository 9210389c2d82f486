// What the helpers of generated code (compiler/codegen/jit_helpers.def) work with on one thread:
// the bound data and its indexes, the texts the rules compute, an arena for the lists and groups
// of the subject being screened, the hits found (as candidates: rule, subject, element) and the
// peer statistics of the institution rule running.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "codegen/jit_abi.h"
#include "engine/bound_data.h"
#include "interp/text_table.h"

namespace fundguard::jit {

class CompiledRules;
class JitPeers;

struct Candidate {
  uint32_t rule;
  int64_t subject, element, second;  // element, second: -1 outside `for each` (pairs)
};

// A bump allocator: everything of one subject is freed at once by reset(), everything since a
// mark() by release(mark).
class Arena {
 public:
  void* allocate(size_t bytes);
  void reset();
  int64_t mark() const { return static_cast<int64_t>(block_) << 40 | static_cast<int64_t>(used_); }
  void release(int64_t mark);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<size_t> sizes_;
  size_t block_ = 0, used_ = 0;
};

class ThreadRuntime {
 public:
  ThreadRuntime(const engine::BoundData& data, const CompiledRules& code);

  const engine::BoundData& data;
  const CompiledRules& code;
  interp::TextTable texts;
  Arena scratch;            // the lists of the subject (or `for each` element) being screened
  Arena kept;               // lists that outlive it: institution frames, peers' `for each` lists
  Arena* arena = &scratch;  // where the helpers allocate now
  std::vector<Candidate> candidates;
  std::vector<uint64_t> undecided;  // per rule of the set: decisions whose condition was unknown
  JitPeers* peers = nullptr;        // while an institution rule's second pass runs

  const KeyIndex* lookup(size_t id) const { return lookups_[id]; }
  const KeyIndex* link(uint32_t table, uint32_t link) const { return links_[table][link]; }
  List* newList(int64_t capacity);
  void push(List* list, Cell cell);
  List* listOf(RowSpan rows);
  int64_t monthText(int64_t day);               // the id of the text YYYY-MM of a day (cached)
  int64_t label(int64_t dict, int64_t codeId);  // label(code) of a dictionary (cached)
  int64_t prefix(int64_t text, int64_t chars);  // the first characters of a text (cached)

 private:
  std::vector<const KeyIndex*> lookups_;
  std::vector<std::vector<const KeyIndex*>> links_;
  std::vector<int64_t> months_;                     // text ids of YYYY-MM by day since 1970 (-1: not made yet)
  std::unordered_map<uint64_t, int64_t> labels_;    // (dictionary, code) -> label
  std::unordered_map<uint64_t, int64_t> prefixes_;  // (text, characters) -> prefix
};

}  // namespace fundguard::jit
