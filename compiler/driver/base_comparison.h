// `fundguard check --base`: the rules compared with an earlier version of the rule set. A rule
// whose logic changed (its content hash, ir/rule_hash.h) while its version stayed the same or
// went down is reported (FG4015): hits and reports name a rule by id and version, so two logics
// under one version could not be told apart. `fundguard diff` fails on the same condition.
#pragma once

#include "driver/check.h"

namespace fundguard {

// Adds FG4015 warnings to `current` for its rules (of the named files, checked without errors)
// that have a rule of the same id in `base` with other logic and a version not lower. Both
// results must be free of errors.
void reportUnchangedVersions(const CheckResult& base, CheckResult& current);

}  // namespace fundguard
