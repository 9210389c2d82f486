// ANTLR adapter: runs the generated lexer and parser, turns lexical and syntax errors into our
// own diagnostics (with recovery), and hands the tree to AstBuilder.
#include "syntax/parser.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "FundGuardLexer.h"
#include "FundGuardParser.h"
#include "antlr4-runtime.h"
#include "syntax/ast_builder.h"

namespace fundguard {

using fundguard_grammar::FundGuardLexer;
using fundguard_grammar::FundGuardParser;

namespace {

// Full-width characters that Chinese input methods produce, and the ASCII token they stand for.
struct FullWidth {
  char32_t cp;
  const char* ascii;
};

std::string describeToken(antlr4::Token* token) {
  if (token->getType() == antlr4::Token::EOF) return "end of file";
  std::string text = token->getText();
  if (utf8::length(text) > 40) text = utf8::prefix(text, 37) + "...";
  return fmt::format("`{}`", text);
}

// Rewrites ANTLR's "{'when', 'amount', ID}" into a readable list for policy staff.
std::string readableExpected(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocab) {
  std::vector<std::string> names;
  for (ssize_t t : expected.toList()) {
    if (t == static_cast<ssize_t>(antlr4::Token::EOF)) {
      names.push_back("end of file");
      continue;
    }
    std::string name = vocab.getLiteralName(static_cast<size_t>(t));
    if (!name.empty()) {
      names.push_back("`" + name.substr(1, name.size() - 2) + "`");
    } else {
      std::string sym = vocab.getSymbolicName(static_cast<size_t>(t));
      if (sym == "ID")
        names.push_back("a name");
      else if (sym == "STRING")
        names.push_back("a \"text\"");
      else if (sym == "INT" || sym == "DECIMAL" || sym == "PERCENT")
        names.push_back("a number");
      else if (sym == "DATE" || sym == "DATETIME")
        names.push_back("a date");
      else if (sym == "FULLWIDTH" || sym == "UNTERMINATED_STRING" || sym == "UNKNOWN_CHAR")
        continue;
      else
        names.push_back(sym);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (names.empty()) return {};
  if (names.size() > 8) return {};  // a long list helps nobody: the message names what was found
  std::string out = "expected ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(DiagnosticSink& diags, uint32_t fileId, std::set<size_t>& linesWithErrors)
      : diags_(diags), fileId_(fileId), linesWithErrors_(linesWithErrors) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t,
                   const std::string& antlrMessage, std::exception_ptr) override {
    // One error per line: the first is the one that explains; the rest are its echoes.
    if (!linesWithErrors_.insert(line).second) return;
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    Span span{fileId_, static_cast<uint32_t>(offending->getStartIndex()),
              static_cast<uint32_t>(offending->getStopIndex() + 1)};
    if (offending->getType() == antlr4::Token::EOF) span.end = span.begin;
    std::string expected;
    if (parser) expected = readableExpected(parser->getExpectedTokens(), parser->getVocabulary());
    std::string message;
    std::string hint;
    std::string fixReplacement;
    if (antlrMessage.rfind("missing ", 0) == 0) {
      // ANTLR says "missing ')' at 'amount'": name the missing token in our words.
      std::string what = antlrMessage.substr(8, antlrMessage.rfind(" at ") - 8);
      if (what.size() >= 2 && what.front() == '\'' && what.back() == '\'') {
        message = fmt::format("`{}` is missing before {}", what.substr(1, what.size() - 2), describeToken(offending));
      } else {  // several tokens would do: ANTLR gives a set, which we word ourselves
        message = fmt::format("something is missing before {}", describeToken(offending));
        if (!expected.empty()) message += fmt::format("; {}", expected);
      }
    } else {
      message = fmt::format("unexpected {}", describeToken(offending));
      if (!expected.empty()) message += fmt::format("; {}", expected);
    }
    // `source:` left without a value takes the next line's key as its value, and the parser
    // stumbles on that key's `:`. Name the key that lacks a value instead.
    if (parser && offending->getText() == ":" &&
        dynamic_cast<FundGuardParser::RuleDeclContext*>(parser->getContext()) != nullptr) {
      antlr4::Token* twoBack = parser->getTokenStream()->LT(-2);
      antlr4::Token* threeBack = parser->getTokenStream()->LT(-3);
      if (twoBack && threeBack && twoBack->getText() == ":" && threeBack->getType() == FundGuardLexer::ID) {
        span = Span{fileId_, static_cast<uint32_t>(threeBack->getStartIndex()),
                    static_cast<uint32_t>(threeBack->getStopIndex() + 1)};
        message = fmt::format("`{}:` has no value", threeBack->getText());
        hint = fmt::format("write its value after the colon, e.g. `{}: \"...\"`", threeBack->getText());
      }
    }
    // A keyword where a name belongs: `let key = 1`.
    std::string literal = parser ? parser->getVocabulary().getLiteralName(offending->getType()) : std::string();
    bool keyword = literal.size() > 2 && std::isalpha(static_cast<unsigned char>(literal[1]));
    static const std::set<std::string> kDeclarers = {"let",  "param", "each", "define", "list",
                                                     "dict", "table", "link", "role"};
    antlr4::Token* before = parser ? parser->getTokenStream()->LT(-1) : nullptr;
    // Where a name is expected (after `let`, or as a column of a table) but not the keyword itself.
    bool nameExpected = parser && parser->getExpectedTokens().contains(static_cast<size_t>(FundGuardLexer::ID)) &&
                        !parser->getExpectedTokens().contains(offending->getType());
    bool afterOperator = before && (before->getText() == "and" || before->getText() == "or" ||
                                    before->getText() == "not" || before->getText() == "=");
    bool columnStart = before && (before->getType() == FundGuardLexer::STRING || before->getText() == "{" ||
                                  before->getText() == "key" || before->getText() == "required");
    if (keyword && before && nameExpected && !afterOperator && (kDeclarers.count(before->getText()) || columnStart)) {
      message =
          fmt::format("`{}` is a keyword of the rule language and cannot be used as a name", offending->getText());
      hint = "choose another name, e.g. in Chinese";
    }
    static const std::set<std::string> kTopLevel = {"rule", "table", "dict", "define", "list", "import"};
    if (parser && kTopLevel.count(offending->getText()) &&
        parser->getExpectedTokens().contains(parser->getTokenType("'}'"))) {
      message = fmt::format("`}}` is missing before `{}`: the block above is not closed", offending->getText());
      hint = "end each rule, table and dict with `}`";
    }
    if (offending->getType() == antlr4::Token::EOF) hint = "is a closing `}` or `)` missing?";
    if (parser) {
      antlr4::Token* prev = parser->getTokenStream()->LT(-1);
      static const std::set<std::string> kOperators = {"and", "or", "not",     "+",    "-",    "*",   "/",
                                                       "=",   "==", "!=",      "<>",   "<",    "<=",  ">",
                                                       ">=",  "in", "between", "with", "then", "else"};
      if (prev && kOperators.count(prev->getText()) && offending->getLine() > prev->getLine())
        hint = fmt::format("the line before ends with `{}`: the expression is unfinished", prev->getText());
      if (prev && prev->getText() == "=" && offending->getText() == ">") hint = "did you mean `>=`?";
      if (prev && prev->getText() == "=" && offending->getText() == "<") hint = "did you mean `<=`?";
    }
    // A word followed by something other than `:` where a clause may start: most often a
    // misspelt keyword (`whne`), which the grammar can only read as the start of `key: value`.
    if (parser && expected == "expected `:`") {
      antlr4::Token* prev = parser->getTokenStream()->LT(-1);
      if (prev && prev->getType() == FundGuardLexer::ID) {
        static const std::vector<std::string> kClauseWords = {
            "when", "amount",   "fund",      "message",  "let",   "param", "scope",  "for",
            "test", "evidence", "violating", "involved", "peers", "given", "expect", "with"};
        std::string word = prev->getText();
        std::string guess = closestMatch(word, kClauseWords);
        std::string lower = word;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower != word && std::find(kClauseWords.begin(), kClauseWords.end(), lower) != kClauseWords.end())
          guess = lower;  // keywords are lower case: `When` -> `when`
        span = Span{fileId_, static_cast<uint32_t>(prev->getStartIndex()),
                    static_cast<uint32_t>(prev->getStopIndex() + 1)};
        message = fmt::format("`{}` is not a keyword here", word);
        if (std::string op = operatorMeant(word); !op.empty()) {
          message = fmt::format("`{}` is not a word of the rule language", word);
          guess = op;
        }
        antlr4::Token* twoBack = parser->getTokenStream()->LT(-2);
        bool secondWord = twoBack && (twoBack->getType() == FundGuardLexer::ID || twoBack->getText() == ",");
        hint = !guess.empty() ? fmt::format("did you mean `{}`?", guess)
               : secondWord
                   ? std::string("several words after a metadata key are separated by `,`: `tags: a, b`")
                   : fmt::format("metadata is written `{}: value`; clauses start with a keyword such as `when`", word);
        if (!guess.empty()) fixReplacement = guess;
      }
    } else if (offending->getType() == FundGuardLexer::ID && antlrMessage.find("'='") != std::string::npos)
      hint = "a `let`, `param` or list needs `=` between its name and its value";
    auto& d = diags_.report(DiagCode::FG0010, span, message, hint);
    if (!fixReplacement.empty()) d.fix(span, fixReplacement);
  }

 private:
  DiagnosticSink& diags_;
  uint32_t fileId_;
  std::set<size_t>& linesWithErrors_;
};

// A character as a reader can see it: invisible ones (zero-width space, control characters)
// by their code point.
std::string visibleCharacter(const std::string& text) {
  size_t i = 0;
  bool ok;
  char32_t cp = utf8::decode(text, i, ok);
  bool invisible = cp < 0x20 || cp == 0x7F || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
                   (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0xFFFD;
  return invisible ? fmt::format("U+{:04X} (invisible)", static_cast<uint32_t>(cp)) : fmt::format("`{}`", text);
}

// Reports lexical problems and repairs the token stream so that parsing goes on sensibly:
// full-width punctuation becomes its ASCII token, other bad characters are hidden.
void repairTokens(antlr4::CommonTokenStream& tokens, const antlr4::dfa::Vocabulary& vocab, uint32_t fileId,
                  DiagnosticSink& diags, std::set<size_t>& linesWithErrors, std::vector<uint32_t>& repairedAt) {
  // U+FF01..U+FF5E are the full-width twins of ASCII '!'..'~'; the rest are CJK punctuation.
  static const FullWidth kOtherFullWidth[] = {{U'\u201C', "\""}, {U'\u201D', "\""}, {U'\u3010', "["},
                                              {U'\u3011', "]"},  {U'\u3002', "."},  {U'\u3001', ","}};
  auto typeOf = [&](const char* ascii) -> size_t {
    std::string quoted = std::string("'") + ascii + "'";
    for (size_t t = 1; t <= vocab.getMaxTokenType(); ++t)
      if (vocab.getLiteralName(t) == quoted) return t;
    return 0;
  };
  for (antlr4::Token* token : tokens.getTokens()) {
    auto* common = dynamic_cast<antlr4::CommonToken*>(token);
    if (!common) continue;
    Span span{fileId, static_cast<uint32_t>(token->getStartIndex()), static_cast<uint32_t>(token->getStopIndex() + 1)};
    switch (token->getType()) {
      case FundGuardLexer::FULLWIDTH: {
        std::string text = token->getText();
        size_t i = 0;
        bool ok;
        char32_t cp = utf8::decode(text, i, ok);
        std::string asciiText;
        if (cp >= 0xFF01 && cp <= 0xFF5E) asciiText = std::string(1, static_cast<char>(cp - 0xFEE0));
        for (const auto& fw : kOtherFullWidth)
          if (fw.cp == cp) asciiText = fw.ascii;
        if (asciiText == ";") asciiText.clear();  // statements need no separator: just remove it
        const char* ascii = asciiText.c_str();
        auto& fullWidth = diags.report(
            DiagCode::FG0003, span, fmt::format("full-width `{}` is not part of the rule language", text),
            asciiText.empty()
                ? std::string("remove it: clauses need no `;` between them")
                : fmt::format(
                      "type the half-width (ASCII) `{}` instead; switch the input method to English punctuation",
                      ascii));
        fullWidth.fix(span, asciiText);
        size_t type = typeOf(ascii);
        // Mapped to its ASCII token, the clause parses as meant and is checked as usual; a
        // character that had to be dropped leaves a clause that is not what was meant.
        if (type != 0) {
          common->setType(type);
        } else {
          common->setChannel(antlr4::Token::HIDDEN_CHANNEL);
          if (!asciiText.empty()) repairedAt.push_back(static_cast<uint32_t>(token->getStartIndex()));
        }
        linesWithErrors.insert(token->getLine());
        break;
      }
      case FundGuardLexer::FULLWIDTH_STRING: {
        std::string text = token->getText();
        // Strip the 3-byte “ and ” and read what is between as an ordinary text.
        std::string inner = text.substr(3, text.size() - 6);
        diags
            .report(DiagCode::FG0003, span, "full-width quotes “…” around a text",
                    "write the text between ASCII quotes: \"" + inner + "\"")
            .fix(span, "\"" + inner + "\"");
        common->setType(FundGuardLexer::STRING);
        common->setText("\"" + inner + "\"");
        linesWithErrors.insert(token->getLine());
        break;
      }
      case FundGuardLexer::UNTERMINATED_STRING:
        diags.report(DiagCode::FG0004, span, "this text has no closing `\"`",
                     "end the text on the same line with `\"`; write \\\" for a quote inside it");
        common->setType(FundGuardLexer::STRING);
        common->setText(token->getText() + "\"");
        linesWithErrors.insert(token->getLine());
        repairedAt.push_back(static_cast<uint32_t>(token->getStartIndex()));
        break;
      case FundGuardLexer::STRING: {
        // Escapes: \" \\ \n \t and \{ \} (for braces in messages). Any other is a mistake,
        // most often a Windows path: reported, and read as the character itself.
        std::string text = token->getText();
        uint32_t at = static_cast<uint32_t>(token->getStartIndex());
        size_t i = 0;
        for (uint32_t ch = 0; i < text.size(); ++ch) {
          bool ok;
          size_t start = i;
          char32_t cp = utf8::decode(text, i, ok);
          if (cp != '\\' || i >= text.size()) continue;
          char next = text[i];
          if (std::string("\"\\nt{}").find(next) == std::string::npos) {
            std::string seq = text.substr(start, 1) + utf8::prefix(std::string_view(text).substr(i), 1);
            diags.report(DiagCode::FG0012, Span{fileId, at + ch, at + ch + 2},
                         fmt::format("unknown escape `{}` in a text", seq),
                         "write \\\\ for a backslash; the escapes are \\\" \\\\ \\n \\t \\{ \\}");
          }
          utf8::decode(text, i, ok);  // the escaped character
          ++ch;
        }
        continue;
      }
      case FundGuardLexer::UNKNOWN_CHAR:
        diags.report(DiagCode::FG0005, span, fmt::format("unexpected character {}", visibleCharacter(token->getText())),
                     "remove it, or put it inside a \"text\"");
        common->setChannel(antlr4::Token::HIDDEN_CHANNEL);
        linesWithErrors.insert(token->getLine());
        repairedAt.push_back(static_cast<uint32_t>(token->getStartIndex()));
        break;
      default:
        break;
    }
  }
}

// Recursive descent (ANTLR's and ours) needs stack in proportion to nesting. No real rule nests
// deeply; a file that does is refused with a diagnostic instead of overflowing the stack.
constexpr int kMaxNesting = 200;

bool nestingWithinLimits(antlr4::CommonTokenStream& tokens, uint32_t fileId, DiagnosticSink& diags) {
  // `else if` chains nest too: count the `if`s of one clause (a clause keyword starts afresh).
  static const std::set<std::string> kClauseStarts = {"let",      "when",     "amount", "fund", "message",
                                                      "param",    "define",   "list",   "for",  "violating",
                                                      "involved", "evidence", "peers",  "rule", "test"};
  int depth = 0, unaryRun = 0, ifs = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    std::string text = token->getText();
    if (text == "(" || text == "[" || text == "{") ++depth;
    if (text == ")" || text == "]" || text == "}") depth = std::max(0, depth - 1);
    unaryRun = (text == "not" || text == "-") ? unaryRun + 1 : 0;
    ifs = kClauseStarts.count(text) ? 0 : ifs + (text == "if");
    if (depth > kMaxNesting || unaryRun > kMaxNesting || ifs > kMaxNesting) {
      Span span{fileId, static_cast<uint32_t>(token->getStartIndex()),
                static_cast<uint32_t>(token->getStopIndex() + 1)};
      diags.report(DiagCode::FG0010, span,
                   ifs > kMaxNesting ? fmt::format("more than {} `if` in one clause", kMaxNesting)
                                     : fmt::format("expression nested more than {} deep", kMaxNesting),
                   "split it with `let`, or put the values in a named list or a table");
      return false;
    }
  }
  return true;
}

// The lexer must see valid UTF-8: invalid bytes become U+FFFD, one per byte, exactly as
// SourceFile counts them, so that positions stay aligned.
// ANTLR's input stream drops a leading byte-order mark, which SourceFile counts as a character:
// it becomes a space so that both count the same. (Notepad saves UTF-8 with a BOM.)
std::string sanitizedText(const SourceFile& file) {
  std::string out;
  const std::string& text = file.text();
  if (file.validUtf8()) {
    out = text;
  } else {
    for (size_t i = 0; i < text.size();) {
      bool ok;
      utf8::append(out, utf8::decode(text, i, ok));
    }
  }
  if (out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.replace(0, 3, " ");
  return out;
}

}  // namespace

std::string operatorMeant(const std::string& word) {
  static const std::map<std::string, std::string> kWords = {
      {"AND", "and"}, {"And", "and"}, {"OR", "or"},    {"Or", "or"},    {"NOT", "not"},
      {"Not", "not"}, {"IN", "in"},   {"并且", "and"}, {"而且", "and"}, {"且", "and"},
      {"或者", "or"}, {"或", "or"},   {"不是", "not"}, {"非", "not"},   {"在", "in"}};
  auto it = kWords.find(word);
  return it == kWords.end() ? std::string() : it->second;
}

std::string unescapeString(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      char c = raw[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += raw[i];
    }
  }
  return out;
}

std::unique_ptr<ast::File> parseFile(const SourceManager& sources, uint32_t fileId, DiagnosticSink& diags) {
  const SourceFile& file = sources.file(fileId);
  if (!file.validUtf8()) {
    uint32_t at = file.charOffsetOfByte(file.firstInvalidByte());
    diags.report(DiagCode::FG0002, Span{fileId, at, at + 1},
                 "this file is not saved as UTF-8 (perhaps GBK); it is not checked further",
                 "save it as UTF-8: in Notepad, 另存为 -> 编码 UTF-8");
    // Everything after would be noise about characters the encoding garbled.
    auto empty = std::make_unique<ast::File>();
    empty->fileId = fileId;
    return empty;
  }
  antlr4::ANTLRInputStream input(sanitizedText(file));
  FundGuardLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();

  std::set<size_t> linesWithErrors;
  std::vector<uint32_t> repairedAt;  // where the token stream was repaired after a lexical error
  repairTokens(tokens, lexer.getVocabulary(), fileId, diags, linesWithErrors, repairedAt);

  if (!nestingWithinLimits(tokens, fileId, diags)) {
    auto empty = std::make_unique<ast::File>();
    empty->fileId = fileId;
    return empty;
  }

  FundGuardParser parser(&tokens);
  parser.removeErrorListeners();
  SyntaxErrorListener listener(diags, fileId, linesWithErrors);
  parser.addErrorListener(&listener);
  FundGuardParser::File_Context* tree = parser.file_();

  AstBuilder builder(fileId, diags);
  auto ast = builder.build(tree);
  // A rule repaired by the lexer counts as having syntax errors, like one the parser repaired.
  for (auto& rule : ast->rules)
    for (uint32_t at : repairedAt) {
      if (at < rule.span.begin || at >= rule.span.end) continue;
      rule.syntaxErrors = true;
      for (auto& clause : rule.clauses)
        if (at >= clause.span.begin && at < clause.span.end) clause.repaired = true;
    }
  return ast;
}

}  // namespace fundguard
