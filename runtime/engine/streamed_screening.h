// Screening when the fee lines do not fit in memory: the loader reads the fee-line file in
// batches that keep each settlement's lines together (io/dataset_loader.h, StreamedTable), and
// this screens each batch with the line rules and the claim rules of the settlements it holds.
// Memory is then bounded by the settlements, the reference tables and one batch. After the last
// batch, the claims without lines are screened, and the person and institution rules that do not
// read fee lines run over the settlements; those that do are skipped and say why. The hits of
// the rules that ran are the same as an in-memory run's, in the same order.
#pragma once

#include <string>
#include <vector>

#include "engine/screening.h"

namespace fundguard::engine {

class StreamedScreening {
 public:
  StreamedScreening(const ir::RuleSet& set, ScreeningOptions options);

  // One batch: the dataset's fee-line table holds it. False (with `error`) when the batch cannot
  // be screened: bad parameters, or lines of a settlement already screened in an earlier batch
  // (the file is not grouped by settlement).
  bool batch(Dataset& data, std::string& error);
  // After the last batch; the fee-line table may be absent.
  ScreeningResult finish(Dataset& data);
  size_t batches() const { return batches_; }

 private:
  void merge(ScreeningResult& part);

  const ir::RuleSet& set_;
  ScreeningOptions options_;
  ScreeningResult result_;
  std::vector<bool> screened_;  // per settlement row: its lines were in a batch
  size_t batches_ = 0;
};

}  // namespace fundguard::engine
