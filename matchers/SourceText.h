//===- SourceText.h - Where a list of arguments is written ----------------===//
//
// Clang Transformer drops an edit without a word when its range touches a
// macro expansion. Kernel code is full of them (NULL itself is a macro), so
// gup-rewrite never edits through AST ranges directly: it finds the one file
// buffer where a call's (or prototype's) parenthesised list is written, lexes
// that text, and proves that the AST node being removed is exactly one
// comma-separated item of it. Anything else is an explained failure that the
// caller turns into a visible diagnostic.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_SOURCETEXT_H
#define GUP_MATCHERS_SOURCETEXT_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <string>

namespace clang {
class CallExpr;
class FunctionDecl;
class LangOptions;
class SourceManager;
} // namespace clang

namespace gup {

/// A replacement of a range of file text.
struct TextEdit {
  clang::CharSourceRange Range; // always file locations, one FileID
  std::string Replacement;
  /// --compat=guard only: the whole lines (statements, or a #define) that a
  /// version test around this edit encloses. Invalid when not guarded.
  clang::CharSourceRange Guard = {};
};

/// A parenthesised, comma-separated list as written in one file buffer
/// (offsets are into that buffer).
struct ListSpelling {
  clang::FileID File;
  unsigned LParen = 0;
  unsigned RParen = 0;
  struct Item {
    unsigned Begin;     // first token
    unsigned End;       // end of last token
    unsigned LastToken; // start of last token
    unsigned TrailEnd;  // end of trailing comments before the delimiter
    unsigned Comma = ~0u; // the ',' that ends it (~0u: the list's ')')
  };
  llvm::SmallVector<Item, 8> Items;
  /// True when the list is written inside a #define body.
  bool InMacroBody = false;
  /// True when preprocessor directives (#if/#else/#endif) are written
  /// inside the list; their lines are not part of any item.
  bool HasDirectives = false;
};

/// The argument list of \p Call as written, or an error saying why it cannot
/// be located in a single buffer.
llvm::Expected<ListSpelling> spellCallArguments(const clang::CallExpr &Call,
                                                const clang::SourceManager &SM,
                                                const clang::LangOptions &LO);

/// The list whose '(' is at \p LParen in \p File, up to its matching ')'
/// (for code the preprocessor skipped, which has no AST).
llvm::Expected<ListSpelling> spellListAt(clang::FileID File, unsigned LParen,
                                         const clang::SourceManager &SM,
                                         const clang::LangOptions &LO);

/// The parameter list of \p FD as written.
llvm::Expected<ListSpelling>
spellParameters(const clang::FunctionDecl &FD, const clang::SourceManager &SM,
                const clang::LangOptions &LO);

/// Checks that the source range [Begin, End] (token locations, possibly in
/// macros) is written as exactly item \p Index of \p List.
llvm::Error checkItemIs(const ListSpelling &List, unsigned Index,
                        clang::SourceLocation Begin, clang::SourceLocation End,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

/// The failure of an edit whose text is at every use of a macro: the value
/// is passed in through one of its parameters.
llvm::Error passedThroughMacroParameter();

/// The edit that removes item \p Index and the comma that separates it from
/// its neighbour, keeping the layout of the other items. It never removes a
/// directive line (#if lines inside the list): when every comma it could go
/// with is on the other side of one, the error says so.
llvm::Expected<TextEdit> removeItem(const ListSpelling &List, unsigned Index,
                                    const clang::SourceManager &SM);

/// With #if lines inside the list: checks that the branch holding item
/// \p Index, in each group of the list around it, is the branch kernels
/// from 6.5 on compile (so that editing it edits their code). A group whose
/// test is not the kernel version alone is an error: which branch 6.5
/// compiles is not known.
llvm::Error checkItemIsForNewKernels(const ListSpelling &List, unsigned Index,
                                     const clang::SourceManager &SM);

/// With #if lines inside the list: checks that the items this build
/// compiles are the ones kernels from 6.5 on compile, every group of the
/// list decided, so that a call rebuilt from them is right there.
llvm::Error checkItemsAreForNewKernels(const ListSpelling &List,
                                       const clang::SourceManager &SM);

/// The text of item \p Index.
llvm::StringRef itemText(const ListSpelling &List, unsigned Index,
                         const clang::SourceManager &SM);

/// The name of the outermost macro whose expansion produced \p Loc, or "".
std::string expandingMacroName(clang::SourceLocation Loc,
                               const clang::SourceManager &SM,
                               const clang::LangOptions &LO);

} // namespace gup

#endif
