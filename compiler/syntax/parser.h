// The front door of the syntax layer: source text in, AST and syntax diagnostics out.
// ANTLR is used behind this function only; nothing it returns mentions ANTLR.
#pragma once

#include <memory>

#include "diag/diagnostic.h"
#include "syntax/ast.h"

namespace fundguard {

// Lexes and parses one file of `sources`. Always returns a File: with syntax errors it holds
// what could be recovered, so the checker can still report errors in the parts that parsed.
std::unique_ptr<ast::File> parseFile(const SourceManager& sources, uint32_t fileId, DiagnosticSink& diags);

// The operator a word that is not one most likely means: "AND" -> "and", "并且" -> "and";
// empty when it is not such a word.
std::string operatorMeant(const std::string& word);

// Replaces the characters of a string literal's escapes (\" \\ \n \t \{ \}) by what they mean.
std::string unescapeString(std::string_view quotedOrRaw);

}  // namespace fundguard
