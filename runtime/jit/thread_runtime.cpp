// See thread_runtime.h.
#include "jit/thread_runtime.h"

#include <algorithm>
#include <cstring>

#include "jit/compiled_rules.h"

namespace fundguard::jit {

void* Arena::allocate(size_t bytes) {
  bytes = (bytes + 15) & ~size_t{15};
  while (block_ < blocks_.size() && used_ + bytes > sizes_[block_]) {
    ++block_;
    used_ = 0;
  }
  if (block_ == blocks_.size()) {
    size_t size = std::max<size_t>(bytes, size_t{1} << 16);
    blocks_.push_back(std::make_unique<char[]>(size));
    sizes_.push_back(size);
    used_ = 0;
  }
  void* at = blocks_[block_].get() + used_;
  used_ += bytes;
  return at;
}

void Arena::reset() {
  block_ = 0;
  used_ = 0;
}

ThreadRuntime::ThreadRuntime(const engine::BoundData& bound, const CompiledRules& compiled)
    : data(bound), code(compiled), texts(bound.dataset().strings) {
  const ir::RuleSet& set = bound.set();
  for (const codegen::LookupSite& site : compiled.layout().lookups)
    lookups_.push_back(bound.index(site.table, site.columns));
  links_.resize(set.tables.size());
  for (size_t t = 0; t < set.tables.size(); ++t)
    for (const ir::LinkRef& link : set.tables[t].links) links_[t].push_back(bound.index(link.target, link.theirs));
}

List* ThreadRuntime::newList(int64_t capacity) {
  auto* list = static_cast<List*>(arena.allocate(sizeof(List)));
  list->size = 0;
  list->capacity = capacity;
  list->cells = capacity ? static_cast<Cell*>(arena.allocate(sizeof(Cell) * static_cast<size_t>(capacity))) : nullptr;
  return list;
}

void ThreadRuntime::push(List* list, Cell cell) {
  if (list->size == list->capacity) {
    int64_t capacity = std::max<int64_t>(8, list->capacity * 2);
    auto* cells = static_cast<Cell*>(arena.allocate(sizeof(Cell) * static_cast<size_t>(capacity)));
    if (list->size) std::memcpy(cells, list->cells, sizeof(Cell) * static_cast<size_t>(list->size));
    list->cells = cells;
    list->capacity = capacity;
  }
  list->cells[list->size++] = cell;
}

List* ThreadRuntime::listOf(const std::vector<uint32_t>* rows) {
  if (!rows) return newList(0);
  List* list = newList(static_cast<int64_t>(rows->size()));
  for (uint32_t r : *rows) list->cells[list->size++] = Cell{r, 1};
  return list;
}

}  // namespace fundguard::jit
