//===- TextEdits.h - Statement-level edits in file text -------------------===//
//
// The single-VMA rewrites replace statements, insert new ones and delete
// declarations. These helpers compute the file text ranges for that, refusing
// (with a reason) whenever a statement is not written plainly in one file.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_TEXTEDITS_H
#define GUP_MATCHERS_TEXTEDITS_H

#include "SourceText.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/Support/Error.h"

#include <string>

namespace clang {
class DeclStmt;
class LangOptions;
class SourceManager;
class Stmt;
class VarDecl;
} // namespace clang

namespace gup {

class EditContext {
public:
  EditContext(const clang::SourceManager &SM, const clang::LangOptions &LO)
      : SM(SM), LO(LO) {}

  /// The file text of \p S (all its tokens), or why there is none.
  llvm::Expected<clang::CharSourceRange> rangeOf(const clang::Stmt *S) const;
  llvm::Expected<clang::CharSourceRange> rangeOf(clang::SourceRange R) const;
  /// The text of a file range.
  llvm::StringRef text(clang::CharSourceRange R) const;
  /// Like rangeOf() but extended over the ';' that ends a statement.
  llvm::Expected<clang::CharSourceRange> statementRange(const clang::Stmt *S) const;

  /// The whitespace that starts the line holding \p Loc.
  std::string indentOf(clang::SourceLocation Loc) const;
  /// Columns used by \p Text on a line, tabs counting to the next multiple of 8.
  static unsigned columns(llvm::StringRef Text, unsigned Start = 0);

  /// Replaces \p R with \p Text.
  TextEdit replace(clang::CharSourceRange R, llvm::StringRef Text) const;
  /// Inserts \p Text at \p Loc.
  TextEdit insert(clang::SourceLocation Loc, llvm::StringRef Text) const;

  /// Removes the statement \p S. When it is alone on its line(s), the lines
  /// go too, with the comment lines right above it, and a blank line that
  /// would be left doubled (or right after '{') goes as well.
  llvm::Expected<TextEdit> removeStatement(const clang::Stmt *S) const;
  /// Removes [\p Begin, \p End) of \p File the way removeStatement() does
  /// (whole lines when nothing else is on them).
  TextEdit removeText(clang::FileID File, unsigned Begin, unsigned End) const;
  /// Removes the consecutive statements \p First ... \p Last of one block,
  /// and everything between them, the same way.
  llvm::Expected<TextEdit> removeStatements(const clang::Stmt *First,
                                            const clang::Stmt *Last) const;

  /// Removes \p Var from its declaration: the whole declaration when it is
  /// the only variable declared there, else just its declarator and comma.
  llvm::Expected<TextEdit> removeVariable(const clang::VarDecl *Var,
                                          const clang::DeclStmt *Decl) const;

  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
};

/// A call `Name(Args...)` laid out like the kernel does: on one line when it
/// fits in 100 columns after \p Prefix (the text before it on its line),
/// otherwise broken after commas with continuation lines aligned to the
/// opening parenthesis (tabs, then spaces).
std::string formatCall(llvm::StringRef Prefix, llvm::StringRef Name,
                       llvm::ArrayRef<std::string> Args);

} // namespace gup

#endif
