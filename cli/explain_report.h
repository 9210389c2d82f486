// How `fundguard explain` shows an Explanation (engine/explanation.h): as text for a reviewer,
// with Chinese and English labels (or one of them), or as JSON with the same content.
#pragma once

#include <ostream>

#include "engine/explanation.h"

namespace fundguard::cli {

enum class Lang { Both, Zh, En };

void writeExplanationText(std::ostream& out, const engine::Explanation& e, Lang lang);
void writeExplanationJson(std::ostream& out, const engine::Explanation& e);

}  // namespace fundguard::cli
