// See thread_runtime.h.
#include "jit/thread_runtime.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "data/scalar_values.h"
#include "support/utf8_chars.h"

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

void Arena::release(int64_t mark) {
  block_ = static_cast<size_t>(mark >> 40);
  used_ = static_cast<size_t>(mark & ((int64_t{1} << 40) - 1));
}

void Arena::reset() {
  block_ = 0;
  used_ = 0;
}

ThreadRuntime::ThreadRuntime(const engine::BoundData& bound, const CompiledRules& compiled)
    : data(bound), code(compiled), texts(bound.dataset().strings) {
  const ir::RuleSet& set = bound.set();
  undecided.assign(set.rules.size(), 0);
  for (const codegen::LookupSite& site : compiled.layout().lookups)
    lookups_.push_back(bound.index(site.table, site.columns));
  links_.resize(set.tables.size());
  for (size_t t = 0; t < set.tables.size(); ++t)
    for (const ir::LinkRef& link : set.tables[t].links) links_[t].push_back(bound.index(link.target, link.theirs));
}

List* ThreadRuntime::newList(int64_t capacity) {
  auto* list = static_cast<List*>(arena->allocate(sizeof(List)));
  list->size = 0;
  list->capacity = capacity;
  list->cells = capacity ? static_cast<Cell*>(arena->allocate(sizeof(Cell) * static_cast<size_t>(capacity))) : nullptr;
  return list;
}

void ThreadRuntime::push(List* list, Cell cell) {
  if (list->size == list->capacity) {
    int64_t capacity = std::max<int64_t>(8, list->capacity * 2);
    auto* cells = static_cast<Cell*>(arena->allocate(sizeof(Cell) * static_cast<size_t>(capacity)));
    if (list->size) std::memcpy(cells, list->cells, sizeof(Cell) * static_cast<size_t>(list->size));
    list->cells = cells;
    list->capacity = capacity;
  }
  list->cells[list->size++] = cell;
}

int64_t ThreadRuntime::prefix(int64_t text, int64_t chars) {
  bool cacheable = chars >= 0 && chars < 256 && text >= 0;
  uint64_t key = static_cast<uint64_t>(text) << 8 | static_cast<uint64_t>(chars & 0xFF);
  if (cacheable)
    if (auto found = prefixes_.find(key); found != prefixes_.end()) return found->second;
  int64_t id = texts.id(utf8Prefix(texts.text(text), chars));
  if (cacheable) prefixes_.emplace(key, id);
  return id;
}

// Cached by day (1970 to 2149): month() is asked for every fee line by some rules.
int64_t ThreadRuntime::monthText(int64_t day) {
  bool cacheable = day >= 0 && day < 65536;
  if (cacheable && static_cast<size_t>(day) < months_.size() && months_[static_cast<size_t>(day)] >= 0)
    return months_[static_cast<size_t>(day)];
  int y;
  unsigned m, d;
  civilFromDays(static_cast<int32_t>(day), y, m, d);
  int64_t index = day;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
  int64_t id = texts.id(buf);
  if (cacheable) {
    if (months_.size() <= static_cast<size_t>(index)) months_.resize(static_cast<size_t>(index) + 1, -1);
    months_[static_cast<size_t>(index)] = id;
  }
  return id;
}

int64_t ThreadRuntime::label(int64_t dict, int64_t codeId) {
  uint64_t key = static_cast<uint64_t>(dict) << 40 ^ static_cast<uint64_t>(codeId);
  if (auto found = labels_.find(key); found != labels_.end()) return found->second;
  int64_t id = codeId;
  const auto& dicts = data.set().dicts;
  if (static_cast<size_t>(dict) < dicts.size()) {
    const auto& labels = dicts[static_cast<size_t>(dict)].labels;
    auto found = labels.find(std::string(texts.text(codeId)));
    if (found != labels.end()) id = texts.id(found->second);
  }
  labels_.emplace(key, id);
  return id;
}

List* ThreadRuntime::listOf(RowSpan rows) {
  List* list = newList(static_cast<int64_t>(rows.size()));
  for (uint32_t r : rows) list->cells[list->size++] = Cell{r, 1};
  return list;
}

}  // namespace fundguard::jit
